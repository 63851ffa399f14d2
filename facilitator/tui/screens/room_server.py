"""The participants' room, from the facilitator's side: start or stop the room server, the join
code and its QR code, who has joined and who is missing, the steps open to participants, and the
queue of versions they proposed, to accept or decline.

s starts the server on this machine, n on the room's network (or stops it); Enter on a step
opens or closes it to participants; on the queue a accepts and d declines the version under the
cursor; on the participants x takes a device out; l locks the room, c closes it. The screen reads
the session again every second: participants change it from the server's thread.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Label, Static

from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.widgets.table import Table
from facilitator.web import launch
from facilitator.web.background import BackgroundRoom
from facilitator.workshop.participants import ACTIVITIES, RoomState

PORT = 8765
"""The port tried first; another free one when it is taken."""

COLUMN_KEYS = {
    "who": "web.tui.col.who",
    "item": "web.tui.col.item",
    "text": "web.tui.col.text",
    "step": "web.tui.col.step",
    "name": "web.tui.col.name",
}
"""The tables' column titles, by column id (the marks' columns have none)."""

SERVERS: dict[str, BackgroundRoom] = {}
"""The running room server of each session, by session id: it outlives this screen (the
facilitator goes back to the agenda while participants work)."""


class RoomServerScreen(RoomScreen):
    key = "room_server"
    TITLE_KEY = "web.tui.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "serve('127.0.0.1')", "web.tui.bind.local", id="room_server.local"),
        Binding("n", "serve('0.0.0.0')", "web.tui.bind.network", id="room_server.network"),
        Binding("l", "lock", "web.tui.bind.lock", id="room_server.lock"),
        Binding("c", "close_room", "web.tui.bind.close", id="room_server.close"),
        Binding("a", "answer(True)", "web.tui.bind.accept", id="room_server.accept"),
        Binding("d", "answer(False)", "web.tui.bind.decline", id="room_server.decline"),
        Binding("x", "remove_device", "web.tui.bind.remove", id="room_server.remove"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="room-server"):
            with Vertical(id="room-server-join"):
                yield Static(id="join", markup=False)
                yield Static(id="qr", markup=False)
            with VerticalScroll(id="room-server-lists"):
                yield Label(self.tr("web.tui.queue"), classes="section-title")
                yield Table(id="queue", cursor_type="row")
                yield Label(self.tr("web.tui.steps"), classes="section-title")
                yield Table(id="steps", cursor_type="row")
                yield Label(self.tr("web.tui.people"), classes="section-title")
                yield Table(id="people", cursor_type="row")

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(1.0, self.read_again, name="room-server-read")

    def focus_first(self) -> None:
        self.query_one("#queue", DataTable).focus()

    @property
    def background(self) -> BackgroundRoom | None:
        return SERVERS.get(self.session.id)

    def read_again(self) -> None:
        """Participants changed the session from the server's thread: show it."""
        if self.fapp.workshop is not None and self.background is not None:
            self.fapp.workshop.reload()
            self.session_changed()

    # -- drawing --------------------------------------------------------------------------------

    def session_changed(self) -> None:
        session, room = self.session, RoomState.of(self.session)
        running = self.background is not None and self.background.running
        self._draw_join(room, running)
        names = {p.id: p.name for p in session.participants}
        items = {o.id: o.text for o in session.objectives} | {
            kr.id: kr.text for _, kr in session.key_results()
        }
        queue = self._table("queue", [("who", 18), ("item", 30), ("text", 60)])
        for entry in room.proposed:
            if entry.get("status") == "pending":
                item = items.get(entry.get("kr_id") or entry.get("objective_id") or "", "?")
                who = names.get(str(entry.get("participant")), "?")
                queue.add_row(fit(who, 18), fit(item, 30), fit(entry["text"], 60), key=entry["id"])
        steps = self._table("steps", [("open", 3), ("step", 50)])
        for step in session.agenda:
            if step.kind in ACTIVITIES:
                steps.add_row("✓" if step.id in room.open_steps else "·", step.title, key=step.id)
        people = self._table("people", [("joined", 3), ("name", 40)])
        for person in session.participants:
            people.add_row("✓" if person.id in room.devices else "·", person.name, key=person.id)
        joined = sum(1 for p in session.participants if p.id in room.devices)
        key = "web.tui.status.running" if running and not room.closed else "web.tui.status.stopped"
        self.status(self.tr(key, joined=joined, total=len(session.participants)))

    def _draw_join(self, room: RoomState, running: bool) -> None:
        background = self.background
        if not running or background is None or room.closed:
            self.query_one("#join", Static).update(self.tr("web.tui.not_running"))
            self.query_one("#qr", Static).update("")
            return
        addresses = launch.addresses(background.host)
        urls = [launch.join_url(a, background.port, room.code) for a in addresses]
        lines = [self.tr("web.tui.code", code=room.code), *urls]
        if room.locked:
            lines.append(self.tr("web.tui.locked"))
        self.query_one("#join", Static).update("\n".join(lines))
        self.query_one("#qr", Static).update(launch.qr_text(urls[0]))

    def _table(self, name: str, columns: list[tuple[str, int]]) -> DataTable[Any]:
        table = self.query_one(f"#{name}", DataTable)
        keep, fallback = row_key(table), table.cursor_row
        table.clear(columns=True)
        for column, width in columns:
            label = self.tr(COLUMN_KEYS[column]) if column in COLUMN_KEYS else ""
            table.add_column(label, width=width, key=column)
        self.call_after_refresh(keep_cursor, table, keep, fallback)
        return table

    # -- the facilitator's actions --------------------------------------------------------------

    def action_serve(self, host: str) -> None:
        """Start the server on `host` (stop it when it runs)."""
        background = self.background
        if background is not None and background.running:
            background.stop()
            SERVERS.pop(self.session.id, None)
            self.session_changed()
            return
        if not self.act(lambda w: launch.prepare(w)):
            return
        for port in (PORT, 0):
            background = BackgroundRoom(self.fapp.store, self.session.id, host=host, port=port)
            try:
                background.start()
            except OSError:
                background.stop()
                continue
            SERVERS[self.session.id] = background
            break
        self.session_changed()

    def action_lock(self) -> None:
        locked = RoomState.of(self.session).locked
        self.act(lambda w: w.lock_room(not locked))

    def action_close_room(self) -> None:
        background = SERVERS.pop(self.session.id, None)
        if background is not None:
            background.stop()
        self.act(lambda w: w.close_room())

    def action_answer(self, accept: bool) -> None:
        proposed = row_key(self.query_one("#queue", DataTable))
        if proposed is None:
            return
        if accept:
            self.act(lambda w: w.accept_proposed(proposed, self.tr("web.tui.note")))
        else:
            self.act(lambda w: w.decline_proposed(proposed))

    def action_remove_device(self) -> None:
        person = row_key(self.query_one("#people", DataTable))
        if person is not None:
            self.act(lambda w: w.remove_device(person))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a step opens it to participants, or closes it."""
        event.stop()
        step_id = event.row_key.value
        if event.data_table.id != "steps" or step_id is None:
            return
        if step_id in RoomState.of(self.session).open_steps:
            self.act(lambda w: w.close_step_to_participants(step_id))
        else:
            self.act(lambda w: w.open_step_to_participants(step_id))
