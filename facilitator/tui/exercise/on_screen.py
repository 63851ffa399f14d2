"""The training screen's first concern: the exercise on screen, its answer's editors (one per item)
and the coach reading each item live (see `tui/live_assessment.py`).

`ExerciseOnScreen` is the base of the training screen; `coach_feedback` adds what the coach
says, and `tui/screens/training.py` lays it all out and handles attempts, hints and reveals.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import Any

from textual import events
from textual.widgets import TextArea

from facilitator.store import StoreError
from facilitator.training import Exercise, Pack, assess_items
from facilitator.training.attempts import reveal_threshold
from facilitator.training.model import MAX_ITEMS
from facilitator.training.progress import ExerciseProgress, TraineeProgress
from facilitator.training.store import TrainingStore
from facilitator.tui.exercise.progress_file import Change, ProgressFile
from facilitator.tui.live_assessment import Draft, LiveAssessment
from facilitator.tui.screens.base import BaseScreen
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.workshop.checks import clean


class ExerciseOnScreen(BaseScreen):
    """One pack's exercise on screen for one trainee, and the live assessment of its items;
    `show_feedback` paints what the coach says."""

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
        self.file = ProgressFile(store, trainee, group)
        self.index = next((i for i, e in enumerate(pack.exercises) if e.id == exercise), -1)
        self.draft_view: Any = None
        """A choice exercise's draft as the coach sees it (shown once answered)."""
        self.focused_item = 0
        self.lives = [
            LiveAssessment(
                self,
                f"tr-assess-{item}",
                on_screen=partial(self._on_screen, item),
                on_result=lambda _: self.show_feedback(),
            )
            for item in range(MAX_ITEMS)
        ]

    @property
    def lang(self) -> str:
        """The pack's language: an English pack is worked in English, and the rest of the app
        keeps its own language (nothing is switched app-wide)."""
        return self.pack.lang

    @property
    def progress(self) -> TraineeProgress:
        return self.file.progress

    def save(self, change: Change) -> bool:
        """Apply `change` to the trainee's progress and save it at once; a failed save keeps
        the change on screen and replays it with the next one (changes are idempotent)."""
        error = self.file.save(change)
        if error is not None:
            self.fapp.show_error(self.tr("tr.saved_error"), str(error))
        return error is None

    def load_progress(self) -> None:
        try:
            self.file.load()
        except StoreError as error:
            self.fapp.show_error(self.tr("tr.saved_error"), str(error))

    def reveal_threshold(self, exercise: Exercise) -> int:
        """Attempts after which the model answer may be shown."""
        return reveal_threshold(exercise, self.reveal_after)

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

    @property
    def shown(self) -> list[Any]:
        """The assessment on screen for each item (always about the text in its editor)."""
        return [live.shown for live in self.lives]

    def show_feedback(self) -> None:
        """Paint what the coach says about the items on screen (the screen lays it out)."""
        raise NotImplementedError

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
        """Coach item `item`: lexical tier at once, full pass after a pause."""
        text = self.item_text(item)
        if not text:
            self.lives[item].clear()
            self.show_feedback()
            return
        exercise, engine = self.exercise, self.fapp.engine  # read here: a worker reads no screen

        def score(tier: str) -> Any:
            (assessment,) = assess_items(engine, exercise, [text], tier=tier)
            return assessment

        self.lives[item].changed(Draft(text, exercise.key, score, lambda: exercise.lang))

    def _on_screen(self, item: int) -> tuple[str, Hashable]:
        # An item past the exercise's count is about nothing: its results are stale.
        about = self.exercise.key if item < len(self.editors) else None
        return self.item_text(item), about

    def assess_draft(self) -> None:
        """A choice exercise, answered: show what the coach sees in the draft."""
        engine = self.fapp.engine
        if engine is None:
            return
        exercise = self.exercise
        tier = "full" if self.fapp.full_ready(exercise.lang) else "lexical"

        def work() -> None:
            (assessment,) = assess_items(engine, exercise, [exercise.draft], tier=tier)
            seen = partial(self._draft_assessed, exercise.key, assessment)
            self.post_message(events.Callback(callback=seen))

        self.run_worker(work, thread=True, exclusive=True, group="tr-draft", exit_on_error=False)

    def _draft_assessed(self, key: str, assessment: Any) -> None:
        if key == self.exercise.key:
            self.draft_view = assessment
            self.show_feedback()

    def engine_changed(self, _: int) -> None:
        if not self.is_mounted:
            return
        if self.exercise.is_choice:
            if self.draft_view is not None:
                self.assess_draft()
            return
        for item in range(len(self.editors)):
            self.assess_item(item)
