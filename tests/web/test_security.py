"""The room server's defences (issue 14, item 5), over HTTP and WebSocket without a browser:
wrong codes, rate limit, CSRF and origin, forged tokens, oversized requests and messages,
script injection, another participant's item, a closed room, no other session."""

from __future__ import annotations

import re

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from facilitator.demo import demo_session
from facilitator.store import SessionStore
from facilitator.web import pages, security
from facilitator.web.coach import Coach
from facilitator.web.server import RoomServer
from facilitator.workshop import Workshop, create_follow_up, create_session
from facilitator.workshops import session_template

from .devices import CODE, Device, reply


async def test_every_response_carries_a_strict_content_security_policy(client: TestClient):
    response = await client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    page = await response.text()
    assert "<script>" not in page and re.search(r"\son[a-z]+=", page) is None
    assert response.headers["X-Frame-Options"] == "DENY"


async def test_a_right_code_lists_the_participants_and_a_wrong_one_is_refused(client: TestClient):
    device = Device(client)
    await device.open_join_page()
    status, answer = await device.post("/api/join/check", {"code": "abc234"})
    assert status == 200 and "Marc Lefort" in [p["name"] for p in answer["participants"]]
    assert await device.post("/api/join/check", {"code": "ZZZ999"}) == (
        403,
        {"error": "bad_code", "detail": ""},
    )


async def test_join_attempts_are_rate_limited(client: TestClient):
    device = Device(client)
    await device.open_join_page()
    statuses = [
        (await device.post("/api/join/check", {"code": f"WRONG{n}"}))[0]
        for n in range(security.JOIN_ATTEMPTS + 2)
    ]
    assert statuses[: security.JOIN_ATTEMPTS] == [403] * security.JOIN_ATTEMPTS
    assert statuses[-1] == 429


async def test_the_join_form_needs_its_csrf_token_and_the_same_origin(client: TestClient):
    device = Device(client)
    await device.open_join_page()
    device.csrf = "forged"
    status, answer = await device.post("/api/join", {"code": CODE, "participant": "ml"})
    assert (status, answer["error"]) == (403, "csrf")
    await device.open_join_page()
    status, answer = await device.post(
        "/api/join", {"code": CODE, "participant": "ml"}, Origin="http://evil.example"
    )
    assert (status, answer["error"]) == (403, "origin")


async def test_a_forged_token_opens_no_room_and_no_socket(client: TestClient):
    client.session.cookie_jar.update_cookies({security.TOKEN_COOKIE: "forged"})
    response = await client.get("/room", allow_redirects=False)
    assert response.status == 302
    device = Device(client)
    with pytest.raises(Exception, match="401"):
        await client.ws_connect("/ws", headers={"Origin": device.origin})


async def test_a_socket_from_another_origin_is_refused(client: TestClient):
    device = Device(client)
    assert (await device.join("ml"))[0] == 200
    with pytest.raises(Exception, match="403"):
        await client.ws_connect("/ws", headers={"Origin": "http://evil.example"})


async def test_oversized_requests_and_messages_are_refused(client: TestClient):
    device = Device(client)
    await device.open_join_page()
    big = "x" * (security.MAX_REQUEST_BYTES + 1)
    response = await client.post(
        "/api/join", data=big, headers={"Origin": device.origin, "Content-Type": "text/plain"}
    )
    assert response.status == 413
    assert (await device.join("ml"))[0] == 200
    ws = await device.connect()
    await ws.send_json({"type": "card", "text": "x" * (security.MAX_TEXT_CHARS + 1), "ref": 1})
    assert (await reply(ws))["reason"] == "invalid"
    await ws.send_str('{"type": "card", "text": "' + "x" * security.MAX_MESSAGE_BYTES + '"}')
    assert (await ws.receive(timeout=10)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)


async def test_script_in_every_text_field_is_stored_as_text_and_escaped_in_pages(
    client: TestClient, server: RoomServer
):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    device = Device(client)
    assert (await device.join("ml"))[0] == 200
    ws = await device.connect()
    await ws.send_json({"type": "card", "text": attack, "ref": 1})
    assert (await reply(ws))["type"] == "ok"
    assert attack in [p.text for p in server.workshop.reload().proposals]
    page = pages.render("join.html", "fr", {"csrf": attack, "lang": attack})
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    for name in ("room.js", "join.js"):
        script = (pages.STATIC / name).read_text(encoding="utf-8")
        assert "innerHTML" not in script and "insertAdjacentHTML" not in script


async def test_a_participant_cannot_edit_another_participants_card(
    client: TestClient, server: RoomServer
):
    marc, karim = Device(client), Device(client)
    assert (await marc.join("ml"))[0] == 200
    ws_marc = await marc.connect()
    await ws_marc.send_json({"type": "card", "text": "L'idée de Marc", "ref": 1})
    await reply(ws_marc)
    card = next(p.id for p in server.workshop.session.proposals if p.text == "L'idée de Marc")
    client.session.cookie_jar.clear()
    assert (await karim.join("kb"))[0] == 200
    ws_karim = await karim.connect()
    await ws_karim.send_json({"type": "edit_card", "id": card, "text": "Changé", "ref": 2})
    assert (await reply(ws_karim))["reason"] == "not_yours"


async def test_a_participant_grades_their_own_key_results_only_and_nothing_but_a_grade(
    store: SessionStore, workshop: Workshop, coach: Coach
):
    retro = create_follow_up(store, workshop.session_id, session_template("retrospective"))
    Workshop(store, retro.id).open_room(CODE, step_id="grading")
    server = RoomServer(store, retro.id, coach=coach, poll_seconds=0.05)
    client = TestClient(TestServer(server.app()))
    await client.start_server()
    try:
        device = Device(client)
        assert (await device.join("sm"))[0] == 200
        ws = await device.connect()
        own = [kr.id for _, kr in retro.key_results() if kr.owner == "sm"]
        other = next(kr.id for _, kr in retro.key_results() if kr.owner not in ("sm", ""))
        refused = {
            (other, "0,9"): "not_yours",
            (own[0], "1,5"): "invalid",
            (own[0], "<script>alert(1)</script>"): "invalid",
            (own[0], "0," + "5" * security.MAX_TEXT_CHARS): "invalid",
            (own[0], True): "invalid",
        }
        for ref, ((kr_id, grade), reason) in enumerate(refused.items()):
            await ws.send_json({"type": "grade", "kr_id": kr_id, "grade": grade, "ref": ref})
            answer = await reply(ws)
            assert answer.get("reason") == reason, (kr_id, grade, answer)
        await ws.send_json({"type": "grade", "kr_id": own[0], "grade": "0,7", "ref": 9})
        assert (await reply(ws))["type"] == "ok"
        saved = store.load(retro.id)
        assert saved.key_result(own[0]).grade == 0.7 and saved.key_result(other).grade is None
        while (state := await ws.receive_json(timeout=10))["type"] != "state":
            pass
        assert [kr["id"] for kr in state["grading"]["key_results"]] == own
    finally:
        await client.close()


async def test_ballots_are_never_sent_per_person(client: TestClient, server: RoomServer):
    server.workshop.open_step_to_participants("priority-vote")
    device = Device(client)
    assert (await device.join("pf"))[0] == 200
    ws = await device.connect()
    await ws.send_json({"type": "priority", "objective_id": "obj-ged", "answer": "no", "ref": 1})
    await reply(ws)
    server.workshop.reveal_votes()
    server.changed()
    while True:
        state = await ws.receive_json(timeout=10)
        if state["type"] == "state" and state["vote"]["revealed"]:
            break
    text = str(state)
    assert all(pid not in text for pid in ("'hv'", "'kb'", "'sm'", "'ml'"))
    assert state["vote"]["results"][0]["tally"].keys() == {"yes", "unsure", "no"}


async def test_a_closed_room_refuses_everything(client: TestClient, server: RoomServer):
    device = Device(client)
    assert (await device.join("ml"))[0] == 200
    ws = await device.connect()
    await server.call(server.workshop.close_room)
    server.changed()
    message = await ws.receive_json(timeout=10)
    assert message == {"type": "error", "reason": "closed"}
    assert (await client.get("/room", allow_redirects=False)).status == 302
    other = Device(client)
    assert (await other.join("kb"))[1]["error"] == "closed"


async def test_no_other_session_is_reachable(client: TestClient, store: SessionStore):
    other = demo_session()
    other.id = "another-session"
    create_session(store, other)
    Workshop(store, other.id).open_room("OTHER2", step_id="brainstorm")
    device = Device(client)
    status, answer = await device.join("ml", code="OTHER2")
    assert (status, answer["error"]) == (403, "bad_code")
    for path in ("/another-session", "/api/another-session", "/static/../store.py"):
        assert (await client.get(path)).status == 404
