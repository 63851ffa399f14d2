"""The errors of operations on a workshop session, shared by `room` and the workshop service.

Every refusal is a `WorkshopError`, so a front end (the TUI, the CLI, a web page) catches one
type and shows its message. The message says which field or item is at fault and what to do.
"""

from __future__ import annotations


class WorkshopError(Exception):
    """An operation on a session that cannot be done; the message says why."""


class InvalidInput(WorkshopError, ValueError):
    """A value given to an operation is not acceptable (empty, unknown choice, out of range)."""

    def __init__(self, field: str, problem: str, hint: str = "") -> None:
        self.field = field
        self.problem = problem
        self.hint = hint
        super().__init__(f"{field}: {problem}" + (f" ({hint})" if hint else ""))


class UnknownItem(WorkshopError, LookupError):
    """No item of this kind has this id: deleted meanwhile (by another front end) or stale."""

    def __init__(self, kind: str, item_id: str) -> None:
        self.kind = kind
        self.item_id = item_id
        super().__init__(f"no {kind} with id {item_id!r}: reload the session and pick another")
