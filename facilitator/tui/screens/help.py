"""Help: every key of the screen it was opened from (the footer shows only those that fit),
then the workflow of a workshop, in the app's language."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, Static

from facilitator.tui.i18n import t


def keys_text(keys: list[tuple[str, str]]) -> Text:
    """`keys` ((key, what it does) pairs), one a line, the keys in a column of their own."""
    width = max((len(key) for key, _ in keys), default=0) + 2
    text = Text()
    for key, what in keys:
        text.append(key.ljust(width), style="bold")
        text.append(what + "\n")
    return text


class HelpScreen(ModalScreen[None]):
    """The help; `keys` are the keys of the screen underneath, listed first."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", show=False, id="help.close")
    ]

    def __init__(self, keys: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.keys = keys or []

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "fr")
        with Vertical(classes="dialog-box help"):
            yield Label(t(lang, "help.title"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                if self.keys:
                    yield Label(t(lang, "help.screen_keys"), classes="section-title")
                    yield Static(keys_text(self.keys), id="help-keys")
                yield Markdown(t(lang, "help.body"), id="help-body")

    def action_close(self) -> None:
        self.dismiss(None)
