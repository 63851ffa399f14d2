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

Beside each file: ``<id>.json.lock`` (the lock, only while the session exists),
``<id>.json.bak`` (the state before the last change), ``<id>.json.damaged-<time>`` (a damaged
file a restore or an import put aside, kept for study) and, only while a restore runs or after
one was killed, ``<id>.json.swap`` (see `files.swap`). A deleted session's files are moved to
``deleted/<id>-<time>/``, from which `facilitator import` brings it back.

Concurrency and crash safety
----------------------------
Reads take no lock: files are only ever replaced whole (`files.atomic_write_bytes`), so a reader
sees the old file or the new one. Every write is a read–modify–write done entirely under a
`filelock.FileLock` on ``<file>.lock``: the file is re-read inside the lock, changed, and
replaced atomically, so two processes never lose each other's changes. Do not call the store's
writing methods from inside an `update` function for the same session: the lock is not
re-entrant across calls and the inner call would time out. Whoever takes the lock first
finishes a restore that a kill interrupted (`files.finish_swap`); a reader that sees the swap
file takes the lock for that.

One module of about 600 lines, on purpose: `SessionStore` is one class whose every writing
method follows the protocol above (lock, re-read, change, atomic replace, backup), and the
layout and recovery rules it keeps are written here, beside the code that keeps them. What is
not the sessions' own lives beside it: the TinyDB documents and their lock (`documents`), the
atomic writes and swaps (`files`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from tinydb import TinyDB

from facilitator.envelope import codec
from facilitator.envelope.errors import (
    BackupError,
    CorruptSessionError,
    ForeignFileError,
    InvalidSessionData,
    InvalidSessionId,
    SessionExists,
    SessionNotFound,
    StoreError,
    StoreWriteError,
    UnreadableSessionError,
)
from facilitator.envelope.schema import (
    FORMAT,
    check_tables,
    envelope_from_documents,
    export_session,
    from_envelope,
    import_session,
    replace_lone_surrogates,
    to_envelope,
)
from facilitator.session import (
    SCHEMA_VERSION,
    Session,
    SessionFormatError,
    new_id,
    now_iso,
    shown,
)

from . import files
from .documents import (
    DocumentKind,
    backup_of,
    lock_path_of,
    locked_file,
    open_document,
    save_document,
    tables_of,
)

ENV_VAR = "FACILITATOR_DATA_DIR"
SUFFIX = ".json"
TRASH = "deleted"
RESTORE_COMMAND = "facilitator sessions restore {id}"
DELETE_COMMAND = "facilitator sessions delete {id}"
_MAX_ID = 64


def id_problem(value: object) -> str:
    """Why `value` cannot be a session id, or "" when it can. An id names a file: no path
    separator, no dot, nothing a shell or another file system would read differently."""
    if not isinstance(value, str):
        return "it is not text"
    if not value:
        return "it is empty"
    if len(value) > _MAX_ID:
        return f"it has {len(value)} characters, at most {_MAX_ID} are allowed"
    bad = next((c for c in value if not (c.isascii() and (c.isalnum() or c in "-_"))), None)
    if bad is not None:
        return f"it contains {bad!r}; only letters, digits, '-' and '_' are allowed"
    if not value[0].isalnum():
        return f"it starts with {value[0]!r}; it must start with a letter or a digit"
    return ""


SESSION = DocumentKind(
    format=FORMAT,
    table="session",
    schema_version=SCHEMA_VERSION,
    check_tables=lambda tables, path: check_tables(tables, path=path),
    subject="the session",
)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


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


@dataclass(frozen=True)
class Imported:
    """What `SessionStore.import_data` did, for the command line to report."""

    session: Session
    """The session as saved."""
    id_problem: str = ""
    """Why the imported id was not kept (then the session got a new one); "" when it was."""
    damaged: UnreadableSessionError | None = None
    """The damaged session file that holds the imported id, left alone (no `replace`)."""
    set_aside: Path | None = None
    """With `replace`: where the damaged session file it replaced was kept."""
    replaced: tuple[str, ...] = ()
    """Where lone surrogates were replaced by U+FFFD (``session.title`` …)."""


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
        problem = id_problem(session_id)
        if problem:
            raise InvalidSessionId(
                f"{shown(session_id)} is not a valid session id: {problem}", path=self.data_dir
            )
        return self.data_dir / f"{session_id}{SUFFIX}"

    def backup_path(self, session_id: str) -> Path:
        return backup_of(self.path(session_id))

    def exists(self, session_id: str) -> bool:
        return self.path(session_id).exists()

    # -- reading --------------------------------------------------------------------------------

    def load(self, session_id: str) -> Session:
        path = self.path(session_id)
        if self._folder_exists():
            self._finish_interrupted_restore(path)
        return self._read(path, session_id)

    def list(self) -> SummaryList:
        """Every session in the folder, most recently updated first; damaged files last.

        A file that cannot be read appears with `damaged=True` and the error message in
        `problem`, so one bad file never hides the others.
        """
        if not self._folder_exists():
            return []
        try:
            names = sorted(entry.name for entry in os.scandir(self.data_dir))
        except OSError as error:
            raise self._folder_error(error) from None
        good: SummaryList = []
        damaged: SummaryList = []
        for name in names:
            if name.startswith(".") or not name.endswith(SUFFIX):
                continue
            path, session_id = self.data_dir / name, name[: -len(SUFFIX)]
            try:
                problem = id_problem(session_id)
                if problem:
                    raise ForeignFileError(
                        f"the file name is not a session id ({problem})",
                        path=path,
                        hint="Rename the file, or move it out of the sessions folder",
                    )
                self._finish_interrupted_restore(path)
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
            if os.path.lexists(path):
                raise SessionExists(f"a session with id {session.id} already exists", path=path)
            self._write_new(path, session)
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
            return self._change(path, session_id, fn)

    def duplicate(self, session_id: str) -> Session:
        """A copy under a new id, its title suffixed "(copie)" or "(copy)"."""
        copy = self.load(session_id).copy()
        copy.id = new_id()
        suffix = "(copie)" if copy.lang == "fr" else "(copy)"
        copy.title = f"{copy.title} {suffix}".strip()
        copy.created = copy.updated = now_iso()
        return self.create(copy)

    def delete(self, session_id: str) -> Path:
        """Take the session out of the store; works on a damaged file too.

        Its file, backup and any damaged copies are moved (not erased) to the folder returned,
        ``deleted/<id>-<time>/``: a deletion by mistake is undone by importing the file there.
        """
        path = self.path(session_id)
        with self._locked(path):
            if not os.path.lexists(path):
                raise SessionNotFound("there is no such session to delete", path=path)
            kept = files.unused_name(self.data_dir / TRASH / f"{session_id}-{_stamp()}")
            # The session file goes first: once it is moved, the session is deleted.
            moving = [path, self.backup_path(session_id)]
            moving += sorted(path.parent.glob(f"{path.name}.damaged-*"))
            try:
                files.ensure_private_dir(kept.parent)
                files.ensure_private_dir(kept)
                for source in moving:
                    if os.path.lexists(source):
                        os.replace(source, kept / source.name)
                files.remove_quietly(*files.stale_temps(path))
                files.fsync_dir(kept)
                files.fsync_dir(path.parent)
            except OSError as error:
                raise StoreWriteError(
                    f"could not delete the session: {error.strerror or error}", path=path
                ) from None
        return kept

    def restore_backup(self, session_id: str) -> Session:
        """Put back the state saved before the last change (`<file>.bak`).

        A readable file and its backup are swapped (`files.swap`), so a restore can itself be
        undone and no state is lost if it is interrupted. A damaged file is kept aside as
        `<file>.damaged-<time>`, then the backup is copied in its place.
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
                session = self._read(backup, session_id, hints=False)
            except StoreError as error:
                raise BackupError(
                    f"the backup cannot be used either: {error.problem}",
                    path=backup,
                    hint="Nothing was changed; send both files to support",
                ) from None
            state = self._state(path, session_id)
            try:
                if state == "good":
                    files.swap(path, backup)
                else:
                    if state == "damaged":
                        self._set_aside(path)
                    files.snapshot(backup, path)
                    files.fsync_dir(path.parent)
            except OSError as error:
                raise StoreWriteError(
                    f"could not restore the backup: {error.strerror or error}", path=path
                ) from None
        return session

    def import_data(self, data: Any, *, replace: bool = False) -> Imported:
        """Save an exported session (see `export_dict`, or a session file's raw content).

        It keeps its id when that id is valid and free. When the id is taken, the import gets a
        new id, or with `replace=True` takes its place: a readable session goes to the backup, a
        damaged one is kept aside as `<file>.damaged-<time>`. The id is chosen under the file's
        lock, so imports of one file running at the same moment each get their own session.
        """
        with codec.reading(None):
            data, replaced = replace_lone_surrogates(data)
            session = import_session(data)
        problem = id_problem(session.id)
        damaged = None
        if problem:
            problem = f"{shown(session.id)} is not a valid session id: {problem}"
        else:
            if replace:
                with contextlib.suppress(SessionNotFound):
                    saved, kept = self._replace(session)
                    return Imported(saved, set_aside=kept, replaced=replaced)
            try:
                return Imported(self.create(session), replaced=replaced)
            except SessionExists:
                problem = f"session id {session.id} is already taken"
                damaged = self._damage_of(session.id)
        session.id = new_id()  # random: `create` still checks it under its own lock
        saved = self.create(session)
        return Imported(saved, id_problem=problem, damaged=damaged, replaced=replaced)

    def import_dict(self, data: Any, *, replace: bool = False) -> Session:
        """`import_data`, for callers that only need the saved session."""
        return self.import_data(data, replace=replace).session

    # -- internals ------------------------------------------------------------------------------

    @contextmanager
    def _locked(self, path: Path) -> Iterator[None]:
        """The session's lock, with any restore a kill interrupted finished first."""
        with locked_file(
            path,
            self.data_dir,
            self.lock_timeout,
            folder_name="sessions folder",
            subject="this session",
            hint="Close the other window working on it and try again; nothing was changed",
        ):
            try:
                try:
                    files.finish_swap(path, backup_of(path))
                except OSError as error:
                    raise StoreWriteError(
                        f"could not finish an interrupted restore: {error.strerror or error}",
                        path=files.swap_name(path),
                        hint="Both states are still on disk; fix the permissions and try again",
                    ) from None
                yield
            finally:
                # A lock file exists only beside a session: a failed create, an update of a
                # missing session or a delete leaves none. It is removed while held: a process
                # waiting on it then finds it unlinked and takes a new one (filelock checks).
                if not os.path.lexists(path):
                    files.remove_quietly(lock_path_of(path))

    def _finish_interrupted_restore(self, path: Path) -> None:
        """Readers take no lock, except to finish a restore a kill left half done."""
        if os.path.lexists(files.swap_name(path)):
            with self._locked(path):
                pass

    def _folder_exists(self) -> bool:
        """False when the sessions folder does not exist yet; an error when it cannot be one."""
        try:
            mode = os.stat(self.data_dir).st_mode
        except FileNotFoundError:
            return False
        except OSError as error:
            raise self._folder_error(error) from None
        if not stat.S_ISDIR(mode):
            raise StoreError(
                "the sessions folder is a file, not a folder",
                path=self.data_dir,
                hint=f"Choose another folder with --data-dir or {ENV_VAR}, or move this file",
            )
        return True

    def _folder_error(self, error: OSError) -> StoreError:
        return StoreError(
            f"cannot open the sessions folder: {error.strerror or error}",
            path=self.data_dir,
            hint=f"Choose another folder with --data-dir or {ENV_VAR}",
        )

    def _read(self, path: Path, session_id: str, *, hints: bool = True) -> Session:
        try:
            with open_document(path, SESSION) as db:
                return self._from_db(db, path, session_id)
        except SessionNotFound:
            raise SessionNotFound(
                f"there is no session {session_id} in {self.data_dir}", path=path
            ) from None
        except UnreadableSessionError as error:
            if hints:
                self._add_hint(error, session_id)
            raise

    def _state(self, path: Path, session_id: str) -> str:
        """What a restore or a replacing import overwrites: "missing", "good" or "damaged"."""
        if not os.path.lexists(path):
            return "missing"
        try:
            self._read(path, session_id, hints=False)
        except UnreadableSessionError:
            return "damaged"
        return "good"

    def _damage_of(self, session_id: str) -> UnreadableSessionError | None:
        """What is wrong with the stored session, if it is damaged."""
        try:
            self.load(session_id)
        except UnreadableSessionError as error:
            return error
        except StoreError:  # deleted meanwhile, or the like: the id was simply taken
            pass
        return None

    def _from_db(self, db: TinyDB, path: Path, session_id: str) -> Session:
        with codec.reading(path):  # TinyDB reads the file lazily, inside this block
            meta, documents = tables_of(db, "meta", SESSION.table)
            envelope = envelope_from_documents(meta, documents, path=path)
            session = from_envelope(envelope, path=path, what="file")
        # The file name is the id: a session file copied by hand becomes its own session.
        session.id = session_id
        return session

    def _change(self, path: Path, session_id: str, fn: Callable[[Session], object]) -> Session:
        """`update`'s read–change–write, the lock held by the caller."""
        with open_document(path, SESSION) as db:
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
            self._save(db, session, path, backup_to=self.backup_path(session_id))
        return session

    def _write_new(self, path: Path, session: Session) -> None:
        """Write `session` as a new file (no backup), the lock held by the caller."""
        with open_document(path, SESSION, must_exist=False) as db:
            self._save(db, session, path)

    def _replace(self, session: Session) -> tuple[Session, Path | None]:
        """Put `session` in place of the stored session with its id (`SessionNotFound` when
        there is none); returns the saved session and where a damaged file was kept aside."""
        path = self.path(session.id)
        with self._locked(path):
            if self._state(path, session.id) == "damaged":
                kept = self._set_aside(path)
                self._write_new(path, session)
                return session, kept
            return self._change(path, session.id, lambda _: session), None

    def _set_aside(self, path: Path) -> Path:
        """Move a damaged session file out of the way, kept as `<file>.damaged-<time>`."""
        kept = files.unused_name(path.with_name(f"{path.name}.damaged-{_stamp()}"))
        try:
            os.replace(path, kept)
        except OSError as error:
            raise StoreWriteError(
                f"could not move the damaged file aside: {error.strerror or error}",
                path=path,
                hint="Nothing was changed",
            ) from None
        files.fsync_dir(path.parent)
        return kept

    def _save(
        self, db: TinyDB, session: Session, path: Path, *, backup_to: Path | None = None
    ) -> None:
        """Write the session in one atomic replace, never one that would not load back."""
        envelope = to_envelope(session)
        try:
            Session.from_dict(envelope["session"])
        except SessionFormatError as error:
            raise InvalidSessionData(
                error.problem, path=path, field=error.field, hint="The session was not saved"
            ) from None
        meta = {"session_id": session.id}
        save_document(db, SESSION, envelope["session"], meta=meta, backup_to=backup_to)

    def _add_hint(self, error: UnreadableSessionError, session_id: str) -> None:
        if error.hint or error.path is None:
            return
        backup = backup_of(error.path)
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
                f"the session (`{DELETE_COMMAND.format(id=session_id)}` keeps a copy)"
            )
