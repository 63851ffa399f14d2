"""Training: work the exercises of one pack, graded live by the coach.

The trainee rewrites the draft (one line per item when the exercise asks for several); as in
the workbench, every keystroke starts the engine's lexical tier in a thread worker and a pause
starts the full pass, and the screen shows the scores, the findings and which success criteria
are met. ctrl+s submits an attempt, graded by the full pass (off the UI thread); ctrl+g reveals
the next hint; after `reveal_after` attempts ctrl+r shows the model answer. A choice exercise is
answered by picking the right diagnosis; the coach's view of the draft shows once it is answered.

Every attempt, hint and reveal is saved at once in the trainee's progress file (a failed save is
shown, kept and replayed at the next one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from facilitator.store import StoreError
from facilitator.training import (
    Exercise,
    Pack,
    assess_items,
    fired_rules,
    grade,
    mean_scores,
    skill_label,
    split_items,
)
from facilitator.training.model import MAX_ITEMS
from facilitator.training.progress import Attempt, ExerciseProgress, TraineeProgress, now_iso
from facilitator.training.shuffle import choice_order
from facilitator.training.store import TrainingStore, trainee_file_id
from facilitator.tui.logic import clean, scores_of
from facilitator.tui.screens.base import BaseScreen, SessionBar
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.score_bars import ScoreBars

STYLES = Path(__file__).resolve().parent.parent / "styles"
DEBOUNCE = 0.3
"""Seconds of pause before the full pass runs (as in the workbench)."""
LETTERS = "ABCDEFGH"


class TrainingAssessed(Message):
    """An engine result for item `item` of exercise `key` (item -1: the draft of a choice)."""

    def __init__(self, key: str, item: int, text: str, assessment: Any) -> None:
        super().__init__()
        self.key = key
        self.item = item
        self.text = text
        self.assessment = assessment


class TrainingGraded(Message):
    """A submitted answer, assessed off the UI thread by the full pass."""

    def __init__(self, key: str, text: str, when: str, assessments: list[Any]) -> None:
        super().__init__()
        self.key = key
        self.text = text
        self.when = when
        self.assessments = assessments


class TrainingScreen(BaseScreen):
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

    def __init__(
        self,
        pack: Pack,
        trainee: str,
        group: str,
        store: TrainingStore,
        *,
        exercise: str | None = None,
        reveal_after: int | None = None,
    ) -> None:
        """`reveal_after` overrides the packs' number of attempts before the model answer."""
        super().__init__()
        self.pack = pack
        self.reveal_after = reveal_after
        self.trainee = trainee
        self.group = group
        self.store = store
        self.progress = TraineeProgress(trainee, group)
        self.index = next((i for i, e in enumerate(pack.exercises) if e.id == exercise), -1)
        self.shown: list[Any] = [None] * MAX_ITEMS
        """The assessment on screen for each item (always about the text in its editor)."""
        self.draft_view: Any = None
        """A choice exercise's draft as the coach sees it (shown once answered)."""
        self.focused_item = 0
        self._debounce: dict[int, Timer] = {}
        self._pending: list[Callable[[TraineeProgress], object]] = []
        self._loading = False

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
                yield OptionList(id="tr-choices", markup=False)
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
        self.watch(self.app, "engine_version", self._engine_changed, init=False)
        self.fapp.ensure_model(self.pack.lang)
        try:
            self.progress = self.store.load(self.trainee, self.group)
        except StoreError as error:
            self.fapp.show_error(self.tr("tr.saved_error"), str(error))
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

    @property
    def lang(self) -> str:
        """The pack's language: an English pack is worked in English, and the rest of the app
        keeps its own language (nothing is switched app-wide)."""
        return self.pack.lang

    # -- the exercise on screen -----------------------------------------------------------------

    def reveal_threshold(self, exercise: Exercise) -> int:
        """Attempts after which the model answer may be shown."""
        return self.reveal_after or exercise.reveal_after

    @property
    def exercise(self) -> Exercise:
        return self.pack.exercises[self.index]

    @property
    def entry(self) -> ExerciseProgress | None:
        return self.progress.progress(self.pack.id, self.exercise.id)

    def editor(self, item: int) -> DraftEditor:
        return self.query_one(f"#tr-editor-{item}", DraftEditor)

    @property
    def editors(self) -> list[DraftEditor]:
        count = 0 if self.exercise.is_choice else self.exercise.items
        return [self.editor(i) for i in range(count)]

    def item_text(self, item: int) -> str:
        return clean(self.editor(item).text).strip()

    def answer_items(self) -> list[str]:
        return [text for text in (self.item_text(i) for i in range(len(self.editors))) if text]

    def load_exercise(self, index: int, *, keep_text: bool = False) -> None:
        self.index = max(0, min(index, len(self.pack.exercises) - 1))
        ex = self.exercise
        # Browsing writes nothing: an exercise counts as started with its first attempt or hint.
        entry = self.entry
        self.shown = [None] * MAX_ITEMS
        self.draft_view = None
        total = len(self.pack.exercises)
        self.query_one("#tr-title", Label).update(
            self.tr("tr.exercise", n=self.index + 1, total=total, title=ex.title)
        )
        self.query_one("#tr-meta", Static).update(
            self.tr(
                "tr.meta",
                skill=skill_label(ex.skill, self.lang),
                kind=self.tr(f"tr.kind.{ex.kind}"),
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
        self._loading = True
        try:
            self._fill_editors(ex, entry, keep_text)
            self._fill_choices(ex)
        finally:
            self._loading = False
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
            self.query_one("#tr-choices", OptionList).focus()
            if entry is not None and (entry.done or entry.revealed):
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

    def _fill_choices(self, ex: Exercise) -> None:
        """The choices in this trainee's own order, lettered as displayed; each option's id stays
        the pack's choice index, which is what an attempt records."""
        choices = self.query_one("#tr-choices", OptionList)
        choices.display = ex.is_choice
        choices.clear_options()
        trainee = trainee_file_id(self.trainee, self.group)
        for shown, i in enumerate(choice_order(trainee, ex.key, len(ex.choices))):
            choices.add_option(Option(f"{LETTERS[shown]}. {ex.choices[i].text}", id=str(i)))
        if ex.choices:
            choices.highlighted = 0

    def fill_list(self) -> None:
        listing = self.query_one("#tr-list", OptionList)
        listing.clear_options()
        for i, ex in enumerate(self.pack.exercises):
            entry = self.progress.progress(self.pack.id, ex.id)
            icon = "✓" if entry and entry.done else ("◐" if entry and entry.attempts else "·")
            style = "green" if entry and entry.done else ""
            line = Text(f"{icon} ", style=style)
            line.append(f"{i + 1}. {ex.title}")
            listing.add_option(Option(line, id=str(i)))
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
        ex = self.exercise
        if entry is not None and entry.done:
            text = self.tr("tr.state.done", n=entry.attempts_to_pass or len(entry.attempts))
        else:
            text = self.tr(
                "tr.state",
                attempts=len(entry.attempts) if entry else 0,
                hints=entry.hints_used if entry else 0,
                total_hints=len(ex.hints),
            )
        state = self.query_one("#tr-state", Label)
        state.update(text)
        state.set_class(bool(entry and entry.done), "done")

    def show_hints(self) -> None:
        ex, entry = self.exercise, self.entry
        used = min(entry.hints_used if entry else 0, len(ex.hints))
        if not used:
            self.query_one("#tr-hints", Static).update(Text(self.tr("tr.hint.none"), style="dim"))
            return
        text = Text()
        for n in range(used):
            if n:
                text.append("\n")
            text.append(self.tr("tr.hint.n", n=n + 1, text=ex.hints[n]))
        self.query_one("#tr-hints", Static).update(text)

    def show_result(self) -> None:
        entry, ex = self.entry, self.exercise
        widget = self.query_one("#tr-result", Static)
        last = entry.last if entry else None
        if entry is None or last is None:
            widget.update(Text(self.tr("tr.choose"), style="dim") if ex.is_choice else "")
            return
        text = Text()
        if last.choice is not None:
            right = last.passed
            text.append(
                self.tr("tr.result.choice.right" if right else "tr.result.choice.wrong"),
                style="bold green" if right else "bold red",
            )
            if 0 <= last.choice < len(ex.choices) and ex.choices[last.choice].feedback:
                text.append(" " + ex.choices[last.choice].feedback)
        elif last.passed:
            text.append(self.tr("tr.result.pass"), style="bold green")
        else:
            met = sum(1 for ok in last.met if ok)
            text.append(
                self.tr("tr.result.fail", met=met, total=len(ex.criteria)), style="bold yellow"
            )
        if (
            not entry.done
            and not entry.revealed
            and len(entry.attempts) >= self.reveal_threshold(ex)
        ):
            text.append(
                "\n" + self.tr("tr.result.reveal_ready", n=self.reveal_threshold(ex)), style="dim"
            )
        widget.update(text)

    def show_answer(self) -> None:
        entry, ex = self.entry, self.exercise
        widget = self.query_one("#tr-answer", Static)
        if entry is None or not (entry.done or entry.revealed):
            widget.update("")
            widget.display = False
            return
        text = Text()
        text.append(self.tr("tr.answer") + "\n", style="bold")
        for line in ex.model_answer.splitlines():
            text.append(f"  « {line} »\n" if self.lang == "fr" else f"  “{line}”\n", style="green")
        text.append("\n" + self.tr("tr.answer.why") + "\n", style="bold")
        text.append(ex.explanation)
        widget.update(text)
        widget.display = True

    # -- live assessment ------------------------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, DraftEditor) and widget.id and widget.id.startswith("tr-editor-"):
            item = int(widget.id.rsplit("-", 1)[1])
            if item != self.focused_item:
                self.focused_item = item
                self.show_feedback()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        editor = event.text_area
        if not isinstance(editor, DraftEditor) or not (editor.id or "").startswith("tr-editor-"):
            return
        item = int((editor.id or "0").rsplit("-", 1)[1])
        raw = editor.text
        if "\n" in raw.strip() and self.exercise.items > 1:
            # Several lines pasted at once: one per item, from this one on.
            lines = [line for line in (x.strip() for x in raw.splitlines()) if line]
            for offset, line in enumerate(lines[: self.exercise.items - item]):
                target = self.editor(item + offset)
                target.text = clean(line)
                target.move_cursor(target.document.end)
            return
        cleaned = clean(raw)
        if cleaned != raw:
            editor.text = cleaned
            editor.move_cursor(editor.document.end)
            return
        self.assess_item(item)

    def assess_item(self, item: int) -> None:
        engine = self.fapp.engine
        text = self.item_text(item)
        if not text:
            self.shown[item] = None
            self.show_feedback()
            return
        if engine is None:
            return
        key = self.exercise.key
        self._assess(key, item, text, "lexical")
        if (timer := self._debounce.get(item)) is not None:
            timer.stop()
        self._debounce[item] = self.set_timer(DEBOUNCE, lambda: self._full_pass(key, item, text))

    def _full_pass(self, key: str, item: int, text: str) -> None:
        if key != self.exercise.key or item >= len(self.editors) or text != self.item_text(item):
            return
        if self.fapp.full_ready(self.exercise.lang):
            self._assess(key, item, text, "full")
        else:
            self.fapp.ensure_model(self.exercise.lang)

    def _assess(self, key: str, item: int, text: str, tier: str) -> None:
        exercise = self.exercise
        engine = self.fapp.engine

        def work() -> None:
            (assessment,) = assess_items(engine, exercise, [text], tier=tier)
            if not get_current_worker().is_cancelled:
                self.post_message(TrainingAssessed(key, item, text, assessment))

        group = f"tr-assess-{item}-{tier}"
        self.run_worker(work, thread=True, exclusive=True, group=group, exit_on_error=False)

    def assess_draft(self) -> None:
        """A choice exercise, answered: show what the coach sees in the draft."""
        engine = self.fapp.engine
        if engine is None:
            return
        exercise = self.exercise
        tier = "full" if self.fapp.full_ready(exercise.lang) else "lexical"

        def work() -> None:
            (assessment,) = assess_items(engine, exercise, [exercise.draft], tier=tier)
            self.post_message(TrainingAssessed(exercise.key, -1, exercise.draft, assessment))

        self.run_worker(work, thread=True, exclusive=True, group="tr-draft", exit_on_error=False)

    def on_training_assessed(self, message: TrainingAssessed) -> None:
        if message.key != self.exercise.key:
            return
        a = message.assessment
        if message.item < 0:
            self.draft_view = a
            self.show_feedback()
            return
        if message.item >= len(self.editors) or message.text != self.item_text(message.item):
            return  # typed on since: a newer result is coming
        shown = self.shown[message.item]
        if (
            shown is not None
            and shown.text == a.text
            and a.tier == "lexical"
            and shown.tier != "lexical"
        ):
            return  # the full pass already answered for this text
        self.shown[message.item] = a
        self.show_feedback()

    def _engine_changed(self, _: int) -> None:
        if not self.is_mounted:
            return
        if self.exercise.is_choice:
            if self.draft_view is not None:
                self.assess_draft()
            return
        for item in range(len(self.editors)):
            self.assess_item(item)

    def current_assessments(self) -> list[Any] | None:
        """The shown assessments of the answer's items, or None while one is missing."""
        result = []
        for item in range(len(self.editors)):
            text = self.item_text(item)
            if not text:
                continue
            a = self.shown[item]
            if a is None or a.text.strip() != text:
                return None
            result.append(a)
        return result

    def coach_hidden(self) -> bool:
        """The criteria and the coach stay hidden: a "find it yourself" exercise before its
        first attempt, or a choice exercise before the coach has been asked about its draft."""
        ex, entry = self.exercise, self.entry
        if ex.is_choice:
            return entry is None or not (entry.done or entry.revealed)
        return ex.find_yourself and (entry is None or not entry.attempts)

    def verdict_ready(self, a: Any) -> bool:
        """Whether `a` may say "no finding": the lexical tier is a first look, the full pass
        (still to come unless the model failed) may find more."""
        return a.tier != "lexical" or self.fapp.engine_status(self.exercise.lang) == "failed"

    def show_feedback(self) -> None:
        ex = self.exercise
        scores = self.query_one("#tr-scores", ScoreBars)
        findings = self.query_one("#tr-findings", FindingsList)
        note = self.query_one("#tr-coach-note", Static)
        if self.coach_hidden():
            scores.display = False
            findings.display = False
            key = "tr.coach.hidden.choice" if ex.is_choice else "tr.criteria.hidden"
            note.update(Text(self.tr(key), style="dim italic"))
            note.display = True
            for editor in self.editors:
                editor.set_findings([], None)
            self.show_criteria()
            return
        scores.display = True
        if ex.is_choice:
            a = self.draft_view
        else:
            a = self.shown[min(self.focused_item, len(self.editors) - 1)]
        previous = None
        entry = self.entry
        if entry is not None and entry.last is not None and not ex.is_choice:
            previous = dict(entry.last.scores) or None
        scores.show(
            scores_of(a) if a is not None else None, previous, a.tier if a else None, self.lang
        )
        if a is not None and a.findings:
            findings.show(a.findings, self.lang)
            findings.display = True
            note.display = False
        else:
            findings.display = False
            note.update(self.coach_note(a))
            note.display = True
        for item, editor in enumerate(self.editors):
            shown = self.shown[item]
            if shown is None:
                editor.set_findings([], None)
                continue
            whole = max(1, len(shown.text.strip()))
            spans = [
                (f.start, f.end, f.level)
                if f.end - f.start < 0.9 * whole
                else (f.start, f.start, f.level)
                for f in shown.findings
            ]
            selected = (
                findings.highlighted if item == self.focused_item and shown.findings else None
            )
            editor.set_findings(spans, selected)
        self.show_criteria()

    def coach_note(self, a: Any) -> Text:
        """What the coach panel says when it lists no finding: that it is still analysing, or
        a verdict that agrees with the criteria (never "no remark" beside a failed one)."""
        ex = self.exercise
        if a is None:
            typed = ex.is_choice or bool(self.item_text(min(self.focused_item, ex.items - 1)))
            if not typed:
                return Text(self.tr("tr.findings.write"), style="dim")
            return Text(self.tr("tr.analysing"), style="dim italic")
        if not self.verdict_ready(a):
            return Text(self.tr("tr.analysing"), style="dim italic")
        if ex.is_choice:
            return Text(self.tr("tr.findings.none_draft"), style="dim")
        assessments = self.current_assessments()
        if assessments is None or any(not self.verdict_ready(x) for x in assessments):
            return Text(self.tr("tr.analysing"), style="dim italic")
        g = grade(ex.criteria, ex.items, assessments)
        failed = [c.label for c, ok in zip(ex.criteria, g.checks, strict=True) if not ok]
        if not g.count_ok:
            failed.insert(0, self.tr("tr.criteria.items", n=ex.items))
        if failed:
            return Text(
                self.tr("tr.findings.none_but", criteria=" · ".join(failed)), style="yellow"
            )
        return Text(self.tr("tr.findings.none_ok"), style="green")

    def show_criteria(self) -> None:
        ex = self.exercise
        widget = self.query_one("#tr-criteria", Static)
        if ex.is_choice:
            widget.update("")
            return
        if self.coach_hidden():
            widget.update(Text(self.tr("tr.criteria.hidden.list"), style="dim italic"))
            return
        assessments = [a for a in (self.current_assessments() or []) if a is not None]
        g = grade(ex.criteria, ex.items, assessments)
        text = Text()
        if ex.items > 1:
            distinct = len({" ".join(a.text.casefold().split()) for a in assessments})
            ok = g.count_ok
            text.append("✓ " if ok else "✗ ", style="bold green" if ok else "bold red")
            text.append(self.tr("tr.criteria.items", n=ex.items))
            text.append(f"  {min(distinct, g.items)}/{ex.items}\n", style="dim")
        for i, criterion in enumerate(ex.criteria):
            ok = g.criterion_ok(i)
            text.append("✓ " if ok else "✗ ", style="bold green" if ok else "bold red")
            text.append(criterion.label)
            if ex.items > 1:
                text.append(f"  {g.met[i]}/{ex.items}", style="dim")
            text.append("\n")
        text.rstrip()
        widget.update(text)

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
            self.post_message(TrainingGraded(ex.key, text, when, assessments))

        self.run_worker(work, thread=True, group="tr-grade", exit_on_error=False)

    def on_training_graded(self, message: TrainingGraded) -> None:
        ex = next((e for e in self.pack.exercises if e.key == message.key), None)
        if ex is not None:
            self.record_answer(ex, message.text, message.when, message.assessments)

    def record_answer(self, ex: Exercise, text: str, when: str, assessments: list[Any]) -> None:
        g = grade(ex.criteria, ex.items, assessments)
        attempt = Attempt(
            time=when,
            text=text,
            passed=g.passed,
            met=g.checks,
            scores=mean_scores(assessments),
            rules=fired_rules(assessments),
            tier=assessments[0].tier if assessments else "",
        )
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
        attempt = Attempt(time=now_iso(), text=choice.text, passed=choice.correct, choice=index)
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
        if entry is not None and (entry.done or entry.revealed):
            self.show_answer()
            self.query_one("#tr-answer").scroll_visible()
            return
        if attempts < self.reveal_threshold(ex):
            self.notify(
                self.tr(
                    "tr.reveal.later",
                    n=self.reveal_threshold(ex),
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

    # -- saving ---------------------------------------------------------------------------------

    def save(self, change: Callable[[TraineeProgress], object]) -> bool:
        """Apply `change` to the trainee's progress and save it at once; a failed save keeps
        the change on screen and replays it with the next one (changes are idempotent)."""
        self._pending.append(change)
        pending = list(self._pending)

        def apply(trainee: TraineeProgress) -> None:
            for fn in pending:
                fn(trainee)

        try:
            self.progress = self.store.update(self.trainee, self.group, apply)
        except StoreError as error:
            change(self.progress)
            self.fapp.show_error(self.tr("tr.saved_error"), str(error))
            return False
        self._pending.clear()
        return True
