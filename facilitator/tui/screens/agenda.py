"""Agenda runner: the steps with planned and actual time, the current step's countdown (pause,
+5 min, a clear signal when time is up), and its script, prompts and instruction."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.timer_display import clock
from facilitator.workshop.templates import step_texts

STATUS_MARK = {"done": "✓", "running": "▶", "pending": "·"}
SCREEN_KEYS = {
    "brainstorm": "screen.brainstorm",
    "cluster": "screen.cluster",
    "workbench": "screen.workbench",
    "vote": "screen.vote",
    "alignment": "screen.alignment",
    "log": "screen.log",
    "wrapup": "screen.wrapup",
    "review": "screen.review",
    "grading": "screen.grading",
    "retro": "screen.retro",
}
"""The name of the screen a step's mechanic opens (`room.steps.MECHANICS`' values)."""


class AgendaScreen(SessionScreen):
    key = "agenda"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "next", "agenda.bind.next", id="agenda.next"),
        Binding("p,left", "previous", "agenda.bind.previous", id="agenda.previous"),
        Binding("space", "pause", "agenda.bind.pause", id="agenda.pause"),
        Binding(
            "plus,equals_sign,e",
            "extend",
            "agenda.bind.extend",
            id="agenda.extend",
            key_display="+",
        ),
        Binding("o", "open_mechanic", "agenda.bind.open", id="agenda.open"),
    ]

    def __init__(self) -> None:
        super().__init__()

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        with Horizontal(id="agenda"):
            with Vertical(id="steps-pane"):
                yield Label(self.tr("agenda.steps"), classes="section-title", id="steps-title")
                yield OptionList(id="steps")
            with Vertical(id="step-pane"):
                yield Label(id="step-title", classes="step-title", markup=False)
                with Horizontal(id="timer-row"):
                    yield Digits("00:00", id="countdown")
                    with Vertical(id="timer-info"):
                        yield Label(id="timer-state")
                        yield Label(id="timer-budget")
                        yield ProgressBar(
                            total=100, show_eta=False, show_percentage=False, id="timer-progress"
                        )
                yield Static(id="time-up", markup=False)
                yield Static(id="step-mechanic", markup=False)
                with VerticalScroll(id="step-texts"):
                    yield Label(self.tr("agenda.script"), classes="subtitle", id="script-title")
                    yield Static(id="script", markup=False)
                    yield Label(self.tr("agenda.prompts"), classes="subtitle", id="prompts-title")
                    yield Static(id="prompts", markup=False)
                    yield Label(
                        self.tr("agenda.instruction"), classes="subtitle", id="instruction-title"
                    )
                    yield Static(id="instruction", markup=False)
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.session_changed()
        self.query_one("#steps", OptionList).focus()
        self.set_interval(1.0, self.tick, name="agenda-tick")

    def language_changed(self) -> None:
        self.refresh(recompose=True)
        self.call_after_refresh(self.session_changed)

    # -- drawing --------------------------------------------------------------------------------

    def session_changed(self) -> None:
        """Redraw the steps list and the current step from the session."""
        session = self.session
        steps = self.query_one("#steps", OptionList)
        now = self.fapp.now()
        options = []
        for i, step in enumerate(session.agenda):
            mark = "▶" if i == session.current_step else STATUS_MARK.get(step.status, "·")
            title = step_texts(session, i, self.lang).title
            spent = step.elapsed(now)
            planned = step.planned_minutes + step.extra_minutes
            times = f"{planned:>3}′ {clock(spent) if spent else '—':>8}"
            line = Text()
            line.append(f"{mark} {i + 1:>2} ", style="bold" if i == session.current_step else "")
            line.append(_fit(title, 24).ljust(24))
            over = spent > step.budget_seconds > 0
            line.append(f" {times}", style="bold red" if over else "dim")
            options.append(Option(line, id=f"step-{i}"))
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(options)
        if options:
            steps.highlighted = (
                highlighted
                if highlighted is not None and highlighted < len(options)
                else session.current_step
            )
        self._draw_step()

    def _draw_step(self) -> None:
        session = self.session
        step = session.step
        title = self.query_one("#step-title", Label)
        if step is None:
            title.update(self.tr("agenda.empty"))
            return
        texts = step_texts(session, session.current_step, self.lang)
        title.update(f"{session.current_step + 1}/{len(session.agenda)} · {texts.title}")
        self.query_one("#script", Static).update(texts.script or self.tr("agenda.noscript"))
        self.query_one("#prompts", Static).update("\n".join(f"• {p}" for p in texts.prompts))
        self.query_one("#prompts-title").display = bool(texts.prompts)
        self.query_one("#instruction", Static).update(texts.instruction)
        self.query_one("#instruction-title").display = bool(texts.instruction)
        from facilitator.tui.room_actions import step_mechanic

        mechanic = step_mechanic(session)
        hint = self.query_one("#step-mechanic", Static)
        hint.display = mechanic is not None
        if mechanic is not None:
            hint.update(self.tr("agenda.mechanic", screen=self.tr(SCREEN_KEYS[mechanic])))
        self.tick()

    def tick(self) -> None:
        """Once a second: the countdown, the progress bar and the time-up signal."""
        if self.fapp.session is None or self not in self.app.screen_stack:
            return
        session = self.session
        step = session.step
        if step is None:
            return
        now = self.fapp.now()
        remaining = step.remaining(now)
        countdown = self.query_one("#countdown", Digits)
        countdown.update(clock(remaining))
        time_up = remaining <= 0 and step.budget_seconds > 0
        countdown.set_class(time_up, "time-up")
        if step.running:
            state = self.tr("agenda.running")
        elif step.status == "done":
            state = self.tr("agenda.done")
        elif step.actual_seconds > 0 or session.timer_paused:
            state = self.tr("agenda.paused")
        else:
            state = self.tr("agenda.notstarted")
        self.query_one("#timer-state", Label).update(state)
        planned = step.planned_minutes + step.extra_minutes
        extra = f" (+{step.extra_minutes})" if step.extra_minutes else ""
        self.query_one("#timer-budget", Label).update(
            f"{self.tr('agenda.planned')} {planned} min{extra} · "
            f"{self.tr('agenda.actual')} {clock(step.elapsed(now))}"
        )
        bar = self.query_one("#timer-progress", ProgressBar)
        share = step.elapsed(now) / step.budget_seconds if step.budget_seconds else 0
        bar.update(progress=min(100.0, share * 100))
        banner = self.query_one("#time-up", Static)
        banner.update(self.tr("agenda.overtime", time=clock(-remaining)) if time_up else "")
        banner.display = time_up
        # Keep the sidebar's actual times moving for the running step.
        if step.running:
            self._refresh_current_option()

    def _refresh_current_option(self) -> None:
        session = self.session
        steps = self.query_one("#steps", OptionList)
        index = session.current_step
        if index >= steps.option_count:
            return
        step = session.agenda[index]
        spent = step.elapsed(self.fapp.now())
        planned = step.planned_minutes + step.extra_minutes
        title = step_texts(session, index, self.lang).title
        line = Text()
        line.append(f"▶ {index + 1:>2} ", style="bold")
        line.append(_fit(title, 24).ljust(24))
        over = spent > step.budget_seconds > 0
        line.append(f" {planned:>3}′ {clock(spent):>8}", style="bold red" if over else "dim")
        steps.replace_option_prompt_at_index(index, line)

    # -- actions --------------------------------------------------------------------------------

    def action_next(self) -> None:
        last = self.session.current_step + 1 >= len(self.session.agenda)
        self.fapp.agenda_move(1)
        if last:
            self.notify(self.tr("agenda.finished"), timeout=4)
        self._follow_current()

    def action_previous(self) -> None:
        self.fapp.agenda_move(-1)
        self._follow_current()

    def action_pause(self) -> None:
        self.fapp.agenda_toggle_timer()

    def action_extend(self) -> None:
        self.fapp.agenda_extend(5)

    def action_open_mechanic(self) -> None:
        """Open the screen that runs the current step (brainstorm, vote, review …)."""
        from facilitator.tui.room_actions import open_step

        open_step(self.fapp)

    def _follow_current(self) -> None:
        steps = self.query_one("#steps", OptionList)
        if steps.option_count:
            steps.highlighted = self.session.current_step

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.fapp.agenda_goto(event.option_index)

    def palette_commands(self) -> list[tuple[str, Any]]:
        return []


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
