"""`SessionStore`: one TinyDB file per session, atomic and locked writes, backups.

File layout
-----------
``<data dir>/<session id>.json`` is a TinyDB database with two tables::

    {"meta":    {"1": {"format": "facilitator-session", "schema_version": 1,
                       "session_id": "…", "written_by": "facilitator 0.1.0", "saved": "…"}},
     "session": {"1": {…the whole Session.to_dict()…}}}

Why the session is **one document** rather than a table per collection: a session is an
aggregate. It is always loaded and saved whole, under one lock, and its parts refer to each
other (votes → objectives, actions → participants, proposals → proposals); TinyDB rewrites the
whole file on every write anyway, so per-collection tables would buy no write granularity, only
a second set of ids (TinyDB's doc_ids beside our own) and a split that migrations would have to
put back together. The `meta` table is separate so the format marker and schema version can be
checked before the session is interpreted. Tables this release does not know are left as they
are when saving, like unknown keys inside the session.

Beside each file: ``<id>.json.lock`` (the lock), ``<id>.json.bak`` (the state before the last
change) and, after a restore, ``<id>.json.damaged-<time>`` (the damaged file, kept for study).

Concurrency and crash safety
----------------------------
Reads take no lock: files are only ever replaced whole (`files.atomic_write_bytes`), so a reader
sees the old file or the new one. Every write is a read–modify–write done entirely under a
`filelock.FileLock` on ``<file>.lock``: the file is re-read inside the lock, changed, and
replaced atomically, so two processes never lose each other's changes. Do not call the store's
writing methods from inside an `update` function for the same session: the lock is not
re-entrant across calls and the inner call would time out.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import filelock
import platformdirs
from tinydb import TinyDB
from tinydb.storages import Storage

from facilitator import __version__
from facilitator.session import SCHEMA_VERSION, Session, SessionFormatError, new_id, now_iso

from . import files
from .errors import (
    BackupError,
    CorruptSessionError,
    ForeignFileError,
    InvalidSessionData,
    InvalidSessionId,
    SessionExists,
    SessionNotFound,
    StoreError,
    StoreLockTimeout,
    StoreWriteError,
    UnreadableSessionError,
)
from .schema import (
    FORMAT,
    check_tables,
    envelope_from_documents,
    export_session,
    from_envelope,
    import_session,
    to_envelope,
)

ENV_VAR = "FACILITATOR_DATA_DIR"
SUFFIX = ".json"
RESTORE_COMMAND = "facilitator sessions restore {id}"
_VALID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def default_data_dir() -> Path:
    """Where session files live: `$FACILITATOR_DATA_DIR` if set, else the user's data folder.

    (``platformdirs.user_data_dir("facilitator")/sessions``: ~/.local/share/facilitator/sessions
    on Linux.) An explicit `SessionStore(data_dir=…)` overrides both.
    """
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("facilitator")) / "sessions"


@dataclass(frozen=True)
class SessionSummary:
    """One line of the home screen's session list."""

    id: str
    path: Path
    title: str = ""
    kind: str = ""
    lang: str = ""
    date: str = ""
    organisation: str = ""
    template: str = ""
    updated: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    damaged: bool = False
    problem: str = ""
    """For a damaged file: the full error message (what is wrong, what to do)."""

    @classmethod
    def of(cls, session: Session, path: Path) -> SessionSummary:
        return cls(
            id=session.id,
            path=path,
            title=session.title,
            kind=session.kind,
            lang=session.lang,
            date=session.date,
            organisation=session.organisation,
            template=session.template,
            updated=session.updated,
            counts=session.counts(),
        )


SummaryList = list[SessionSummary]


# --------------------------------------------------------------------------------------------
# The TinyDB storage


def _decode(raw: bytes, path: Path) -> Any:
    if not raw.strip():
        raise CorruptSessionError("the file is empty (it was probably cut off)", path=path)
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        raise CorruptSessionError(
            f"the file contains NUL bytes (first at byte {at}): it was damaged by a crash, a "
            "full disk or another program",
            path=path,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptSessionError(
            f"the file is not UTF-8 text (bad byte at position {error.start})", path=path
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        cause = "the file ends too early: it was probably cut off" if _cut_off(text) else error.msg
        raise CorruptSessionError(
            f"the file is not valid JSON at line {error.lineno}, column {error.colno} ({cause})",
            path=path,
        ) from None
    except RecursionError:
        raise CorruptSessionError(
            "the file is nested too deeply to be a session", path=path
        ) from None


def _cut_off(text: str) -> bool:
    """True when the JSON text stops inside a string or with brackets still open."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def _encode(tables: Any, path: Path) -> bytes:
    try:
        try:
            text = json.dumps(tables, ensure_ascii=False, indent=1, allow_nan=False)
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (from a bad paste) cannot be UTF-8: escape everything instead,
            # which JSON allows and which reads back to exactly the same strings.
            return json.dumps(tables, ensure_ascii=True, indent=1, allow_nan=False).encode()
    except (TypeError, ValueError) as error:
        raise InvalidSessionData(
            f"the session holds a value JSON cannot store ({error}); nothing was written",
            path=path,
        ) from None


class SafeJSONStorage(Storage):
    """A TinyDB storage that reads once, buffers writes, and commits them atomically.

    TinyDB calls `write` after every table operation; here those writes only update the
    in-memory state, and `commit` puts the final state on disk in one atomic replace
    (temp file, fsync, `os.replace`, fsync of the folder). So a save made of several table
    operations is still all-or-nothing. Reading checks the raw file first (NUL bytes, UTF-8,
    JSON, layout) and raises a `StoreError` naming the file instead of a `JSONDecodeError`.
    """

    def __init__(self, path: str, must_exist: bool = True) -> None:
        super().__init__()
        self.path = Path(path)
        self.must_exist = must_exist
        self._tables: dict[str, Any] | None = None
        self._loaded = False
        self._dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                if self.must_exist:
                    raise SessionNotFound(
                        "the session file does not exist", path=self.path
                    ) from None
                raw = None
            except OSError as error:
                raise StoreError(
                    f"cannot read the file: {error.strerror}", path=self.path
                ) from None
            if raw is not None:
                tables = _decode(raw, self.path)
                check_tables(tables, path=self.path)
                self._tables = tables
            self._loaded = True
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._tables = data
        self._dirty = True

    def commit(self, *, backup_to: Path | None = None) -> None:
        if not self._dirty:
            return
        data = _encode(self._tables, self.path)
        try:
            for stale in files.stale_temps(self.path):  # left by a killed writer; we hold the lock
                files.remove_quietly(stale)
            files.atomic_write_bytes(self.path, data, backup_to=backup_to)
        except OSError as error:
            raise StoreWriteError(
                f"could not save the session: {error.strerror or error}",
                path=self.path,
                hint="The previous state is unchanged; free some space or fix the permissions "
                "and try again",
            ) from None
        self._dirty = False


def _open(path: Path, *, must_exist: bool = True) -> TinyDB:
    return TinyDB(str(path), storage=SafeJSONStorage, must_exist=must_exist)


def _storage(db: TinyDB) -> SafeJSONStorage:
    return cast(SafeJSONStorage, db.storage)


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
    lock_path = path.with_name(path.name + ".lock")
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


# --------------------------------------------------------------------------------------------
# The store


class SessionStore:
    """The sessions in one folder. The only way the rest of facilitator touches session files."""

    def __init__(self, data_dir: Path | str | None = None, *, lock_timeout: float = 15.0) -> None:
        self.data_dir = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        self.lock_timeout = lock_timeout

    def __repr__(self) -> str:
        return f"SessionStore({str(self.data_dir)!r})"

    # -- paths ----------------------------------------------------------------------------------

    def path(self, session_id: str) -> Path:
        """The session's file; refuses ids that could name anything else."""
        if not isinstance(session_id, str) or not _VALID_ID.fullmatch(session_id):
            raise InvalidSessionId(
                f"{session_id!r} is not a session id (letters, digits, '-' and '_' only)",
                path=self.data_dir,
            )
        return self.data_dir / f"{session_id}{SUFFIX}"

    def backup_path(self, session_id: str) -> Path:
        path = self.path(session_id)
        return path.with_name(path.name + ".bak")

    def exists(self, session_id: str) -> bool:
        return self.path(session_id).exists()

    # -- reading --------------------------------------------------------------------------------

    def load(self, session_id: str) -> Session:
        return self._read(self.path(session_id), session_id)

    def list(self) -> SummaryList:
        """Every session in the folder, most recently updated first; damaged files last.

        A file that cannot be read appears with `damaged=True` and the error message in
        `problem`, so one bad file never hides the others.
        """
        if not self.data_dir.is_dir():
            return []
        good: SummaryList = []
        damaged: SummaryList = []
        for path in sorted(self.data_dir.glob(f"*{SUFFIX}")):
            if path.name.startswith(".") or not path.is_file():
                continue
            session_id = path.name[: -len(SUFFIX)]
            try:
                good.append(SessionSummary.of(self._read(path, session_id), path))
            except StoreError as error:
                damaged.append(
                    SessionSummary(id=session_id, path=path, damaged=True, problem=str(error))
                )
        good.sort(key=lambda s: s.updated, reverse=True)
        return good + damaged

    def export_dict(self, session_id: str) -> dict[str, Any]:
        """The complete session as JSON data (format marker, schema version, session)."""
        return export_session(self.load(session_id))

    # -- writing --------------------------------------------------------------------------------

    def create(self, session: Session) -> Session:
        """Save a new session; refuses an id already in use."""
        path = self.path(session.id)
        with self._locked(path):
            if path.exists():
                raise SessionExists(f"a session with id {session.id} already exists", path=path)
            db = _open(path, must_exist=False)
            try:
                self._put(db, session, path)
                _storage(db).commit()
            finally:
                db.close()
        return session

    def update(self, session_id: str, fn: Callable[[Session], object]) -> Session:
        """Apply `fn` to a fresh copy of the session, loaded under the lock, and save it.

        `fn` mutates the session it is given; its return value is ignored unless it is a
        `Session`, which then replaces the one given (it must keep the same id). So
        ``store.update(sid, lambda s: s.add_participant("Anne"))`` just works. The
        saved session is returned: the caller should use it rather than its own copy, since it
        also holds changes made meanwhile by other processes. If `fn` raises, nothing is saved
        and the exception propagates unchanged. A change that alters nothing writes nothing.
        """
        path = self.path(session_id)
        with self._locked(path):
            db = _open(path)
            try:
                session = self._from_db(db, path, session_id)
                before = session.to_dict()
                result = fn(session)
                if isinstance(result, Session):
                    session = result
                if session.id != session_id:
                    raise InvalidSessionData(
                        f"the update changed the session id to {session.id!r}",
                        path=path,
                        field="id",
                    )
                if session.to_dict() == before:
                    return session
                session.updated = now_iso()
                self._put(db, session, path)
                _storage(db).commit(backup_to=self.backup_path(session_id))
            finally:
                db.close()
        return session

    def duplicate(self, session_id: str) -> Session:
        """A copy under a new id, its title suffixed "(copie)" or "(copy)"."""
        copy = self.load(session_id).copy()
        copy.id = new_id()
        suffix = "(copie)" if copy.lang == "fr" else "(copy)"
        copy.title = f"{copy.title} {suffix}".strip()
        copy.created = copy.updated = now_iso()
        return self.create(copy)

    def delete(self, session_id: str) -> None:
        """Remove the session, its backup and any leftovers; works on a damaged file too."""
        path = self.path(session_id)
        with self._locked(path):
            if not path.exists():
                raise SessionNotFound("there is no such session to delete", path=path)
            leftovers = [
                *files.stale_temps(path),
                *path.parent.glob(f"{path.name}.damaged-*"),
            ]
            try:
                files.remove_quietly(path, self.backup_path(session_id), *leftovers)
            except OSError as error:
                raise StoreWriteError(
                    f"could not delete the session: {error.strerror}", path=path
                ) from None
            files.fsync_dir(path.parent)
        # The lock file goes last, outside the lock: a waiter then finds no session.
        files.remove_quietly(self._lock_path(path))

    def restore_backup(self, session_id: str) -> Session:
        """Put back the state saved before the last change (`<file>.bak`).

        A damaged file is kept aside as `<file>.damaged-<time>`; a readable one becomes the new
        backup, so a restore can itself be undone.
        """
        path = self.path(session_id)
        backup = self.backup_path(session_id)
        with self._locked(path):
            if not backup.exists():
                raise BackupError(
                    "there is no backup of this session (one is kept from the second save on)",
                    path=backup,
                )
            try:
                raw = backup.read_bytes()
                session = self._read(backup, session_id, hints=False)
            except (StoreError, OSError) as error:
                problem = error.problem if isinstance(error, StoreError) else str(error)
                raise BackupError(
                    f"the backup cannot be used either: {problem}",
                    path=backup,
                    hint="Nothing was changed; send both files to support",
                ) from None
            state = "missing"
            if path.exists():
                try:
                    self._read(path, session_id, hints=False)
                    state = "good"
                except UnreadableSessionError:
                    state = "damaged"
            try:
                if state == "damaged":
                    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                    files.snapshot(path, path.with_name(f"{path.name}.damaged-{stamp}"))
                files.atomic_write_bytes(path, raw, backup_to=backup if state == "good" else None)
            except OSError as error:
                raise StoreWriteError(
                    f"could not restore the backup: {error.strerror}", path=path
                ) from None
        return session

    def import_dict(self, data: Any, *, replace: bool = False) -> Session:
        """Save an exported session (see `export_dict`).

        It keeps its id when that id is free. When a session with that id exists, the import
        gets a new id, or with `replace=True` overwrites it (the old state goes to the backup).
        """
        session = import_session(data)
        if not _VALID_ID.fullmatch(session.id):
            session.id = new_id()
        if self.exists(session.id):
            if replace:
                return self.update(session.id, lambda _: session)
            session.id = new_id()
        return self.create(session)

    # -- internals ------------------------------------------------------------------------------

    def _lock_path(self, path: Path) -> Path:
        return path.with_name(path.name + ".lock")

    def _locked(self, path: Path) -> contextlib.AbstractContextManager[None]:
        return locked_file(
            path,
            self.data_dir,
            self.lock_timeout,
            folder_name="sessions folder",
            subject="this session",
            hint="Close the other window working on it and try again; nothing was changed",
        )

    def _read(self, path: Path, session_id: str, *, hints: bool = True) -> Session:
        try:
            with _open(path) as db:
                return self._from_db(db, path, session_id)
        except SessionNotFound:
            raise SessionNotFound(
                f"there is no session {session_id} in {self.data_dir}", path=path
            ) from None
        except UnreadableSessionError as error:
            if hints:
                self._add_hint(error, session_id)
            raise

    def _from_db(self, db: TinyDB, path: Path, session_id: str) -> Session:
        envelope = envelope_from_documents(
            [dict(doc) for doc in db.table("meta").all()],
            [dict(doc) for doc in db.table("session").all()],
            path=path,
        )
        session = from_envelope(envelope, path=path, what="file")
        # The file name is the id: a session file copied by hand becomes its own session.
        session.id = session_id
        return session

    def _put(self, db: TinyDB, session: Session, path: Path) -> None:
        """Write the session into the tables (buffered by the storage until commit)."""
        envelope = to_envelope(session)
        try:  # never write what would not load back
            Session.from_dict(envelope["session"])
        except SessionFormatError as error:
            raise InvalidSessionData(
                f"the session was not saved: {error.problem}", path=path, field=error.field
            ) from None
        meta = {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "session_id": session.id,
            "written_by": f"facilitator {__version__}",
            "saved": now_iso(),
        }
        for name, document in (("meta", meta), ("session", envelope["session"])):
            table = db.table(name)
            table.truncate()
            table.insert(document)

    def _add_hint(self, error: UnreadableSessionError, session_id: str) -> None:
        if error.hint or error.path is None:
            return
        backup = error.path.with_name(error.path.name + ".bak")
        if isinstance(error, CorruptSessionError | ForeignFileError) and backup.exists():
            error.backup = backup
            error.hint = (
                f"The last good state is in {backup}: run `{RESTORE_COMMAND.format(id=session_id)}`"
                " to go back to it (the damaged file is kept aside)"
            )
        elif isinstance(error, ForeignFileError):
            error.hint = f"Move this file out of the sessions folder {self.data_dir}"
        else:
            error.hint = (
                "No backup of it exists; open the file in a text editor to repair it, or delete "
                "the session"
            )
