"""The room's mechanics driven from the keyboard, as a facilitator would (fast engine double)."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static

from facilitator.demo import demo_session
from facilitator.session import Participant, Session
from facilitator.tui.screens.agenda import AgendaScreen
from facilitator.tui.screens.alignment import AlignmentScreen
from facilitator.tui.screens.brainstorm import BrainstormScreen
from facilitator.tui.screens.cluster import ClusterScreen
from facilitator.tui.screens.grading import GradingScreen
from facilitator.tui.screens.review import ReviewScreen
from facilitator.tui.screens.room_dialogs import FormDialog, MergeDialog
from facilitator.tui.screens.vote import VoteScreen
from facilitator.tui.screens.wrapup import WrapupScreen
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle, type_text


def _framing(store, template: str = "team-drafting", step_kind: str | None = None) -> Session:
    session = session_from_template(load_template(template), "fr", session_id="s1")
    session.title = "Cadrage T2"
    for pid, name, present in (("ml", "Marc Lefort", True), ("ir", "Isabelle Roche", True),
                               ("pf", "Paolo Ferraro", False)):  # fmt: skip
        session.participants.append(Participant(id=pid, name=name, present=present))
    if step_kind is not None:
        session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == step_kind)
    store.create(session)
    return session


def _text(widget: Static) -> str:
    """What the widget shows, its no-break spaces (French typography) read as spaces."""
    return str(widget.render()).replace("\u00a0", " ").replace("\u202f", " ")


async def test_brainstorm_then_near_duplicates_merged_with_one_key(make_app, store):
    _framing(store, step_kind="brainstorm")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("o")  # the agenda opens the step's mechanic
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrainstormScreen) and not screen.anonymous
        for card in (
            "Marc: Réduire les délais de livraison",
            "Délais de livraison : les réduire",
            "isabelle : Augmenter la satisfaction client de 20 %",
            "Augmenter la satisfaction client de 80 %",
            "Moderniser la GED",
        ):
            await type_text(pilot, card)
            await pilot.press("enter")
        await settle(pilot)
        proposals = app.session.proposals
        assert [p.author for p in proposals] == ["ml", "ml", "ir", "ir", "ir"]
        assert proposals[0].text == "Réduire les délais de livraison"
        table = screen.query_one("#proposals", DataTable)
        assert "≈ #1" in str(table.get_row(proposals[1].id)[-1])
        assert "≈" not in str(table.get_row(proposals[3].id)[-1])  # 20 % is not 80 %
        # Enter on a card corrects its wording; its author stays.
        table.focus()
        table.move_cursor(row=4)
        await pilot.press("enter")
        entry = screen.query_one("#entry", Input)
        assert entry.has_focus and entry.value == "Moderniser la GED"
        entry.value = "Moderniser notre GED"
        await pilot.press("enter")
        await settle(pilot)
        edited = app.session.proposals[4]
        assert (edited.text, edited.author) == ("Moderniser notre GED", "ir")
        assert len(app.session.proposals) == 5
        await pilot.press("ctrl+g")
        await settle(pilot)
        cluster = app.screen
        assert isinstance(cluster, ClusterScreen)
        assert [g for k, g in cluster.row_group.items() if k.startswith("group-")] == [
            [proposals[0].id, proposals[1].id]
        ]
        cluster.query_one("#clusters", DataTable).move_cursor(row=0)  # the group's heading
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MergeDialog)
        wording = app.screen.query_one("#wording", Input)
        assert wording.value == "Réduire les délais de livraison"
        wording.value = ""
        await type_text(pilot, "Livrer plus vite nos clients")
        await pilot.press("enter")
        await settle(pilot)
        s = app.session
        merged = next(p for p in s.proposals if p.text == "Livrer plus vite nos clients")
        assert merged.status == "open" and merged.author == "ml"
        assert [p.status for p in s.proposals[:2]] == ["merged", "merged"]
        assert all(p.merged_into == merged.id for p in s.proposals[:2])
        assert "fusionnée dans #6" in _text(cluster.query_one("#kept", Static))
        # The merged proposal becomes a draft objective with one key.
        cluster.query_one("#clusters", DataTable).move_cursor(
            row=cluster.query_one("#clusters", DataTable).get_row_index(merged.id)
        )
        await pilot.press("o")
        await settle(pilot)
        assert [o.text for o in app.session.objectives] == ["Livrer plus vite nos clients"]
    assert store.load("s1").proposals[-1].objective_id == store.load("s1").objectives[0].id


async def test_votes_stay_hidden_until_everyone_voted_then_revealed_together(make_app, store):
    previous = Session(id="before", title="Cadrage T1", priority_share=0.5)
    store.create(previous)
    session = _framing(store, step_kind="vote")
    store.update("s1", lambda s: setattr(s, "follows", "before"))
    for text in ("Réduire les délais de livraison", "Moderniser la GED"):
        store.update("s1", lambda s, text=text: s.add_objective(text))
    assert session.dots_per_participant == 3
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VoteScreen) and screen.voter == "ml"
        await pilot.press("plus", "plus", "1", "plus", "3")  # Marc: 2 dots + yes, 1 dot + no
        await settle(pilot)
        assert screen.voter == "ml"  # a complete ballot stays open until "]"
        await pilot.press("right_square_bracket")
        assert screen.voter == "ir"
        assert "masqués" in _text(screen.query_one("#results", Static))
        await pilot.press("r")  # Isabelle has not voted: nothing is revealed
        assert not app.session.votes[app.session.objectives[0].id].revealed
        await pilot.press("1", "plus", "plus", "plus", "plus")  # the 4th dot is refused
        await pilot.press("1")
        await settle(pilot)
        s = app.session
        first, second = (s.votes[o.id] for o in s.objectives)
        assert first.priority == {"ml": "yes", "ir": "yes"} and second.priority["ml"] == "no"
        assert first.dots == {"ml": 2} and second.dots == {"ml": 1, "ir": 3}
        assert "masqués" in _text(screen.query_one("#results", Static))
        await pilot.press("r")
        await settle(pilot)
        assert all(v.revealed for v in app.session.votes.values())
        assert app.session.priority_share == 0.5
        results = _text(screen.query_one("#results", Static))
        assert "Jugés clairement prioritaires : 1/2 objectifs (50 %)" in results
        assert "+0 points" in results and "Cadrage T1" in results
    assert store.load("s1").priority_share == 0.5


async def test_an_orphan_is_flagged_and_linked_to_the_suggested_parent(make_app, store):
    session = _framing(store, step_kind="alignment")

    def setup(s: Session) -> None:
        s.parents = demo_session().parents  # the demo's parents: the suggestion's vocabulary
        s.add_objective("Mettre nos traitements plus tôt à la disposition des patients", id="o1")
        s.add_objective("Moderniser la GED", id="o2")

    store.update(session.id, setup)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AlignmentScreen)
        table = screen.query_one("#links", DataTable)
        assert "ORPHELIN" in str(table.get_row("o1")[2])
        assert "orphelins : 2" in _text(screen.query_one("#room-status", Static))
        suggestions = _text(screen.query_one("#suggestions", Static))
        assert "P1 Mettre plus vite nos innovations" in suggestions
        assert "mots communs : disposition, patients" in suggestions
        await pilot.press("1")
        await settle(pilot)
        assert app.session.objective("o1").parent_id == "ps-lancements"
        assert "P1 · Mettre plus vite" in str(table.get_row("o1")[2])
        await pilot.press("down", "i")  # the other one: deliberately independent
        await settle(pilot)
        assert app.session.objective("o2").independent
        assert "orphelins : 0" in _text(screen.query_one("#room-status", Static))
        await pilot.press("t")
        await settle(pilot)
        assert app.screen.key == "tree"
    assert not store.load("s1").objective("o1").orphan


async def test_an_action_needs_an_owner_present_and_a_due_date(make_app, store):
    _framing(store, step_kind="decisions")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")  # from the agenda, as from any step
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        owners = dialog.query_one("#form-owner", Select)
        assert [value for _, value in owners._options if value != Select.NULL] == ["ml", "ir"]
        await type_text(pilot, "Envoyer le compte rendu au CODIR")
        await pilot.press("enter")  # to the owner
        await pilot.press("enter", "down", "down", "enter")  # opens the list, picks Isabelle
        await pilot.press("tab")
        await type_text(pilot, "demain")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # refused: not a date
        assert "n’est pas une date" in _text(dialog.query_one("#form-error", Static))
        dialog.query_one("#form-due", Input).value = "03/04/2026"
        dialog.query_one("#form-due", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        action = app.session.actions[0]
        assert (action.text, action.owner, action.due) == (
            "Envoyer le compte rendu au CODIR",
            "ir",
            "2026-04-03",
        )
        assert action.step_id == app.session.step.id
        # A parked topic blocks the wrap-up until it has a follow-up.
        await pilot.press("f7")
        await type_text(pilot, "Définir une déviation majeure")
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.goto("wrapup")
        await settle(pilot)
        wrap = app.screen
        assert isinstance(wrap, WrapupScreen)
        assert "Isabelle Roche, 2026-04-03" in _text(wrap.query_one("#report", Static))
        await pilot.press("c")
        assert app.session.step.status != "done"
        await pilot.press("enter")  # the follow-up form of the blocking item
        await pilot.press("enter", "down", "enter", "tab")  # owner: Marc
        await type_text(pilot, "Proposer une définition à la revue d’avril")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.parking[0].owner == "ml" and app.session.parking[0].has_follow_up
        await pilot.press("c")
        await settle(pilot)
    assert store.load("s1").open_parking() == []


async def test_a_review_carries_the_objectives_over_and_computes_progress(make_app, store):
    framing = _framing(store)

    def objectives(s: Session) -> None:
        o = s.add_objective("Livrer nos clients plus vite", id="o1", status="retained")
        kr = o.add_key_result("Réduire le délai de livraison de 10 à 4 jours", id="kr1",
                              baseline="10", target="4", unit="jours")  # fmt: skip
        kr.add_checkin("10", 9, date="2026-03-19")  # the confidence given at the framing
        o.add_key_result("Passer de 60 % à 90 % de commandes complètes", id="kr2", baseline="60",
                         target="90", unit="%", committed=False)  # fmt: skip
        s.add_objective("Moderniser la GED", id="o2", status="dropped")

    store.update(framing.id, objectives)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")  # home: a review that follows the selected session
        await settle(pilot)
        await pilot.press("enter")  # the monthly review comes first
        await settle(pilot)
        review_session = app.session
        assert review_session.follows == "s1" and review_session.kind == "review"
        assert [o.id for o in review_session.objectives] == ["o1"]  # carried, not retyped
        await pilot.press("n", "o")  # step 2, the review of progress
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("enter")  # the first key result
        await type_text(pilot, "7")
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert "Progression : 50 %" in _text(dialog.query_one("#form-live", Static))
        assert dialog.query_one("#form-confidence", Input).value == "9"  # the last one
        await type_text(pilot, "8")  # replaces it (selected on focus)
        assert "baisse de 9 à 8" in _text(dialog.query_one("#form-live", Static))
        await pilot.press("enter", "enter")  # no comment
        await type_text(pilot, "transporteur en retard")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # refused: a drop needs a comment
        assert "dites pourquoi" in _text(dialog.query_one("#form-error", Static))
        await pilot.press("shift+tab")
        await type_text(pilot, "un transporteur a fait faillite")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # the cursor moved on to the second key result
        await type_text(pilot, "75")
        await pilot.press("enter")
        await type_text(pilot, "6")
        await pilot.press("enter", "enter", "enter")
        await settle(pilot)
        s = app.session
        assert s.key_result("kr1").last_checkin.progress == 0.5
        assert s.key_result("kr1").last_checkin.blockers == ["transporteur en retard"]
        assert s.key_result("kr1").last_checkin.comment == "un transporteur a fait faillite"
        assert len(s.key_result("kr1").checkins) == 2  # the framing's, carried over, and this
        assert s.key_result("kr2").last_checkin.progress == 0.5
        status = _text(screen.query_one("#room-status", Static))
        assert "résultats clés revus : 2/2" in status and "progression moyenne 50 %" in status
        review_id = s.id
    # End of cycle: a retrospective follows the review; grades and averages.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        home.query_one("#sessions", DataTable).move_cursor(
            row=[x.id for x in home.summaries].index(review_id)
        )
        await pilot.press("f", "down", "enter")  # the retrospective
        await settle(pilot)
        assert app.session.kind == "retrospective" and app.session.follows == review_id
        await pilot.press("n", "o")
        await settle(pilot)
        grading = app.screen
        assert isinstance(grading, GradingScreen)
        await pilot.press("enter")
        assert app.screen.query_one("#form-grade", Input).value == "0,5"  # the last progress
        app.screen.query_one("#form-grade", Input).value = "1"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        app.screen.query_one("#form-grade", Input).value = "0,7"
        await pilot.press("enter")
        await settle(pilot)
        s = app.session
        assert s.key_result("kr1").grade == 1.0 and s.key_result("kr2").grade == 0.7
        status = _text(grading.query_one("#room-status", Static))
        assert "moyenne 0,85" in status
        assert "engagés 1,00" in status and "ambitieux 0,70" in status
