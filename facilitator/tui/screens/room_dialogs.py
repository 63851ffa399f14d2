"""Small forms for the room: a decision, an action, a parking-lot item and its follow-up, a
check-in, a grade, the wording of a merge, a choice in a list.

`FormDialog` checks what was typed with the caller's `validate` before closing, so a refused
entry (an owner who is absent, a date that is not one, a confidence drop without a comment)
stays on screen with the reason, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from facilitator.tui.i18n import t
from facilitator.workshop.checks import clean


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: Sequence[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs: the field is a drop-down list instead of a text input."""


Values = dict[str, str]


class FormDialog(ModalScreen[Values | None]):
    """A few fields; Enter moves to the next one and submits on the last, Escape cancels."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="form.cancel"),
        Binding("ctrl+s", "submit", show=False, id="form.submit"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        lang: str,
        *,
        validate: Callable[[Values], str | None] | None = None,
        live: Callable[[Values], str] | None = None,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.lang = lang
        self.validate = validate
        self.live = live
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            for f in self.fields:
                yield Label(f.label, classes="form-label", markup=False)
                if f.choices:
                    yield Select(
                        [(Text(label), value) for label, value in f.choices],
                        value=f.value if f.value in {v for _, v in f.choices} else Select.NULL,
                        prompt=f.placeholder or "—",
                        id=f"form-{f.name}",
                        compact=True,
                    )
                else:
                    yield Input(
                        f.value, placeholder=f.placeholder, id=f"form-{f.name}", compact=True
                    )
            yield Static(id="form-live", classes="form-live", markup=False)
            yield Static(id="form-error", classes="form-error", markup=False)
            yield Static(
                self.hint or t(self.lang, "room.form.hint"), classes="form-hint", markup=False
            )

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        self._live()
        first = self.fields[0].name if self.fields else None
        if first:
            self.query_one(f"#form-{first}").focus()

    def values(self) -> Values:
        out: Values = {}
        for f in self.fields:
            widget = self.query_one(f"#form-{f.name}")
            if isinstance(widget, Select):
                value = widget.value
                out[f.name] = "" if value is Select.NULL or value is None else str(value)
            elif isinstance(widget, Input):
                out[f.name] = clean(widget.value).strip()
        return out

    def _live(self) -> None:
        live = self.query_one("#form-live", Static)
        text = self.live(self.values()) if self.live is not None else ""
        live.update(text)
        live.display = bool(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._live()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._live()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        names = [f.name for f in self.fields]
        index = names.index((event.input.id or "").removeprefix("form-"))
        if index + 1 < len(names):
            self.query_one(f"#form-{names[index + 1]}").focus()
        else:
            self.action_submit()

    def action_submit(self) -> None:
        values = self.values()
        problem = self.validate(values) if self.validate is not None else None
        error = self.query_one("#form-error", Static)
        if problem:
            error.update(problem)
            error.display = True
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one item of a list (Enter), or cancel (Escape)."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="choice.cancel")
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box choice"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *[Option(label, id=value) for label, value in self.choices],
                id="choices",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MergeDialog(ModalScreen[str | None]):
    """The wording of a merge: ↑/↓ in the field brings each of the group's wordings in, to keep
    as it is or to edit; Enter merges."""

    DEFAULT_CLASSES = "dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="merge.cancel"),
        Binding("up", "cycle(-1)", show=False, id="merge.previous"),
        Binding("down", "cycle(1)", show=False, id="merge.next"),
    ]

    def __init__(self, title: str, texts: Sequence[str], best: int, lang: str) -> None:
        super().__init__()
        self.title_text = title
        self.texts = list(texts)
        self.best = best
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box merge"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            options = OptionList(
                *[Option(f"{i}. {text}", id=str(i - 1)) for i, text in enumerate(self.texts, 1)],
                id="wordings",
                markup=False,
            )
            options.can_focus = False
            yield options
            yield Label(t(self.lang, "cluster.merge.edit"), classes="form-label")
            yield Input(self.texts[self.best], id="wording", compact=True)
            yield Static(t(self.lang, "cluster.merge.hint"), classes="form-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one("#wordings", OptionList)
        options.highlighted = self.best
        wording = self.query_one("#wording", Input)
        wording.focus()
        wording.cursor_position = len(wording.value)

    def action_cycle(self, delta: int) -> None:
        options = self.query_one("#wordings", OptionList)
        index = ((options.highlighted or 0) + delta) % len(self.texts)
        options.highlighted = index
        wording = self.query_one("#wording", Input)
        wording.value = self.texts[index]
        wording.cursor_position = len(wording.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value).strip()
        if text:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
