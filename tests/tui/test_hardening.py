"""The red-team report's TUI items (issue 16): hostile text, tiny terminals, Esc within the
debounce, huge pastes. Each test failed before its fix."""

from __future__ import annotations

import time

import pytest

from facilitator.demo import demo_session
from facilitator.tui.app import SESSION_SCREENS, FacilitatorApp, run_to_exit
from facilitator.tui.minutes_export import export_minutes
from facilitator.tui.screens.dialogs import ErrorDialog
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.training_start import open_trainer, open_training
from facilitator.tui.screens.workbench import DEBOUNCE
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import FakeEngine
from tests.tui.test_training import make_pack

NARROW = [(1, 1), (20, 10), (45, 15), (60, 20)]


@pytest.mark.parametrize("size", NARROW, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_survives_a_narrow_terminal(make_app, store, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    """Every screen and dialog, drawn at a size a split pane or a phone's SSH client gives."""
    session = store.create(demo_session())
    pack = make_pack(tmp_path)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)

        async def shown_then_closed(open_modal) -> None:  # type: ignore[no-untyped-def]
            depth = len(app.screen_stack)
            open_modal()
            await settle(pilot)
            assert len(app.screen_stack) == depth + 1
            app.pop_screen()
            await settle(pilot)

        home = app.screen
        await shown_then_closed(home.action_new)  # the template picker
        await shown_then_closed(home.action_delete)  # the confirmation
        await shown_then_closed(app.action_help)
        await shown_then_closed(lambda: app.show_error("Erreur", "Un message d'erreur. " * 20))
        app.open_session(session.id)
        await settle(pilot)
        for name in SESSION_SCREENS:
            app.goto(name)
            await settle(pilot)
            assert app.screen.key == name
        app.goto("workbench")
        await settle(pilot)
        await type_text(pilot, " en essayant d'optimiser les synergies")
        await settle(pilot, 0.35)  # the findings list fills (it crashed at 45 columns)
        await shown_then_closed(lambda: app.action_room_entry("decision"))
        await shown_then_closed(lambda: export_minutes(app))
        await app.action_close_session()
        await settle(pilot)
        open_training(app, packs=[pack], pack=pack.id, trainee="Anne Martin")
        await settle(pilot, 0.35)
        app.pop_screen()
        await settle(pilot)
        open_trainer(app, packs=[pack])
        await settle(pilot)
        await shown_then_closed(app.screen.action_export)
    assert app.return_code in (None, 0)


def test_a_crash_exits_with_a_failure_status(store) -> None:  # type: ignore[no-untyped-def]
    """The 45-column crash printed its traceback and still exited 0."""

    class Crashing(FacilitatorApp):
        def on_ready(self) -> None:
            raise RuntimeError("boom")

    with pytest.raises(SystemExit) as exited:
        run_to_exit(Crashing(store, engine=FakeEngine(ready=True)), headless=True)
    assert exited.value.code == 1


async def test_esc_right_after_typing_leaves_nothing_running_without_a_session(  # type: ignore[no-untyped-def]
    make_app, store, monkeypatch
) -> None:
    """Esc within the debounce, while the disk is slow to take the autosave: the debounce timer
    fell due during the save and fired on the popped screen after the session was closed."""
    session = store.create(demo_session())
    app = make_app()
    update = app.store.update

    def slow_update(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(DEBOUNCE + 0.05)
        return update(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(3):
            app.open_session(session.id, "workbench")
            await settle(pilot)
            await type_text(pilot, " vite")
            with monkeypatch.context() as slow:
                slow.setattr(app.store, "update", slow_update)
                await pilot.press("escape")
            await settle(pilot, DEBOUNCE + 0.1)
            assert isinstance(app.screen, HomeScreen) and app.session is None
        assert not [s for s in app.screen_stack if isinstance(s, ErrorDialog)]
    assert app.return_code in (None, 0)
    assert " vite" in store.load(session.id).objectives[0].text  # the autosave still happened
