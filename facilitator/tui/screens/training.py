"""Training: work the exercises of one pack, graded live by the coach.

The trainee rewrites the draft (one line per item when the exercise asks for several); as in
the workbench, the screen's live assessment (`tui/live_assessment.py`) runs the engine's lexical
tier at each keystroke and the full pass after a pause, in thread workers, and the screen shows
the scores, the findings and which success criteria are met. ctrl+s submits an attempt, graded
by the full pass (off the UI thread); ctrl+g reveals the next hint; after `reveal_after` attempts
ctrl+r shows the model answer. A choice exercise is answered by picking the right diagnosis; the
coach's view of the draft shows once it is answered.

Every attempt, hint and reveal is saved at once in the trainee's progress file (a failed save is
shown, kept and replayed at the next one).

This module lays the screen out and handles attempts, hints, reveals and navigation; the
exercise on screen and its live assessment, the coach's panels and the panels' texts live in
`tui/exercise/`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.training import (
    Exercise,
    assess_items,
    skill_label,
    split_items,
)
from facilitator.training.attempts import answer_shown, choice_attempt, rewrite_attempt
from facilitator.training.model import MAX_ITEMS
from facilitator.training.progress import Attempt, ExerciseProgress, TraineeProgress, now_iso
from facilitator.training.store import trainee_file_id
from facilitator.tui.exercise.choice_list import ChoiceList
from facilitator.tui.exercise.coach_feedback import CoachFeedback
from facilitator.tui.exercise.panel_texts import (
    KIND_KEYS,
    answer_text,
    hints_text,
    list_line,
    result_text,
    state_text,
)
from facilitator.tui.screens.base import SessionBar
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.score_bars import ScoreBars

STYLES = Path(__file__).resolve().parent.parent / "styles"


class TrainingScreen(CoachFeedback):
    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "training.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "tr.bind.submit", id="training.submit"),
        Binding("ctrl+g", "hint", "tr.bind.hint", id="training.hint"),
        Binding("ctrl+r", "reveal", "tr.bind.reveal", id="training.reveal"),
        Binding("ctrl+n", "next", "tr.bind.next", id="training.next"),
        Binding("ctrl+b", "previous", "tr.bind.previous", id="training.previous", show=False),
        Binding("escape", "back", "tr.bind.back", id="training.back"),
        # Over the editor's own page keys: an answer is one paragraph, and the coach, the hints
        # and the explanation below it are what a trainee pages to.
        Binding("pagedown", "page(1)", show=False, priority=True),
        Binding("pageup", "page(-1)", show=False, priority=True),
    ]

    STACK_BELOW = 90
    """Main-column width under which the criteria go below the scores instead of beside them
    (beside, at 100 columns, they wrapped one word per line)."""

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Horizontal(id="tr"):
            with Vertical(id="tr-side"):
                yield Label(self.pack.title, classes="section-title", id="tr-pack", markup=False)
                yield Label(id="tr-who", markup=False)
                yield OptionList(id="tr-list")
            with VerticalScroll(id="tr-main"):
                with Horizontal(id="tr-head"):
                    yield Label(id="tr-title", markup=False)
                    yield Label(id="tr-state")
                yield Static(id="tr-meta", markup=False)
                yield Static(id="tr-context", markup=False)
                yield Static(id="tr-instructions", markup=False)
                yield Static(id="tr-draft", markup=False)
                yield Static(id="tr-items-help", markup=False)
                with Vertical(id="tr-editors"):
                    for i in range(MAX_ITEMS):
                        yield DraftEditor(id=f"tr-editor-{i}")
                yield ChoiceList(id="tr-choices", markup=False)
                yield Static(id="tr-result")
                with Horizontal(id="tr-feedback"):
                    yield ScoreBars(id="tr-scores")
                    with Vertical(id="tr-criteria-box"):
                        yield Label(self.tr("tr.criteria"), classes="subtitle", id="tr-crit-title")
                        yield Static(id="tr-criteria")
                yield Label(self.tr("tr.findings"), classes="section-title", id="tr-find-title")
                yield Static(id="tr-coach-note")
                yield FindingsList(id="tr-findings")
                yield Label(self.tr("tr.hints"), classes="section-title", id="tr-hints-title")
                yield Static(id="tr-hints")
                yield Static(id="tr-answer")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "engine_version", self.engine_changed, init=False)
        self.fapp.ensure_model(self.pack.lang)
        self.load_progress()
        if self.index < 0:
            self.index = self._first_open()
        self.load_exercise(self.index)

    def _first_open(self) -> int:
        for i, exercise in enumerate(self.pack.exercises):
            entry = self.progress.progress(self.pack.id, exercise.id)
            if entry is None or not entry.done:
                return i
        return 0

    def language_changed(self) -> None:
        self.query_one("#tr-crit-title", Label).update(self.tr("tr.criteria"))
        self.query_one("#tr-hints-title", Label).update(self.tr("tr.hints"))
        self.load_exercise(self.index, keep_text=True)

    # -- the exercise on screen -----------------------------------------------------------------

    def load_exercise(self, index: int, *, keep_text: bool = False) -> None:
        self.index = max(0, min(index, len(self.pack.exercises) - 1))
        ex = self.exercise
        # Browsing writes nothing: an exercise counts as started with its first attempt or hint.
        entry = self.entry
        for live in self.lives:
            live.clear()
        self.draft_view = None
        total = len(self.pack.exercises)
        self.query_one("#tr-title", Label).update(
            self.tr("tr.exercise", n=self.index + 1, total=total, title=ex.title)
        )
        self.query_one("#tr-meta", Static).update(
            self.tr(
                "tr.meta",
                skill=skill_label(ex.skill, self.lang),
                kind=self.tr(KIND_KEYS[ex.kind]),
                level=ex.level,
            )
        )
        context = self.query_one("#tr-context", Static)
        context.update(ex.context)
        context.display = bool(ex.context)
        self.query_one("#tr-instructions", Static).update(ex.instructions)
        self.query_one("#tr-draft", Static).update(
            self.tr("tr.draft", draft=" / ".join(ex.draft.splitlines()))
        )
        help_line = self.query_one("#tr-items-help", Static)
        help_line.update(self.tr("tr.items", n=ex.items))
        help_line.display = not ex.is_choice and ex.items > 1
        self._fill_editors(ex, entry, keep_text)
        choices = self.query_one("#tr-choices", ChoiceList)
        choices.display = ex.is_choice
        choices.fill(ex, trainee_file_id(self.trainee, self.group))
        self.query_one("#tr-criteria-box").display = not ex.is_choice
        self.query_one("#tr-scores", ScoreBars).show(None, None, None, self.lang)
        self.query_one("#tr-find-title", Label).update(
            self.tr("tr.findings.draft" if ex.is_choice else "tr.findings")
        )
        self.show_state()
        self.show_hints()
        self.show_result()
        self.show_answer()
        self.fill_list()
        if ex.is_choice:
            choices.focus()
            if answer_shown(entry):
                self.assess_draft()
        else:
            self.focused_item = 0
            self.editor(0).focus()
            for item in range(ex.items):
                self.assess_item(item)
        self.show_feedback()

    def _fill_editors(self, ex: Exercise, entry: ExerciseProgress | None, keep: bool) -> None:
        if ex.is_choice:
            texts: list[str] = []
        elif keep:
            texts = [self.editor(i).text for i in range(ex.items)]
        else:
            last = (
                next((a.text for a in reversed(entry.attempts) if a.choice is None), None)
                if entry is not None
                else None
            )
            texts = split_items(last if last is not None else ex.draft, ex.items)
        texts = (texts + [""] * MAX_ITEMS)[:MAX_ITEMS]
        for i in range(MAX_ITEMS):
            editor = self.editor(i)
            visible = not ex.is_choice and i < ex.items
            editor.display = visible
            editor.placeholder = (
                self.tr("tr.placeholder.item", n=i + 1, total=ex.items)
                if ex.items > 1
                else self.tr("tr.placeholder")
            )
            if editor.text != texts[i]:
                editor.text = texts[i]
                editor.move_cursor(editor.document.end)
            editor.set_findings([], None)

    def fill_list(self) -> None:
        listing = self.query_one("#tr-list", OptionList)
        listing.clear_options()
        for i, ex in enumerate(self.pack.exercises):
            entry = self.progress.progress(self.pack.id, ex.id)
            listing.add_option(Option(list_line(i + 1, ex, entry), id=str(i)))
        listing.highlighted = self.index
        who = (
            self.tr("tr.trainee_group", name=self.trainee, group=self.group)
            if self.group
            else self.tr("tr.trainee", name=self.trainee)
        )
        done = self.progress_done()
        self.query_one("#tr-who", Label).update(
            f"{who}\n{self.tr('tr.start.progress', done=done, count=len(self.pack.exercises))}"
        )

    def progress_done(self) -> int:
        return sum(
            1
            for ex in self.pack.exercises
            if (e := self.progress.progress(self.pack.id, ex.id)) is not None and e.done
        )

    def show_state(self) -> None:
        entry = self.entry
        state = self.query_one("#tr-state", Label)
        state.update(state_text(self.exercise, entry, self.lang))
        state.set_class(bool(entry and entry.done), "done")

    def show_hints(self) -> None:
        self.query_one("#tr-hints", Static).update(hints_text(self.exercise, self.entry, self.lang))

    def show_result(self) -> None:
        ex = self.exercise
        text = result_text(ex, self.entry, self.reveal_threshold(ex), self.lang)
        self.query_one("#tr-result", Static).update(text)

    def show_answer(self) -> None:
        entry = self.entry
        widget = self.query_one("#tr-answer", Static)
        if not answer_shown(entry):
            widget.update("")
            widget.display = False
            return
        widget.update(answer_text(self.exercise, self.lang))
        widget.display = True

    # -- submitting -----------------------------------------------------------------------------

    def on_draft_editor_submitted(self, event: DraftEditor.Submitted) -> None:
        event.stop()
        item = int((event.editor.id or "0").rsplit("-", 1)[1])
        if item + 1 < len(self.editors):
            self.editor(item + 1).focus()
            return
        self.action_submit()

    def action_submit(self) -> None:
        ex = self.exercise
        if ex.is_choice:
            self.notify(self.tr("tr.choose"), timeout=3)
            return
        items = self.answer_items()
        if not items:
            self.notify(self.tr("tr.empty_answer"), timeout=3)
            return
        text = "\n".join(items)
        entry = self.entry
        last = entry.last if entry is not None else None
        if last is not None and last.choice is None and last.text == text:
            self.notify(self.tr("tr.same_answer"), timeout=4)
            return
        engine = self.fapp.engine
        if engine is None:
            self.notify(self.tr("tr.engine_starting"), timeout=3)
            return
        when = now_iso()
        # An attempt is graded by the full pass (the worker waits for the model if it is still
        # loading), unless the model could not be loaded at all.
        best = "lexical" if self.fapp.engine_status(ex.lang) == "failed" else "full"
        shown = self.current_assessments()
        if shown is not None and all(a.tier != "lexical" or best == "lexical" for a in shown):
            self.record_answer(ex, text, when, shown)
            return

        def work() -> None:
            assessments = assess_items(engine, ex, items, tier=best)
            graded = partial(self.record_answer, ex, text, when, assessments)
            self.post_message(events.Callback(callback=graded))

        self.run_worker(work, thread=True, group="tr-grade", exit_on_error=False)

    def record_answer(self, ex: Exercise, text: str, when: str, assessments: list[Any]) -> None:
        attempt = rewrite_attempt(ex, text, when, assessments)
        pack, title, skill = self.pack.id, ex.title, ex.skill
        self.save(lambda t: t.record(pack, ex.id, attempt, title=title, skill=skill))
        if ex.key != self.exercise.key:
            self.fill_list()
            return
        self.after_attempt(attempt)

    def after_attempt(self, attempt: Attempt) -> None:
        self.show_state()
        self.show_result()
        self.show_answer()
        self.fill_list()
        self.show_feedback()
        if attempt.passed:
            entry = self.entry
            if entry is not None and entry.attempts_to_pass == len(entry.attempts):
                self.notify(self.tr("tr.passed.notify"), timeout=3)
            if self.progress_done() == len(self.pack.exercises):
                self.notify(self.tr("tr.all_done"), timeout=6)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "tr-list":
            index = int(event.option.id or 0)
            if index != self.index:
                self.load_exercise(index)
            elif not self.exercise.is_choice:
                self.editor(0).focus()
            return
        if event.option_list.id == "tr-choices":
            self.choose(int(event.option.id or 0))

    def choose(self, index: int) -> None:
        ex = self.exercise
        if not ex.is_choice or not 0 <= index < len(ex.choices):
            return
        entry = self.entry
        choice = ex.choices[index]
        if entry is not None and entry.done:
            # Already answered: show the feedback, record nothing more.
            self.notify(choice.feedback or choice.text, timeout=4)
            return
        last = entry.last if entry is not None else None
        if last is not None and last.choice == index:
            self.notify(self.tr("tr.same_answer"), timeout=3)
            return
        attempt = choice_attempt(ex, index, now_iso())
        pack, title, skill = self.pack.id, ex.title, ex.skill
        self.save(lambda t: t.record(pack, ex.id, attempt, title=title, skill=skill))
        self.after_attempt(attempt)
        if attempt.passed:
            self.assess_draft()

    # -- hints, model answer, navigation --------------------------------------------------------

    def action_hint(self) -> None:
        ex = self.exercise
        entry = self.entry
        used = entry.hints_used if entry is not None else 0
        if used >= len(ex.hints):
            self.notify(self.tr("tr.hint.last"), timeout=3)
            return
        when, pack, shown = now_iso(), self.pack.id, used + 1

        def hint(trainee: TraineeProgress) -> None:
            trainee.open(pack, ex.id, when, title=ex.title, skill=ex.skill)
            trainee.use_hint(pack, ex.id, shown, when)

        self.save(hint)
        self.show_hints()
        self.show_state()

    def action_reveal(self) -> None:
        ex = self.exercise
        entry = self.entry
        attempts = len(entry.attempts) if entry is not None else 0
        if answer_shown(entry):
            self.show_answer()
            self.query_one("#tr-answer").scroll_visible()
            return
        if attempts < self.reveal_threshold(ex):
            self.notify(
                self.tr(
                    "tr.reveal.later",
                    count=self.reveal_threshold(ex),
                    left=self.reveal_threshold(ex) - attempts,
                ),
                timeout=4,
            )
            return
        when, pack = now_iso(), self.pack.id
        self.save(lambda t: t.reveal(pack, ex.id, when))
        self.show_answer()
        self.show_result()
        if ex.is_choice:
            self.assess_draft()
        self.query_one("#tr-answer").scroll_visible()

    def action_page(self, direction: int) -> None:
        main = self.query_one("#tr-main", VerticalScroll)
        if direction > 0:
            main.scroll_page_down()
        else:
            main.scroll_page_up()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_feedback)  # the main column's width is known then

    def _fit_feedback(self) -> None:
        main = self.query_one("#tr-main", VerticalScroll)
        self.query_one("#tr-feedback").set_class(main.size.width < self.STACK_BELOW, "stacked")

    def action_next(self) -> None:
        if self.index + 1 < len(self.pack.exercises):
            self.load_exercise(self.index + 1)

    def action_previous(self) -> None:
        if self.index > 0:
            self.load_exercise(self.index - 1)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.training.submit", self.action_submit),
            ("cmd.training.hint", self.action_hint),
            ("cmd.training.reveal", self.action_reveal),
            ("cmd.training.next", self.action_next),
        ]
