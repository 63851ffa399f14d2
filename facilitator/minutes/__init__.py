"""Workshop minutes: Word (.docx), Markdown, JSON and CSV exports of a session.

    from facilitator.minutes import export_session
    export_session(session, "compte-rendu.docx")                 # format from the suffix
    export_session(session, "cr.docx", template="client.dotx")    # on the client's template
    export_session(session, "okr.csv", delimiter=";")             # for Excel set to French

`render(session, fmt)` gives the bytes without writing anything. The session's language
(French or English) decides every heading and label.

Writes are atomic: the whole file is built in memory, written to a temp file in the same
folder, flushed and fsynced, then renamed over the target (`os.replace`). A failure at any
point raises `ExportError` and leaves the previous file, if any, untouched, and no temp file.
A new file is owner-only (0600); an existing one is replaced only when asked (`overwrite=True`),
and never when it is read-only, a link, a FIFO or a device (see `atomic_write`).

Headless: imports neither Textual nor spaCy (a test checks), so the CLI and the TUI's workers
can export without loading a model.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from datetime import date
from pathlib import Path

from facilitator.durable import FILE_MODE, Replacement
from facilitator.session import Session

from .blocks import Minutes
from .content import build
from .files import not_regular

FORMATS = ("docx", "md", "json", "csv")
EXTENSIONS = {"docx": ".docx", "md": ".md", "json": ".json", "csv": ".csv"}
_SUFFIXES = {".docx": "docx", ".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ExistingFileError",
    "ExportError",
    "Minutes",
    "atomic_write",
    "build",
    "default_filename",
    "export_session",
    "format_for",
    "render",
]


class ExportError(Exception):
    """An export that could not be written; `str()` names the file and says why."""

    def __init__(self, problem: str, path: Path | str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path is not None else self.problem


class ExistingFileError(ExportError):
    """The file exists and replacing it was not asked for: a caller may ask the user, then
    export again with `overwrite=True` (the CLI's --force)."""


def format_for(path: str | Path) -> str | None:
    """The format a file name asks for ("x.docx" → "docx"), or None."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def default_filename(session: Session, fmt: str) -> str:
    """ "atelier-de-cadrage-okr-codir-2026-03-19.docx": title and date, plain ASCII."""
    folded = unicodedata.normalize("NFKD", f"{session.title} {session.date}")
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].rstrip("-")
    return f"{slug or 'session-' + session.id}{EXTENSIONS[fmt]}"


def render(
    session: Session,
    fmt: str,
    *,
    template: str | Path | None = None,
    delimiter: str = ",",
    today: date | None = None,
) -> bytes:
    """The exported file's bytes (nothing is written). `template` applies to docx only."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if template is not None and fmt != "docx":
        raise ExportError(f"a template applies to Word minutes (docx), not to {fmt}")
    if fmt == "json":
        from . import jsonfile

        return jsonfile.render(session)
    if fmt == "csv":
        from . import csvfile

        return csvfile.render(session, delimiter)
    minutes = build(session, today=today)
    if fmt == "md":
        from . import markdown

        return markdown.render(minutes).encode("utf-8")
    from . import docx

    try:
        return docx.render(minutes, template)
    except docx.TemplateProblem as error:
        raise ExportError(str(error)) from None


def export_session(
    session: Session,
    path: str | Path,
    fmt: str | None = None,
    template: str | Path | None = None,
    *,
    delimiter: str = ",",
    overwrite: bool = False,
) -> Path:
    """Write `session` to `path` atomically; `fmt` defaults to the file's suffix, else docx.

    An existing file is replaced only with `overwrite` (else ExistingFileError)."""
    path = Path(path)
    fmt = fmt or format_for(path) or "docx"
    try:
        data = render(session, fmt, template=template, delimiter=delimiter)
    except ExportError as error:
        if error.path is None and template is None:
            error.path = path
        raise
    atomic_write(path, data, overwrite=overwrite)
    return path


# --------------------------------------------------------------------------------------------
# Atomic writes


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = False) -> None:
    """Replace `path` with `data`, all or nothing (`facilitator.durable`'s writer).

    A new file is readable by its owner only (0600, like the session files). An existing regular
    file is replaced only with `overwrite` and keeps its permissions; a read-only one never is.
    Anything else (a link, a FIFO, a device, a folder) is refused with what it is.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist", path)
    mode = _replaceable_mode(path, overwrite)
    try:
        replacement = Replacement(path, mode=FILE_MODE if mode is None else mode)
    except OSError as error:
        raise ExportError(f"cannot write in this folder: {error.strerror or error}", path) from None
    try:
        with replacement:
            replacement.write(data)
            replacement.commit()
    except OSError as error:
        raise ExportError(
            f"could not write the file ({error.strerror or error}); "
            "any previous version is unchanged",
            path,
        ) from None


def _replaceable_mode(path: Path, overwrite: bool) -> int | None:
    """The permissions of the regular file at `path` that the export may replace, or None when
    there is no file yet; any other target raises ExportError saying what it is."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ExportError(f"cannot look at the file: {error.strerror or error}", path) from None
    nothing = "nothing was written"
    if stat.S_ISLNK(st.st_mode):
        raise ExportError(
            f"this is a symbolic link to {os.readlink(path)}; links are not followed and "
            f"{nothing}: give the path it points to if the export should go there",
            path,
        )
    kind = not_regular(st.st_mode)
    if kind is not None:
        raise ExportError(
            f"this is {kind}, not a regular file; {nothing}: give a new or existing file name",
            path,
        )
    # The rename would replace the file whatever its permissions. The bits are checked, not
    # only access(): root may write anything, yet a file marked read-only must stay as it is.
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise ExportError(
            f"the file is read-only; {nothing}: make it writable first (chmod u+w) if it should "
            "be replaced, or choose another name",
            path,
        )
    if not overwrite:
        raise ExistingFileError(
            f"the file already exists; {nothing}: choose another name, or replace it "
            "(--force on the command line)",
            path,
        )
    return stat.S_IMODE(st.st_mode) & 0o777
