"""The facilitator's screen of the room (`tui/screens/room_server.py`) through Textual's Pilot:
it starts the server, shows the code and the QR code, opens a step, lists who joined, and
accepts a version a participant proposed from their device."""

from __future__ import annotations

from facilitator.demo import demo_session
from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
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
            assert app.screen.query_one("#queue").row_count == 1
            app.screen.query_one("#queue").focus()
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
