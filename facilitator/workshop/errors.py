"""What the workshop service raises: every refusal is a `WorkshopError` naming the field or item
at fault and what to do; `NotSaved` says the store refused a write that is kept for later.

The refusals of the objectives' life (`room.objectives.ObjectiveError` and its kinds) are
workshop errors too, re-exported here so that callers import every error from one place.
"""

from __future__ import annotations

from facilitator.room.errors import InvalidInput, UnknownItem, WorkshopError
from facilitator.room.objectives import (
    DeleteError,
    MergeError,
    MoveError,
    ObjectiveError,
    StatusError,
    UndoConflict,
    UnknownObjective,
)
from facilitator.store import StoreError

__all__ = [
    "DeleteError",
    "InvalidInput",
    "MergeError",
    "MoveError",
    "NotSaved",
    "ObjectiveError",
    "StatusError",
    "UndoConflict",
    "UnknownItem",
    "UnknownObjective",
    "WorkshopError",
]


class NotSaved(WorkshopError):
    """The store refused the write (full disk, lock held too long …). The change is applied to
    the session in memory and replayed at the next save, unless it failed there too."""

    def __init__(self, error: StoreError, result: object = None) -> None:
        self.error = error
        self.result = result
        """What the change returned in memory (the id of what it created …)."""
        super().__init__(str(error))
