"""The vote screen: the ballot stays with its voter until the facilitator moves on, the ranking
follows the answers before the dots, and dropped or merged objectives are not on the ballot."""

from __future__ import annotations

from textual.widgets import DataTable, Label, Static

from facilitator.demo import demo_session
from facilitator.room import votes
from facilitator.session import Participant, Session
from facilitator.tui.screens.vote import VoteScreen
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle


def _vote_session(store) -> Session:
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    session.participants += [Participant(id="ml", name="Marc Lefort"),
                             Participant(id="ir", name="Isabelle Roche")]  # fmt: skip
    session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == "vote")
    for text in ("Réduire les délais de livraison", "Moderniser la GED"):
        session.add_objective(text)
    store.create(session)
    return session


async def test_dots_typed_after_the_last_answer_go_to_the_same_voter(make_app, store):
    _vote_session(store)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VoteScreen) and screen.voter == "ml"
        await pilot.press("1", "1", "plus", "plus")  # both answered, then two dots
        await settle(pilot)
        assert screen.voter == "ml"
        label = str(screen.query_one("#voter", Label).render())
        assert "Marc Lefort" in label and "bulletin complet" in label
        s = app.session
        second = s.objectives[1].id
        assert s.votes[second].dots == {"ml": 2}  # on Marc's ballot, not Isabelle's
        await pilot.press("right_square_bracket")
        assert screen.voter == "ir"
        assert screen.query_one("#ballot", DataTable).cursor_row == 0
        assert "Isabelle Roche" in str(screen.query_one("#voter", Label).render())


def test_more_clearly_a_priority_answers_rank_above_more_dots() -> None:
    session = Session(participants=[Participant(id=p) for p in ("a", "b", "c")])
    dotted = session.add_objective("Avec des points")
    liked = session.add_objective("Jugé prioritaire")
    for voter in ("a", "b", "c"):
        votes.set_priority(session, liked.id, voter, "yes")
        votes.set_priority(session, dotted.id, voter, "no" if voter != "a" else "yes")
    votes.add_dots(session, dotted.id, "a", 3)
    assert [r.objective.id for r in votes.results(session)] == [liked.id, dotted.id]


async def test_the_demo_ballot_leaves_out_the_dropped_objective_and_says_so(make_app, store):
    demo = demo_session()
    demo.current_step = next(i for i, s in enumerate(demo.agenda) if s.kind == "vote")
    store.create(demo)
    app = make_app(session_id=demo.id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("vote")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VoteScreen)
        table = screen.query_one("#ballot", DataTable)
        shown = {str(k.value) for k in table.rows}
        assert "obj-achats" not in shown and len(shown) == 5
        results = str(screen.query_one("#results", Static).render())
        assert "dont 1 objectif écarté ou fusionné depuis le vote" in results
