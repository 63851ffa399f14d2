"""The one atomic writer, shared by the session store, the trainees' progress, the minutes'
exports and the trainer's report (no TinyDB, no Textual).

An atomic write never touches the live file: the bytes go to a temp file in the same folder,
which is flushed and fsynced, then renamed over the live file with `os.replace` (atomic on
POSIX), and the folder is fsynced so the rename itself survives a power cut. A failure or a
kill at any moment leaves either the old file or the new one; a failure also removes the temp
file, a kill leaves at worst a stale one (`.<name>….tmp`, which the store clears under its lock).

    atomic_write(path, data)                          # owner-only (0600)
    with Replacement(path, mode=0o640) as new:        # opening fails apart from writing
        new.write(data)
        new.commit(before_replace=keep_backup)
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

FILE_MODE = 0o600  # sessions and minutes hold an executive committee's strategy: owner only
CHUNK = 1 << 20
"""Writes go in 1 MiB pieces (a test makes one fail half-way, as a full disk would)."""


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries, so that a rename into it survives a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder; the rename is still atomic
        pass
    finally:
        os.close(fd)


def temp_name(path: Path, tag: str = "") -> Path:
    """A fresh hidden name beside `path`, unique to this process and call."""
    return path.with_name(f".{path.name}{tag}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


class Replacement:
    """The next content of `path`, written to a temp file beside it until `commit` renames it
    over `path`. Creating one creates the temp file (an `OSError` then means the folder refuses
    new files); used as a context manager, the temp file is removed unless committed."""

    def __init__(self, path: Path, *, mode: int = FILE_MODE, tag: str = "") -> None:
        self.path = path
        self.temp = temp_name(path, tag)
        fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
        self._handle = os.fdopen(fd, "wb")
        try:
            os.fchmod(fd, mode)  # the umask may have removed bits from os.open's mode
        except BaseException:
            self.discard()
            raise

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            self._handle.write(view[start : start + CHUNK])

    def commit(self, *, before_replace: Callable[[], None] | None = None) -> None:
        """Flush and fsync the temp file, call `before_replace` (the store keeps its backup
        there), rename the temp file over `path` and fsync the folder."""
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        if before_replace is not None:
            before_replace()
        os.replace(self.temp, self.path)
        fsync_dir(self.path.parent)

    def discard(self) -> None:
        """Close and remove the temp file (nothing happens to `path`); safe to call twice."""
        self._handle.close()
        with contextlib.suppress(OSError):
            self.temp.unlink()

    def __enter__(self) -> Replacement:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.discard()


def atomic_write(
    path: Path,
    data: bytes,
    *,
    mode: int = FILE_MODE,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace `path` with `data`, all or nothing; raises the `OSError` that stopped it."""
    with Replacement(path, mode=mode) as replacement:
        replacement.write(data)
        replacement.commit(before_replace=before_replace)
