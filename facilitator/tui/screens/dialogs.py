"""Modal dialogs: a yes/no confirmation and a readable error (never a traceback)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from facilitator.tui.i18n import t


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes. A question whose "yes" destroys or
    replaces something (`danger`, the default) starts on "no" with "yes" in red; the others
    start on "yes", so that Enter does what the key that asked meant."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,o", "answer(True)", show=False, id="dialog.yes"),
        Binding("n,escape", "answer(False)", show=False, id="dialog.no"),
    ]

    def __init__(self, title: str, body: str, lang: str = "fr", *, danger: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.lang = lang
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box confirm"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yes = Button(t(self.lang, "dialog.yes"), id="yes", variant="error")
                no = Button(t(self.lang, "dialog.no"), id="no", variant="primary")
                if not self.danger:
                    yes.variant, no.variant = "primary", "default"
                yield yes
                yield no

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ErrorDialog(ModalScreen[None]):
    """Tell what went wrong in words, and that nothing was lost."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", show=False, id="dialog.close")
    ]

    def __init__(self, title: str, body: str, lang: str = "fr") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box error"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(self.body, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(self.lang, "dialog.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
