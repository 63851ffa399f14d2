"""The training room over HTTP and WebSocket, without a browser (issue 15, "New"): trainees join
with the code and their name, work an exercise with the live coach, take hints, reach the model
answer under the app's rules, and every attempt is in the trainer's store; the trainer's
dashboard, countdown, packs and debrief; and the room's defences (forged tokens and keys, script
injection, oversized messages)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from facilitator.training import load_pack
from facilitator.training.group import RoomFile
from facilitator.training.store import TrainingStore
from facilitator.web.coach import Coach
from facilitator.web.training_launch import prepare
from facilitator.web.training_server import TrainingServer

CODE = "TRN234"
KEY = "trainer-key-for-the-tests"
PACKS = [load_pack("fr-2-reformuler"), load_pack("fr-1-reperer")]


@pytest.fixture
def store(tmp_path: Path) -> TrainingStore:
    return TrainingStore(tmp_path / "training")


@pytest.fixture
async def server(store: TrainingStore, coach: Coach) -> TrainingServer:
    room = prepare(store, "Groupe A", ["fr-2-reformuler"], code=CODE)
    return TrainingServer(store, room, PACKS, KEY, coach=coach, pause_seconds=0.05)


@pytest.fixture
async def test_server(server: TrainingServer) -> AsyncIterator[TestServer]:
    running = TestServer(server.app())
    await running.start_server()
    yield running
    await running.close()


class Browser:
    """One device: its own cookies; `join` as a trainee, `trainer` with the trainer's key."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.origin = f"http://{client.host}:{client.port}"

    async def join(self, name: str, code: str = CODE) -> tuple[int, Any]:
        page = await (await self.client.get("/")).text()
        found = re.search(r'id="csrf" value="([^"]+)"', page)
        assert found is not None
        body = {"csrf": found.group(1), "code": code, "name": name}
        response = await self.client.post("/api/join", json=body, headers={"Origin": self.origin})
        return response.status, await response.json()

    async def socket(self, path: str = "/ws") -> ClientWebSocketResponse:
        return await self.client.ws_connect(path, headers={"Origin": self.origin})


@pytest.fixture
async def browsers(test_server: TestServer) -> AsyncIterator[Any]:
    made: list[TestClient] = []

    async def make() -> Browser:
        client = TestClient(test_server)
        await client.start_server()
        made.append(client)
        return Browser(client)

    yield make
    for client in made:
        await client._session.close()


async def until(ws: ClientWebSocketResponse, kind: str, test: Any = None) -> dict[str, Any]:
    """The next message of type `kind` (for which `test` holds)."""
    while True:
        message = await ws.receive_json(timeout=20)
        if message["type"] == kind and (test is None or test(message)):
            return message


async def test_a_trainee_joins_answers_with_the_coach_takes_a_hint_and_is_saved(
    browsers: Any, store: TrainingStore
):
    anne = await browsers()
    assert await anne.join("Anne Martin", code="ZZZ999") == (403, {"error": "bad_code"})
    assert (await anne.join("Anne Martin", code=CODE.lower()))[0] == 200
    ws = await anne.socket()
    state = await until(ws, "state")
    assert state["name"] == "Anne Martin" and state["group"] == "Groupe A"
    assert [e["key"] for e in state["exercises"]][:1] == ["fr-2-reformuler/verbe-vague"]
    exercise = state["exercise"]
    assert exercise["key"] == "fr-2-reformuler/verbe-vague" and exercise["criteria"]

    await ws.send_json({"type": "draft", "seq": 1, "text": "Améliorer la qualité"})
    lexical = await until(ws, "coach")
    assert lexical["tier"] == "lexical" and lexical["seq"] == 1
    full = await until(ws, "coach", lambda m: m["tier"] == "full")
    assert full["met"] == [False, False] and full["findings"]

    await ws.send_json({"type": "hint"})
    state = await until(ws, "state", lambda m: m["exercise"]["hints"])
    assert state["exercise"]["hints"] == [PACKS[0].exercises[0].hints[0]]
    await ws.send_json({"type": "reveal"})
    assert (await until(ws, "error"))["reason"] == "reveal_later"

    await ws.send_json({"type": "submit", "text": PACKS[0].exercises[0].model_answer})
    state = await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)
    assert state["exercise"]["last"]["passed"] is True
    assert state["exercise"]["model_answer"] == PACKS[0].exercises[0].model_answer
    assert state["exercises"][0]["status"] == "done"
    saved = store.load("Anne Martin", "Groupe A").progress("fr-2-reformuler", "verbe-vague")
    assert saved is not None and saved.done and saved.hints_used == 1
    impostor = await browsers()  # while Anne is connected, nobody else takes her name
    assert await impostor.join("anne  martin") == (403, {"error": "taken"})
    await ws.close()

    again = await anne.socket()  # a reconnect finds everything where it was
    state = await until(again, "state")
    assert state["exercise"]["attempts"] == 1 and state["exercise"]["last"]["passed"]
    await again.close()


async def test_the_model_answer_is_shown_after_the_packs_attempts_and_a_pass_after_counts_apart(
    browsers: Any, store: TrainingStore
):
    bob = await browsers()
    await bob.join("Bob")
    ws = await bob.socket()
    await until(ws, "state")
    for n, text in enumerate(("Améliorer la qualité", "Améliorer nos produits", "Mieux faire"), 1):
        await ws.send_json({"type": "submit", "text": text})
        await until(ws, "state", lambda m, n=n: m["exercise"]["attempts"] == n)
    await ws.send_json({"type": "reveal"})
    state = await until(ws, "state", lambda m: m["exercise"]["model_answer"])
    assert state["exercise"]["status"] == "revealed"
    await ws.send_json({"type": "submit", "text": PACKS[0].exercises[0].model_answer})
    state = await until(ws, "state", lambda m: m["exercise"]["attempts"] == 4)
    assert state["exercise"]["status"] == "done_after_reveal"
    entry = store.load("Bob", "Groupe A").progress("fr-2-reformuler", "verbe-vague")
    assert entry is not None and entry.passed_after_reveal
    await ws.close()


async def test_a_find_it_yourself_exercise_hides_criteria_and_coach_until_the_first_attempt(
    browsers: Any, server: TrainingServer
):
    server.room.packs = ["fr-1-reperer"]
    claire = await browsers()
    await claire.join("Claire")
    ws = await claire.socket()
    await until(ws, "state")
    key = "fr-1-reperer/trouver-et-corriger-kr"
    await ws.send_json({"type": "open", "key": key})
    state = await until(ws, "state", lambda m: m["current"] == key)
    assert state["exercise"]["coach_hidden"] and state["exercise"]["criteria"] == []
    await ws.send_json({"type": "draft", "seq": 1, "text": "Organiser 4 ateliers"})
    await ws.send_json({"type": "hint"})  # the next message is the hint's state, not a coach
    assert (await ws.receive_json(timeout=20))["type"] == "state"
    await ws.send_json({"type": "submit", "text": "Organiser 4 ateliers clients"})
    state = await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)
    assert not state["exercise"]["coach_hidden"] and state["exercise"]["criteria"]
    await ws.close()


async def test_a_choice_is_recorded_by_the_packs_index_in_the_trainees_own_order(
    browsers: Any, server: TrainingServer, store: TrainingStore
):
    server.room.packs = ["fr-1-reperer"]
    dan = await browsers()
    await dan.join("Dan")
    ws = await dan.socket()
    state = await until(ws, "state")
    exercise = PACKS[1].exercises[0]
    choices = state["exercise"]["choices"]
    assert sorted(c["index"] for c in choices) == list(range(len(exercise.choices)))
    await ws.send_json({"type": "choose", "index": exercise.correct_choice})
    state = await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)
    assert state["exercise"]["last"]["passed"] and state["exercise"]["last"]["choice"] == (
        exercise.correct_choice
    )
    saved = store.load("Dan", "Groupe A").progress(exercise.pack, exercise.id)
    assert saved is not None and saved.done and saved.last is not None
    assert saved.last.choice == exercise.correct_choice
    await ws.close()


async def test_the_trainers_dashboard_follows_the_group_and_runs_the_room(
    browsers: Any, server: TrainingServer
):
    trainer, anne = await browsers(), await browsers()
    assert (await trainer.client.get("/board")).status == 403
    response = await trainer.client.get("/trainer?key=forged", allow_redirects=False)
    assert response.status == 403
    response = await trainer.client.get(f"/trainer?key={KEY}", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == "/board"
    assert (await trainer.client.get("/board")).status == 200
    assert (await trainer.client.get("/wall")).status == 200
    assert (await trainer.client.get("/qr.svg")).content_type == "image/svg+xml"
    board = await trainer.socket("/board/ws")
    first = await until(board, "board")
    assert first["code"] == CODE and first["trainees"] == []

    await anne.join("Anne")
    ws = await anne.socket()
    await until(ws, "state")
    await ws.send_json({"type": "submit", "text": "Améliorer la qualité de nos produits"})
    seen = await until(board, "board", lambda m: m["trainees"] and m["trainees"][0]["attempts"])
    row = seen["trainees"][0]
    assert row["name"] == "Anne" and row["online"] and row["number"] == 1
    assert row["exercise"] == PACKS[0].exercises[0].title
    assert seen["mistakes"] and seen["mistakes"][0]["trainees"] == 1

    await board.send_json({"type": "countdown", "minutes": 5, "exercise": ""})
    state = await until(ws, "state", lambda m: m["countdown"])
    assert 290 <= state["countdown"]["left"] <= 300
    await board.send_json({"type": "countdown", "minutes": 999})
    assert (await until(board, "error"))["reason"] == "bad_minutes"

    key = PACKS[0].exercises[0].key
    await board.send_json({"type": "project", "key": key})
    seen = await until(board, "board", lambda m: m["debrief"])
    assert seen["debrief"]["answers"] == [
        {"text": "Améliorer la qualité de nos produits", "status": "open", "passed": False}
    ]
    assert "Anne" not in str(seen["debrief"])

    await board.send_json({"type": "packs", "ids": ["fr-1-reperer", "fr-2-reformuler"]})
    state = await until(ws, "state", lambda m: m["exercises"][0]["key"].startswith("fr-1"))
    assert len(state["exercises"]) == len(PACKS[0].exercises) + len(PACKS[1].exercises)
    await board.send_json({"type": "packs", "ids": ["no-such-pack"]})
    assert (await until(board, "error"))["reason"] == "invalid"
    await ws.close()
    await board.close()


async def test_a_restarted_room_keeps_its_code_its_devices_and_the_trainees_work(
    store: TrainingStore, server: TrainingServer, browsers: Any, coach: Coach
):
    anne = await browsers()
    await anne.join("Anne")
    saved = RoomFile(store, "Groupe A").load()
    assert saved is not None and saved.code == CODE and list(saved.devices.values()) == ["Anne"]
    again = prepare(store, "Groupe A")
    assert again.code == CODE and again.devices == saved.devices
    assert again.packs == ["fr-2-reformuler"]


async def test_forged_tokens_and_cross_site_requests_are_refused(browsers: Any):
    mallory = await browsers()
    mallory.client.session.cookie_jar.update_cookies({"training_token": "forged"})
    response = await mallory.client.get("/train", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == "/"
    with pytest.raises(Exception, match="401"):
        await mallory.socket()
    mallory.client.session.cookie_jar.update_cookies({"training_trainer": "forged"})
    with pytest.raises(Exception, match="403"):
        await mallory.socket("/board/ws")
    response = await mallory.client.post(
        "/api/join", json={"code": CODE, "name": "Eve"}, headers={"Origin": "http://evil.test"}
    )
    assert response.status == 403 and (await response.json()) == {"error": "origin"}
    response = await mallory.client.post(
        "/api/join", json={"code": CODE, "name": "Eve"}, headers={"Origin": mallory.origin}
    )
    assert response.status == 403 and (await response.json()) == {"error": "csrf"}


async def test_a_name_with_markup_stays_text_and_oversized_messages_disconnect(
    browsers: Any, store: TrainingStore, server: TrainingServer
):
    server.room.group = '<script>alert("g")</script>'
    eve = await browsers()
    page = await (await eve.client.get("/")).text()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "script-src 'self'" in (await eve.client.get("/")).headers["Content-Security-Policy"]
    name = '<img src=x onerror="alert(1)">'
    assert (await eve.join(name))[0] == 200
    ws = await eve.socket()
    state = await until(ws, "state")
    assert state["name"] == name  # data for textContent, never markup
    page = await (await eve.client.get("/train")).text()
    assert "onerror" not in page
    await ws.send_str("{not json")
    assert (await until(ws, "error"))["reason"] == "invalid"
    await ws.send_json({"type": "submit", "text": "x" * 3000})
    assert (await until(ws, "error"))["reason"] == "invalid"
    await ws.send_str("x" * 20_000)
    closing = await ws.receive(timeout=10)
    while closing.type == WSMsgType.TEXT:
        closing = await ws.receive(timeout=10)
    assert closing.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING, WSMsgType.ERROR)


async def test_eight_trainees_answering_at_once_are_all_saved_and_on_the_dashboard(
    browsers: Any, store: TrainingStore
):
    names = [f"Manager {n}" for n in range(1, 9)]
    sockets = []
    for name in names:
        device = await browsers()
        assert (await device.join(name))[0] == 200
        ws = await device.socket()
        await until(ws, "state")
        sockets.append(ws)
    await asyncio.gather(
        *(
            ws.send_json({"type": "submit", "text": f"Améliorer la qualité {n}"})
            for n, ws in enumerate(sockets)
        )
    )
    for ws in sockets:
        await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)
    trainees, problems = store.trainees("Groupe A")
    assert problems == [] and sorted(t.name for t in trainees) == names
    assert all(t.attempts == 1 for t in trainees)
    for ws in sockets:
        await ws.close()


async def test_the_trainer_reads_what_a_trainee_wrote_latest_first_as_plain_data(
    browsers: Any, server: TrainingServer
):
    trainer, anne = await browsers(), await browsers()
    await trainer.client.get(f"/trainer?key={KEY}")
    board = await trainer.socket("/board/ws")
    await until(board, "board")
    await anne.join("Anne")
    ws = await anne.socket()
    await until(ws, "state")
    exercise = PACKS[0].exercises[0]
    markup = '<b onclick="x()">Améliorer</b> la qualité'
    await ws.send_json({"type": "hint"})
    await ws.send_json({"type": "submit", "text": markup})
    await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)
    await ws.send_json({"type": "submit", "text": exercise.model_answer})
    await until(ws, "state", lambda m: m["exercise"]["attempts"] == 2)

    await board.send_json({"type": "answers", "name": "Anne"})
    answers = await until(board, "answers")
    assert answers["name"] == "Anne"
    (worked,) = answers["exercises"]
    assert worked["key"] == exercise.key and worked["label"] == exercise.title
    assert worked["status"] == "done" and worked["hints"] == 1
    texts = [(a["text"], a["passed"]) for a in worked["attempts"]]
    assert texts == [(exercise.model_answer, True), (markup, False)]  # latest first, as typed
    assert worked["attempts"][1]["total"] == len(exercise.criteria)
    assert not any(a["after_reveal"] for a in worked["attempts"])

    await board.send_json({"type": "answers", "name": "Nobody"})  # not in the room
    assert (await until(board, "error"))["reason"] == "invalid"
    await ws.close()
    await board.close()


async def test_a_trainee_removed_from_the_room_is_let_out_and_keeps_their_progress(
    browsers: Any, server: TrainingServer, store: TrainingStore
):
    trainer, anne, bob = await browsers(), await browsers(), await browsers()
    await trainer.client.get(f"/trainer?key={KEY}")
    board = await trainer.socket("/board/ws")
    await until(board, "board")
    await anne.join("Anne")
    await bob.join("Bob")
    ws = await anne.socket()
    await until(ws, "state")
    await ws.send_json({"type": "submit", "text": "Améliorer la qualité"})
    await until(ws, "state", lambda m: m["exercise"]["attempts"] == 1)

    # Bob's device cannot remove Anne: his socket knows no such message, the board refuses him.
    bob_ws = await bob.socket()
    await until(bob_ws, "state")
    await bob_ws.send_json({"type": "remove", "name": "Anne"})
    assert (await until(bob_ws, "error"))["reason"] == "invalid"
    with pytest.raises(Exception, match="403"):
        await bob.socket("/board/ws")
    assert "Anne" in server.room.devices.values()

    await board.send_json({"type": "remove", "name": "Anne"})
    assert (await until(ws, "error"))["reason"] == "closed"
    seen = await until(board, "board", lambda m: [r["name"] for r in m["trainees"]] == ["Bob"])
    assert seen["trainees"][0]["name"] == "Bob"
    response = await anne.client.get("/train", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == "/"
    with pytest.raises(Exception, match="401"):
        await anne.socket()
    saved = RoomFile(store, "Groupe A").load()
    assert saved is not None and list(saved.devices.values()) == ["Bob"]
    assert len(store.load("Anne", "Groupe A").exercises) == 1  # her work stays in the reports

    await board.send_json({"type": "remove", "name": "Anne"})  # no longer there
    assert (await until(board, "error"))["reason"] == "invalid"
    assert (await anne.join("Anne"))[0] == 200  # with the code, she may come back to her work
    again = await anne.socket()
    assert (await until(again, "state"))["exercises"][0]["status"] == "open"
    for socket in (again, bob_ws, board):
        await socket.close()


async def test_a_forged_trainer_key_reads_no_answers_and_removes_nobody(
    browsers: Any, server: TrainingServer
):
    anne, mallory = await browsers(), await browsers()
    await anne.join("Anne")
    mallory.client.session.cookie_jar.update_cookies({"training_trainer": KEY[:-1] + "X"})
    with pytest.raises(Exception, match="403"):
        await mallory.socket("/board/ws")
    trainer = await browsers()
    await trainer.client.get(f"/trainer?key={KEY}")
    with pytest.raises(Exception, match="403"):  # the trainer's cookie, from another site
        await trainer.client.ws_connect("/board/ws", headers={"Origin": "http://evil.test"})
    assert list(server.room.devices.values()) == ["Anne"]
