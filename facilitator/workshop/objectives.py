"""The objectives' life (retain, drop, merge, reopen, move, delete, the wrap-up's retained set)
and their alignment with the parent objectives.

Each life operation is tried on a copy first (`room.objectives.undoable`: an `ObjectiveError`
says why it is refused, nothing is written) and returns the `Undo` record that
`undo_objective_change` takes to put it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from facilitator.room import alignment
from facilitator.room import objectives as life
from facilitator.session import Session
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges


class ObjectiveOperations(SessionChanges):
    def _undoable(
        self, action: str, ids: Iterable[str], op: Callable[[Session], object]
    ) -> life.Undo:
        record = life.undoable(self.session, action, ids, op)
        return self._change_giving(record, op)

    def retain_objective(self, objective_id: str, *, by: str) -> life.Undo:
        """Retain it in the name of `by` (a participant's id or the facilitator's name)."""
        at = self.now()
        return self._undoable(
            "retain", [objective_id], lambda s: life.retain(s, objective_id, by=by, at=at)
        )

    def drop_objective(self, objective_id: str, *, by: str) -> life.Undo:
        at = self.now()
        return self._undoable(
            "drop", [objective_id], lambda s: life.drop(s, objective_id, by=by, at=at)
        )

    def merge_objective(self, objective_id: str, into: str, *, by: str) -> life.Undo:
        """Merge it into `into` (its key results move there)."""
        at = self.now()
        return self._undoable(
            "merge", [objective_id, into], lambda s: life.merge(s, objective_id, into, by=by, at=at)
        )

    def reopen_objective(self, objective_id: str) -> life.Undo:
        """Back to draft (from retained, dropped or merged)."""
        return self._undoable("reopen", [objective_id], lambda s: life.reopen(s, objective_id))

    def move_objective(self, objective_id: str, delta: int) -> life.Undo:
        """Move it `delta` places up (< 0) or down."""
        return self._undoable("move", [objective_id], lambda s: life.move(s, objective_id, delta))

    def delete_objective(self, objective_id: str) -> life.Undo:
        """Remove a junk objective for good (its votes go, its proposals are free again)."""
        return self._undoable("delete", [objective_id], lambda s: life.delete(s, objective_id))

    def retain_set(self, objective_ids: Iterable[str], *, by: str) -> life.Undo:
        """The wrap-up's decision: these retained, every other objective in play dropped."""
        chosen, at = list(objective_ids), self.now()
        in_play = [o.id for o in life.active(self.session)]
        return self._undoable(
            "retain_set", in_play, lambda s: life.retain_set(s, chosen, by=by, at=at)
        )

    def undo_objective_change(self, record: life.Undo) -> None:
        """Put back what `record`'s change altered; `UndoConflict` (nothing touched) when the
        objectives changed since."""
        life.undo(self.session.copy(), record)  # a conflict is refused before any write
        self._change(lambda s: life.undo(s, record))

    # -- alignment ------------------------------------------------------------------------------

    def link_objective(self, objective_id: str, parent_id: str | None) -> None:
        """Align it with a parent objective (None: unlink; it becomes an orphan)."""
        checks.objective(self.session, objective_id)
        if parent_id is not None:
            checks.parent(self.session, parent_id)
        self._change(lambda s: alignment.link(s, objective_id, parent_id))

    def mark_independent(self, objective_id: str) -> None:
        """Deliberately aligned with no parent (no longer flagged as an orphan)."""
        checks.objective(self.session, objective_id)
        self._change(lambda s: alignment.mark_independent(s, objective_id))
