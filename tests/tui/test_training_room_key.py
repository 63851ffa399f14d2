"""The trainer's view opens the group's training room (issue 15, "New"): ctrl+o serves the room
to the local network and says its code and addresses; ctrl+o again closes it. (The view re-reads
the progress files the room writes, as it does for trainees working in the app.)"""

from __future__ import annotations

import re
import urllib.request

from facilitator.training import load_pack
from facilitator.tui.screens.trainer import TrainerScreen
from facilitator.tui.screens.training_start import open_trainer
from tests.tui.conftest import settle


async def test_ctrl_o_opens_and_closes_the_training_room(make_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    pack = load_pack("fr-2-reformuler")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        open_trainer(app, [pack])
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        await pilot.press("ctrl+o")
        await settle(pilot)
        text = str(screen.query_one("#trainer-room").render())
        assert screen.room is not None, text
        code = re.search(r"Code\u00a0: ([A-Z0-9]{6})", text)
        assert code is not None and "/trainer?key=" in text
        # The room answers on loopback too (bound to every address).
        base = f"http://127.0.0.1:{screen.room.port}"
        with urllib.request.urlopen(f"{base}/?code={code.group(1)}") as page:
            assert page.status == 200 and "csrf" in page.read().decode()
        assert screen.room.room.packs == [pack.id]
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.room is None
        assert "fermée" in str(screen.query_one("#trainer-room").render())
