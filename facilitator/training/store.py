"""`TrainingStore`: each trainee's progress in its own small TinyDB file, saved like a session.

Layout: ``<sessions folder>/training/<name>-<hash>.json`` (the hash of the group and the
case-folded name tells two "Anne Martin" of different groups apart), a TinyDB database with two
tables::

    {"meta":    {"1": {"format": "facilitator-training", "schema_version": 1, …}},
     "trainee": {"1": {…TraineeProgress.to_dict()…}}}

Built on the store's generic document file (`facilitator.store.documents`), so the session
store's rules apply: every change is a read–modify–write under a file lock, written in one
atomic replace (`facilitator.durable`), the previous state kept as ``.bak``; files are
owner-only. One file per trainee keeps each write small (TinyDB
rewrites the whole file) and lets a group of trainees save at the same moment without waiting on
each other.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from facilitator.envelope import codec
from facilitator.envelope.errors import (
    CorruptSessionError,
    ForeignFileError,
    StoreError,
    UnsupportedSchemaError,
)
from facilitator.store import DocumentKind, default_data_dir, files
from facilitator.store.documents import (
    backup_of,
    lock_path_of,
    locked_file,
    open_document,
    read_document,
    save_document,
)
from facilitator.training.progress import (
    SCHEMA_VERSION,
    ProgressFormatError,
    TraineeProgress,
    clean_name,
)

FORMAT = "facilitator-training"
SUFFIX = ".json"


def default_training_dir() -> Path:
    """``training/`` inside the sessions folder (so `--data-dir` moves both together)."""
    return default_data_dir() / "training"


def beside_sessions(sessions_dir: Path | str) -> TrainingStore:
    """The trainees' progress files of a sessions folder: its ``training/`` folder."""
    return TrainingStore(Path(sessions_dir) / "training")


def trainee_file_id(name: str, group: str = "") -> str:
    """The file name (without suffix) of a trainee: readable, and unique per group and name."""
    name, group = clean_name(name), clean_name(group)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40].rstrip("-") or "trainee"
    key = f"{group.casefold()}\0{name.casefold()}".encode()
    return f"{slug}-{hashlib.sha1(key).hexdigest()[:8]}"


def _check_tables(tables: Any, path: Path) -> None:
    meta = tables.get("meta") if isinstance(tables, dict) else None
    if not isinstance(meta, dict) or not any(
        isinstance(doc, dict) and doc.get("format") == FORMAT for doc in meta.values()
    ):
        raise ForeignFileError(
            f'this file is not a facilitator training file (no `meta` table marked "{FORMAT}")',
            path=path,
            hint=f"Move it out of the training folder {path.parent}",
        )
    version = next(doc.get("schema_version") for doc in meta.values() if isinstance(doc, dict))
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise UnsupportedSchemaError(
            f"written by a newer facilitator (training schema {version!r}); this release reads "
            f"schema {SCHEMA_VERSION}",
            path=path,
            hint="Upgrade facilitator to open it",
        )
    trainee = tables.get("trainee")
    if not isinstance(trainee, dict) or len(trainee) != 1:
        raise CorruptSessionError(
            "the `trainee` table should hold exactly one document", path=path, field="trainee"
        )


TRAINEE = DocumentKind(
    format=FORMAT,
    table="trainee",
    schema_version=SCHEMA_VERSION,
    check_tables=_check_tables,
    subject="the training progress",
)


def _from_db(db: TinyDB, path: Path) -> TraineeProgress:
    with codec.reading(path):  # TinyDB reads the file lazily, inside this block
        document = read_document(db, TRAINEE, path)
        try:
            return TraineeProgress.from_dict(document)
        except ProgressFormatError as error:
            raise CorruptSessionError(
                f"the training progress is damaged: {error.problem}", path=path, field=error.field
            ) from None


class TrainingStore:
    """The trainees' progress files in one folder."""

    def __init__(self, root: Path | str | None = None, *, lock_timeout: float = 15.0) -> None:
        self.root = Path(root).expanduser() if root is not None else default_training_dir()
        self.lock_timeout = lock_timeout

    def __repr__(self) -> str:
        return f"TrainingStore({str(self.root)!r})"

    def path(self, name: str, group: str = "") -> Path:
        if not clean_name(name):
            raise StoreError("a trainee needs a name", path=self.root, field="name")
        return self.root / f"{trainee_file_id(name, group)}{SUFFIX}"

    def exists(self, name: str, group: str = "") -> bool:
        return self.path(name, group).exists()

    def load(self, name: str, group: str = "") -> TraineeProgress:
        """The trainee's progress; a trainee with no file yet starts empty (nothing is written)."""
        path = self.path(name, group)
        if not path.exists():
            return TraineeProgress(name, group)
        with open_document(path, TRAINEE) as db:
            return _from_db(db, path)

    def update(
        self, name: str, group: str, change: Callable[[TraineeProgress], object]
    ) -> TraineeProgress:
        """Apply `change` to a fresh copy read under the lock, and save it atomically.

        The saved progress is returned: it also holds what another window of the same trainee
        saved meanwhile. If `change` raises, nothing is saved.
        """
        path = self.path(name, group)
        with self._locked(path), open_document(path, TRAINEE, must_exist=False) as db:
            trainee = _from_db(db, path) if path.exists() else TraineeProgress(name, group)
            before = trainee.to_dict()
            change(trainee)
            if trainee.to_dict() == before and path.exists():
                return trainee
            save_document(db, TRAINEE, trainee.to_dict(), backup_to=backup_of(path))
        return trainee

    def trainees(self, group: str | None = None) -> tuple[list[TraineeProgress], list[StoreError]]:
        """Every trainee (of `group` when given), by group then name, and the files that could
        not be read (one damaged file never hides the others)."""
        trainees: list[TraineeProgress] = []
        problems: list[StoreError] = []
        try:
            if not self.root.is_dir():
                return trainees, problems
            paths = sorted(self.root.glob(f"*{SUFFIX}"))
        except OSError as error:  # a name the system refuses (over 255 characters), no access
            raise StoreError(
                f"cannot open the training folder: {error.strerror or error}",
                path=self.root,
                hint="Choose another folder with --data-dir or FACILITATOR_DATA_DIR",
            ) from None
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                with open_document(path, TRAINEE) as db:
                    trainee = _from_db(db, path)
            except StoreError as error:
                problems.append(error)
                continue
            if group is None or trainee.group.casefold() == clean_name(group).casefold():
                trainees.append(trainee)
        trainees.sort(key=lambda t: (t.group.casefold(), t.name.casefold()))
        return trainees, problems

    def groups(self) -> list[str]:
        trainees, _ = self.trainees()
        return sorted({t.group for t in trainees}, key=str.casefold)

    def delete(self, name: str, group: str = "") -> None:
        path = self.path(name, group)
        with self._locked(path):
            files.remove_quietly(path, backup_of(path), *files.stale_temps(path))
        files.remove_quietly(lock_path_of(path))

    def _locked(self, path: Path) -> contextlib.AbstractContextManager[None]:
        return locked_file(
            path,
            self.root,
            self.lock_timeout,
            folder_name="training folder",
            subject="this trainee's progress",
            hint="Close the other window and try again; nothing was changed",
        )
