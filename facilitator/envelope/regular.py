"""Reading a file that must be a regular one: a named pipe would block the reader for ever and
a device could stream without end, so anything else is refused before it is read.

Used for every file read as a session: the store's files, its backups, imported exports.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import SpecialFileError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str | None:
    """What a file with this `st_mode` is ("a named pipe (FIFO)" …), or None if regular."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for is_kind, kind in _KINDS if is_kind(mode)), "a special file")


def _refuse(path: Path, mode: int, *, link: bool = False) -> SpecialFileError:
    what = not_regular(mode)
    return SpecialFileError(
        f"{'a symbolic link to ' if link else ''}{what}, not a regular file: it was not opened",
        path=path,
        hint="facilitator reads only plain files: move this one away, or give a plain file",
    )


def read_regular(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file (or a symbolic link to one).

    The kind is checked with `lstat` (and `stat` through a link) before opening, so a device is
    never opened; the file is then opened with O_NONBLOCK, so that a FIFO swapped in meanwhile
    cannot block, and checked again with `fstat` on what was actually opened. Raises
    `FileNotFoundError` (and other `OSError`s) as `open` would, `SpecialFileError` for the rest.
    """
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        target = os.stat(path).st_mode
        if not stat.S_ISREG(target):
            raise _refuse(path, target, link=True)
    elif not stat.S_ISREG(mode):
        raise _refuse(path, mode)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(fd).st_mode
        if not stat.S_ISREG(opened):
            raise _refuse(path, opened)
        return handle.read()
