"""The changes the workbench accepted (a suggestion, a rewrite, a proposed key result), as they
can be undone and redone.

History is never rewritten: undoing a wording change adds the wording it replaced as a new
version, noted "undone: …"; redoing adds the accepted wording again, noted "redone: …". Undoing
a proposed key result takes it out of its objective while nobody has worked on it; redoing puts
it back as it was. `Workshop.undo_accepted` and `redo_accepted` apply these; the stacks of what
can be undone are the front end's (`tui/undo.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from facilitator.session import KeyResult, Objective, Session, Versioned


@dataclass(frozen=True)
class Accepted:
    """One accepted change, as it can be undone."""

    kind: Literal["wording", "proposal"]
    note: str
    """The reason the change was made (the note of the version it made)."""
    before: int = 0
    """wording: the version the change replaced."""
    after: int = 0
    """wording: the version the change made."""
    before_text: str = ""
    after_text: str = ""
    """wording: the two wordings; proposal: the key result's."""
    objective_id: str = ""
    key_result: dict[str, Any] = field(default_factory=dict)
    """proposal: the key result as added (`KeyResult.to_dict`)."""
    index: int = 0
    """proposal: its place among the objective's key results."""

    @property
    def kr_id(self) -> str:
        return str(self.key_result.get("id", ""))


def can_undo(session: Session, item: Versioned | None, change: Accepted) -> bool:
    """The change is still the last thing that happened to its item."""
    if change.kind == "wording":
        latest = item.latest if item is not None else None
        return latest is not None and latest.text == change.after_text
    kr = _proposed(session, change)
    return kr is not None and len(kr.versions) <= 1 and not kr.checkins


def can_redo(session: Session, item: Versioned | None, change: Accepted) -> bool:
    """Nothing happened to the item since the change was undone."""
    if change.kind == "wording":
        latest = item.latest if item is not None else None
        return latest is not None and latest.text == change.before_text
    objective = _objective(session, change.objective_id)
    return objective is not None and all(k.id != change.kr_id for k in objective.key_results)


def undo(session: Session, item: Versioned | None, change: Accepted, note: str) -> None:
    """Apply the undo of `change` to `session` (`item` is read from it)."""
    if change.kind == "wording":
        if item is not None:
            item.restore(change.before, note)
        return
    objective = _objective(session, change.objective_id)
    if objective is not None:
        objective.key_results = [k for k in objective.key_results if k.id != change.kr_id]


def redo(session: Session, item: Versioned | None, change: Accepted, note: str) -> None:
    if change.kind == "wording":
        if item is not None:
            item.restore(change.after, note)
        return
    objective = _objective(session, change.objective_id)
    if objective is not None and all(k.id != change.kr_id for k in objective.key_results):
        kr = KeyResult.from_dict(change.key_result)
        objective.key_results.insert(min(change.index, len(objective.key_results)), kr)


def _objective(session: Session, objective_id: str) -> Objective | None:
    return next((o for o in session.objectives if o.id == objective_id), None)


def _proposed(session: Session, change: Accepted) -> KeyResult | None:
    objective = _objective(session, change.objective_id)
    if objective is None:
        return None
    return next((k for k in objective.key_results if k.id == change.kr_id), None)
