"""The workbench's history names the rules a version resolved by their titles, in the session's
language; the wrap-up scores the versions saved without scores before the minutes."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitator.session import Session
from facilitator.tui.screens.wrapup import WrapupScreen
from facilitator.workshop import session_from_template
from facilitator.workshop.scoring import unscored
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle


async def test_the_history_shows_the_titles_of_the_rules_resolved(make_app, store):
    session = Session(id="s1", title="Cadrage", lang="fr")
    o = session.add_objective("Améliorer la qualité", {"overall": 40.0}, ["vague-verb"])
    o.add_version("Réduire les déviations qualité de 30 %", {"overall": 80.0}, [])
    store.create(session)
    app = make_app(session_id="s1", lang="en")  # an English interface on a French session
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        history = app.screen.query_one("#history", DataTable)
        row = history.get_row("2")
        assert str(row[-1]) == "Verbe vague"  # as the (French) minutes name it, not its id


async def test_the_wrap_up_scores_the_versions_saved_without_scores(make_app, store):
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == "wrapup")
    objective = session.add_objective("Améliorer la satisfaction client")  # typed unscored
    objective.add_key_result("Passer le NPS de 20 à 40 d'ici fin 2026")
    store.create(session)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, WrapupScreen)
        await settle(pilot)
    assert unscored(store.load("s1")) == []
    assert store.load("s1").objectives[0].versions[0].findings == ["vague-verb"]


async def test_opening_a_session_scores_its_unscored_versions_once_the_engine_is_ready(
    make_app, store
):
    """Imported, typed before the model loaded, sent from a phone: scored without a visit to
    the wrap-up, so the minutes never say "not assessed"."""
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s2")
    session.add_objective("Améliorer la satisfaction client")
    store.create(session)
    assert unscored(store.load("s2"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s2", "workbench")
        await settle(pilot)
        await settle(pilot)
    assert unscored(store.load("s2")) == []
