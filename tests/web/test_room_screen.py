"""The facilitator's screen of the room (`tui/screens/room_server.py`) through Textual's Pilot:
it starts the server, shows the code and the QR code, opens a step, lists who joined, and
accepts a version a participant proposed from their device; at 80 columns its footer holds the
keys that run the room and the queue of proposed versions is in view without scrolling, the QR
code shown on the whole terminal by q."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitator.demo import demo_session
from facilitator.locales import t
from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.room_qr import QrDialog
from facilitator.tui.screens.room_server import SERVERS, RoomServerScreen
from facilitator.workshop import Workshop, create_session
from facilitator.workshop.participants import RoomState
from tests.tui.fake_engine import FakeEngine


async def test_the_facilitator_starts_the_room_opens_a_step_and_accepts_a_version(tmp_path):
    store = SessionStore(tmp_path)
    session = create_session(store, demo_session())
    app = FacilitatorApp(
        SessionStore(tmp_path), engine=FakeEngine(ready=True), lang="en", session_id=session.id
    )
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        app.push_screen(RoomServerScreen())
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        try:
            background = SERVERS[session.id]
            room = RoomState.of(store.load(session.id))
            assert background.running and not room.closed
            join = str(app.screen.query_one("#join").render())
            assert f"Code: {room.code}" in join and f":{background.port}/?code=" in join
            app.screen.query_one("#steps").focus()
            await pilot.press("down", "enter")  # the second step participants can work in
            await pilot.pause()
            opened = RoomState.of(store.load(session.id)).open_steps
            assert opened == ("objectives",)

            participant = Workshop(store, session.id)  # a device, through the server's service
            participant.join_room(room.code, "ml", "hash-ml", "fr")
            proposed = participant.propose_version("ml", "obj-ged", None, "Réduire de moitié")
            await pilot.pause(1.3)  # the screen reads the session again every second
            assert app.screen.query_one("#queue", DataTable).row_count == 1
            app.screen.query_one("#queue", DataTable).focus()
            await pilot.press("a")
            await pilot.pause()
            stored = store.load(session.id)
            assert stored.objective("obj-ged").text == "Réduire de moitié"
            assert RoomState.of(stored).proposed[0]["id"] == proposed
            await pilot.press("s")  # stop
            assert not background.running and session.id not in SERVERS
        finally:
            for running in SERVERS.values():
                running.stop()
            SERVERS.clear()


async def test_at_80_columns_the_footer_holds_the_keys_that_run_the_room(tmp_path):
    store = SessionStore(tmp_path)
    session = create_session(store, demo_session())
    app = FacilitatorApp(
        SessionStore(tmp_path), engine=FakeEngine(ready=True), lang="fr", session_id=session.id
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(RoomServerScreen())
        await pilot.pause()

        def footer() -> list[str]:
            bindings = app.screen.active_bindings.values()
            return [b.binding.id or "" for b in bindings if b.binding.show]

        assert {"room_server.local", "room_server.network"} <= set(footer())
        await pilot.press("s")
        await pilot.pause()
        try:
            room = RoomState.of(store.load(session.id))
            assert {"room_server.local", "room_server.network"}.isdisjoint(footer())
            needed = ("step", "accept", "decline", "remove", "lock")
            assert {f"room_server.{key}" for key in needed} <= set(footer())
            join = str(app.screen.query_one("#join").render())
            assert t("fr", "web.tui.code", code=room.code) in join and "http://127.0.0.1:" in join
            assert not app.screen.query_one("#qr").display  # as tall as the screen: on q
            participant = Workshop(store, session.id)
            participant.open_step_to_participants("objectives")
            participant.join_room(room.code, "ml", "hash-ml", "fr")
            participant.propose_version("ml", "obj-ged", None, "Réduire de moitié " * 6)
            await pilot.pause(1.3)  # the screen reads the session again every second
            queue = app.screen.query_one("#queue", DataTable)
            assert queue.row_count == 1
            assert queue.region.bottom <= app.size.height - 1  # above the footer, no scrolling
            assert queue.region.height == 1 + queue.row_count  # its title row and every version
            assert queue.virtual_size.width <= queue.region.width  # nor sideways
            await pilot.press("q")
            assert isinstance(app.screen, QrDialog)
            assert "█" in str(app.screen.query_one("#qr-big").render())  # the QR code
            await pilot.press("escape")
            participant.close_step_to_participants("objectives")
            app.screen.query_one("#steps").focus()
            await pilot.press("o")  # the first step participants can work in, then closed again
            await pilot.pause()
            assert RoomState.of(store.load(session.id)).open_steps == ("brainstorm",)
            await pilot.press("o")
            await pilot.pause()
            assert RoomState.of(store.load(session.id)).open_steps == ()
            await pilot.press("s")  # stops: the keys that start it are back
            await pilot.pause()
            assert session.id not in SERVERS and "room_server.local" in footer()
        finally:
            for running in SERVERS.values():
                running.stop()
            SERVERS.clear()
