"""Interface language and session language are two settings (issue 13, item 4): ctrl+l changes
the screens only, and is remembered by the app; the session's language (set-up form, command
palette) decides the minutes."""

from __future__ import annotations

from pathlib import Path

from textual.binding import ActiveBinding, Binding
from textual.command import CommandPalette
from textual.widgets import Input, Select

from facilitator.locales import t
from facilitator.session import Session
from facilitator.tui.minutes_export import export_minutes
from facilitator.tui.screens.base import HIDDEN_NAVIGATION, localized_bindings
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.screens.training_report import ReportDialog
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.settings import load_settings
from tests.tui.conftest import SIZE, settle, type_text


async def _export_markdown(app, pilot, target: Path) -> str:  # type: ignore[no-untyped-def]
    export_minutes(app, "md")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ReportDialog)
    dialog.query_one("#report-path", Input).value = str(target)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await settle(pilot)
    return target.read_text(encoding="utf-8")


def test_bindings_are_described_in_the_asked_language_and_left_as_declared() -> None:
    help_ = Binding("f1", "help", "bind.help", id="app.help")
    home = Binding("f2", "app.goto('setup')", "bind.setup", id="session.setup")
    textual = Binding("ctrl+a", "select_all", "Select all")
    active = {b.key: ActiveBinding(None, b, True, "") for b in (help_, home, textual)}  # type: ignore[arg-type]
    french = localized_bindings(active, "fr", HIDDEN_NAVIGATION)
    english = localized_bindings(active, "en")
    assert (french["f1"].binding.description, english["f1"].binding.description) == (
        "Aide",
        "Help",
    )
    assert english["f2"].binding.description == "Set-up" and english["f2"].binding.show
    assert not french["f2"].binding.show  # a busy screen's footer hides the navigation
    assert french["ctrl+a"] == active["ctrl+a"]  # not a catalogue key: Textual's own text
    assert help_.description == "bind.help" and home.show  # the declared bindings stay


async def test_ctrl_l_switches_the_interface_and_the_minutes_keep_the_session_language(
    make_app, store, tmp_path
):
    session = Session(id="s1", title="Cadrage CODIR", lang="fr")
    session.add_objective("Réduire les délais de livraison", id="o1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_session("s1", "workbench")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert app.lang == "en"
        assert str(screen.query_one("#findings-title").content) == "Coach’s findings"
        shown = {b.binding.description for b in screen.active_bindings.values()}
        assert t("en", "bind.help") in shown and t("fr", "bind.help") not in shown
        assert app.session.lang == "fr" and store.load("s1").lang == "fr"
        assert any(
            n.message.startswith("Interface in English; the session and its minutes stay in French")
            for n in app._notifications
        )
        minutes = await _export_markdown(app, pilot, tmp_path / "minutes.md")
    assert "Synthèse" in minutes and "Executive summary" not in minutes
    assert load_settings(store.data_dir) == {"interface_lang": "en"}


async def test_the_interface_language_is_remembered_and_a_session_does_not_change_it(
    make_app, store, monkeypatch
):
    monkeypatch.setenv("FACILITATOR_LANG", "fr")  # the default when nothing is saved
    store.create(Session(id="s1", title="Cadrage CODIR", lang="fr"))
    app = make_app(lang=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.lang == "fr"
        await pilot.press("l")  # on home
        await settle(pilot)
        assert app.lang == "en"
    again = make_app(lang=None)  # a new run of the app
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.lang == "en"
        assert str(again.screen.query_one("#home-title").content) == "Sessions"
        again.open_session("s1", "workbench")  # a French session: the interface stays English
        await settle(pilot)
        assert again.lang == "en" and again.session.lang == "fr"
        assert str(again.screen.query_one("#findings-title").content) == "Coach’s findings"
    # An explicit language (the command line's --lang) wins for that run.
    assert make_app(lang="fr").lang == "fr"


async def test_the_session_language_is_set_in_the_set_up_form_and_decides_the_minutes(
    make_app, store, tmp_path
):
    store.create(Session(id="s1", title="Cadrage CODIR", lang="fr", date="2026-12-04"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        choice = screen.query_one("#meta-lang", Select)
        assert choice.value == "fr"
        assert screen.query_one("#meta-date", Input).value == "4 décembre 2026"
        choice.value = "en"
        await settle(pilot)
        assert store.load("s1").lang == "en" and app.lang == "fr"  # the interface stays
        assert screen.query_one("#meta-date", Input).value == "4 December 2026"
        assert any(
            n.message.startswith("Langue de la séance\u00a0: anglais") for n in app._notifications
        )
        minutes = await _export_markdown(app, pilot, tmp_path / "minutes.md")
        assert "Executive summary" in minutes and "Synthèse" not in minutes
        # Back to French from the command palette.
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "langue de la séance")
        await settle(pilot, 0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert store.load("s1").lang == "fr" and app.lang == "fr"
