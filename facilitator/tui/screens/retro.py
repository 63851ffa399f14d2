"""Retrospective: what worked and what to change, typed as the room says it, with the cycle's
grades summed up above. Enter adds a line; Tab moves between the two entry fields (where typing
makes sense), shift+Tab reaches the lists, where Delete removes the line under the cursor and
a letter typed goes on to the list's entry field: nothing the room dictates is lost."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, OptionList

from facilitator.room import review
from facilitator.tui.screens.room_base import RoomScreen
from facilitator.workshop.checks import clean

LISTS = ("worked", "to_change")


def _labels(name: str) -> tuple[str, str]:
    """The title and placeholder keys of a list."""
    match name:
        case "worked":
            return "retro.worked", "retro.worked.ph"
        case _:
            return "retro.to_change", "retro.to_change.ph"


class RetroList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,backspace", "remove_line", "retro.bind.remove", id="retro.remove")
    ]

    def action_remove_line(self) -> None:
        screen = self.screen
        if isinstance(screen, RetroScreen) and self.highlighted is not None:
            screen.remove_line(self.id or "", self.highlighted)

    def on_key(self, event: events.Key) -> None:
        """A character typed here belongs to the list's entry field: go there with it."""
        if not event.is_printable or event.character is None:
            return
        event.stop()
        event.prevent_default()
        field = self.screen.query_one(f"#add-{(self.id or '').removeprefix('list-')}", Input)
        field.focus()
        field.insert_text_at_cursor(event.character)


class RetroScreen(RoomScreen):
    key = "retro"
    TITLE_KEY = "retro.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "app.goto('grading')", "retro.bind.grading", id="retro.grading"),
        Binding("tab", "other_field", show=False, id="retro.other_field"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="retro"):
            for name in LISTS:
                title, placeholder = _labels(name)
                with Vertical(classes="retro-column"):
                    yield Label(self.tr(title), classes="section-title")
                    yield RetroList(id=f"list-{name}", markup=False)
                    yield Input(id=f"add-{name}", placeholder=self.tr(placeholder))

    def focus_first(self) -> None:
        self.query_one("#add-worked", Input).focus()

    def action_other_field(self) -> None:
        """Tab: from one entry field to the other (a list would swallow what is typed next);
        elsewhere, the next widget as usual."""
        focused = self.focused
        if isinstance(focused, Input) and focused.id in ("add-worked", "add-to_change"):
            other = "add-to_change" if focused.id == "add-worked" else "add-worked"
            self.query_one(f"#{other}", Input).focus()
        else:
            self.focus_next()

    def session_changed(self) -> None:
        s = self.session
        for name in LISTS:
            options = self.query_one(f"#list-{name}", RetroList)
            highlighted = options.highlighted
            options.clear_options()
            options.add_options([f"• {line}" for line in getattr(s, name)])
            if options.option_count:
                options.highlighted = min(highlighted or 0, options.option_count - 1)
        summary = review.grade_summary(s)

        def fmt(value: float | None) -> str:
            if value is None:
                return "—"
            return f"{value:.2f}".replace(".", ",") if self.lang == "fr" else f"{value:.2f}"

        self.status(
            self.tr(
                "grading.status",
                graded=summary.graded,
                total=summary.total,
                average=fmt(summary.average),
                committed=fmt(summary.committed),
                aspirational=fmt(summary.aspirational),
            )
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = (event.input.id or "").removeprefix("add-")
        text = clean(event.value).strip()
        if name not in LISTS or not text:
            return
        event.input.value = ""
        self.act(lambda w: w.add_retro_line(name, text))

    def remove_line(self, list_id: str, index: int) -> None:
        name = list_id.removeprefix("list-")
        if name not in LISTS or not 0 <= index < len(getattr(self.session, name)):
            return
        self.act(lambda w: w.remove_retro_line(name, index))

    def palette_commands(self) -> list[tuple[str, Any]]:
        return []
