"""Crash-safe file primitives: private folders, atomic writes, backups. No TinyDB here.

An atomic write never touches the live file: the bytes go to a temp file in the same folder,
which is flushed and fsynced, then renamed over the live file with `os.replace` (atomic on
POSIX), and the folder is fsynced so the rename itself survives a power cut. A kill at any
moment leaves either the old file or the new one, plus at worst a stale temp file that the next
write of the same session removes.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from facilitator.durable import fsync_dir

FILE_MODE = 0o600  # sessions hold an executive committee's strategy: owner only
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) if missing; a folder we create is owner-only.

    An existing folder is left as it is: the user chose it, and the files inside are 0600.
    """
    if path.is_dir():
        return
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask


def temp_name(path: Path, tag: str = "") -> Path:
    return path.with_name(f".{path.name}{tag}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def stale_temps(path: Path) -> list[Path]:
    """Temp files left behind by a killed writer of `path` (its own and its backup's)."""
    return sorted(path.parent.glob(f".{path.name}*.tmp"))


def _write_temp(path: Path, data: bytes, tag: str = "") -> Path:
    tmp = temp_name(path, tag)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)  # the umask may have removed owner bits
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def snapshot(source: Path, target: Path) -> None:
    """Atomically make `target` hold the current content of `source`.

    A hard link costs nothing and is safe because live files are only ever replaced, never
    written in place; where links are not supported, the bytes are copied atomically.
    """
    with contextlib.suppress(OSError):
        if os.path.samefile(source, target):  # already the same file (a kill came between)
            return
    tmp = temp_name(target)
    try:
        os.link(source, tmp)
    except OSError:
        atomic_write_bytes(target, source.read_bytes())
        return
    try:
        os.replace(tmp, target)
    finally:
        # rename() between two links to one file succeeds without doing anything: the temp
        # name would stay behind. Whatever happened, it must not outlive this call.
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes, *, backup_to: Path | None = None) -> None:
    """Replace `path` with `data` atomically; first keep the current file as `backup_to`."""
    tmp = _write_temp(path, data)
    try:
        if backup_to is not None and path.exists():
            snapshot(path, backup_to)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
