"""The objective's life from the keyboard (issue 13, item 2): retain, drop, merge, reorder,
delete after a confirmation, undo; the wrap-up proposes the vote's outcome as the retained set
and warns, without blocking, about what is missing (item 8)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, SelectionList, Static

from facilitator.minutes import content, markdown
from facilitator.room import votes
from facilitator.session import Participant, Session
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.screens.objectives import ObjectivesScreen, RetainDialog
from facilitator.tui.screens.room_base import row_key
from facilitator.tui.screens.room_dialogs import ChoiceDialog
from facilitator.tui.screens.wrapup import WrapupScreen
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, T0, settle

DECIDED_AT = T0.isoformat(timespec="seconds")


def _session(store, *, voted: bool = False) -> Session:
    session = session_from_template(load_template("team-drafting"), "fr", session_id="s1")
    session.title = "Cadrage T2"
    session.facilitator = "Claire Martin"
    for pid, name in (("ml", "Marc Lefort"), ("ir", "Isabelle Roche")):
        session.participants.append(Participant(id=pid, name=name))
    o1 = session.add_objective("Livrer nos clients plus vite", id="o1")
    o1.add_key_result("Réduire le délai de livraison de 10 à 4 jours", id="k1", owner="ml")
    o2 = session.add_objective("Réduire les délais de livraison", id="o2")
    o2.add_key_result("Passer de 60 % à 90 % de commandes complètes", id="k2")
    session.add_objective("zzz essai", id="o3")
    session.add_objective("Moderniser la GED", id="o4")
    if voted:
        for pid in ("ml", "ir"):
            for oid, answer in (("o1", "yes"), ("o2", "no"), ("o3", "no"), ("o4", "yes")):
                votes.set_priority(session, oid, pid, answer)
        votes.reveal(session)
    session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == "wrapup")
    store.create(session)
    return session


def _ids(session: Session) -> list[str]:
    return [o.id for o in session.objectives]


def _row(screen: ObjectivesScreen, oid: str) -> None:
    table = screen.query_one("#objectives", DataTable)
    table.move_cursor(row=table.get_row_index(oid))


async def test_retain_drop_merge_reorder_delete_with_confirmation_and_undo(make_app, store):
    _session(store)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("objectives")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ObjectivesScreen)
        # Decisions are the participants' together, unless someone is named (`w`).
        assert "décisions au nom de\u00a0: les participants" in str(
            screen.query_one("#room-status", Static).render()
        )
        await pilot.press("r")  # O1 retained, in the participants' name, now
        await settle(pilot)
        o1 = app.session.objective("o1")
        assert (o1.status, o1.decided_by, o1.decided_at) == (
            "retained",
            "les participants",
            DECIDED_AT,
        )
        table = screen.query_one("#objectives", DataTable)
        assert "retenu" in str(table.get_row("o1")[2])
        # `w`: decisions in Marc's name from now on; `x` drops the one under the cursor.
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        # The participants together, Marc, Isabelle, then Claire Martin: Isabelle.
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        _row(screen, "o4")
        await pilot.press("x")
        await settle(pilot)
        o4 = app.session.objective("o4")
        assert (o4.status, o4.decided_by) == ("dropped", "ir")
        # `m` merges O2 into O1: its key result follows.
        _row(screen, "o2")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # the first target: O1
        await settle(pilot)
        s = app.session
        assert s.objective("o2").merged_into == "o1"
        assert [kr.id for kr in s.objective("o1").key_results] == ["k1", "k2"]
        assert "fusionné dans O1" in str(table.get_row("o2")[2])
        # Reorder: the junk objective goes up one place.
        _row(screen, "o3")
        await pilot.press("shift+up")
        await settle(pilot)
        assert _ids(app.session) == ["o1", "o3", "o2", "o4"]
        # Delete asks first; "no" keeps it.
        await pilot.press("delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and "zzz essai" in dialog.body
        assert "(aucun résultat clé, votes compris)" not in dialog.body  # no vote cast on it
        assert "(aucun résultat clé)" in dialog.body
        await pilot.press("n")
        await settle(pilot)
        assert "o3" in _ids(app.session)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("o")  # oui
        await settle(pilot)
        assert _ids(app.session) == ["o1", "o2", "o4"]
        assert _ids(store.load("s1")) == ["o1", "o2", "o4"]  # saved at once
        # Undo, one change at a time, back to where the room started.
        await pilot.press("u")
        await settle(pilot)
        assert _ids(store.load("s1")) == ["o1", "o3", "o2", "o4"]
        assert row_key(table) == "o3"  # the cursor is on what came back
        assert "zzz essai" in str(screen.query_one("#obj-detail", Static).render())
        await pilot.press("u")  # the move
        await settle(pilot)
        assert _ids(app.session) == ["o1", "o2", "o3", "o4"]
        await pilot.press("u")  # the merge
        await settle(pilot)
        s = app.session
        assert s.objective("o2").status == "draft" and s.objective("o2").merged_into is None
        assert [kr.id for kr in s.objective("o2").key_results] == ["k2"]
        await pilot.press("u", "u")  # the drop, the retain
        await settle(pilot)
        assert {o.status for o in store.load("s1").objectives} == {"draft"}
        await pilot.press("u")  # nothing left: nothing changes
        await settle(pilot)
        assert {o.status for o in app.session.objectives} == {"draft"}
        # `r` on a retained objective takes it back to draft.
        _row(screen, "o1")
        await pilot.press("r", "r")
        await settle(pilot)
        assert app.session.objective("o1").status == "draft"


async def test_wrap_up_proposes_the_vote_outcome_then_warns_before_closing(make_app, store):
    _session(store, voted=True)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("wrapup")
        await settle(pilot)
        wrap = app.screen
        assert isinstance(wrap, WrapupScreen)
        report = str(wrap.query_one("#report", Static).render())
        assert "Objectifs ni retenus ni écartés (4)" in report
        assert "Objectifs sans résultat clé (2)" in report
        assert "Résultats clés sans responsable (1)" in report
        assert "2 points à vérifier" not in report
        status = str(wrap.query_one("#room-status", Static).render())
        assert "7 points à vérifier" in status  # 4 undecided, 2 without KR, 1 unowned KR
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RetainDialog)
        selection = dialog.query_one("#retain-list", SelectionList)
        assert selection.selected == ["o1", "o4"]  # judged clearly a priority by the vote
        # The facilitator edits the proposal: O2 is retained too (Space on the second line).
        await pilot.press("down", "space")
        assert sorted(selection.selected) == ["o1", "o2", "o4"]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, RetainDialog)
        saved = store.load("s1")
        assert [(o.id, o.status) for o in saved.objectives] == [
            ("o1", "retained"),
            ("o2", "retained"),
            ("o3", "dropped"),
            ("o4", "retained"),
        ]
        assert {o.decided_by for o in saved.objectives} == {"les participants"}
        report = str(wrap.query_one("#report", Static).render())
        assert "Objectifs retenus\u00a0: 3 · en cours\u00a0: 0 · écartés\u00a0: 1" in report
        assert "✓ O1 Livrer nos clients plus vite" in report
        assert "ni retenus ni écartés" not in report
        # Still warned: O4 has no key result, O2's has no owner. `c` asks; "no" keeps it open.
        await pilot.press("c")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog) and "2 points restent" in confirm.body
        await pilot.press("n")
        await settle(pilot)
        assert app.session.step.status != "done"
        # `u` undoes the whole decision, and `p` again gives it back.
        await pilot.press("u")
        await settle(pilot)
        assert {o.status for o in store.load("s1").objectives} == {"draft"}
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("enter")  # the vote's outcome as it is: O1 and O4
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("o")  # close anyway
        await settle(pilot)
        assert app.session.step.status == "done"
    saved = store.load("s1")
    assert [o.id for o in saved.objectives if o.status == "retained"] == ["o1", "o4"]
    md = markdown.render(content.build(saved, today=date(2026, 3, 19)))
    md = md.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Objectifs retenus : 2 sur 4 examinés" in md
    assert "Aucun objectif n’est encore retenu" not in md
    assert "**Statut :** Retenu par les participants le 19 mars 2026" in md
    assert "- zzz essai *— écarté par les participants le 19 mars 2026*" in md


async def test_the_retained_set_needs_one_objective_and_a_decider(make_app, store):
    session = _session(store)  # votes never cast: nothing is checked in advance
    assert session.facilitator
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("wrapup")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RetainDialog)
        assert "ne sont pas révélés" in str(dialog.query_one(".retain-basis", Static).render())
        assert dialog.query_one("#retain-list", SelectionList).selected == []
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # refused, with the reason
        assert "au moins un" in str(dialog.query_one("#retain-error", Static).render())
        await pilot.press("space", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, RetainDialog)
        assert [o.status for o in app.session.objectives] == [
            "retained",
            "dropped",
            "dropped",
            "dropped",
        ]


async def test_a_follow_up_of_a_session_that_retained_nothing_says_so(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f")  # home: a review that follows the selected session
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.kind == "review" and app.session.objectives == []
        told = [str(n.message) for n in app._notifications]
        assert any("n’a retenu aucun objectif" in m and "Cadrage T2" in m for m in told), told
