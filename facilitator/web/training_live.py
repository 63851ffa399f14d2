"""The training room's WebSockets: a trainee's (their exercises, the live coach, attempts, hints,
the model answer) and the trainer's (the group dashboard, the countdown, the packs assigned, the
exercise projected for the debrief).

Messages are JSON objects with a `type`. To a trainee the server sends `state`
(`training_views.trainee_view`, again whenever it changed), `coach` (the verdict on the draft
numbered `seq`: lexical at once, full after a pause) and `error` (a `reason` code). A trainee
sends `open` {key}, `draft` {seq, text}, `submit` {text}, `choose` {index: the pack's choice
index}, `hint` and `reveal`. To the trainer the server sends `board`, and `answers` (what one
trainee wrote, `board.answers`) when asked; the trainer sends `countdown` {minutes, exercise},
`packs` {ids}, `project` {key}, `answers` {name} and `remove` {name} (the trainee's devices
leave the room: their pages close, their cookies open nothing; their progress file stays).

Every message is checked first: an object of a known type, texts of bounded length; a trainee's
device must still be in the room.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from facilitator.envelope.errors import StoreError
from facilitator.training import Exercise, split_items
from facilitator.training.attempts import (
    answer_shown,
    choice_attempt,
    coach_hidden,
    reveal_left,
    rewrite_attempt,
)
from facilitator.training.board import answers, board, debrief, labels_of
from facilitator.training.group import RoomError
from facilitator.training.progress import TraineeProgress, now_iso
from facilitator.web import security
from facilitator.web.coach import Draft
from facilitator.web.training_views import coach_view, countdown_view, trainee_view

if TYPE_CHECKING:
    from facilitator.web.training_server import TrainingServer


class Trainee:
    """One trainee's connected device."""

    def __init__(self, ws: web.WebSocketResponse, name: str, token_hash: str) -> None:
        self.ws = ws
        self.name = name
        self.token_hash = token_hash
        self.current = ""
        """The exercise the page has open ("pack/exercise")."""
        self.last_state = ""
        self.seq = -1
        self.full: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    def stop(self) -> None:
        for task in (*self.tasks, self.full):
            if task is not None:
                task.cancel()


async def send(ws: web.WebSocketResponse, message: dict[str, Any]) -> None:
    if not ws.closed:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await ws.send_str(json.dumps(message, ensure_ascii=False))


def _parse(raw: str) -> dict[str, Any] | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return None
    return data


def _text(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name, "")
    if not isinstance(value, str) or len(value) > security.MAX_TEXT_CHARS:
        return None
    return value


def _int(data: dict[str, Any], name: str) -> int | None:
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# -- a trainee -----------------------------------------------------------------------------------


async def send_state(server: TrainingServer, trainee: Trainee) -> None:
    """The trainee's state, when it changed; a device no longer in the room is let go."""
    if server.room.trainee(trainee.token_hash) != trainee.name:
        await send(trainee.ws, {"type": "error", "reason": "closed"})
        await trainee.ws.close()
        return
    progress = await server.progress(trainee.name)
    view = trainee_view(
        server.room,
        progress,
        server.exercises,
        server.assigned,
        trainee.current,
        server.reveal_after,
    )
    trainee.current = server.positions[trainee.name] = view["current"]
    state = json.dumps(view, ensure_ascii=False)
    if state != trainee.last_state:
        trainee.last_state = state
        if not trainee.ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await trainee.ws.send_str(state)


async def serve(server: TrainingServer, trainee: Trainee) -> None:
    """Run the conversation with one trainee's device until it disconnects."""
    await send_state(server, trainee)
    async for message in trainee.ws:
        if message.type != WSMsgType.TEXT:
            break  # a binary frame, an error, or a message over the size limit
        data = _parse(message.data)
        if data is None:
            await send(trainee.ws, {"type": "error", "reason": "invalid"})
            continue
        if server.room.trainee(trainee.token_hash) != trainee.name:
            await send_state(server, trainee)
            break
        if data["type"] == "draft":
            task = asyncio.create_task(_coach_draft(server, trainee, data))
            trainee.tasks.add(task)
            task.add_done_callback(trainee.tasks.discard)
            continue
        action = TRAINEE_ACTIONS.get(data["type"])
        exercise = _current(server, trainee)
        if action is None or exercise is None:
            await send(trainee.ws, {"type": "error", "reason": "invalid"})
            continue
        reason = await action(server, trainee, exercise, data)
        if reason:
            await send(trainee.ws, {"type": "error", "reason": reason})
        await send_state(server, trainee)


def _current(server: TrainingServer, trainee: Trainee) -> Exercise | None:
    return next((e for e in server.exercises if e.key == trainee.current), None)


def _drafts(server: TrainingServer, ex: Exercise, text: str) -> list[Draft]:
    glossary = tuple(ex.glossary)
    return [Draft(item, ex.kind, ex.lang, glossary) for item in split_items(text, ex.items)]


async def _coach_draft(server: TrainingServer, trainee: Trainee, data: dict[str, Any]) -> None:
    """Lexical verdict at once; the full pass once the trainee has paused. Nothing for a choice
    exercise, or while the exercise hides the coach until the first attempt."""
    seq, text, ex = _int(data, "seq"), _text(data, "text"), _current(server, trainee)
    if seq is None or text is None or ex is None or ex.is_choice:
        return
    progress = await server.progress(trainee.name)
    if coach_hidden(ex, progress.progress(ex.pack, ex.id)):
        return
    drafts = _drafts(server, ex, text)
    if not drafts:
        return
    trainee.seq = max(trainee.seq, seq)
    if trainee.full is not None:
        trainee.full.cancel()
    trainee.full = asyncio.create_task(_full_after_pause(server, trainee, seq, ex, drafts))
    lexical = [await server.coach.lexical(d) for d in drafts]
    if seq == trainee.seq:
        await send(trainee.ws, {"type": "coach", "seq": seq, **coach_view(ex, lexical)})


async def _full_after_pause(
    server: TrainingServer, trainee: Trainee, seq: int, ex: Exercise, drafts: list[Draft]
) -> None:
    await asyncio.sleep(server.pause_seconds)
    full = await asyncio.gather(*(server.coach.full(d) for d in drafts))
    if seq == trainee.seq:
        await send(trainee.ws, {"type": "coach", "seq": seq, **coach_view(ex, full)})


async def _open(
    server: TrainingServer, trainee: Trainee, ex: Exercise, data: dict[str, Any]
) -> str:
    key = data.get("key")
    if not any(e.key == key for e in server.exercises):
        return "invalid"
    trainee.current = str(key)
    trainee.last_state = ""
    server.changed()  # the dashboard shows where they are
    return ""


async def _submit(
    server: TrainingServer, trainee: Trainee, ex: Exercise, data: dict[str, Any]
) -> str:
    """Grade a rewrite with the full pass and save the attempt before answering."""
    text = _text(data, "text")
    if ex.is_choice or text is None:
        return "invalid"
    items = split_items(text, ex.items)
    if not items:
        return "empty"
    answer = "\n".join(items)
    entry = (await server.progress(trainee.name)).progress(ex.pack, ex.id)
    last = entry.last if entry is not None else None
    if last is not None and last.choice is None and last.text == answer:
        return "same_answer"
    assessments = await asyncio.gather(*(server.coach.full(d) for d in _drafts(server, ex, answer)))
    attempt = rewrite_attempt(ex, answer, now_iso(), assessments)
    await server.update(trainee.name, _recorder(ex, attempt))
    return ""


def _recorder(ex: Exercise, attempt: Any) -> Any:
    def change(progress: TraineeProgress) -> None:
        progress.record(ex.pack, ex.id, attempt, title=ex.title, skill=ex.skill)

    return change


async def _choose(
    server: TrainingServer, trainee: Trainee, ex: Exercise, data: dict[str, Any]
) -> str:
    index = _int(data, "index")
    if not ex.is_choice or index is None or not 0 <= index < len(ex.choices):
        return "invalid"
    entry = (await server.progress(trainee.name)).progress(ex.pack, ex.id)
    if entry is not None and entry.done:
        return ""  # already answered: the page shows the feedback, nothing more is recorded
    last = entry.last if entry is not None else None
    if last is not None and last.choice == index:
        return "same_answer"
    await server.update(trainee.name, _recorder(ex, choice_attempt(ex, index, now_iso())))
    return ""


async def _hint(
    server: TrainingServer, trainee: Trainee, ex: Exercise, data: dict[str, Any]
) -> str:
    entry = (await server.progress(trainee.name)).progress(ex.pack, ex.id)
    shown = (entry.hints_used if entry is not None else 0) + 1
    if shown > len(ex.hints):
        return "no_hint"
    when = now_iso()

    def change(progress: TraineeProgress) -> None:
        progress.open(ex.pack, ex.id, when, title=ex.title, skill=ex.skill)
        progress.use_hint(ex.pack, ex.id, shown, when)

    await server.update(trainee.name, change)
    return ""


async def _reveal(
    server: TrainingServer, trainee: Trainee, ex: Exercise, data: dict[str, Any]
) -> str:
    entry = (await server.progress(trainee.name)).progress(ex.pack, ex.id)
    if answer_shown(entry):
        return ""
    if reveal_left(ex, entry, server.reveal_after):
        return "reveal_later"
    when = now_iso()
    await server.update(trainee.name, lambda p: p.reveal(ex.pack, ex.id, when))
    return ""


TRAINEE_ACTIONS = {
    "open": _open,
    "submit": _submit,
    "choose": _choose,
    "hint": _hint,
    "reveal": _reveal,
}
"""Message type → the trainee's action; each returns "" or the reason it was refused."""


# -- the trainer ---------------------------------------------------------------------------------


async def board_message(server: TrainingServer) -> dict[str, Any]:
    """The dashboard's state: the group's progress, the room and the debrief projected."""
    trainees, _ = await server.call(server.store.trainees, server.room.group)
    exercises, assigned = server.exercises, server.assigned
    labels = labels_of(exercises, assigned)
    current = {t.name: t.current for t in server.trainees if t.current}
    online = {t.name for t in server.trainees}
    in_room = set(server.room.devices.values())
    trainees = [t for t in trainees if t.name in in_room or t.name in online]
    saved = {t.name for t in trainees}  # who joined but has done nothing yet has no file
    trainees += [TraineeProgress(n, server.room.group) for n in sorted(in_room - saved)]
    projected = next((e for e in exercises if e.key == server.room.projected), None)
    return {
        "type": "board",
        **board(trainees, exercises, assigned, lang=server.lang, current=current, online=online),
        "group": server.room.group,
        "code": server.room.code,
        "join_url": server.join_url,
        "countdown": countdown_view(server.room, labels),
        "packs": list(server.room.packs),
        "available": [
            {"id": p.id, "title": p.title, "lang": p.lang, "count": len(p.exercises)}
            for p in server.packs.values()
        ],
        "projected": server.room.projected,
        "debrief": debrief(trainees, projected) if projected is not None else None,
    }


def _in_room(server: TrainingServer, name: object) -> str | None:
    """The trainee the dashboard shows under `name` (a device in the room, or connected)."""
    shown = {*server.room.devices.values(), *(t.name for t in server.trainees)}
    return name if isinstance(name, str) and name in shown else None


async def answers_message(server: TrainingServer, data: dict[str, Any]) -> dict[str, Any]:
    """What the trainee named in `data` wrote (an `answers` message), or an `error`."""
    name = _in_room(server, data.get("name"))
    if name is None:
        return {"type": "error", "reason": "invalid"}
    try:
        progress = await server.progress(name)
    except StoreError:
        return {"type": "error", "reason": "unreadable"}
    return {"type": "answers", **answers(progress, server.exercises, server.assigned)}


async def serve_board(server: TrainingServer, ws: web.WebSocketResponse, lang: str) -> None:
    await send(ws, await board_message(server))
    async for message in ws:
        if message.type != WSMsgType.TEXT:
            break
        data = _parse(message.data)
        if data is not None and data["type"] == "answers":
            await send(ws, await answers_message(server, data))
            continue
        action = BOARD_ACTIONS.get(data["type"]) if data is not None else None
        if data is None or action is None:
            await send(ws, {"type": "error", "reason": "invalid"})
            continue
        try:
            action(server, data)
        except RoomError as error:
            await send(ws, {"type": "error", "reason": error.reason})
            continue
        await server.save_room()


def _countdown(server: TrainingServer, data: dict[str, Any]) -> None:
    minutes, exercise = data.get("minutes"), data.get("exercise") or ""
    if not isinstance(minutes, int | float) or isinstance(minutes, bool):
        raise RoomError("bad_minutes")
    if exercise and not any(e.key == exercise for e in server.exercises):
        raise RoomError("invalid")
    server.room.set_countdown(float(minutes), str(exercise))


def _packs(server: TrainingServer, data: dict[str, Any]) -> None:
    ids = data.get("ids")
    if not isinstance(ids, list) or not ids or not all(i in server.packs for i in ids):
        raise RoomError("invalid")
    server.room.packs = list(dict.fromkeys(str(i) for i in ids))


def _project(server: TrainingServer, data: dict[str, Any]) -> None:
    key = data.get("key") or ""
    if key and not any(e.key == key for e in server.exercises):
        raise RoomError("invalid")
    server.room.projected = str(key)


def _remove(server: TrainingServer, data: dict[str, Any]) -> None:
    name = _in_room(server, data.get("name"))
    if name is None:
        raise RoomError("invalid")
    server.room.remove(name)
    server.positions.pop(name, None)  # a later join starts at their first exercise not passed


BOARD_ACTIONS = {
    "countdown": _countdown,
    "packs": _packs,
    "project": _project,
    "remove": _remove,
}
"""Message type → the trainer's action on the room (RoomError when refused)."""
