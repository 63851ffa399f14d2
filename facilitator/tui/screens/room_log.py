"""Decisions, actions and the parking lot of the session, as the minutes will list them.

F5 / F6 / F7 add a decision, an action or a parking-lot item (from any screen). Here: Enter on
an action edits it and Space marks it done; Enter on a parking-lot item gives it its follow-up
(owner and next step); Delete removes the row (after a confirmation); Tab moves between lists.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label

from facilitator.room import wrapup
from facilitator.tui import room_actions
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.screens.room_dialogs import Field, FormDialog
from facilitator.tui.widgets.table import Table
from facilitator.workshop.room_log import LOG_LISTS, LogList

COLUMN_KEYS = {
    "text": "log.col.text",
    "step": "log.col.step",
    "owner": "log.col.owner",
    "due": "log.col.due",
    "next_step": "log.col.next_step",
}
"""The lists' column titles, by column id (the actions' "done" column has none)."""
TITLE_KEYS = {"decisions": "log.decisions", "actions": "log.actions", "parking": "log.parking"}
"""Each list's title, with its count."""


class LogTable(Table):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_row", "log.bind.toggle", id="log.toggle"),
        Binding("delete", "remove_row", "log.bind.remove", id="log.remove"),
    ]

    def action_toggle_row(self) -> None:
        screen = self.screen
        if isinstance(screen, RoomLogScreen):
            screen.toggle_row(self)

    def action_remove_row(self) -> None:
        screen = self.screen
        if isinstance(screen, RoomLogScreen):
            screen.remove_row(self)


class RoomLogScreen(RoomScreen):
    key = "log"
    TITLE_KEY = "log.title"

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="log"):
            yield Label(id="decisions-title", classes="section-title")
            yield LogTable(id="decisions", cursor_type="row")
            yield Label(id="actions-title", classes="section-title")
            yield LogTable(id="actions", cursor_type="row")
            yield Label(id="parking-title", classes="section-title")
            yield LogTable(id="parking", cursor_type="row")

    def focus_first(self) -> None:
        self.query_one("#actions", DataTable).focus()

    def session_changed(self) -> None:
        s = self.session
        steps = {st.id: st.title for st in s.agenda}
        decisions = self._table("decisions", [("text", 88), ("step", 24)])
        for d in s.decisions:
            decisions.add_row(fit(d.text, 88), fit(steps.get(d.step_id or "", ""), 24), key=d.id)
        actions = self._table("actions", [("done", 3), ("text", 62), ("owner", 20), ("due", 12)])
        for a in s.actions:
            actions.add_row(
                "✓" if a.done else "·",
                Text(fit(a.text, 62), style="dim strike" if a.done else ""),
                wrapup.owner_name(s, a.owner) or Text("?", style="bold red"),
                a.due or Text("?", style="bold red"),
                key=a.id,
            )
        parking = self._table("parking", [("text", 50), ("owner", 20), ("next_step", 40)])
        for p in s.parking:
            missing = Text(self.tr("log.missing"), style="bold red")
            parking.add_row(
                Text(fit(p.text, 50), style="dim strike" if p.resolved else ""),
                wrapup.owner_name(s, p.owner) or missing,
                fit(p.next_step, 40) or missing,
                key=p.id,
            )
        counts = {
            "decisions": len(s.decisions),
            "actions": len(s.actions),
            "parking": len(s.parking),
        }
        for name, key in TITLE_KEYS.items():
            self.query_one(f"#{name}-title", Label).update(self.tr(key, count=counts[name]))
        self.status(self.tr("log.status", open=len(s.open_parking())))

    def _table(self, name: str, columns: list[tuple[str, int]]) -> DataTable[Any]:
        table = self.query_one(f"#{name}", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        for column, width in columns:
            label = self.tr(COLUMN_KEYS[column]) if column in COLUMN_KEYS else ""
            table.add_column(label, width=width, key=column)
        self.call_after_refresh(keep_cursor, table, keep, fallback)
        return table

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        if event.data_table.id == "parking":
            room_actions.parking_follow_up(self.fapp, key)
        elif event.data_table.id == "actions":
            self.edit_action(key)

    def edit_action(self, action_id: str) -> None:
        s = self.session
        action = next(a for a in s.actions if a.id == action_id)
        lang = self.lang
        fields = [
            Field("text", self.tr("room.action.text"), action.text),
            Field("owner", self.tr("room.owner"), action.owner, self.tr("room.owner.ph"),
                  room_actions.owner_choices(s)),
            Field("due", self.tr("room.due"), action.due, self.tr("room.due.ph")),
        ]  # fmt: skip

        def validate(values: dict[str, str]) -> str | None:
            if not values["text"]:
                return self.tr("room.need_text")
            if not values["owner"]:
                return self.tr("room.need_owner")
            try:
                wrapup.parse_due(values["due"], self.fapp.now().date())
            except ValueError:
                return self.tr("room.bad_due", due=values["due"] or "—")
            return None

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            self.act(
                lambda w: w.update_action(action_id, values["text"], values["owner"], values["due"])
            )

        self.app.push_screen(
            FormDialog(self.tr("room.action.title"), fields, lang, validate=validate), done
        )

    def toggle_row(self, table: DataTable[Any]) -> None:
        key = row_key(table)
        if key is None:
            return
        if table.id == "actions":
            done = next(a.done for a in self.session.actions if a.id == key)
            self.act(lambda w: w.set_action_done(key, not done))
        elif table.id == "parking":
            resolved = next(p.resolved for p in self.session.parking if p.id == key)
            self.act(lambda w: w.set_parking_resolved(key, not resolved))

    def remove_row(self, table: DataTable[Any]) -> None:
        key = row_key(table)
        name = table.id or ""
        if key is None or name not in LOG_LISTS:
            return
        items = getattr(self.session, name)
        what = next((i.text for i in items if i.id == key), "")

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.act(lambda w: w.remove_entry(cast(LogList, name), key))

        self.app.push_screen(
            ConfirmDialog(
                self.tr("setup.remove.title"), self.tr("setup.remove.body", what=what), self.lang
            ),
            confirmed,
        )
