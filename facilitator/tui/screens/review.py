"""Monthly review: per key result, the current value, the progress it makes from baseline to
target, the confidence 0–10 (a drop needs a comment) and the blockers; per objective, the
average progress. Enter on a key result opens its check-in.

Below, what the session carried from the one it follows (`room.carried`): the open actions and
parking-lot items, which the room closes (`d`: done / settled, `x`: dropped) from that table,
and the decisions recalled, read-only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Label, Static

from facilitator.dates import date_words
from facilitator.room import carried, review, wrapup
from facilitator.room.cycle import followed
from facilitator.room.votes import bar
from facilitator.session import KeyResult, progress
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, percent, row_key
from facilitator.tui.screens.room_dialogs import Field, FormDialog
from facilitator.tui.widgets.table import Table, text_width

COLUMNS = (
    ("kr", "review.col.kr", 48),
    ("range", "review.col.range", 14),
    ("value", "review.col.value", 9),
    ("progress", "review.col.progress", 16),
    ("confidence", "review.col.confidence", 10),
    ("blockers", "review.col.blockers", 18),
)
"""The key-result table's columns: key, title's text key, width."""
STATE_STYLE = {"open": "bold yellow", "done": "green", "dropped": "dim", "resolved": "green"}


class CarriedTable(Table):
    """The actions and parking-lot items carried from the session before."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "close('done')", "review.bind.done", id="review.carried_done"),
        Binding("x", "close('dropped')", "review.bind.drop", id="review.carried_drop"),
    ]

    def action_close(self, how: str) -> None:
        screen = self.screen
        key = row_key(self)
        if isinstance(screen, ReviewScreen) and key is not None:
            screen.close_carried(key, how)


class ReviewScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "review"
    TITLE_KEY = "review.title"
    DEFAULT_CSS = """
    ReviewScreen #carried { height: auto; max-height: 8; }
    ReviewScreen #carried-title, ReviewScreen #recalled { height: auto; }
    """

    def compose_body(self) -> ComposeResult:
        yield Table(id="krs", cursor_type="row")
        yield Static(id="kr-detail", classes="kr-detail")
        yield Label(id="carried-title", classes="section-title", markup=False)
        yield CarriedTable(id="carried", cursor_type="row")
        yield Static(id="recalled", markup=False)

    def focus_first(self) -> None:
        table = self.query_one("#krs", DataTable)
        table.focus()
        if table.row_count > 1 and table.cursor_row == 0:
            table.move_cursor(row=1)

    def session_changed(self) -> None:
        s = self.session
        table = self.query_one("#krs", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        for name, title, width in COLUMNS:
            table.add_column(self.tr(title), width=width, key=name)
        averages = []
        for i, objective in enumerate(review.active(s), 1):
            average = review.objective_progress(s, objective)
            if average is not None:
                averages.append(average)
            head = Text(f"O{i} {fit(objective.text, 44)}", style="bold")
            table.add_row(
                head, "", "", self._bar(average, bold=True), "", "", key=f"o:{objective.id}"
            )
            for j, kr in enumerate(objective.key_results, 1):
                table.add_row(*self._kr_cells(kr, i, j), key=kr.id)
        keep_cursor(table, keep, fallback)
        self._draw_detail()
        self._draw_carried()
        done, total = review.reviewed(s)
        overall = sum(averages) / len(averages) if averages else None
        self.status(self.tr("review.status", done=done, total=total, average=percent(overall)))

    def _bar(self, value: float | None, bold: bool = False) -> Text:
        if value is None:
            return Text("—", style="dim")
        style = "green" if value >= 0.7 else "yellow" if value >= 0.4 else "red"
        text = Text(bar(value, 10), style=f"bold {style}" if bold else style)
        text.append(f" {percent(value):>5}", style="bold" if bold else "")
        return text

    def _kr_cells(self, kr: KeyResult, i: int, j: int) -> list[Any]:
        s = self.session
        mine = review.this_session_checkin(s, kr)
        last = kr.last_checkin
        span = self._span(kr)
        value = Text(last.current if last else "—", style="" if mine else "dim")
        confidence = Text("—", style="dim")
        if last is not None and last.confidence is not None:
            confidence = Text(f"{last.confidence}/10", style="" if mine else "dim")
            change = review.trend(s, kr)
            if change:
                confidence.append(
                    " ↑" if change > 0 else " ↓", style="green" if change > 0 else "bold red"
                )
        blockers = "; ".join(last.blockers) if last and mine else ""
        label = Text(f"  KR{i}.{j} ", style="dim")
        label.append(fit(kr.text, 40))
        if mine is None:
            label.stylize("dim", 0, len(label))
        return [
            label,
            fit(span, 14),
            value,
            self._bar(last.progress if last else None),
            confidence,
            Text(fit(blockers, 18), style="bold red" if blockers else ""),
        ]

    def _span(self, kr: KeyResult) -> str:
        """ "4 % → 2 %", or "cible à fixer" for a target still a placeholder (never "? → ?")."""
        return self.tr("review.target_to_set") if review.target_to_set(kr) else review.span(kr)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "krs":
            self._draw_detail()

    def _draw_detail(self) -> None:
        """The highlighted line in full: the wording, owner and deadline, the last check-in."""
        key = row_key(self.query_one("#krs", DataTable))
        detail = self.query_one("#kr-detail", Static)
        s = self.session
        if key is None:
            detail.update("")
            return
        if key.startswith("o:"):
            detail.update(Text(s.objective(key[2:]).text, style="bold"))
            return
        kr = s.key_result(key)
        text = Text(kr.text, style="bold")
        facts = [self._span(kr)]
        if kr.deadline:
            facts.append(self.tr("review.deadline", deadline=date_words(kr.deadline, s.lang)))
        if kr.owner:
            facts.append(wrapup.owner_name(s, kr.owner))
        text.append("\n" + " · ".join(facts), style="dim")
        last = kr.last_checkin
        if last is not None:
            line = self.tr(
                "review.last", date=date_words(last.date, s.lang), value=last.current or "—",
                progress=percent(last.progress),
                confidence="—" if last.confidence is None else f"{last.confidence}/10",
            )  # fmt: skip
            text.append("\n" + line)
            if last.comment:
                text.append(f" — {last.comment}", style="italic")
            if last.blockers:
                text.append("\n⚠ " + "; ".join(last.blockers), style="bold red")
        detail.update(text)

    # -- what the session before left open ------------------------------------------------------

    def _draw_carried(self) -> None:
        s = self.session
        found = carried.carried(s)
        title = self.query_one("#carried-title", Label)
        table = self.query_one("#carried", CarriedTable)
        recalled = self.query_one("#recalled", Static)
        for widget in (title, table, recalled):
            widget.display = not found.empty
        if found.empty:
            return
        before = followed(s)
        title.update(self.tr("review.carried.title", title=before[0] if before else "…"))
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        table.add_column(self.tr("review.carried.col.what"), width=9, key="what")
        wording = text_width(self.size.width, [9, 18, 22, 12], least=24, most=48)
        table.add_column(self.tr("review.carried.col.text"), width=wording, key="text")
        table.add_column(self.tr("review.carried.col.owner"), width=18, key="owner")
        table.add_column(self.tr("review.carried.col.when"), width=22, key="when")
        table.add_column(self.tr("review.carried.col.state"), width=12, key="state")
        for action in found.actions:
            state: str = carried.outcome(action)
            table.add_row(
                self.tr("review.carried.action"),
                Text(fit(action.text, wording), style="" if state == "open" else "dim strike"),
                wrapup.owner_name(s, action.owner),
                date_words(action.due, s.lang),
                Text(self._state(state), style=STATE_STYLE[state]),
                key=f"a:{action.id}",
            )
        for item in found.parking:
            state = "resolved" if item.resolved else "open"
            table.add_row(
                self.tr("review.carried.parking"),
                Text(fit(item.text, wording), style="dim strike" if item.resolved else ""),
                wrapup.owner_name(s, item.owner) if item.owner else "—",
                fit(item.next_step, 22) or "—",
                Text(self._state(state), style=STATE_STYLE[state]),
                key=f"p:{item.id}",
            )
        keep_cursor(table, keep, fallback)
        table.display = bool(table.row_count)
        lines = [self.tr("review.carried.decisions")] if found.decisions else []
        lines += [f"• {d['text']}" for d in found.decisions]
        recalled.update("\n".join(lines))
        recalled.display = bool(lines)

    def _state(self, state: str) -> str:
        match state:
            case "done":
                return self.tr("review.carried.state.done")
            case "dropped":
                return self.tr("review.carried.state.dropped")
            case "resolved":
                return self.tr("review.carried.state.resolved")
            case _:
                return self.tr("review.carried.state.open")

    def close_carried(self, key: str, how: str) -> None:
        """`d` (how="done") marks the action done or the parking-lot item settled, `x`
        (how="dropped") gives the action up; the same key again reopens it."""
        kind, _, item_id = key.partition(":")
        s = self.session
        if kind == "a":
            action = next((a for a in s.actions if a.id == item_id), None)
            if action is None:
                return
            if how == "done":
                done = not action.done
                self.act(lambda w: w.set_action_done(item_id, done))
            else:
                dropped = not carried.is_dropped(action)
                self.act(lambda w: w.set_action_dropped(item_id, dropped))
        elif kind == "p" and how == "done":
            item = next((p for p in s.parking if p.id == item_id), None)
            if item is not None:
                resolved = not item.resolved
                self.act(lambda w: w.set_parking_resolved(item_id, resolved))
        elif kind == "p":
            self.notify(self.tr("review.carried.parking_drop"), timeout=4)

    # -- check-ins -------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id != "krs":
            return
        key = event.row_key.value
        if key and not key.startswith("o:"):
            self.check_in(key)

    def check_in(self, kr_id: str) -> None:
        s = self.session
        kr = s.key_result(kr_id)
        mine = review.this_session_checkin(s, kr)
        before = review.previous_confidence(s, kr)
        fields = [
            Field("current", self.tr("review.current", target=kr.target or "?"),
                  mine.current if mine else "", self.tr("review.current.ph")),
            Field("confidence", self.tr("review.confidence"),
                  str(mine.confidence if mine and mine.confidence is not None else before or ""),
                  "0–10"),
            Field("comment", self.tr("review.comment"), mine.comment if mine else "",
                  self.tr("review.comment.ph")),
            Field("blockers", self.tr("review.blockers"), "; ".join(mine.blockers) if mine else "",
                  self.tr("review.blockers.ph")),
        ]  # fmt: skip

        def live(values: dict[str, str]) -> str:
            parts = []
            share = progress(kr.baseline, kr.target, values["current"], lang=s.lang)
            if values["current"]:
                parts.append(
                    self.tr("review.progress", value=percent(share))
                    if share is not None
                    else self.tr("review.no_progress")
                )
            try:
                confidence = review.parse_confidence(values["confidence"])
            except ValueError:
                confidence = None
            if review.needs_comment(s, kr, confidence):
                parts.append(self.tr("review.drop", before=before, now=confidence))
            return "  ·  ".join(parts)

        def validate(values: dict[str, str]) -> str | None:
            try:
                confidence = review.parse_confidence(values["confidence"])
            except ValueError:
                return self.tr("review.bad_confidence")
            if review.needs_comment(s, kr, confidence) and not values["comment"]:
                return self.tr("review.need_comment", before=before, now=confidence)
            return None

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            confidence = review.parse_confidence(values["confidence"])
            blockers = review.split_blockers(values["blockers"])
            current, comment = values["current"], values["comment"]
            self.act(lambda w: w.record_checkin(kr_id, current, confidence, comment, blockers))
            next_kr(self.query_one("#krs", DataTable))

        self.app.push_screen(
            FormDialog(self.tr("review.checkin.title", kr=fit(kr.text, 60)), fields, self.lang,
                       validate=validate, live=live),
            done,
        )  # fmt: skip

    def palette_commands(self) -> list[tuple[str, Any]]:
        def current() -> None:
            key = row_key(self.query_one("#krs", DataTable))
            if key and not key.startswith("o:"):
                self.check_in(key)

        return [("cmd.review.checkin", current)]


def next_kr(table: DataTable[Any]) -> None:
    """Move the cursor to the next key-result row (objective rows are headings)."""
    row = table.cursor_row + 1
    while row < table.row_count:
        key, _ = table.coordinate_to_cell_key(Coordinate(row, 0))
        if key.value and not key.value.startswith("o:"):
            table.move_cursor(row=row)
            return
        row += 1
