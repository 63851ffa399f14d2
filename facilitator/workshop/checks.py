"""The service's validation: typed text made clean, and lookups that raise `UnknownItem`.

Each check runs twice: once on the session in memory, so that a wrong input is refused before
anything is written, and again inside the change, on the session as stored (another front end
may have deleted the item meanwhile).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TypeVar

from facilitator.session import (
    KeyResult,
    Objective,
    ParentObjective,
    Participant,
    Proposal,
    Session,
    Versioned,
)
from facilitator.workshop.errors import InvalidInput, UnknownItem

T = TypeVar("T")

_SPACES = str.maketrans(
    {
        "\u00a0": " ",  # no-break space: typed ones are dropped by Textual, pasted ones kept
        "\u202f": " ",  # narrow no-break space (French typography before % and €)
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\t": " ",
    }
)
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def clean(text: str, *, single_line: bool = True) -> str:
    """The text as the engine and the store should see it: no-break spaces become spaces, and
    a one-line field (an objective, a name) loses its line breaks."""
    text = text.translate(_SPACES)
    if single_line:
        text = _LINE_BREAKS.sub(" ", text)
    return text


def required(field: str, value: str, what: str = "text") -> str:
    """`value` cleaned and stripped; `InvalidInput` when nothing is left."""
    text = clean(value).strip()
    if not text:
        raise InvalidInput(field, "is empty", f"type the {what}")
    return text


def optional(value: str, *, single_line: bool = True) -> str:
    return clean(value, single_line=single_line).strip()


def find(items: Iterable[T], item_id: str, kind: str) -> T:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise UnknownItem(kind, item_id)


def participant(session: Session, participant_id: str) -> Participant:
    return find(session.participants, participant_id, "participant")


def present(session: Session, participant_id: str, field: str = "owner") -> Participant:
    """A participant present in the room (the only possible owners and voters)."""
    person = participant(session, participant_id) if participant_id else None
    if person is None or not person.present:
        raise InvalidInput(
            field, f"{participant_id!r} is not a participant present", "choose someone in the room"
        )
    return person


def objective(session: Session, objective_id: str) -> Objective:
    return find(session.objectives, objective_id, "objective")


def key_result(session: Session, kr_id: str) -> KeyResult:
    for _, kr in session.key_results():
        if kr.id == kr_id:
            return kr
    raise UnknownItem("key result", kr_id)


def item(session: Session, objective_id: str, kr_id: str | None = None) -> Versioned:
    """An objective, or one of its key results when `kr_id` is given."""
    found = objective(session, objective_id)
    return find(found.key_results, kr_id, "key result") if kr_id is not None else found


def proposal(session: Session, proposal_id: str) -> Proposal:
    return find(session.proposals, proposal_id, "proposal")


def parent(session: Session, parent_id: str) -> ParentObjective:
    return find(session.parents, parent_id, "parent objective")


def grade(value: float) -> float:
    """A key result's end-of-cycle grade: a finite number from 0.0 to 1.0."""
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise InvalidInput("grade", f"{value} is outside 0.0–1.0", "grade from 0 to 1")
    return value
