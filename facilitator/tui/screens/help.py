"""Help: the workflow of a workshop and the keys, in the app's language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

from facilitator.tui.i18n import t


class HelpScreen(ModalScreen[None]):
    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", show=False, id="help.close")
    ]

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "fr")
        with Vertical(classes="dialog-box help"):
            yield Label(t(lang, "help.title"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(t(lang, "help.body"), id="help-body")

    def action_close(self) -> None:
        self.dismiss(None)
