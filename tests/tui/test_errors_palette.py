"""Errors become readable dialogs and lose nothing; the command palette runs the main actions."""

from __future__ import annotations

from textual.command import CommandPalette

from facilitator.session import AgendaStep, Session
from facilitator.store import StoreWriteError
from facilitator.tui.screens.dialogs import ErrorDialog
from facilitator.tui.screens.workbench import WorkbenchScreen
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import FakeEngine


class BrokenEngine(FakeEngine):
    def assess(self, text, kind="objective", lang=None, glossary=(), tier="full"):
        raise RuntimeError("le moteur a rencontré un texte inattendu")


async def test_a_failed_save_shows_a_dialog_keeps_the_change_and_saves_it_later(
    make_app, store, monkeypatch
):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "workbench")
        await settle(pilot)
        real_update = app.store.update
        failing = {"on": True}

        def update(session_id, fn):
            if failing["on"]:
                raise StoreWriteError("disque plein", path=app.store.path(session_id))
            return real_update(session_id, fn)

        monkeypatch.setattr(app.store, "update", update)
        await type_text(pilot, "Réduire les retards")
        await settle(pilot, 0.35)
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ErrorDialog)
        assert "disque plein" in dialog.body and "Rien n’a été perdu" in dialog.body
        assert "Traceback" not in dialog.body
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        assert app.session.objectives[0].latest.text == "Réduire les retards"  # kept on screen
        assert not store.load("s1").objectives
        failing["on"] = False
        await pilot.press("end")
        await type_text(pilot, " de 30 %")
        await settle(pilot, 0.35)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = store.load("s1").objectives[0]
        assert [v.text for v in saved.versions] == [
            "Réduire les retards",
            "Réduire les retards de 30 %",
        ]


async def test_a_failing_worker_becomes_a_dialog_and_the_app_goes_on(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app(engine=BrokenEngine(ready=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "workbench")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ErrorDialog)
        assert "le moteur a rencontré un texte inattendu" in dialog.body
        await pilot.press("escape")
        assert isinstance(app.screen, WorkbenchScreen)
        # The same failure on each keystroke: no second dialog to swallow the typing.
        await type_text(pilot, "Réduire")
        await settle(pilot, 0.35)
        assert isinstance(app.screen, WorkbenchScreen)
        assert app.screen.editor.text == "Réduire"
        await pilot.press("ctrl+s")  # the wording is saved even though it cannot be scored
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, WorkbenchScreen)
        saved = store.load("s1").objectives[0].latest
        assert saved.text == "Réduire" and saved.scores == {}


async def test_a_model_that_cannot_load_leaves_the_quick_analysis(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    engine = FakeEngine(fail=OSError("modèle fr_core_news_sm introuvable"))
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "fr_core_news_sm introuvable" in app.screen.body
        await pilot.press("enter")
        app.open_session("s1", "workbench")
        await settle(pilot)
        assert app.engine_status("fr") == "failed"
        assert "analyse rapide seulement" in str(app.screen.query_one("#bar-engine").content)
        await type_text(pilot, "Améliorer la qualité")
        await settle(pilot, 0.35)
        assert app.screen.shown.tier == "lexical"
        assert [f.rule for f in app.screen.shown.findings] == ["vague-verb"]


async def test_the_command_palette_runs_namespaced_commands(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.agenda = [AgendaStep(id="a", title="Un"), AgendaStep(id="b", title="Deux")]
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "agenda : étape suivante")
        await settle(pilot, 0.2)
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.current_step == 1
        # On the workbench the palette offers its commands too.
        app.goto("workbench")
        await settle(pilot)
        names = [key for key, _ in app.screen.palette_commands()]
        assert "cmd.workbench.rewrite" in names
        await pilot.press("ctrl+p")
        await type_text(pilot, "atelier : nouvel objectif")
        await settle(pilot, 0.2)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.target.objective_id is None and app.screen.editor.has_focus


async def test_textuals_own_palette_commands_speak_the_apps_language(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert {"thème", "quitter", "touches", "capture d’écran"} <= set(titles)
        assert not {"Theme", "Quit", "Keys", "Screenshot"} & set(titles)
        app.action_switch_language()
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"theme", "quit", "keys", "screenshot"} <= titles
        # The French quit runs from the palette, as Textual's did.
        app.action_switch_language()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "quitter")
        await settle(pilot, 0.2)
        await pilot.press("enter")
        await settle(pilot)
        assert not app.is_running
