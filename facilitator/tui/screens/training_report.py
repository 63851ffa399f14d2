"""Write a file the user names: the training report (trainer view's ctrl+e), the minutes.

`save_file` asks where, writes off the UI thread, asks again before replacing an existing file
(the exports refuse to unless told to), and says where the file went; a failure is a readable
dialog, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from facilitator.tui.i18n import t

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

Write = Callable[[Path, bool], Path]
"""Writes the file at a path, replacing an existing one only when the flag says so, and returns
where it went; raises ExportError (ExistingFileError for an existing file not to be replaced)."""


@dataclass(frozen=True)
class FileTexts:
    """The keys of one kind of file's texts: the dialog's title, path and write labels, and the
    messages once it is written or could not be."""

    title: str
    path: str
    write: str
    done: str  # with {path}
    failed: str


TRAINING_REPORT_KEYS = FileTexts(
    "tr.report.title", "tr.report.path", "tr.report.write", "tr.report.done", "tr.report.failed"
)


def documents_dir() -> Path:
    """Where an export is suggested: the user's documents folder (~/Documents, or its local
    name), else the home folder; never the folder the app happened to be started from."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def save_file(app: FacilitatorApp, default: str, texts: FileTexts, write: Write) -> None:
    """Ask for the file (`default` filled in, the dialog and messages from `texts`), then
    `write` it."""
    from facilitator.tui.screens.dialogs import ConfirmDialog

    lang = app.lang

    def start(path: Path, overwrite: bool) -> None:
        app.run_worker(
            lambda: in_thread(path, overwrite), thread=True, group="save-file", exit_on_error=False
        )

    def in_thread(path: Path, overwrite: bool) -> None:
        from facilitator.minutes import ExistingFileError, ExportError

        try:
            written = write(path, overwrite)
        except ExistingFileError:
            app.call_from_thread(ask_to_replace, path)
        except (ExportError, OSError) as error:
            app.call_from_thread(app.show_error, t(lang, texts.failed), str(error))
        else:
            app.call_from_thread(app.notify, t(lang, texts.done, path=written), timeout=8)

    def ask_to_replace(path: Path) -> None:
        question = ConfirmDialog(
            t(lang, "file.exists.title"), t(lang, "file.exists.body", path=path), lang
        )
        app.push_screen(question, lambda yes: start(path, True) if yes else None)

    def chosen(path: str | None) -> None:
        if path:
            start(Path(path).expanduser(), False)

    app.push_screen(ReportDialog(default, lang, texts), chosen)


class ReportDialog(ModalScreen[str | None]):
    """Dismisses with the path typed (Enter or Write), or None (Escape or Cancel)."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="report.cancel")
    ]

    def __init__(
        self, path: str, lang: str = "fr", texts: FileTexts = TRAINING_REPORT_KEYS
    ) -> None:
        super().__init__()
        self.path = path
        self.lang = lang
        self.texts = texts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t(self.lang, self.texts.title), classes="dialog-title")
            yield Label(t(self.lang, self.texts.path))
            yield Input(self.path, id="report-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(self.lang, "dialog.cancel"), id="cancel")
                yield Button(t(self.lang, self.texts.write), id="write", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#report-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "write":
            self._done()
        else:
            self.dismiss(None)

    def _done(self) -> None:
        path = self.query_one("#report-path", Input).value.strip()
        self.dismiss(path or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
