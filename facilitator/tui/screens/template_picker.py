"""The template picker: choose the workshop template a new session (or a follow-up) starts from.

Its own module so that the home screen and the follow-up command (room_actions) both use it
without importing each other.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from facilitator.tui.i18n import t


class TemplatePicker(ModalScreen[Any]):
    """Choose the workshop template a new session starts from."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="templates.cancel")
    ]

    def __init__(self, templates: list[Any], lang: str) -> None:
        super().__init__()
        self.templates = templates
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box templates"):
            yield Label(t(self.lang, "templates.title"), classes="dialog-title", markup=False)
            options: list[Option | None] = []
            for template in self.templates:
                if options:
                    options.append(None)
                line = t(
                    self.lang,
                    "templates.line",
                    title=template.title.get(self.lang),
                    minutes=template.duration_minutes,
                    participants=template.participants,
                )
                description = _shorten(template.description.get(self.lang), 150)
                prompt = Text(line + "\n").append(description, style="dim")
                options.append(Option(prompt, id=template.id))
            yield OptionList(*options, id="template-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next(t_ for t_ in self.templates if t_.id == event.option.id)
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"
