"""The projection mode (F8, issue 13 item 17) and what every screen keeps reachable at 80
columns (item 16): the footer's whole labels, every key in the help."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.widgets import Digits, Static

from facilitator import demo
from facilitator.tui.screens.base import PALETTE_KEY_WIDTH
from facilitator.tui.screens.help import HelpScreen
from facilitator.tui.screens.projection import ProjectionScreen
from tests.tui.conftest import settle


@pytest.fixture
def demo_app(store, make_app):
    store.create(demo.demo_session())
    return make_app(session_id=demo.DEMO_ID)


def _shown(app, name: str) -> str:
    return str(app.screen.query_one(f"#{name}", Static).render())


async def test_f8_projects_the_wording_with_its_scores_and_esc_comes_back(demo_app):
    app = demo_app
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.goto("workbench")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProjectionScreen)
        assert screen.view() == "wording"
        first = app.session.objectives[0]
        assert first.text in _shown(app, "proj-text")
        assert screen.query_one("#proj-clarity", Digits).value == "100"
        changes = _shown(app, "proj-body")
        assert "v3" in changes and "v2" in changes  # the changes the room accepted
        assert "Remarques du coach" not in str(screen.query("Static"))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.key == "workbench"


async def test_the_wall_follows_an_accepted_version_and_the_agenda(demo_app):
    app = demo_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.goto("workbench")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        first = app.session.objectives[0]
        app.act(lambda w: w.save_objective(first.id, "Libérer chaque lot à temps"))
        await settle(pilot, 1.2)  # the screen reads the session every second
        assert "Libérer chaque lot à temps" in _shown(app, "proj-text")
        app.agenda_move(1)  # alignment → decisions: the step's own view, its timer
        await settle(pilot, 1.2)
        assert app.screen.view() == "agenda"
        assert "Décisions" in _shown(app, "proj-text")
        assert app.screen.query_one("#proj-timer", Digits).display


async def test_no_vote_result_reaches_the_wall_before_the_reveal(demo_app):
    app = demo_app
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.goto("vote")
        await settle(pilot)
        await pilot.press("h")  # hidden again
        await pilot.press("f8")
        await settle(pilot)
        secret = _shown(app, "proj-text") + _shown(app, "proj-body")
        assert "9/9 bulletins complets" in secret
        for objective in app.session.objectives:
            assert objective.text not in secret
        await pilot.press("f8")  # F8 again comes back too
        await settle(pilot)
        await pilot.press("r")
        await pilot.press("f8")
        await settle(pilot)
        assert app.session.objectives[0].text in _shown(app, "proj-body")


async def test_the_join_address_code_and_qr_code_show_while_the_room_server_runs(
    demo_app, monkeypatch
):
    from facilitator.tui.screens import room_server
    from facilitator.web import launch

    app = demo_app
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        code = app.act(lambda w: launch.prepare(w)).value
        running = SimpleNamespace(running=True, host="127.0.0.1", port=8765)
        monkeypatch.setitem(room_server.SERVERS, demo.DEMO_ID, running)
        await pilot.press("f8")
        await settle(pilot)
        join = _shown(app, "proj-join-text")
        assert f"http://127.0.0.1:8765/?code={code}" in join and code in join
        assert "█" in _shown(app, "proj-qr")
        monkeypatch.delitem(room_server.SERVERS, demo.DEMO_ID)
        await settle(pilot, 1.2)
        assert not app.screen.query_one("#proj-join").display


async def test_the_palette_projects_too(demo_app):
    from facilitator.tui.commands import FacilitatorCommands

    app = demo_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        provider = FacilitatorCommands(app.screen)
        commands = dict(provider._commands())
        commands["séance\u00a0: projeter l’étape au mur (F8)"]()
        await settle(pilot)
        assert isinstance(app.screen, ProjectionScreen)


@pytest.mark.parametrize("where", ["agenda", "vote", "objectives", "workbench", "wrapup"])
async def test_at_80_columns_the_footer_shows_whole_labels_f1_first(demo_app, where):
    app = demo_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.goto(where)
        await settle(pilot)
        shown = {}  # the footer draws one key per action
        for entry in app.screen.active_bindings.values():
            if entry.binding.show:
                shown.setdefault(entry.binding.action, entry.binding)
        shown = list(shown.values())
        assert shown[0].id == "app.help"
        used = sum(len(app.get_key_display(b)) + len(b.description) + 2 for b in shown)
        assert used <= 80 - PALETTE_KEY_WIDTH
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        listed = dict(app.screen.keys)
        assert listed["f8"] == "Projeter" and listed["f9"] == "Appareils"
        assert "f5" in listed and "^q" in listed


async def test_a_note_stored_with_rule_ids_reaches_the_wall_readable(demo_app):
    """A version that resolved no rule shows its note, as the minutes print it: rule titles,
    not ids (a note stored before the titles were written)."""
    app = demo_app
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        first = app.session.objectives[0]
        stored = "suggestion acceptée (hedge) : « Essayer d' » → « »"
        app.act(lambda w: w.save_objective(first.id, first.text + " ", note=stored))
        app.goto("workbench")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        changes = _shown(app, "proj-body")
        assert "formulation hésitante" in changes and "(hedge)" not in changes


async def test_shift_tab_from_the_editor_reaches_the_objectives_tree(demo_app):
    """At 80 columns the workbench's main panel scrolls, but it is no stop for Tab: shift+Tab
    from the draft goes straight to the objectives, where the arrows move between them."""
    app = demo_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.goto("workbench")
        await settle(pilot)
        assert app.screen.focused.id == "editor"
        await pilot.press("shift+tab")
        tree = app.screen.focused
        assert tree.id == "items"
        line = tree.cursor_line
        await pilot.press("down")
        await settle(pilot)
        assert tree.cursor_line == line + 1  # the tree moved, not the panel
