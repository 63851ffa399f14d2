"""Errors raised by the session store.

Every error names the file (and the field when one is at fault), says what is wrong and what to
do. The parts are also kept as attributes (`path`, `field`, `problem`, `hint`, `backup`) so the
TUI can phrase the dialog in the session's language.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every error the store raises; `str(error)` is a complete, readable message."""

    def __init__(
        self,
        problem: str,
        *,
        path: Path | str | None = None,
        field: str | None = None,
        hint: str = "",
        backup: Path | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = Path(path) if path is not None else None
        self.field = field
        self.hint = hint
        self.backup = backup

    def __str__(self) -> str:
        # "file: field: problem. What to do", the field first so that it reads like a location
        message = self.problem
        if self.field:
            message = f"{self.field}: {message}"
        if self.path is not None:
            message = f"{self.path}: {message}"
        if self.hint:
            message = f"{message}. {self.hint}"
        return message

    def __reduce__(self):  # keep the attributes across processes (workers, multiprocessing)
        return (
            _rebuild,
            (type(self), self.problem, self.path, self.field, self.hint, self.backup),
        )


def _rebuild(
    cls: type[StoreError],
    problem: str,
    path: Path | None,
    field: str | None,
    hint: str,
    backup: Path | None,
) -> StoreError:
    return cls(problem, path=path, field=field, hint=hint, backup=backup)


class InvalidSessionId(StoreError):
    """A session id that cannot name a file (path separators, dots, empty …)."""


class SessionNotFound(StoreError):
    """No session file with that id."""


class SessionExists(StoreError):
    """Creating a session whose id is already taken."""


class UnreadableSessionError(StoreError):
    """A session file that exists but cannot be loaded; `list()` shows these as damaged."""


class CorruptSessionError(UnreadableSessionError):
    """Not valid JSON (NUL bytes, truncated, not UTF-8) or a field of the wrong type."""


class ForeignFileError(UnreadableSessionError):
    """Valid JSON, but not a facilitator session."""


class SpecialFileError(UnreadableSessionError):
    """A named pipe, a device, a folder … where a regular file was expected; never opened."""


class UnsupportedSchemaError(UnreadableSessionError):
    """Written by a newer facilitator whose schema this release cannot read."""


class InvalidSessionData(StoreError):
    """A session about to be saved would not load back; nothing was written."""


class StoreWriteError(StoreError):
    """The operating system refused a write (disk full, permissions …); nothing was changed."""


class StoreLockTimeout(StoreError):
    """Another process kept the session locked for too long."""


class BackupError(StoreError):
    """No usable backup to restore."""
