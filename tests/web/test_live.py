"""A device's live conversation with the room server (`live`): the coach's two tiers on one
draft, many devices acting at once with nothing lost, review and retrospective entries."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from aiohttp import ClientWebSocketResponse
from aiohttp.test_utils import TestClient, TestServer

from facilitator.store import SessionStore
from facilitator.web.coach import Coach, Draft
from facilitator.web.server import RoomServer
from facilitator.workshop import Workshop, create_from_template
from facilitator.workshops import session_template

from .devices import CODE, Device, reply


async def _device(client: TestClient, participant: str) -> Device:
    """A device of its own (its own cookies) on the same server, joined as `participant`."""
    own = TestClient(client.server)
    await own.start_server()  # already started: this only opens a session of its own
    device = Device(own)
    status, _ = await device.join(participant)
    assert status == 200
    return device


async def test_a_draft_gets_lexical_feedback_then_the_full_pass_after_a_pause(
    client: TestClient, server: RoomServer
):
    server.workshop.open_step_to_participants("objectives")
    device = Device(client)
    await device.join("ml")
    ws = await device.connect()
    draft = {"type": "draft", "objective_id": "obj-ged", "text": "Optimiser la GED"}
    await ws.send_json({**draft, "seq": 1})
    tiers = []
    while len(tiers) < 2:
        message = await ws.receive_json(timeout=30)
        if message["type"] == "coach":
            tiers.append((message["seq"], message["tier"]))
            assert set(message["scores"]) == {"clarity", "ambition", "measurability", "overall"}
    assert tiers == [(1, "lexical"), (1, "full")]


async def test_many_devices_acting_at_once_lose_nothing(client: TestClient, server: RoomServer):
    people = ["hv", "ml", "ir", "kb", "sm", "tn", "ald", "jm", "ng"]
    devices = [await _device(client, pid) for pid in people]
    sockets = [await d.connect() for d in devices]
    for n, ws in enumerate(sockets):
        for k in range(3):
            await ws.send_json({"type": "card", "text": f"Carte {n}-{k}", "ref": k})

    async def answers(ws: ClientWebSocketResponse) -> list[str]:
        return [(await reply(ws))["type"] for _ in range(3)]

    assert await asyncio.gather(*(answers(ws) for ws in sockets)) == [["ok"] * 3] * len(people)
    texts = {p.text for p in server.workshop.reload().proposals}
    assert {f"Carte {n}-{k}" for n in range(len(people)) for k in range(3)} <= texts
    for ws in sockets:
        await ws.close()
    for device in devices:
        await device.client.session.close()


async def test_retrospective_lines_from_a_device_land_in_the_session(
    store: SessionStore, coach: Coach
):
    retro = create_from_template(store, session_template("retrospective"), "fr")
    workshop = Workshop(store, retro.id)
    marc = workshop.add_participant("Marc Lefort")
    step = next(s for s in retro.agenda if s.kind in ("retro", "retrospective"))
    workshop.open_room(CODE, step_id=step.id)
    client = TestClient(TestServer(RoomServer(store, retro.id, coach=coach).app()))
    await client.start_server()
    device = Device(client)
    await device.join(marc)
    ws = await device.connect()
    await ws.send_json({"type": "retro", "list": "worked", "text": "Le vote secret", "ref": 1})
    assert (await reply(ws))["type"] == "ok"
    await ws.send_json({"type": "retro", "list": "nope", "text": "x", "ref": 2})
    assert (await reply(ws))["reason"] == "invalid"
    assert store.load(retro.id).worked[-1] == "Le vote secret"
    await client.close()


def test_a_full_pass_after_the_room_restarts_is_not_stuck_behind_the_old_one():
    """A room server stopped while a full pass ran, then started again with the same coach (as
    the app does): the old loop's batch never settles, and the new drafts must not wait for it."""
    release = threading.Event()

    class SlowEngine:
        def assess_many(self, items: list[dict[str, Any]]) -> list[str]:
            release.wait(5)
            return [item["text"] for item in items]

    coach = Coach(SlowEngine())  # type: ignore[arg-type]
    draft = Draft("Réduire les délais", "objective", "fr")

    async def stopped_mid_pass() -> None:
        asyncio.get_running_loop().create_task(coach.full(draft))
        await asyncio.sleep(0.05)  # the room stops here, its batch still running

    asyncio.run(stopped_mid_pass())
    release.set()

    async def after_restart() -> Any:
        return await asyncio.wait_for(coach.full(Draft("Livrer à temps", "objective", "fr")), 5)

    try:
        assert asyncio.run(after_restart()) == "Livrer à temps"
    finally:
        coach.close()
