"""The participants' room, from the facilitator's side: start or stop the room server, the join
code and its QR code, who has joined and who is missing, the steps open to participants, and the
queue of versions they proposed, to accept or decline.

s starts the server on this machine, n on the room's network, s again stops it; o (or Enter on
the steps) opens or closes the step under the steps' cursor to participants; a accepts and d
declines the version under the queue's cursor; x takes the device of the participant under the
participants' cursor out; l locks the room, c closes it; q shows the QR code on the whole
terminal. The footer shows what can be done now, the room's own keys first, so that at 80
columns it holds those a facilitator needs while the room runs (F1 lists every key). The
screen reads the session again every second: participants change it from the server's thread.

Wide, the join panel (code, addresses, QR code) stands beside the lists. Narrow (80×24), the
QR code alone is as tall as the screen: the panel keeps the code and addresses only (q shows
the QR code), so that the queue of proposed versions, what the facilitator acts on, comes
right under them.
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import DataTable, Label, Static

from facilitator.tui.screens.base import HIDDEN_NAVIGATION
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.screens.room_qr import QrDialog
from facilitator.tui.widgets.table import Table, text_width
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

QUEUE_FIXED = [14, 20]
"""The queue's columns besides the wording (who, for): the wording takes what is left."""

JOIN_WIDTH = 48
"""The join panel's columns beside the lists on a wide screen: the QR code (37) and the keys'
line under the addresses (`room.tcss` sets the same)."""

SERVERS: dict[str, BackgroundRoom] = {}
"""The running room server of each session, by session id: it outlives this screen (the
facilitator goes back to the agenda while participants work)."""


class RoomServerScreen(RoomScreen):
    key = "room_server"
    TITLE_KEY = "web.tui.title"
    FIT_COLUMNS = True
    # In the footer's order: a narrow footer keeps the first ones that fit. Stopped, the keys
    # that start the server come first; running, those that run the room (`check_action`): s
    # then stops it, which the join panel says (the footer orders keys by their first binding,
    # so "s Stop" would come before the room's keys and push "l Lock" out at 80 columns).
    FOOTER_HIDDEN = HIDDEN_NAVIGATION | {"room_server.stop"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "serve('127.0.0.1')", "web.tui.bind.local", id="room_server.local"),
        Binding("n", "serve('0.0.0.0')", "web.tui.bind.network", id="room_server.network"),
        Binding("o", "toggle_step", "web.tui.bind.step", id="room_server.step"),
        Binding("a", "answer(True)", "web.tui.bind.accept", id="room_server.accept"),
        Binding("d", "answer(False)", "web.tui.bind.decline", id="room_server.decline"),
        Binding("x", "remove_device", "web.tui.bind.remove", id="room_server.remove"),
        Binding("l", "lock", "web.tui.bind.lock", id="room_server.lock"),
        Binding("s", "stop", "web.tui.bind.stop", id="room_server.stop"),
        Binding("c", "close_room", "web.tui.bind.close", id="room_server.close"),
        Binding("q", "show_qr", "web.tui.bind.qr", id="room_server.qr"),
    ]

    _footer_running: bool | None = None
    """Whether the footer shows a running server's keys (None: not drawn yet)."""

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

    @property
    def running(self) -> bool:
        return self.background is not None and self.background.running

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """s and n start a stopped server, s stops a running one (one key, two labels)."""
        if action == "serve":
            return not self.running
        if action in ("stop", "show_qr"):
            return self.running
        return True

    def read_again(self) -> None:
        """Participants changed the session from the server's thread: show it (not while a
        change of language recomposes the screen: its widgets come back, then it redraws)."""
        if self.fapp.workshop is not None and self.background is not None:
            self.fapp.workshop.reload()
            with contextlib.suppress(NoMatches):
                self.session_changed()

    # -- drawing --------------------------------------------------------------------------------

    def session_changed(self) -> None:
        session, room = self.session, RoomState.of(self.session)
        running = self.running
        self._draw_join(room, running)
        names = {p.id: p.name for p in session.participants}
        items = {o.id: o.text for o in session.objectives} | {
            kr.id: kr.text for _, kr in session.key_results()
        }
        who_width, item_width = QUEUE_FIXED
        wording_width = text_width(self._lists_width(), QUEUE_FIXED, least=24)
        queue = self._table(
            "queue", [("who", who_width), ("item", item_width), ("text", wording_width)]
        )
        for entry in room.proposed:
            if entry.get("status") == "pending":
                item = items.get(entry.get("kr_id") or entry.get("objective_id") or "", "?")
                who = names.get(str(entry.get("participant")), "?")
                queue.add_row(
                    fit(who, who_width),
                    fit(item, item_width),
                    fit(entry["text"], wording_width),
                    key=entry["id"],
                )
        steps = self._table("steps", [("open", 3), ("step", 50)])
        for step in session.agenda:
            if step.kind in ACTIVITIES:
                steps.add_row("✓" if step.id in room.open_steps else "·", step.title, key=step.id)
        people = self._table("people", [("joined", 3), ("name", 40)])
        for person in session.participants:
            people.add_row("✓" if person.id in room.devices else "·", person.name, key=person.id)
        joined = sum(1 for p in session.participants if p.id in room.devices)
        key = "web.tui.status.running" if running and not room.closed else "web.tui.status.stopped"
        status = self.tr(key, joined=joined, total=len(session.participants))
        if queue.row_count:  # said on the first line too: the QR code may push the queue down
            status += " · " + self.tr("web.tui.status.waiting", count=queue.row_count)
        self.status(status)
        if running != self._footer_running:  # the footer follows the server: started, stopped
            self._footer_running = running
            self.refresh_bindings()

    def _lists_width(self) -> int:
        """The columns the lists get: the whole screen when narrow (the join panel is above
        them), else what the join panel leaves."""
        width = self.size.width
        return width if self.narrow else width - JOIN_WIDTH

    def _draw_join(self, room: RoomState, running: bool) -> None:
        background = self.background
        if not running or background is None or room.closed:
            self.query_one("#join", Static).update(self.tr("web.tui.not_running"))
            self.query_one("#qr", Static).update("")
            return
        urls = launch.join_urls(background.host, background.port, room.code)
        lines = [self.tr("web.tui.code", code=room.code), *urls]
        if room.locked:
            lines.append(self.tr("web.tui.locked"))
        lines += [self.tr("web.tui.running_keys"), self.tr("web.tui.qr_key")]
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
        """Start the server on `host`."""
        if self.running:
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

    def action_stop(self) -> None:
        """Stop the server; the room stays open, its devices kept for the next start."""
        background = SERVERS.pop(self.session.id, None)
        if background is not None:
            background.stop()
        self.session_changed()

    def action_show_qr(self) -> None:
        """The QR code of the first join address on the whole terminal."""
        background, room = self.background, RoomState.of(self.session)
        if background is None or room.closed:
            return
        urls = launch.join_urls(background.host, background.port, room.code)
        self.app.push_screen(QrDialog(room.code, urls[0], self.lang))

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

    def action_toggle_step(self) -> None:
        """Open the step under the steps' cursor to participants, or close it."""
        step_id = row_key(self.query_one("#steps", DataTable))
        if step_id is not None:
            self._toggle_step(step_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a step opens it to participants, or closes it."""
        event.stop()
        if event.data_table.id == "steps" and event.row_key.value is not None:
            self._toggle_step(event.row_key.value)

    def _toggle_step(self, step_id: str) -> None:
        if step_id in RoomState.of(self.session).open_steps:
            self.act(lambda w: w.close_step_to_participants(step_id))
        else:
            self.act(lambda w: w.open_step_to_participants(step_id))
