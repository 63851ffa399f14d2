"""Load benchmark of the room server (issue 14), on loopback only and bounded in time.

60 simulated participants type wordings at human speed (about five characters a second, a pause
between two phrases) into the wording step, and each sends a version to the facilitator, while
60 others cast their secret votes (an answer per objective and their dots, one action every
half-second or so). The server runs in a child process, as `facilitator room` would, on a copy of
the demo session with the 120 participants already joined.

Prints, for each measure, p50 and p95 in milliseconds: keystroke → lexical feedback, end of a
phrase → full-pass feedback (including the server's pause before it), vote → acknowledgement;
then what was lost (keystrokes without feedback, phrases without a full pass, votes and versions
missing from the saved session) and the server's peak memory. Goals on the 2-core machine:
lexical p95 ≤ 100 ms, full pass p95 ≤ 1.5 s, nothing lost.

    python3 bench/bench_room.py [--typists 60] [--voters 60] [--seconds 90]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from facilitator.demo import demo_session
from facilitator.store import SessionStore
from facilitator.web import security
from facilitator.workshop import Workshop, create_session
from facilitator.workshop.participants import RoomState

CODE = "BENCH2"
PHRASES = (
    ("Réduire de 20 à 5 minutes le temps moyen de recherche", " d'un document qualité d'ici juin"),
    ("Faire passer de 60 % à 90 % la part des lots", " libérés sans retard d'ici fin 2026"),
    ("Améliorer la satisfaction des pharmaciens", " en divisant par deux les ruptures de stock"),
)
SUPERSEDED = -1.0
KEYSTROKE_SECONDS = 0.2
PAUSE_SECONDS = 1.2


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(folder: Path, typists: int, voters: int) -> tuple[str, list[str], list[str]]:
    """The demo session with the room open on the wording and the vote, and everyone joined;
    returns (session id, typists' tokens, voters' tokens)."""
    store = SessionStore(folder)
    session = create_session(store, demo_session())
    workshop = Workshop(store, session.id)
    workshop.hide_votes()
    workshop.open_room(CODE, step_id="objectives", allow_new=True)
    workshop.open_step_to_participants("priority-vote")
    tokens = [security.new_token() for _ in range(typists + voters)]
    for n, token in enumerate(tokens):
        workshop.join_room_as_new(CODE, f"Participant {n}", security.token_hash(token), "fr")
    return session.id, tokens[:typists], tokens[typists:]


def serve(folder: str, session_id: str, port: int) -> None:
    """The child process: the room server, its engine loaded before it says `ready`."""
    from aiohttp import web

    from facilitator.web.server import RoomServer

    server = RoomServer(SessionStore(folder), session_id)

    async def main() -> None:
        await server.coach.warm_up(["fr"])
        runner = web.AppRunner(server.app())
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        print("ready", flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


class Device:
    def __init__(self, port: int, token: str) -> None:
        self.url = f"http://127.0.0.1:{port}"
        jar = aiohttp.CookieJar(unsafe=True)
        jar.update_cookies({security.TOKEN_COOKIE: token}, aiohttp.helpers.URL(self.url))
        self.http = aiohttp.ClientSession(cookie_jar=jar)
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.waiting: dict[tuple[str, int], asyncio.Future[float]] = {}
        self.state: dict[str, Any] = {}

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(f"{self.url}/ws", headers={"Origin": self.url})
        asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for message in self.ws:
            data = json.loads(message.data)
            if data["type"] == "state":
                self.state = data
                continue
            key = (
                ("coach-" + data["tier"], data["seq"])
                if data["type"] == "coach"
                else ("ack", data.get("ref"))
            )
            future = self.waiting.pop(key, None)
            if future is not None and not future.done():
                future.set_result(time.perf_counter())
            if key[0] == "coach-lexical":
                self._supersede(key[1])

    def _supersede(self, seq: int) -> None:
        """Feedback on keystroke `seq` answers the keystrokes before it still waiting: the
        server drops a result that a newer keystroke made stale (`SUPERSEDED`)."""
        for key in [k for k in self.waiting if k[0] == "coach-lexical" and k[1] < seq]:
            self.waiting.pop(key).set_result(SUPERSEDED)

    def expect(self, kind: str, number: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[(kind, number)] = future
        return future

    async def send(self, message: dict[str, Any]) -> None:
        assert self.ws is not None
        await self.ws.send_json(message)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        await self.http.close()


async def wait(future: asyncio.Future[float], timeout: float) -> float | None:
    try:
        return await asyncio.wait_for(future, timeout)
    except TimeoutError:
        return None


async def type_wording(device: Device, n: int, results: dict[str, list[Any]]) -> None:
    """Type two phrases key by key, pausing between them, then send the version."""
    first, second = PHRASES[n % len(PHRASES)]
    await asyncio.sleep(random.uniform(0, 2))
    text, seq, pending = "", 0, []
    for phrase in (first, second):
        full: asyncio.Future[float] | None = None
        for index, char in enumerate(phrase):
            text += char
            seq += 1
            last = index == len(phrase) - 1
            lexical = device.expect("coach-lexical", seq)
            full = device.expect("coach-full", seq) if last else None
            sent = time.perf_counter()
            await device.send(
                {"type": "draft", "seq": seq, "objective_id": "obj-ged", "text": text}
            )
            pending.append((sent, lexical))
            if not last:
                await asyncio.sleep(random.uniform(0.5, 1.5) * KEYSTROKE_SECONDS)
        assert full is not None
        done = await wait(full, 10)
        results["full"].append(None if done is None else done - sent)
        await asyncio.sleep(PAUSE_SECONDS)
    for sent, lexical in pending:
        done = await wait(lexical, 5)
        if done == SUPERSEDED:
            results["superseded"].append(1)
        else:
            results["lexical"].append(None if done is None else done - sent)
    ack, sent = device.expect("ack", 1), time.perf_counter()
    await device.send(
        {"type": "propose", "ref": 1, "objective_id": "obj-ged", "kr_id": None, "text": text}
    )
    done = await wait(ack, 15)
    results["proposed"].append(None if done is None else done - sent)


async def vote(device: Device, results: dict[str, list[Any]]) -> None:
    """An answer per objective, then the dots, at a human pace."""
    await asyncio.sleep(random.uniform(0, 2))
    ballots = device.state.get("vote", {}).get("ballots", [])
    actions: list[dict[str, Any]] = [
        {"type": "priority", "objective_id": b["id"], "answer": random.choice(("yes", "no"))}
        for b in ballots
    ]
    actions += [
        {"type": "dots", "objective_id": random.choice(ballots)["id"], "delta": 1}
        for _ in range(device.state.get("vote", {}).get("dots_left", 0))
    ]
    for ref, action in enumerate(actions, start=1):
        sent = time.perf_counter()
        ack = device.expect("ack", ref)
        await device.send({**action, "ref": ref})
        done = await wait(ack, 10)
        results["vote"].append(None if done is None else done - sent)
        await asyncio.sleep(random.uniform(0.3, 0.8))


async def run(port: int, typists: list[str], voters: list[str], seconds: float) -> dict[str, Any]:
    results: dict[str, list[Any]] = {
        "lexical": [],
        "superseded": [],
        "full": [],
        "vote": [],
        "proposed": [],
    }
    devices = [Device(port, token) for token in typists + voters]
    await asyncio.gather(*(d.connect() for d in devices))
    await asyncio.sleep(1.0)  # every device has its first state
    work = [type_wording(d, n, results) for n, d in enumerate(devices[: len(typists)])]
    work += [vote(d, results) for d in devices[len(typists) :]]
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*work), seconds)
    elapsed = time.perf_counter() - started
    await asyncio.gather(*(d.close() for d in devices))
    return {"results": results, "elapsed": elapsed}


def peak_memory(pid: int) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return line.split(":", 1)[1].strip()
    return "?"


def report(name: str, values: list[float | None]) -> None:
    got = [v * 1000 for v in values if v is not None]
    lost = len(values) - len(got)
    print(
        f"{name:<28} n={len(values):>5}  p50={percentile(got, 0.5):7.1f} ms"
        f"  p95={percentile(got, 0.95):7.1f} ms  max={max(got, default=0):7.1f} ms  lost={lost}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--typists", type=int, default=60)
    parser.add_argument("--voters", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=90.0, help="stop after this long")
    parser.add_argument("--serve", nargs=3, metavar=("FOLDER", "SESSION", "PORT"))
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], args.serve[1], int(args.serve[2]))
        return
    random.seed(14)
    with tempfile.TemporaryDirectory() as folder:
        session_id, typists, voters = prepare(Path(folder), args.typists, args.voters)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        child = subprocess.Popen(
            [sys.executable, __file__, "--serve", folder, session_id, str(port)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            outcome = asyncio.run(run(port, typists, voters, args.seconds))
            memory = peak_memory(child.pid)
        finally:
            child.terminate()
            child.wait(timeout=10)
        session = SessionStore(folder).load(session_id)
        results = outcome["results"]
        print(f"{args.typists} typing, {args.voters} voting, {outcome['elapsed']:.1f} s")
        report("keystroke → lexical", results["lexical"])
        superseded = len(results["superseded"])
        print(f"keystrokes whose feedback a newer keystroke made stale: {superseded}")
        report("phrase end → full pass", results["full"])
        report("vote → acknowledged", results["vote"])
        report("version sent → acknowledged", results["proposed"])
        acked = sum(1 for v in results["vote"] if v is not None)
        ballots = sum(len(v.priority) + sum(v.dots.values()) for v in session.votes.values())
        voters_ids = {pid for pid in RoomState.of(session).devices}
        demo_ballots = sum(
            sum(1 for p in v.priority if p not in voters_ids)
            + sum(d for p, d in v.dots.items() if p not in voters_ids)
            for v in session.votes.values()
        )
        proposed = len(RoomState.of(session).proposed)
        print(f"votes acknowledged {acked}, saved {ballots - demo_ballots}")
        print(f"versions sent {len(results['proposed'])}, saved {proposed}")
        print(f"server peak memory (VmHWM) {memory}")


if __name__ == "__main__":
    main()
