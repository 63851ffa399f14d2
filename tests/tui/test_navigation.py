"""Going back: `esc` returns to the screen left, home always lists the sessions as they are
(issue 13, item 1); the step timer does not run while the session is closed (item 10)."""

from __future__ import annotations

from facilitator.session import AgendaStep, Participant, Session
from facilitator.tui.screens.agenda import AgendaScreen
from facilitator.tui.screens.alignment import AlignmentScreen
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.room_log import RoomLogScreen
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.screens.tree import TreeScreen
from facilitator.tui.screens.vote import VoteScreen
from facilitator.tui.screens.wrapup import WrapupScreen
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle, type_text


def _titles(home: HomeScreen) -> list[str]:
    return [s.title for s in home.summaries]


def _framing(store, step_kind: str) -> Session:
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    session.title = "Cadrage T2"
    session.participants.append(Participant(id="ml", name="Marc Lefort"))
    session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == step_kind)
    session.add_objective("Réduire les délais de livraison", id="o1")
    return store.create(session)


def _escape_label(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.active_bindings["escape"].binding.description


async def test_home_after_esc_lists_the_new_session_and_the_new_modified_time(make_app, store):
    store.create(Session(id="a1", title="Cadrage CODIR", lang="fr", updated="2026-03-01T08:00"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and _titles(home) == ["Cadrage CODIR"]
        # A new session from a template, then esc: home lists it.
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#meta-title").value = ""
        await type_text(pilot, "Revue de printemps")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home and app.session is None
        assert sorted(_titles(home)) == ["Cadrage CODIR", "Revue de printemps"]
        table = home.query_one("#sessions")
        assert "Revue de printemps" in str(table.get_row_at(0)[0])  # the latest first
        # The old one, changed then left: its "modified" time is the new one, on screen.
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "WorkbenchScreen"  # no agenda: it opens there
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("end")
        await type_text(pilot, " bis")
        await settle(pilot)
        await pilot.press("escape")  # back to the workbench, then home
        await settle(pilot)
        assert type(app.screen).__name__ == "WorkbenchScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
        changed = next(s for s in home.summaries if s.id == "a1")
        assert changed.title == "Cadrage CODIR bis"
        assert changed.updated > "2026-03-01T08:00" and changed.updated == store.load("a1").updated
        row = [str(cell) for cell in table.get_row("a1")]
        assert row[0] == "Cadrage CODIR bis" and row[-1] == changed.updated[:16].replace("T", " ")


async def test_home_shows_a_follow_up_after_esc(make_app, store):
    store.create(Session(id="a1", title="Cadrage CODIR", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        await pilot.press("f", "enter")  # a monthly review that follows the session
        await settle(pilot)
        review = app.session
        assert review is not None and review.follows == "a1"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home
        assert review.id in [s.id for s in home.summaries]


async def test_esc_goes_back_one_screen_from_the_tree_and_the_alignment(make_app, store):
    _framing(store, "alignment")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert _escape_label(app) == "Accueil"
        await pilot.press("o")  # the step's mechanic
        await settle(pilot)
        assert isinstance(app.screen, AlignmentScreen)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TreeScreen)
        assert _escape_label(app) == "Retour"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AlignmentScreen) and app.session is not None
        # Round a loop (alignment → tree → alignment): esc does not go round it again.
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AlignmentScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.session is None


async def test_esc_goes_back_from_the_vote_and_from_see_all(make_app, store):
    _framing(store, "vote")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen) and app.session is not None
        # The wrap-up's "see all", reached from the workbench: back to the wrap-up, then to
        # the workbench, then to the agenda.
        await pilot.press("f4")
        await settle(pilot)
        app.goto("wrapup")
        await settle(pilot)
        assert isinstance(app.screen, WrapupScreen)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, RoomLogScreen)
        for expected in ("WrapupScreen", "WorkbenchScreen", "AgendaScreen", "HomeScreen"):
            await pilot.press("escape")
            await settle(pilot)
            assert type(app.screen).__name__ == expected


async def test_the_step_timer_does_not_run_while_the_session_is_closed(make_app, store, clock):
    """Issue 13, item 10: a reopened session resumes its step from the time spent at closing."""
    session = Session(id="s1", title="Cadrage", lang="fr")
    session.agenda = [AgendaStep(id="a", title="Brainstorm", planned_minutes=20)]
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1")
        await settle(pilot)
        await pilot.press("space")  # the timer starts
        clock.advance(120)
        await pilot.press("escape")  # home: the session closes
        await settle(pilot)
        closed = store.load("s1").agenda[0]
        assert not closed.running and closed.elapsed(clock.now) == 120
        clock.advance(600)  # ten minutes away from the room
        app.open_session("s1")
        await settle(pilot)
        step = app.session.agenda[0]
        assert step.running and step.elapsed(clock.now) == 120  # not 720
        clock.advance(30)
        app.screen.tick()
        assert app.screen.query_one("#countdown").value == "17:30"
        await pilot.press("ctrl+q")  # quitting pauses it too
    clock.advance(3600)
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        again.open_session("s1")
        await settle(pilot)
        step = again.session.agenda[0]
        assert step.running and step.elapsed(clock.now) == 150
        # A timer the facilitator paused stays paused when the session is opened again.
        await pilot.press("space")
        await pilot.press("escape")
        await settle(pilot)
        clock.advance(60)
        again.open_session("s1")
        await settle(pilot)
        assert not again.session.agenda[0].running
        assert again.session.agenda[0].elapsed(clock.now) == 150
