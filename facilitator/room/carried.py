"""What a follow-up session takes from the session it follows, besides the objectives: the open
actions, the decisions (to recall, read-only) and the open parking-lot items.

The monthly review's and the retrospective's scripts tell the facilitator to go over these
first; carried into the new session, they are on its screens and in its minutes, and what the
room does with each one (done, dropped, still open) is recorded in the new session, where the
minutes read it.

Carried actions and parking-lot items are ordinary entries of the new session (the room log
and the wrap-up treat them as its own), marked in their `extra` with the session they were
first recorded in (`CARRIED_FROM`: id, title, date), so a chain of reviews keeps pointing at
the workshop where the action was decided. Decisions are not the new session's: they are kept
apart, as plain data in `Session.extra[RECALLED]`, and never edited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from facilitator.session import Action, Decision, ParkingItem, Session

CARRIED_FROM = "carried_from"
"""Key of an action's or parking item's `extra`: {"id", "title", "date"} of the session it was
first recorded in."""
DROPPED = "dropped"
"""Key of an action's `extra`: true when the room gave the action up (it is then not done)."""
RECALLED = "recalled_decisions"
"""Key of a follow-up's `extra`: the decisions of the sessions before, each {"id", "text",
"session_id", "title", "date"}, oldest session first."""


def carry_log(session: Session, previous: Session) -> None:
    """Put into `session` (a new follow-up of `previous`) the actions not done and not dropped,
    the parking-lot items not resolved, and the decisions to recall."""
    origin = _origin(previous)
    session.actions = [
        _carry(a, origin) for a in previous.actions if not a.done and not is_dropped(a)
    ]
    session.parking = [_carry(p, origin) for p in previous.parking if not p.resolved]
    earlier = [dict(d) for d in recalled_decisions(previous)]
    own = [_recall(d, origin) for d in previous.decisions]
    session.extra[RECALLED] = earlier + own


Entry = TypeVar("Entry", Action, ParkingItem)


def _carry(entry: Entry, origin: dict[str, str]) -> Entry:
    """A copy of `entry` for the follow-up: same id, no step of the new session, marked with
    the session it was first recorded in."""
    mark = carried_from(entry) or origin
    return replace(entry, step_id=None, extra={**entry.extra, CARRIED_FROM: mark})


def _origin(session: Session) -> dict[str, str]:
    return {"id": session.id, "title": session.title, "date": session.date}


def _recall(decision: Decision, origin: dict[str, str]) -> dict[str, str]:
    return {
        "id": decision.id,
        "text": decision.text,
        "session_id": origin["id"],
        "title": origin["title"],
        "date": origin["date"],
    }


def carried_from(entry: Action | ParkingItem) -> dict[str, str] | None:
    """{"id", "title", "date"} of the session an entry was carried from; None for an entry
    recorded in its own session (or a malformed mark, from a hand-edited file)."""
    mark = entry.extra.get(CARRIED_FROM)
    if not isinstance(mark, dict) or not isinstance(mark.get("id"), str):
        return None
    return {k: str(mark.get(k) or "") for k in ("id", "title", "date")}


def is_dropped(action: Action) -> bool:
    return action.extra.get(DROPPED) is True


def set_dropped(action: Action, dropped: bool) -> None:
    """Give an action up (it is then not done), or take it up again."""
    if dropped:
        action.extra[DROPPED] = True
        action.done = False
    else:
        action.extra.pop(DROPPED, None)


def recalled_decisions(session: Session) -> list[dict[str, str]]:
    """The decisions of the sessions before, as recorded when `session` was made (well-formed
    entries only: the list is data a hand-edited file may have damaged)."""
    raw: Any = session.extra.get(RECALLED)
    if not isinstance(raw, list):
        return []
    return [
        {k: str(d.get(k) or "") for k in ("id", "text", "session_id", "title", "date")}
        for d in raw
        if isinstance(d, dict) and isinstance(d.get("text"), str) and d["text"].strip()
    ]


def outcome(action: Action) -> Literal["done", "dropped", "open"]:
    """What became of an action: done, dropped (given up) or still open."""
    if action.done:
        return "done"
    return "dropped" if is_dropped(action) else "open"


@dataclass(frozen=True)
class Carried:
    """What a follow-up carried, for its screens and its minutes."""

    actions: list[Action]
    """Actions carried from an earlier session (see `outcome` for what became of each)."""
    parking: list[ParkingItem]
    """Parking-lot items carried (`resolved` says whether the room settled them)."""
    decisions: list[dict[str, str]]
    """The decisions recalled (see `recalled_decisions`)."""

    @property
    def empty(self) -> bool:
        return not (self.actions or self.parking or self.decisions)


def carried(session: Session) -> Carried:
    return Carried(
        actions=[a for a in session.actions if carried_from(a) is not None],
        parking=[p for p in session.parking if carried_from(p) is not None],
        decisions=recalled_decisions(session),
    )
