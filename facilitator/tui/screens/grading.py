"""End-of-cycle grading: a grade 0.0–1.0 per key result, the average per objective, and the
gap to what was expected (committed key results at 1.0, aspirational ones around 0.7).

Enter grades the key result under the cursor (the last progress is offered as a starting
point); `c` switches it between committed and aspirational.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from facilitator.room import review
from facilitator.session import KeyResult
from facilitator.tui.screens.review import next_kr
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, percent, row_key
from facilitator.tui.screens.room_dialogs import Field, FormDialog
from facilitator.tui.widgets.table import Table

COLUMN_KEYS = (
    ("kr", "grading.col.kr", 64),
    ("kind", "grading.col.kind", 11),
    ("expected", "grading.col.expected", 8),
    ("progress", "grading.col.progress", 8),
    ("grade", "grading.col.grade", 6),
    ("gap", "grading.col.gap", 7),
)
"""The grades table's columns: (id, title's key, width)."""


def grade_style(grade: float | None, expected: float) -> str:
    if grade is None:
        return "dim"
    gap = grade - expected
    return "green" if gap >= -0.05 else "yellow" if gap >= -0.3 else "red"


class GradingScreen(RoomScreen):
    key = "grading"
    TITLE_KEY = "grading.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "commitment", "grading.bind.commitment", id="grading.commitment"),
        Binding("r", "app.goto('retro')", "grading.bind.retro", id="grading.retro"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Table(id="grades", cursor_type="row")

    def focus_first(self) -> None:
        table = self.query_one("#grades", DataTable)
        table.focus()
        if table.row_count > 1 and table.cursor_row == 0:
            table.move_cursor(row=1)

    def _fmt(self, value: float | None, digits: int = 2) -> str:
        if value is None:
            return "—"
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.lang == "fr" else text

    def session_changed(self) -> None:
        s = self.session
        summary = review.grade_summary(s)
        table = self.query_one("#grades", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        for name, key, width in COLUMN_KEYS:
            table.add_column(self.tr(key), width=width, key=name)
        for i, objective in enumerate(review.active(s), 1):
            average = summary.per_objective.get(objective.id)
            head = Text(f"O{i} {fit(objective.text, 60)}", style="bold")
            avg = Text(self._fmt(average), style=f"bold {grade_style(average, 0.7)}")
            table.add_row(head, "", "", "", avg, "", key=f"o:{objective.id}")
            for j, kr in enumerate(objective.key_results, 1):
                table.add_row(*self._cells(kr, i, j), key=kr.id)
        keep_cursor(table, keep, fallback)
        self.status(
            self.tr(
                "grading.status",
                graded=summary.graded,
                total=summary.total,
                average=self._fmt(summary.average),
                committed=self._fmt(summary.committed),
                aspirational=self._fmt(summary.aspirational),
            )
        )

    def _cells(self, kr: KeyResult, i: int, j: int) -> list[Any]:
        kind = self.tr("grading.committed" if kr.committed else "grading.aspirational")
        gap = review.grade_gap(kr)
        style = grade_style(kr.grade, kr.expected_grade)
        last = kr.last_checkin
        return [
            Text(f"  KR{i}.{j} ") + Text(fit(kr.text, 54)),
            Text(kind, style="cyan" if kr.committed else "magenta"),
            self._fmt(kr.expected_grade, 1),
            percent(last.progress) if last else "—",
            Text(self._fmt(kr.grade, 1) if kr.grade is not None else "—", style=f"bold {style}"),
            Text(("+" if gap and gap > 0 else "") + self._fmt(gap), style=style)
            if gap is not None
            else "",
        ]

    def _kr_id(self) -> str | None:
        key = row_key(self.query_one("#grades", DataTable))
        return key if key and not key.startswith("o:") else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if (kr_id := self._kr_id()) is not None:
            self.grade(kr_id)

    def grade(self, kr_id: str) -> None:
        kr = self.session.key_result(kr_id)
        start = kr.grade if kr.grade is not None else review.suggested_grade(kr)
        value = self._fmt(start, 1) if start is not None else ""
        fields = [Field("grade", self.tr("grading.grade", expected=self._fmt(kr.expected_grade, 1)),
                        value, "0,0 – 1,0")]  # fmt: skip

        def validate(values: dict[str, str]) -> str | None:
            try:
                review.parse_grade(values["grade"])
            except ValueError:
                return self.tr("grading.bad_grade")
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            grade = review.parse_grade(values["grade"])
            self.act(lambda w: w.set_grade(kr_id, grade))
            next_kr(self.query_one("#grades", DataTable))

        hint = self.tr("grading.hint", progress=percent(kr.last_checkin.progress)
                       if kr.last_checkin else "—")  # fmt: skip
        self.app.push_screen(
            FormDialog(fit(kr.text, 66), fields, self.lang, validate=validate, hint=hint), done
        )

    def action_commitment(self) -> None:
        kr_id = self._kr_id()
        if kr_id is None:
            return
        committed = self.session.key_result(kr_id).committed
        self.act(lambda w: w.set_committed(kr_id, not committed))

    def palette_commands(self) -> list[tuple[str, Any]]:
        def current() -> None:
            if (kr_id := self._kr_id()) is not None:
                self.grade(kr_id)

        return [("cmd.grading.grade", current), ("cmd.grading.commitment", self.action_commitment)]
