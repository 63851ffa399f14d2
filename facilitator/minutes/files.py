"""What a path names, for the exports: they read and replace regular files only.

A path typed on the command line can name anything. Reading a FIFO waits for a writer forever
and /dev/zero never ends; replacing a device node as root turns it into a plain file (/dev/null
holding the minutes, world-writable); replacing a symbolic link drops the link and writes here,
not where it pointed. So every other kind of file is named to the user instead.
"""

from __future__ import annotations

import stat

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
