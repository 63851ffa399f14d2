"""The monthly review shows what the session before left open, and the room closes it there."""

from __future__ import annotations

from textual.widgets import DataTable, Label, Static

from facilitator.room import carried
from facilitator.session import Participant, Session
from facilitator.tui.screens.review import ReviewScreen
from facilitator.workshop import Workshop, session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle


def _framing_with_a_log(store) -> None:
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    session.title = "Cadrage T2"
    session.participants += [Participant(id="ml", name="Marc Lefort"),
                             Participant(id="ir", name="Isabelle Roche")]  # fmt: skip
    store.create(session)
    room = Workshop(store, "s1")
    o = room.save_objective(None, "Livrer nos clients plus vite")
    room.retain_objective(o, by="ml")
    room.add_decision("La GED attendra le T3")
    room.add_action("Chiffrer la GED", "ml", "30/04/2026")
    room.add_action("Comparer trois transporteurs", "ir", "15/04/2026")
    room.park("Budget formation", "ir", "En parler au CODIR")


async def test_the_review_lists_what_was_left_open_and_closes_it(make_app, store):
    _framing_with_a_log(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")  # home: a follow-up of the selected session
        await settle(pilot)
        await pilot.press("enter")  # the monthly review
        await settle(pilot)
        review_id = app.session.id
        await pilot.press("n", "o")  # step 2, the review of progress
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        title = str(screen.query_one("#carried-title", Label).render())
        assert "Cadrage T2" in title
        table = screen.query_one("#carried", DataTable)
        rows = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert rows == ["Chiffrer la GED", "Comparer trois transporteurs", "Budget formation"]
        assert "Marc Lefort" in str(table.get_row_at(0)[2])
        assert "30 avril 2026" in str(table.get_row_at(0)[3])
        recalled = str(screen.query_one("#recalled", Static).render())
        assert "La GED attendra le T3" in recalled
        table.focus()
        await pilot.press("d", "down", "x", "down", "d")  # done, dropped, settled
        await settle(pilot)
        states = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert states == ["faite", "abandonnée", "réglé"]
    stored: Session = store.load(review_id)
    assert [carried.outcome(a) for a in stored.actions] == ["done", "dropped"]
    assert stored.parking[0].resolved
    assert store.load("s1").actions[0].done is False  # the framing's own record is untouched


async def test_a_review_of_a_session_with_nothing_open_shows_no_carried_panel(make_app, store):
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("enter", "n", "o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert not screen.query_one("#carried", DataTable).display
