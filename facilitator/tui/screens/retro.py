"""Retrospective: what worked and what to change, typed as the room says it, with the cycle's
grades summed up above. Enter adds a line; Tab moves between the two lists; Delete removes
the line under the cursor."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, OptionList

from facilitator.room import review
from facilitator.tui.screens.room_base import RoomScreen
from facilitator.workshop.checks import clean

LISTS = ("worked", "to_change")


class RetroList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,backspace", "remove_line", "retro.bind.remove", id="retro.remove")
    ]

    def action_remove_line(self) -> None:
        screen = self.screen
        if isinstance(screen, RetroScreen) and self.highlighted is not None:
            screen.remove_line(self.id or "", self.highlighted)


class RetroScreen(RoomScreen):
    key = "retro"
    TITLE_KEY = "retro.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "app.goto('grading')", "retro.bind.grading", id="retro.grading"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="retro"):
            for name in LISTS:
                with Vertical(classes="retro-column"):
                    yield Label(self.tr(f"retro.{name}"), classes="section-title")
                    yield RetroList(id=f"list-{name}", markup=False)
                    yield Input(id=f"add-{name}", placeholder=self.tr(f"retro.{name}.ph"))

    def focus_first(self) -> None:
        self.query_one("#add-worked", Input).focus()

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
