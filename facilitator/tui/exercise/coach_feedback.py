"""What the coach says on the training screen: the scores, the findings underlined in the
editors, which success criteria the answer meets, and a verdict when it lists no finding.

The coach stays hidden where the exercise asks the trainee to find the problem first, and for
a choice exercise until it is answered.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from facilitator.training import grade
from facilitator.training.attempts import answer_shown, coach_hidden
from facilitator.tui.exercise.on_screen import ExerciseOnScreen
from facilitator.tui.exercise.panel_texts import criteria_text
from facilitator.tui.widgets.draft_editor import finding_spans
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.score_bars import ScoreBars
from facilitator.workshop.assessments import scores_of


class CoachFeedback(ExerciseOnScreen):
    """The coach's panels for the exercise on screen."""

    def current_assessments(self) -> list[Any] | None:
        """The shown assessments of the answer's items, or None while one is missing."""
        result = []
        for item in range(len(self.editors)):
            text = self.item_text(item)
            if not text:
                continue
            a = self.lives[item].shown
            if a is None or a.text.strip() != text:
                return None
            result.append(a)
        return result

    def coach_hidden(self) -> bool:
        """The criteria and the coach stay hidden: a "find it yourself" exercise before its
        first attempt, or a choice exercise before the coach has been asked about its draft."""
        ex, entry = self.exercise, self.entry
        if ex.is_choice:
            return not answer_shown(entry)
        return coach_hidden(ex, entry)

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
            a = self.lives[min(self.focused_item, len(self.editors) - 1)].shown
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
            shown = self.lives[item].shown
            if shown is None:
                editor.set_findings([], None)
                continue
            selected = (
                findings.highlighted if item == self.focused_item and shown.findings else None
            )
            editor.set_findings(finding_spans(shown.findings, shown.text), selected)
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
        elif self.coach_hidden():
            widget.update(Text(self.tr("tr.criteria.hidden.list"), style="dim italic"))
        else:
            assessments = [a for a in (self.current_assessments() or []) if a is not None]
            widget.update(criteria_text(ex, assessments, self.lang))
