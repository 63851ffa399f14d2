"""`facilitator` opens the app, `facilitator demo` opens the demo; the demo runs in the app."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import facilitator.tui
from facilitator.cli import main
from facilitator.store import SessionStore
from facilitator.tui.screens.agenda import AgendaScreen
from facilitator.tui.screens.workbench import WorkbenchScreen
from tests.tui.conftest import SIZE, settle

demo = pytest.importorskip("facilitator.demo")


@pytest.fixture
def launched(monkeypatch):
    calls: list[tuple] = []
    monkeypatch.setattr(facilitator.tui, "run", lambda *args, **kw: calls.append(args))
    return calls


def test_no_command_opens_the_app_on_the_chosen_folder(launched, tmp_path):
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert launched == [(str(tmp_path),)]


def test_demo_is_saved_once_then_resumed_and_can_be_reset(launched, tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--data-dir", str(tmp_path)]).exit_code == 0
    store = SessionStore(tmp_path)
    assert launched[-1] == (store.data_dir, demo.DEMO_ID)
    store.update(demo.DEMO_ID, lambda s: setattr(s, "title", "changé"))
    assert runner.invoke(main, ["--data-dir", str(tmp_path), "demo"]).exit_code == 0
    assert store.load(demo.DEMO_ID).title == "changé"  # resumed, not overwritten
    assert runner.invoke(main, ["demo", "--reset", "--data-dir", str(tmp_path)]).exit_code == 0
    assert store.load(demo.DEMO_ID).title != "changé"


async def test_a_newcomer_takes_the_demo_through_the_agenda_and_drafts(make_app, store):
    store.create(demo.demo_session())
    app = make_app(session_id=demo.DEMO_ID)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        current = app.session.current_step
        assert app.session.timer_paused and not app.session.step.running
        await pilot.press("space")  # resume the paused workshop
        assert app.session.step.running
        await pilot.press("n")
        await settle(pilot)
        assert app.session.current_step == current + 1
        await pilot.press("f4")
        await settle(pilot)
        bench = app.screen
        assert isinstance(bench, WorkbenchScreen)
        tree = bench.query_one("#items")
        assert len(tree.root.children) == len(app.session.objectives)
        objective = app.session.objectives[0]
        assert bench.editor.text == objective.text
        history = bench.query_one("#history")
        assert history.row_count == len(objective.versions)
        # A key result's owner shows as the participant's name, not an id.
        tree.focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        kr = objective.key_results[0]
        owner = bench.query_one("#kr-owner").value
        assert owner and owner != kr.owner and owner in {p.name for p in app.session.participants}
        # Looking at a key result changes nothing in the session.
        assert store.load(demo.DEMO_ID).objectives[0].key_results[0].to_dict() == kr.to_dict()
