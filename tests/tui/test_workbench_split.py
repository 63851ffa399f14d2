"""Accepting the coach's split (issue 11, item 3): the first part becomes the item's new version,
each other part a new item beside it, noted with where it came from; the panel lists the parts
with their scores."""

from __future__ import annotations

from textual.widgets import Static

from facilitator.engine.model import Alternative, Scores
from facilitator.session import Session
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.workbench.target import Target
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import FakeEngine

KR = "Déployer le CRM et réduire de 20 % le temps de saisie d'ici fin 2026"
KR_PARTS = ["Déployer le CRM d'ici fin 2026", "Réduire de 20 % le temps de saisie d'ici fin 2026"]
OBJECTIVE = "Moderniser la GED et former les équipes"
OBJECTIVE_PARTS = ["Moderniser la GED", "Former les équipes"]


class SplittingEngine(FakeEngine):
    """The fake engine, with the split of the two drafts above as their only alternative."""

    def assess(self, text, kind="objective", lang=None, glossary=(), tier="full"):  # type: ignore[no-untyped-def]
        a = super().assess(text, kind, lang, glossary, tier)
        parts = {KR: KR_PARTS, OBJECTIVE: OBJECTIVE_PARTS}.get(text)
        if tier == "full" and parts:
            scored = [(p, Scores(overall=90 - 20 * n)) for n, p in enumerate(parts)]
            a.alternatives = [
                Alternative(
                    " / ".join(parts), Scores(overall=80), "split", "scinde", "…", [], scored
                )
            ]
        return a


def _workbench(make_app, store):  # type: ignore[no-untyped-def]
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Vendre mieux", {"overall": 90.0}, id="o1")
    store.create(session)
    return make_app(engine=SplittingEngine(ready=True))


async def test_a_key_result_split_in_two(make_app, store):
    app = _workbench(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "workbench")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        await pilot.press("ctrl+k")
        await type_text(pilot, KR)
        await settle(pilot, 0.35)
        panel = str(screen.query_one("#rewrite", Static).render())
        assert "Scinder en 2 éléments, une idée chacun" in panel
        assert f"1. {KR_PARTS[0]} (Global 90)" in panel
        assert f"2. {KR_PARTS[1]} (Global 70)" in panel
        await pilot.press("ctrl+r")
        await settle(pilot)
        first, second = app.session.objective("o1").key_results
        assert [v.text for v in first.versions] == [KR, KR_PARTS[0]]
        assert first.latest.note == "scindé en 2 éléments, une idée chacun"
        assert [v.text for v in second.versions] == [KR_PARTS[1]]
        assert second.latest.note == f"issu de la scission de «\u00a0{KR}\u00a0»"
        assert second.latest.scores  # scored like any version
        assert screen.editor.text == KR_PARTS[0] and screen.target.kr_id == first.id
        # Each part keeps what the engine read in its own wording, so opening it shows nothing
        # unsaved.
        assert (first.deadline, second.deadline) == ("fin 2026", "fin 2026"), (first, second)
        await pilot.press("ctrl+k")  # leave for a new key result, then open the split's part
        screen.load_target(Target("key_result", "o1", second.id))
        await settle(pilot, 0.35)
        assert not screen.dirty
    stored = store.load("s1").objective("o1").key_results
    assert [k.text for k in stored] == KR_PARTS


async def test_an_objective_split_in_two(make_app, store):
    app = _workbench(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "workbench")
        await settle(pilot)
        screen = app.screen
        await pilot.press("ctrl+n")
        await type_text(pilot, OBJECTIVE)
        await settle(pilot, 0.35)
        await pilot.press("alt+r")
        await settle(pilot)
        texts = [o.text for o in app.session.objectives]
        assert texts == ["Vendre mieux", *OBJECTIVE_PARTS]
        assert [v.text for v in app.session.objectives[1].versions] == [
            OBJECTIVE,
            OBJECTIVE_PARTS[0],
        ]
        tree = str([str(n.label) for n in screen.query_one("#items").root.children])
        assert "Former les équipes" in tree
