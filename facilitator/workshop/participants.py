"""What participants do from their own devices (the room server, `facilitator.web`), and the
facilitator's control of it: the join code, each participant's device, the step open to them,
their cards, their votes, the versions they propose and the facilitator accepts or declines.

The room's state lives in the session (`Session.extra[ROOM]`, see `RoomState`), so a server that
restarts, or a second process, finds the same room: the join code, who holds which device (by
a hash of the device's token, never the token), the step open, the proposed versions.

Every participant operation checks, inside the change and so on the session as stored, that the
room is open, that the step it belongs to is the one open to participants, and that the item is
the participant's own; a refusal is a `RoomRefused` naming the reason (`reason`, a short code
the front end translates).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from facilitator.envelope.secrecy import PARTICIPANT_ROOM
from facilitator.room import review, votes
from facilitator.room.brainstorm import card_author
from facilitator.room.steps import step_option
from facilitator.session import PRIORITY_VOTES, Participant, Session, new_id, now_iso
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput, WorkshopError
from facilitator.workshop.follow_ups import RETRO_LISTS

T = TypeVar("T")

ROOM = PARTICIPANT_ROOM
"""Session.extra key: the participants' room (see `RoomState`); the export leaves its secrets
out under that same key."""

ACTIVITIES = {
    "brainstorm": "brainstorm",
    "draft_objectives": "wording",
    "draft_key_results": "wording",
    "vote": "vote",
    "review": "review",
    "grading": "grading",
    "retro": "retro",
    "retrospective": "retro",
}
"""Agenda step kind → what participants do in it; a step of another kind cannot be opened."""

PROPOSED_STATUSES = ("pending", "accepted", "declined")


class RoomRefused(WorkshopError):
    """A participant's action the room refuses; `reason` is one of: closed, locked, bad_code,
    taken, no_joining, not_open, not_yours, revealed, unknown_device."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__(f"room: {reason}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class RoomState:
    """The participants' room as stored: a read-only view of `Session.extra[ROOM]`."""

    code: str = ""
    closed: bool = True
    locked: bool = False
    allow_new: bool = False
    open_steps: tuple[str, ...] = ()
    """The agenda steps open to participants (the facilitator opens and closes each)."""
    devices: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """participant id → {"token": sha-256 of the device's token, "lang", "joined"}."""
    cards: Mapping[str, str] = field(default_factory=dict)
    """proposal id → `card_key` of the device that wrote it: its writer edits it while their
    device is in the room, and once the room closes nothing tells whose an anonymous card was."""
    proposed: tuple[Mapping[str, Any], ...] = ()
    """Versions sent by participants: {id, participant, objective_id, kr_id, text, scores,
    findings, status (PROPOSED_STATUSES), created}."""

    @staticmethod
    def of(session: Session) -> RoomState:
        data = session.extra.get(ROOM)
        if not isinstance(data, dict):
            return RoomState()
        return RoomState(
            code=str(data.get("code", "")),
            closed=bool(data.get("closed", True)),
            locked=bool(data.get("locked", False)),
            allow_new=bool(data.get("allow_new", False)),
            open_steps=tuple(data.get("open_steps") or ()),
            devices=dict(data.get("devices") or {}),
            cards=dict(data.get("cards") or {}),
            proposed=tuple(data.get("proposed") or ()),
        )

    def joining_refusal(self, code: str) -> str | None:
        """Why a device giving `code` may not join (closed, bad_code, locked), or None."""
        if self.closed:
            return "closed"
        if not (self.code and hmac.compare_digest(self.code.upper(), code.strip().upper())):
            return "bad_code"
        if self.locked:
            return "locked"
        return None

    def own_cards(self, participant_id: str) -> set[str]:
        """The ids of the cards `participant_id`'s device wrote."""
        device = self.devices.get(participant_id)
        if device is None:
            return set()
        token = str(device.get("token", ""))
        return {pid for pid, key in self.cards.items() if key == card_key(token, pid)}

    def participant_for(self, token_hash: str) -> str | None:
        """The participant whose device holds this token (compared in constant time)."""
        found = None
        for pid, device in self.devices.items():
            if hmac.compare_digest(str(device.get("token", "")), token_hash):
                found = pid
        return found


def open_activities(session: Session) -> dict[str, int]:
    """What participants may do now: activity → the agenda index of its step (the first in
    agenda order when two open steps share an activity). Empty when the room is closed."""
    room = RoomState.of(session)
    found: dict[str, int] = {}
    if room.closed:
        return found
    for index, step in enumerate(session.agenda):
        if step.id in room.open_steps and step.kind in ACTIVITIES:
            found.setdefault(ACTIVITIES[step.kind], index)
    return found


def card_key(token_hash: str, proposal_id: str) -> str:
    """What the room keeps of a card's writer: a hash of their device's token hash and the
    card's id (see `RoomState.cards`)."""
    return hashlib.sha256(f"{token_hash}:{proposal_id}".encode()).hexdigest()


def _unsigned(s: Session, text: str) -> str:
    """A card's text; in an anonymous brainstorm without a "Marc : " signed by habit, as typed
    on the facilitator's screen (the minutes never print who wrote what)."""
    if not anonymous_cards(s):
        return text
    return card_author(text, s.participants, True)[1] or text


def anonymous_cards(session: Session) -> bool:
    """The template's brainstorm is anonymous: cards credit nobody."""
    return bool(step_option(session, "brainstorm", "anonymous"))


def _room(session: Session) -> dict[str, Any]:
    """The stored room, made on first use (inside a change only)."""
    room = session.extra.setdefault(ROOM, {})
    for key, empty in (("devices", {}), ("cards", {}), ("proposed", [])):
        room.setdefault(key, empty)
    return room


def _device(session: Session, participant_id: str, activity: str | None = None) -> None:
    """Refuse unless the room is open, `participant_id` holds a device and, when `activity` is
    given, that activity is open."""
    room = RoomState.of(session)
    if room.closed:
        raise RoomRefused("closed")
    if participant_id not in room.devices:
        raise RoomRefused("unknown_device")
    if activity is not None and activity not in open_activities(session):
        raise RoomRefused("not_open", activity)


def _proposed(session: Session, proposed_id: str) -> dict[str, Any]:
    for entry in _room(session)["proposed"]:
        if entry.get("id") == proposed_id:
            return entry
    raise InvalidInput("proposed", f"no proposed version {proposed_id!r}")


class ParticipantOperations(SessionChanges):
    # -- many participants at once --------------------------------------------------------------

    def together(self, calls: Sequence[Callable[[Any], object]]) -> list[object]:
        """Run several operations (`call(workshop)` each, e.g. `lambda w: w.add_card(…)`) as
        one write of the store: a room of sixty voting at once writes the session once per
        batch, not sixty times. Each call's result, or the exception it raised, comes back in
        order; a refused call does not stop the others.

        Each call is first checked against the session in memory (its change recorded, not
        run), then every change runs in one `_change`, in order, each on the session as the
        changes before it left it (so every operation checks first and changes after)."""
        changes: list[Callable[[Session], object] | Exception] = []
        for call in calls:
            recorder = copy.copy(self)
            recorded: list[Callable[[Session], object]] = []
            recorder._change = recorded.append  # type: ignore[assignment,method-assign]
            try:
                call(recorder)
            except WorkshopError as error:
                changes.append(error)
                continue
            changes.extend(recorded[:1] or [InvalidInput("call", "changes nothing")])

        def apply(session: Session) -> list[object]:
            out: list[object] = []
            for change in changes:
                if isinstance(change, Exception):
                    out.append(change)
                    continue
                try:
                    out.append(change(session))
                except WorkshopError as error:
                    out.append(error)
            return out

        return self._change(apply)

    # -- the facilitator's controls -------------------------------------------------------------

    def open_room(self, code: str, *, step_id: str | None = None, allow_new: bool = False) -> None:
        """Open the room to participants with join `code` (devices that joined before keep
        their place) and, when given, open step `step_id` to them too."""
        code = checks.required("code", code, "join code")
        if step_id is not None:
            self._check_step(step_id)

        def apply(s: Session) -> None:
            room = _room(s)
            room.update(code=code, closed=False, allow_new=allow_new)
            if step_id is not None:
                room["open_steps"] = _ordered(s, _open_steps(room) | {step_id})

        self._change(apply)

    def close_room(self) -> None:
        """Close the room: every device's token stops working, every action is refused."""

        def apply(s: Session) -> None:
            room = _room(s)
            room.update(closed=True, devices={}, open_steps=[])

        self._change(apply)

    def lock_room(self, locked: bool) -> None:
        """A locked room lets nobody new join; those who joined go on."""
        self._change(lambda s: _room(s).__setitem__("locked", locked))

    def open_step_to_participants(self, step_id: str) -> None:
        """Participants may work in agenda step `step_id` too."""
        self._check_step(step_id)

        def apply(s: Session) -> None:
            room = _room(s)
            room["open_steps"] = _ordered(s, _open_steps(room) | {step_id})

        self._change(apply)

    def close_step_to_participants(self, step_id: str | None = None) -> None:
        """Participants may no longer work in step `step_id` (None: in any step)."""

        def apply(s: Session) -> None:
            room = _room(s)
            room["open_steps"] = _ordered(s, _open_steps(room) - {step_id}) if step_id else []

        self._change(apply)

    def remove_device(self, participant_id: str) -> None:
        """Take a participant out of the room: their device's token stops working (their cards
        and votes stay)."""
        self._change(lambda s: _room(s)["devices"].pop(participant_id, None))

    def _check_step(self, step_id: str) -> None:
        step = checks.find(self.session.agenda, step_id, "agenda step")
        if step.kind not in ACTIVITIES:
            raise InvalidInput("step", f"participants have nothing to do in a {step.kind} step")

    # -- joining --------------------------------------------------------------------------------

    def join_room(self, code: str, participant_id: str, token_hash: str, lang: str) -> None:
        """The device holding the token whose hash is `token_hash` is `participant_id`'s now
        (one device per participant: another one must be freed by the facilitator first)."""

        def apply(s: Session) -> None:
            _check_joining(s, code)
            person = checks.participant(s, participant_id)
            if participant_id in _room(s)["devices"]:
                raise RoomRefused("taken")
            person.present = True
            _room(s)["devices"][participant_id] = _new_device(token_hash, lang)

        self._change(apply)

    def join_room_as_new(self, code: str, name: str, token_hash: str, lang: str) -> str:
        """A participant the session did not list, added when the facilitator allows it."""
        name, pid = checks.required("name", name, "participant's name"), new_id()

        def apply(s: Session) -> None:
            _check_joining(s, code)
            if not RoomState.of(s).allow_new:
                raise RoomRefused("no_joining")
            s.participants.append(Participant(id=pid, name=name))
            _room(s)["devices"][pid] = _new_device(token_hash, lang)

        return self._change_giving(pid, apply)

    # -- brainstorm -----------------------------------------------------------------------------

    def add_card(self, participant_id: str, text: str) -> str:
        """A brainstorm card; credited to its writer unless the brainstorm is anonymous (the
        room still knows whose it is, so that only its writer edits it)."""
        text, pid = checks.required("text", text, "card"), new_id()

        def apply(s: Session) -> None:
            _device(s, participant_id, "brainstorm")
            author = None if anonymous_cards(s) else participant_id
            s.add_proposal(_unsigned(s, text), author, proposal_id=pid)
            token = _room(s)["devices"][participant_id]["token"]
            _room(s)["cards"][pid] = card_key(token, pid)

        return self._change_giving(pid, apply)

    def edit_card(self, participant_id: str, proposal_id: str, text: str) -> None:
        """Correct one's own card, while the brainstorm is open and the card not merged."""
        text = checks.required("text", text, "card")

        def apply(s: Session) -> None:
            _device(s, participant_id, "brainstorm")
            if proposal_id not in RoomState.of(s).own_cards(participant_id):
                raise RoomRefused("not_yours")
            proposal = checks.proposal(s, proposal_id)
            if proposal.status != "open":
                raise RoomRefused("not_open", "the card was merged or set aside")
            proposal.text = _unsigned(s, text)

        self._change(apply)

    # -- wording --------------------------------------------------------------------------------

    def propose_version(
        self,
        participant_id: str,
        objective_id: str,
        kr_id: str | None,
        text: str,
        *,
        scores: Mapping[str, float] | None = None,
        findings: Iterable[str] = (),
    ) -> str:
        """Send a wording of an objective (or of its key result `kr_id`) to the facilitator's
        queue; returns the proposed version's id."""
        text, pid = checks.required("text", text, "wording"), new_id()
        entry = {
            "id": pid,
            "participant": participant_id,
            "objective_id": objective_id,
            "kr_id": kr_id,
            "text": text,
            "scores": dict(scores or {}),
            "findings": list(findings),
            "status": "pending",
            "created": now_iso(),
        }

        def apply(s: Session) -> None:
            _device(s, participant_id, "wording")
            checks.item(s, objective_id, kr_id)
            _room(s)["proposed"].append(dict(entry))

        return self._change_giving(pid, apply)

    def accept_proposed(self, proposed_id: str, note: str = "") -> int:
        """The facilitator takes a proposed wording as the item's new version; returns its
        number."""

        def apply(s: Session) -> int:
            entry = _pending(s, proposed_id)
            item = checks.item(s, entry["objective_id"], entry.get("kr_id"))
            version = item.add_version(entry["text"], entry["scores"], entry["findings"], note)
            entry["status"] = "accepted"
            entry["version"] = version.n
            return version.n

        return self._change(apply)

    def decline_proposed(self, proposed_id: str) -> None:
        self._change(lambda s: _pending(s, proposed_id).__setitem__("status", "declined"))

    # -- the secret vote ------------------------------------------------------------------------

    def cast_priority(self, participant_id: str, objective_id: str, answer: str) -> None:
        """The participant's own answer to "clearly a priority?", before the reveal."""
        if answer not in PRIORITY_VOTES:
            raise InvalidInput("answer", f"{answer!r} is not a priority vote")
        self._vote(
            participant_id,
            objective_id,
            lambda s: votes.set_priority(s, objective_id, participant_id, answer),
        )

    def cast_dots(self, participant_id: str, objective_id: str, delta: int) -> int:
        """Place (or take back) the participant's own dots; returns their dots there."""
        if delta not in (-1, 1):
            raise InvalidInput("delta", f"{delta} is not one dot", "give 1 or -1")

        def place(s: Session) -> int:
            if delta > votes.dots_left(s, participant_id):
                raise InvalidInput("delta", "no dots left", "take one back first")
            return votes.add_dots(s, objective_id, participant_id, delta)

        return self._vote(participant_id, objective_id, place)

    def _vote(self, participant_id: str, objective_id: str, cast: Callable[[Session], T]) -> T:
        def apply(s: Session) -> T:
            _device(s, participant_id, "vote")
            if checks.objective(s, objective_id) not in votes.candidates(s):
                raise InvalidInput("objective", "is not voted on")
            if votes.is_revealed(s):
                raise RoomRefused("revealed")
            return cast(s)

        return self._change(apply)

    # -- review and retrospective ---------------------------------------------------------------

    def record_own_checkin(
        self, participant_id: str, kr_id: str, current: str, confidence: int | None, comment: str
    ) -> None:
        """A key result's owner enters this month's value, confidence and comment."""
        if confidence is not None and not 0 <= confidence <= 10:
            raise InvalidInput("confidence", f"{confidence} is outside 0–10", "give 0 to 10")
        current, comment = checks.optional(current), checks.optional(comment)
        date = self.now().date().isoformat()

        def apply(s: Session) -> None:
            _device(s, participant_id, "review")
            kr = checks.key_result(s, kr_id)
            if kr.owner != participant_id:
                raise RoomRefused("not_yours")
            if review.needs_comment(s, kr, confidence) and not comment:
                raise InvalidInput("comment", "the confidence dropped", "say why in a comment")
            review.record_checkin(s, kr_id, current, confidence, comment, [], date)

        self._change(apply)

    def record_own_grade(self, participant_id: str, kr_id: str, grade: float) -> None:
        """A key result's owner grades it at the end of the cycle, 0.0 to 1.0 (a second grade
        corrects the first)."""
        checks.grade(grade)

        def apply(s: Session) -> None:
            _device(s, participant_id, "grading")
            kr = checks.key_result(s, kr_id)
            if kr.owner != participant_id:
                raise RoomRefused("not_yours", f"kr_id: {kr_id} is another's key result")
            kr.set_grade(grade)

        self._change(apply)

    def add_own_retro_line(self, participant_id: str, list_name: str, text: str) -> None:
        """A line of "what worked" or "what to change" from a participant."""
        if list_name not in RETRO_LISTS:
            raise InvalidInput("list", f"{list_name!r} is not a retrospective list")
        text = checks.required("text", text, "line")

        def apply(s: Session) -> None:
            _device(s, participant_id, "retro")
            getattr(s, list_name).append(text)

        self._change(apply)


def _check_joining(session: Session, code: str) -> None:
    refusal = RoomState.of(session).joining_refusal(code)
    if refusal is not None:
        raise RoomRefused(refusal)


def _open_steps(room: Mapping[str, Any]) -> set[str]:
    return set(room.get("open_steps") or ())


def _ordered(session: Session, step_ids: set[str]) -> list[str]:
    """`step_ids` in agenda order (steps no longer on the agenda go)."""
    return [step.id for step in session.agenda if step.id in step_ids]


def _new_device(token_hash: str, lang: str) -> dict[str, str]:
    return {"token": token_hash, "lang": lang, "joined": now_iso()}


def _pending(session: Session, proposed_id: str) -> dict[str, Any]:
    entry = _proposed(session, proposed_id)
    if entry.get("status") != "pending":
        raise InvalidInput("proposed", f"already {entry.get('status')}")
    return entry
