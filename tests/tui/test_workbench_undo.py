"""Undo and redo of the workbench's accepted changes (issue 13, item 3): ctrl+z brings back the
wording an accepted suggestion or rewrite replaced, as a new version noted "annulé : …"; ctrl+y
puts the change back; a proposed key result is taken out and put back."""

from __future__ import annotations

from facilitator.session import Session
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.widgets.history import HistoryTable
from tests.tui.conftest import SIZE, settle, type_text

OBJECTIVE = "Essayer de renforcer la satisfaction client"


async def _open(app, pilot) -> WorkbenchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.open_session("s1", "workbench")
    await settle(pilot)
    assert isinstance(app.screen, WorkbenchScreen)
    return app.screen


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def test_undo_and_redo_an_accepted_suggestion_and_a_rewrite(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(app, pilot)
        footer = {b.binding.description: k for k, b in screen.active_bindings.items()
                  if b.binding.show}  # fmt: skip
        assert footer["Annuler"] == "ctrl+z" and footer["Rétablir"] == "ctrl+y"
        await type_text(pilot, OBJECTIVE)
        await settle(pilot, 0.35)
        await pilot.press("ctrl+t")  # the hedge: "Essayer de" goes
        await settle(pilot, 0.35)
        await pilot.press("ctrl+t")  # the vague verb: "renforcer" → "augmenter"
        await settle(pilot, 0.35)
        objective = app.session.objectives[0]
        assert [v.text for v in objective.versions] == [
            OBJECTIVE,
            "Renforcer la satisfaction client",
            "Augmenter la satisfaction client",
        ]
        # ctrl+z in the editor (nothing typed since): the last accepted change is undone.
        assert screen.editor.has_focus
        await pilot.press("ctrl+z")
        await settle(pilot, 0.35)
        objective = app.session.objectives[0]
        assert objective.latest.n == 4
        assert objective.latest.text == "Renforcer la satisfaction client"
        assert objective.latest.note.startswith("annulé\u00a0: suggestion acceptée (verbe vague)")
        assert objective.latest.scores == objective.version(2).scores
        assert screen.editor.text == "Renforcer la satisfaction client"
        assert screen.query_one("#history", HistoryTable).row_count == 4
        assert any(m.startswith("Annulé\u00a0: suggestion acceptée (verbe vague)")
                   for m in _messages(app))  # fmt: skip
        # Once more: the change before it (the hedge).
        await pilot.press("ctrl+z")
        await settle(pilot, 0.35)
        assert app.session.objectives[0].latest.text == OBJECTIVE
        await pilot.press("ctrl+z")  # nothing left to undo here: said, nothing saved
        await settle(pilot)
        assert app.session.objectives[0].latest.n == 5
        assert "Aucune modification acceptée à annuler sur cet élément." in _messages(app)
        # ctrl+y redoes, in order, as new versions.
        await pilot.press("ctrl+y")
        await settle(pilot, 0.35)
        await pilot.press("ctrl+y")
        await settle(pilot, 0.35)
        objective = app.session.objectives[0]
        assert [v.text for v in objective.versions[-2:]] == [
            "Renforcer la satisfaction client",
            "Augmenter la satisfaction client",
        ]
        assert objective.latest.note.startswith("rétabli\u00a0: suggestion acceptée (verbe vague)")
        assert screen.editor.text == "Augmenter la satisfaction client"
        assert store.load("s1").objectives[0].latest.n == 7  # saved, not only on screen


async def test_ctrl_z_undoes_the_typing_first_then_the_rewrite(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(app, pilot)
        await type_text(pilot, "Essayer de réduire les délais de paiement")
        await settle(pilot, 0.35)
        await pilot.press("ctrl+r")
        await settle(pilot, 0.35)
        assert app.session.objectives[0].latest.text == "Réduire les délais de paiement"
        await type_text(pilot, " vite")
        await settle(pilot, 0.35)
        await pilot.press("ctrl+z")  # the typing
        await settle(pilot, 0.35)
        assert screen.editor.text == "Réduire les délais de paiement"
        assert app.session.objectives[0].latest.n == 2
        await pilot.press("ctrl+z")  # then the rewrite
        await settle(pilot, 0.35)
        objective = app.session.objectives[0]
        assert objective.latest.text == "Essayer de réduire les délais de paiement"
        assert objective.latest.note == "annulé\u00a0: réécriture acceptée (formulation hésitante)"
        # A wording saved since the undo: redoing would overwrite it, so it is refused.
        await type_text(pilot, " avant juin")
        await pilot.press("enter")
        await settle(pilot, 0.35)
        screen.query_one("#items").focus()
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert app.session.objectives[0].latest.text.endswith("avant juin")
        assert any(m.startswith("La formulation a changé depuis l’annulation")
                   for m in _messages(app))  # fmt: skip


async def test_undo_takes_a_proposed_key_result_out_and_redo_puts_it_back(make_app, store):
    session = Session(id="s1", title="Atelier", lang="en")
    session.add_objective("Improve the satisfaction of our customers", id="o1")
    store.create(session)
    app = make_app(lang="en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open(app, pilot)
        await settle(pilot, 0.35)
        await pilot.press("ctrl+o")
        await settle(pilot)
        [kr] = app.session.objective("o1").key_results
        added = kr.to_dict()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.objective("o1").key_results == []
        assert store.load("s1").objective("o1").key_results == []
        assert f"Proposed key result taken out: “{kr.text}”" in _messages(app)
        assert "KR1.1" not in str(screen.query_one("#items").root.children[0].label)
        await pilot.press("ctrl+y")
        await settle(pilot)
        [back] = store.load("s1").objective("o1").key_results
        assert back.to_dict() == added
        assert len(screen.query_one("#items").root.children[0].children) == 1
