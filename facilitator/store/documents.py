"""The generic document store: one JSON document per file, in TinyDB tables, changed under a
lock and saved in one atomic replace. Sessions (`repository`) and trainees' progress
(`facilitator.training.store`) are both kept this way; this module knows neither.

A file holds a `meta` table (format marker, schema version, who wrote it, when) and one table
for the document itself, one TinyDB document each::

    {"meta": {"1": {"format": "facilitator-session", "schema_version": 1, …}},
     "session": {"1": {…}}}

    kind = DocumentKind("facilitator-training", "trainee", 1, check_tables, "the training progress")
    with locked_file(path, folder, timeout, folder_name=…, subject=…, hint=…):
        with open_document(path, kind, must_exist=False) as db:
            document = read_document(db, kind, path)      # None for a new file
            …
            save_document(db, kind, document, backup_to=backup)

Every read checks the raw file first (`codec`, then the kind's `check_tables`) and every failure
is a `StoreError` naming the file, so one damaged file never hides the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import filelock
from tinydb import TinyDB
from tinydb.storages import Storage

from facilitator import __version__
from facilitator.envelope import codec
from facilitator.envelope.errors import (
    CorruptSessionError,
    SessionNotFound,
    StoreError,
    StoreLockTimeout,
    StoreWriteError,
)
from facilitator.session import now_iso

from . import files


@dataclass(frozen=True)
class DocumentKind:
    """What a kind of document file holds and how it is checked before TinyDB reads it."""

    format: str
    """The `meta` table's format marker: "facilitator-session", "facilitator-training"."""
    table: str
    """The table holding the document: "session", "trainee"."""
    schema_version: int
    check_tables: Callable[[Any, Path], None]
    """Raises a `StoreError` when the raw JSON is not a file of this kind (or is damaged)."""
    subject: str
    """What a failed save could not save: "the session", "the training progress"."""


class SafeJSONStorage(Storage):
    """A TinyDB storage that reads once, buffers writes, and commits them atomically.

    TinyDB calls `write` after every table operation; here those writes only update the
    in-memory state, and `commit` puts the final state on disk in one atomic replace
    (`files.atomic_write_bytes`). So a save made of several table operations is still
    all-or-nothing. Reading checks the raw file first (NUL bytes, UTF-8, JSON, the kind's
    layout) and raises a `StoreError` naming the file instead of a `JSONDecodeError`.
    """

    def __init__(self, path: str, *, kind: DocumentKind, must_exist: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.kind = kind
        self.must_exist = must_exist
        self._tables: dict[str, Any] | None = None
        self._loaded = False
        self._dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            try:
                raw: bytes | None = files.read_regular(self.path)
            except FileNotFoundError:
                if self.must_exist:
                    raise SessionNotFound(
                        f"{self.kind.subject} file does not exist", path=self.path
                    ) from None
                raw = None
            except OSError as error:
                raise StoreError(
                    f"cannot read the file: {error.strerror}", path=self.path
                ) from None
            if raw is not None:
                tables = codec.decode(raw, self.path)
                self.kind.check_tables(tables, self.path)
                self._tables = tables
            self._loaded = True
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._tables = data
        self._dirty = True

    def commit(self, *, backup_to: Path | None = None) -> None:
        if not self._dirty:
            return
        data = codec.encode(self._tables, self.path)
        try:
            for stale in files.stale_temps(self.path):  # left by a killed writer; we hold the lock
                files.remove_quietly(stale)
            files.atomic_write_bytes(self.path, data, backup_to=backup_to)
        except OSError as error:
            raise StoreWriteError(
                f"could not save {self.kind.subject}: {error.strerror or error}",
                path=self.path,
                hint="The previous state is unchanged; free some space or fix the permissions "
                "and try again",
            ) from None
        self._dirty = False


@contextmanager
def open_document(path: Path, kind: DocumentKind, *, must_exist: bool = True) -> Iterator[TinyDB]:
    """The file as a TinyDB database, closed on leaving; nothing is read until asked."""
    db = TinyDB(str(path), storage=SafeJSONStorage, kind=kind, must_exist=must_exist)
    try:
        yield db
    finally:
        db.close()


def tables_of(db: TinyDB, *names: str) -> list[list[dict[str, Any]]]:
    """The documents of each named table, as plain dicts (TinyDB reads the file here)."""
    return [[dict(doc) for doc in db.table(name).all()] for name in names]


def read_document(db: TinyDB, kind: DocumentKind, path: Path) -> dict[str, Any]:
    """The one document of the kind's table; a file without it is damaged."""
    with codec.reading(path):  # TinyDB reads the file lazily, inside this block
        [documents] = tables_of(db, kind.table)
    if not documents:
        raise CorruptSessionError(f"the file holds no {kind.table}", path=path, field=kind.table)
    return documents[0]


def save_document(
    db: TinyDB,
    kind: DocumentKind,
    document: Mapping[str, Any],
    *,
    meta: Mapping[str, Any] | None = None,
    backup_to: Path | None = None,
) -> None:
    """Replace the file's `meta` and document tables and commit them in one atomic write,
    keeping the previous file as `backup_to`. `meta` adds fields to the marker's."""
    header = {
        "format": kind.format,
        "schema_version": kind.schema_version,
        **(meta or {}),
        "written_by": f"facilitator {__version__}",
        "saved": now_iso(),
    }
    for name, content in (("meta", header), (kind.table, dict(document))):
        table = db.table(name)
        table.truncate()
        table.insert(content)
    cast(SafeJSONStorage, db.storage).commit(backup_to=backup_to)


@contextmanager
def locked_file(
    path: Path, folder: Path, timeout: float, *, folder_name: str, subject: str, hint: str
) -> Iterator[None]:
    """Hold `<path>.lock` (creating the private `folder` if needed) for one read–change–write,
    so that two processes never lose each other's changes; every failure is a StoreError."""
    try:
        files.ensure_private_dir(folder)
    except OSError as error:
        raise StoreWriteError(
            f"cannot create the {folder_name}: {error.strerror}", path=folder
        ) from None
    lock_path = lock_path_of(path)
    lock = filelock.FileLock(str(lock_path), timeout=timeout, mode=files.FILE_MODE)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise StoreLockTimeout(
            f"another facilitator process has kept {subject} locked for more than {timeout:g} s",
            path=path,
            hint=hint,
        ) from None
    except OSError as error:
        raise StoreWriteError(f"cannot lock the file: {error.strerror}", path=lock_path) from None
    try:
        yield
    finally:
        lock.release()


def lock_path_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def backup_of(path: Path) -> Path:
    """Where the state before the last change is kept: `<file>.bak`."""
    return path.with_name(path.name + ".bak")
