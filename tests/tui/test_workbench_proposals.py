"""The workbench's proposals (issue 11, items 3 and 4): the coach's key results under an
objective, ctrl+o (or enter on the list) adding the highlighted one as a new key result, its
version 1 scored and noted with the coach's reason; and the coach's alternative wordings, any
of which one key accepts (ctrl+r or alt+r the first, alt+t and alt+y the others)."""

from __future__ import annotations

from textual.widgets import Static

from facilitator.engine.model import Alternative, Scores
from facilitator.session import Session
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.workbench.proposal_list import ProposalList
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import PROPOSALS, FakeEngine


async def _open(app, pilot) -> WorkbenchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.open_session("s1", "workbench")
    await settle(pilot)
    assert isinstance(app.screen, WorkbenchScreen)
    return app.screen


async def test_ctrl_o_adds_the_highlighted_proposal_as_a_key_result(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await type_text(pilot, "Améliorer la satisfaction de nos clients")
        await settle(pilot, 0.35)
        box = screen.query_one("#proposals-box")
        proposals = screen.query_one("#proposals", ProposalList)
        assert box.display and [p.text for p in proposals.proposals] == [
            p.text for p in PROPOSALS["fr"]
        ]
        assert proposals.selected is PROPOSALS["fr"][0]
        # The objective is not saved yet: ctrl+o saves it first, then adds the key result.
        await pilot.press("ctrl+o")
        await settle(pilot)
        [objective] = app.session.objectives
        assert objective.text == "Améliorer la satisfaction de nos clients"
        [kr] = objective.key_results
        assert kr.text == "Faire passer la satisfaction client de X à Y d'ici fin T4"
        assert len(kr.versions) == 1 and kr.latest.scores  # scored like any version
        assert kr.latest.note.startswith("proposé par le coach (résultat)\u00a0:")
        assert "la satisfaction client" in kr.latest.note
        # The objective stays on screen; the tree shows the new key result.
        assert screen.target.kind == "objective" and screen.target.objective_id == objective.id
        tree = screen.query_one("#items")
        assert "KR1.1" in str(tree.root.children[0].children[0].label)
        # Another proposal: move the highlight on the list, then enter adds it.
        proposals.focus()
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        texts = [k.text for k in app.session.objectives[0].key_results]
        # Stored as the editor would: its no-break spaces made plain.
        assert texts[-1] == "Garder sous X % la part des demandes rouvertes"
        assert "contre-mesure" in app.session.objectives[0].key_results[-1].latest.note


async def test_no_proposal_for_a_key_result_nor_an_empty_draft(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Réduire les retards de livraison", {"overall": 90.0}, id="o1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await settle(pilot, 0.35)
        assert screen.query_one("#proposals-box").display
        await pilot.press("ctrl+k")
        await type_text(pilot, "Faire passer le taux de retard de 12 % à 5 %")
        await settle(pilot, 0.35)
        assert not screen.query_one("#proposals-box").display
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert not app.session.objective("o1").key_results  # nothing added, nothing saved
        # A new, empty objective: nothing to propose (leaving saved the key result typed).
        await pilot.press("ctrl+n")
        await settle(pilot, 0.35)
        assert [k.text for k in app.session.objective("o1").key_results] == [
            "Faire passer le taux de retard de 12 % à 5 %"
        ]
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert len(app.session.objectives) == 1
        assert len(app.session.objective("o1").key_results) == 1


async def test_the_list_speaks_the_session_s_language(make_app, store):
    store.create(Session(id="s1", title="Workshop", lang="en"))
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await type_text(pilot, "Improve customer satisfaction for our clients")
        await settle(pilot, 0.35)
        proposals = screen.query_one("#proposals", ProposalList)
        assert proposals.proposals == PROPOSALS["en"]
        prompt = str(proposals.get_option_at_index(2).prompt)
        assert "counter-measure" in prompt and "Keep reopened requests under X%" in prompt
        await pilot.press("ctrl+o")
        await settle(pilot)
        kr = app.session.objectives[0].key_results[0]
        assert kr.latest.note.startswith("proposed by the coach (outcome): ")


class RewritingEngine(FakeEngine):
    """The fake engine, with three alternatives for a key result without a target."""

    def assess(self, text, kind="objective", lang=None, glossary=(), tier="full"):  # type: ignore[no-untyped-def]
        a = super().assess(text, kind, lang, glossary, tier)
        if tier == "full" and kind == "key_result" and text.startswith("Installer"):
            a.alternatives = [
                Alternative(wording, Scores(overall=96 - n), strategy, f"changé : {strategy}", "…")
                for n, (wording, strategy) in enumerate(ALTERNATIVES)
            ]
        return a


ALTERNATIVES = [
    ("Faire passer [indicateur] de X à Y d'ici fin T4 en installant la commission", "means"),
    ("Faire passer le nombre d'avis de la commission de X à Y d'ici fin T4", "add-target"),
    ("Faire utiliser la commission chaque mois par les services", "activity-to-outcome"),
]


async def test_alt_t_and_alt_y_accept_the_second_and_third_alternative(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Simplifier les démarches des usagers", {"overall": 90.0}, id="o1")
    store.create(session)
    app = make_app(engine=RewritingEngine(ready=True))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("ctrl+k")
        await type_text(pilot, "Installer la commission")
        await settle(pilot, 0.35)
        # The panel numbers the other wordings with the key that takes each one.
        panel = str(screen.query_one("#rewrite", Static).render())
        assert "alt+t " + ALTERNATIVES[1][0] in panel and "alt+y " + ALTERNATIVES[2][0] in panel
        await pilot.press("alt+y")  # the editor does not type the letter: the screen takes it
        await settle(pilot)
        [kr] = app.session.objective("o1").key_results
        assert [v.text for v in kr.versions] == ["Installer la commission", ALTERNATIVES[2][0]]
        # The note says what the alternative changed, for the minutes' history.
        assert kr.latest.note == "réécriture acceptée (changé : activity-to-outcome)"
        # Back to the draft, then its second alternative; a fourth there is not.
        screen.editor.text = "Installer la commission"
        await settle(pilot, 0.35)
        await pilot.press("alt+t")
        await settle(pilot)
        assert app.session.objective("o1").key_results[0].latest.text == ALTERNATIVES[1][0]
        await pilot.press("alt+r")  # the text on screen now has no alternative: nothing changes
        await settle(pilot)
        assert app.session.objective("o1").key_results[0].latest.text == ALTERNATIVES[1][0]
