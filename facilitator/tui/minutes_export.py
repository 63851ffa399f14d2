"""The session's minutes from the app: the wrap-up step's key and the palette's commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.tui.i18n import t

if TYPE_CHECKING:
    from facilitator.session import Session
    from facilitator.tui.app import FacilitatorApp

FORMATS = ("docx", "md", "json", "csv")


def export_minutes(app: FacilitatorApp, fmt: str = "docx") -> None:
    """Ask for the file (a name from the session's title, in the current folder) and write the
    session as it is now (see `save_file`)."""
    from facilitator.minutes import default_filename, export_session
    from facilitator.tui.screens.training_report import save_file

    session = app.session
    if session is None:
        return
    session = with_followed(app, session)

    def write(path: Path, overwrite: bool) -> Path:
        return export_session(session, path, fmt, overwrite=overwrite)

    save_file(app, str(Path.cwd() / default_filename(session, fmt)), "export", write)


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
    for fmt in FORMATS:
        yield t(app.lang, f"cmd.export.{fmt}"), partial(export_minutes, app, fmt)
