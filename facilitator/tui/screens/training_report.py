"""Ask where to write a file: the training report (trainer view's ctrl+e), the minutes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from facilitator.tui.i18n import t


class ReportDialog(ModalScreen[str | None]):
    """Dismisses with the path typed (Enter or Write), or None (Escape or Cancel)."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="report.cancel")
    ]

    def __init__(self, path: str, lang: str = "fr", texts: str = "tr.report") -> None:
        super().__init__()
        self.path = path
        self.lang = lang
        self.texts = texts  # i18n prefix of the title, path and write labels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t(self.lang, f"{self.texts}.title"), classes="dialog-title")
            yield Label(t(self.lang, f"{self.texts}.path"))
            yield Input(self.path, id="report-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(self.lang, "dialog.cancel"), id="cancel")
                yield Button(t(self.lang, f"{self.texts}.write"), id="write", variant="primary")

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
