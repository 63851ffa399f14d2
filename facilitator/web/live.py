"""One participant's WebSocket: their state pushed on every change, their actions, their coach.

Messages are JSON objects with a `type`. The server sends `hello` (the page's texts in the
participant's language), `state` (`views.participant_view`, sent again only when it changed),
`coach` (an assessment of the draft numbered `seq`: lexical at once, full after a pause),
`ok` and `error` (with `ref`, the number the action came with, and a `reason` code).

The participant sends `draft` (for the coach) and the actions of `ACTIONS`, each run through
the workshop service in a worker thread. Every message is checked first: the device's token
still holds, the message is an object of a known type, its texts are strings of bounded length.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from facilitator.locales import texts
from facilitator.room import review
from facilitator.web import coach, security
from facilitator.web.views import participant_view
from facilitator.workshop import InvalidInput, WorkshopError
from facilitator.workshop.participants import RoomRefused

if TYPE_CHECKING:
    from facilitator.web.server import RoomServer

PAUSE_SECONDS = 0.5
"""The pause in typing after which the full pass runs."""


class Client:
    """One connected device."""

    def __init__(
        self, ws: web.WebSocketResponse, participant_id: str, lang: str, token_hash: str
    ) -> None:
        self.ws = ws
        self.participant_id = participant_id
        self.lang = lang
        self.token_hash = token_hash
        self.last_state = ""
        self.seq = -1
        """The latest draft's number: a coach result for an older one is not sent."""
        self.full: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    def stop(self) -> None:
        for task in (*self.tasks, self.full):
            if task is not None:
                task.cancel()


async def send(client: Client, message: dict[str, Any]) -> None:
    if not client.ws.closed:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await client.ws.send_str(json.dumps(message, ensure_ascii=False))


def _allowed(server: RoomServer, client: Client) -> bool:
    room = server.room
    return not room.closed and room.participant_for(client.token_hash) == client.participant_id


async def send_state(server: RoomServer, client: Client) -> None:
    """The participant's state, when it changed; a device taken out of the room (or a closed
    room) is told so and disconnected."""
    if not _allowed(server, client):
        await send(client, {"type": "error", "reason": "closed"})
        await client.ws.close()
        return
    state = json.dumps(
        participant_view(server.workshop.session, client.participant_id, client.lang),
        ensure_ascii=False,
    )
    if state != client.last_state:
        client.last_state = state
        if not client.ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await client.ws.send_str(state)


async def serve(server: RoomServer, client: Client) -> None:
    """Run the conversation with one device until it disconnects."""
    await send(
        client, {"type": "hello", "lang": client.lang, "texts": dict(texts(client.lang, "web."))}
    )
    await send_state(server, client)
    async for message in client.ws:
        if message.type != WSMsgType.TEXT:
            break  # a binary frame, an error or a message over the size limit: disconnect
        data = _parse(message.data)
        if data is None:
            await send(client, {"type": "error", "reason": "invalid"})
            continue
        if not _allowed(server, client):
            await send_state(server, client)
            break
        if data["type"] == "draft":
            task = asyncio.create_task(_coach_draft(server, client, data))
            client.tasks.add(task)
            task.add_done_callback(client.tasks.discard)
            continue
        await _act(server, client, data)


def _parse(raw: str) -> dict[str, Any] | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return None
    return data


async def _act(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    ref = data.get("ref") if isinstance(data.get("ref"), int) else None
    action = ACTIONS.get(data["type"])
    try:
        if action is None:
            raise InvalidInput("type", f"{data['type']!r} is not an action")
        await action(server, client, data)
    except RoomRefused as error:
        await send(client, {"type": "error", "ref": ref, "reason": error.reason})
        return
    except WorkshopError as error:
        await send(client, {"type": "error", "ref": ref, "reason": "invalid", "detail": str(error)})
        return
    await send(client, {"type": "ok", "ref": ref})
    server.changed()


# -- reading a message's fields ------------------------------------------------------------------


def _text(data: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(name, "is not a text")
    if len(value) > security.MAX_TEXT_CHARS:
        raise InvalidInput(name, f"is longer than {security.MAX_TEXT_CHARS} characters")
    if required and not value.strip():
        raise InvalidInput(name, "is empty")
    return value


def _id(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 100:
        raise InvalidInput(name, "is not an id")
    return value


def _required_id(data: dict[str, Any], name: str) -> str:
    value = _id(data, name)
    if value is None:
        raise InvalidInput(name, "is missing")
    return value


def _draft(server: RoomServer, data: dict[str, Any]) -> coach.Draft:
    session = server.workshop.session
    kind = "key_result" if _id(data, "kr_id") else "objective"
    return coach.Draft(_text(data, "text"), kind, session.lang, tuple(session.glossary))


# -- the coach -----------------------------------------------------------------------------------


async def _coach_draft(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    """Lexical feedback at once; the full pass once the participant has paused."""
    seq = data.get("seq")
    if not isinstance(seq, int):
        return
    try:
        draft = _draft(server, data)
    except InvalidInput:
        return
    client.seq = max(client.seq, seq)
    if client.full is not None:
        client.full.cancel()
    client.full = asyncio.create_task(_full_after_pause(server, client, seq, draft))
    assessment = await server.coach.lexical(draft)
    if seq == client.seq:
        await send(client, {"type": "coach", "seq": seq, **coach.view(assessment)})


async def _full_after_pause(
    server: RoomServer, client: Client, seq: int, draft: coach.Draft
) -> None:
    await asyncio.sleep(server.pause_seconds)
    assessment = await server.coach.full(draft)
    if seq == client.seq:
        await send(client, {"type": "coach", "seq": seq, **coach.view(assessment)})


# -- the actions ---------------------------------------------------------------------------------


async def _card(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    text = _text(data, "text")
    await server.act(lambda w: w.add_card(client.participant_id, text))


async def _edit_card(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    card, text = _required_id(data, "id"), _text(data, "text")
    await server.act(lambda w: w.edit_card(client.participant_id, card, text))


async def _propose(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    """Send a wording to the facilitator, with the scores and rules of its full pass."""
    objective_id, kr_id = _required_id(data, "objective_id"), _id(data, "kr_id")
    draft = _draft(server, data)
    scores, findings = coach.stored(await server.coach.full(draft))
    await server.act(
        lambda w: w.propose_version(
            client.participant_id, objective_id, kr_id, draft.text, scores=scores, findings=findings
        )
    )


async def _priority(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    objective_id, answer = _required_id(data, "objective_id"), _text(data, "answer")
    await server.act(lambda w: w.cast_priority(client.participant_id, objective_id, answer))


async def _dots(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    objective_id, delta = _required_id(data, "objective_id"), data.get("delta")
    if not isinstance(delta, int) or isinstance(delta, bool):
        raise InvalidInput("delta", "is not a whole number")
    await server.act(lambda w: w.cast_dots(client.participant_id, objective_id, delta))


async def _checkin(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    confidence = data.get("confidence")
    if confidence is not None and (not isinstance(confidence, int) or isinstance(confidence, bool)):
        raise InvalidInput("confidence", "is not a whole number")
    kr_id = _required_id(data, "kr_id")
    current = _text(data, "current", required=False)
    comment = _text(data, "comment", required=False)
    await server.act(
        lambda w: w.record_own_checkin(client.participant_id, kr_id, current, confidence, comment)
    )


async def _grade(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    """A key result's grade as the participant typed it ("0,7", "0.7", "70 %")."""
    kr_id, typed = _required_id(data, "kr_id"), _text(data, "grade")
    try:
        grade = review.parse_grade(typed)
    except ValueError:
        grade = None
    if grade is None:  # not a number, or outside 0–1
        raise InvalidInput("grade", f"{typed!r} is no grade", "grade from 0 to 1")
    await server.act(lambda w: w.record_own_grade(client.participant_id, kr_id, grade))


async def _retro(server: RoomServer, client: Client, data: dict[str, Any]) -> None:
    name, text = _text(data, "list"), _text(data, "text")
    await server.act(lambda w: w.add_own_retro_line(client.participant_id, name, text))


ACTIONS: dict[str, Callable[[RoomServer, Client, dict[str, Any]], Awaitable[None]]] = {
    "card": _card,
    "edit_card": _edit_card,
    "propose": _propose,
    "priority": _priority,
    "dots": _dots,
    "checkin": _checkin,
    "grade": _grade,
    "retro": _retro,
}
"""Message type → the action it runs for the participant."""
