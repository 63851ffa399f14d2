"""The session's minutes from the app: the wrap-up step's key and the palette's commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.tui.i18n import t
from facilitator.tui.screens.training_report import FileTexts, save_file
from facilitator.workshop.setup import LAST_EXPORT_DIR

if TYPE_CHECKING:
    from facilitator.session import Session
    from facilitator.tui.app import FacilitatorApp

COMMAND_KEYS = {
    "docx": "cmd.export.docx",
    "md": "cmd.export.md",
    "json": "cmd.export.json",
    "csv": "cmd.export.csv",
}
"""The palette's export command of each of the minutes' formats, in the palette's order."""
EXPORT_KEYS = FileTexts(
    "export.title", "export.path", "export.write", "export.done", "export.failed"
)


def export_minutes(app: FacilitatorApp, fmt: str = "docx") -> None:
    """Ask for the file (a name from the session's title and date, in `export_folder`) and write
    the session as it is now (see `save_file`: an existing file is replaced only once the user
    says so; a new one is readable by its owner only, like the session files)."""
    from facilitator.minutes import default_filename, export_session

    if app.session is None:
        return
    session_id = app.session.id
    folder = export_folder(app.session)
    session = with_followed(app, app.session)

    def write(path: Path, overwrite: bool) -> Path:
        written = export_session(session, path, fmt, overwrite=overwrite)
        app.call_from_thread(remember_folder, app, session_id, written.parent)
        return written

    save_file(app, str(folder / default_filename(session, fmt)), EXPORT_KEYS, write)


def export_folder(session: Session) -> Path:
    """Where the session's exports go by default: the folder of its last export, while it
    exists, else the user's documents folder (never wherever the app was started from)."""
    from facilitator.minutes.files import documents_dir

    remembered = session.extra.get(LAST_EXPORT_DIR)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_dir()


def remember_folder(app: FacilitatorApp, session_id: str, folder: Path) -> None:
    """Keep `folder` as the open session's export folder (if it is still the one exported)."""
    session = app.session
    folder_text = str(folder.expanduser().absolute())
    if session is None or session.id != session_id:
        return
    app.act(lambda w: w.remember_export_folder(folder_text))


def with_followed(app: FacilitatorApp, session: Session) -> Session:
    """`session`, or a copy noting the title and date of the session it follows when an older
    release made it without them (the minutes name that session, never its id)."""
    from facilitator.room.cycle import followed, remember_followed
    from facilitator.store import StoreError

    if not session.follows or followed(session) is not None:
        return session
    try:
        previous = app.store.load(session.follows)
    except StoreError:  # deleted or damaged: the minutes say nothing of it
        return session
    copy = session.copy()
    remember_followed(copy, previous)
    return copy


def commands(app: FacilitatorApp) -> Iterator[tuple[str, Callable[[], Any]]]:
    """The palette's "export: …" commands, when a session is open."""
    if app.session is None:
        return
    for fmt, key in COMMAND_KEYS.items():
        yield t(app.lang, key), partial(export_minutes, app, fmt)
