"""The session's minutes from the app: ask where, write in a worker, say where it went."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.tui.i18n import t

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

FORMATS = ("docx", "md", "json", "csv")


def export_minutes(app: FacilitatorApp, fmt: str = "docx") -> None:
    """Ask for the file (a name from the session's title, in the current folder), then write it
    off the UI thread; a failure is a readable dialog, never a traceback."""
    from facilitator.minutes import default_filename
    from facilitator.tui.screens.training_report import ReportDialog

    session = app.session
    if session is None:
        return
    default = str(Path.cwd() / default_filename(session, fmt))

    def chosen(path: str | None) -> None:
        if path:
            app.run_worker(
                lambda: _write(app, Path(path).expanduser(), fmt),
                thread=True,
                group="minutes-export",
                exit_on_error=False,
            )

    app.push_screen(ReportDialog(default, app.lang, texts="export"), chosen)


def _write(app: FacilitatorApp, path: Path, fmt: str) -> None:
    from facilitator.minutes import ExportError, export_session

    session = app.session
    if session is None:
        return
    try:
        written = export_session(session, path, fmt)
    except (ExportError, OSError) as error:
        app.call_from_thread(app.show_error, t(app.lang, "export.failed"), str(error))
        return
    app.call_from_thread(app.notify, t(app.lang, "export.done", path=written), timeout=8)


def commands(app: FacilitatorApp) -> Iterator[tuple[str, Callable[[], Any]]]:
    """The palette's "export: …" commands, when a session is open."""
    if app.session is None:
        return
    for fmt in FORMATS:
        yield t(app.lang, f"cmd.export.{fmt}"), partial(export_minutes, app, fmt)
