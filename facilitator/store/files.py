"""Crash-safe file primitives of the store: private folders, backups, swaps. No TinyDB here.

Writes go through the one atomic writer, `facilitator.durable`: a kill at any moment leaves
either the old file or the new one, plus at worst a stale temp file that the next write of the
same file removes (`stale_temps`, under the lock).

Files are read with `facilitator.envelope.regular.read_regular`, which refuses anything but a
regular file before reading it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from facilitator.durable import FILE_MODE, atomic_write, fsync_dir, temp_name
from facilitator.envelope.regular import read_regular

__all__ = [
    "FILE_MODE",
    "atomic_write_bytes",
    "ensure_private_dir",
    "finish_swap",
    "fsync_dir",
    "read_regular",
    "remove_quietly",
    "snapshot",
    "stale_temps",
    "swap",
    "swap_name",
    "unused_name",
]

DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) if missing; a folder we create is owner-only.

    An existing folder is left as it is: the user chose it, and the files inside are 0600.
    """
    if path.is_dir():
        return
    try:
        path.mkdir(mode=DIR_MODE, parents=True)
    except FileExistsError:
        # Another process may have made it a moment ago (parallel imports): only something
        # that is still no folder now is an error, not a folder that appeared since the check.
        if path.is_dir():
            return
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(path)) from None
    os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask


def stale_temps(path: Path) -> list[Path]:
    """Temp files left behind by a killed writer of `path` (its own and its backup's)."""
    return sorted(path.parent.glob(f".{path.name}*.tmp"))


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
        atomic_write_bytes(target, read_regular(source))
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

    def keep_backup() -> None:
        if backup_to is not None and path.exists():
            snapshot(path, backup_to)

    atomic_write(path, data, before_replace=keep_backup)


def swap_name(path: Path) -> Path:
    """Where `swap` keeps the live state of `path` while it exchanges it with the backup."""
    return path.with_name(path.name + ".swap")


def swap(path: Path, backup: Path) -> None:
    """Exchange the states of `path` and `backup`; at every instant both are in named files.

    1. ``<file>.swap`` gets the live state (a hard link, else a copy; fsynced);
    2. the backup is renamed over the live file — the commit point: the old backup is live;
    3. ``<file>.swap`` is renamed to the backup.

    A kill or a Ctrl-C between two steps leaves the swap file, which `finish_swap` resolves
    under the lock before anything else touches the session: a temp file would be deleted by
    the next save, so the state held only there would be lost.
    """
    held = swap_name(path)
    snapshot(path, held)
    fsync_dir(path.parent)
    os.replace(backup, path)
    fsync_dir(path.parent)
    os.replace(held, backup)
    fsync_dir(path.parent)


def finish_swap(path: Path, backup: Path) -> bool:
    """Resolve a swap a kill interrupted (call it holding the lock); True if there was one.

    While the backup still exists, step 2 has not run: the swap file is a copy of the live
    file and goes. Once it is gone, step 2 has run: the swap file holds the old live state and
    becomes the backup.
    """
    held = swap_name(path)
    if not os.path.lexists(held):
        return False
    if os.path.lexists(backup):
        held.unlink()
    else:
        os.replace(held, backup)
    fsync_dir(path.parent)
    return True


def unused_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3` … the first that does not exist (under the caller's lock)."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
