"""What a path names, for the exports: they read and replace regular files only (`not_regular`
is the store's own check, `facilitator.envelope.regular`); and where an export goes by
default (`documents_dir`).

A path typed on the command line can name anything. Reading a FIFO waits for a writer forever
and /dev/zero never ends; replacing a device node as root turns it into a plain file (/dev/null
holding the minutes, world-writable); replacing a symbolic link drops the link and writes here,
not where it pointed. So every other kind of file is named to the user instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from facilitator.envelope.regular import not_regular

__all__ = ["documents_dir", "not_regular"]


def documents_dir(home: Path | None = None, environ: dict[str, str] | None = None) -> Path:
    """The user's documents folder, where an export goes unless told otherwise.

    $XDG_DOCUMENTS_DIR, else the XDG_DOCUMENTS_DIR line of ~/.config/user-dirs.dirs (a French
    desktop names it ~/Documents too, some ~/Mes documents), else ~/Documents; the first of those
    that is a folder, else the home folder.
    """
    env = os.environ if environ is None else environ
    home = home if home is not None else Path(env.get("HOME") or Path.home())
    candidates: list[Path] = []
    if env.get("XDG_DOCUMENTS_DIR"):
        candidates.append(Path(env["XDG_DOCUMENTS_DIR"]).expanduser())
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    try:
        lines = (config / "user-dirs.dirs").read_text("utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        match = re.fullmatch(r'\s*XDG_DOCUMENTS_DIR\s*=\s*"([^"]*)"\s*', line)
        if match:
            value = match[1].replace("$HOME", str(home))
            candidates.append(Path(value) if value.startswith("/") else home / value)
    candidates.append(home / "Documents")
    for folder in candidates:
        if folder.is_dir() and folder != home:
            return folder
    return home
