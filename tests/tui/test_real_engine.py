"""End to end with the real rules engine: the model loads after the first paint, in the background,
and the workbench drafts an objective and a key result with its real findings and extraction."""

from __future__ import annotations

import pytest

from facilitator.session import Session
from facilitator.tui.screens.workbench import WorkbenchScreen
from tests.tui.conftest import SIZE, settle, type_text

pytestmark = pytest.mark.real_engine


async def test_real_engine_drafting(make_app, store):
    store.create(Session(id="s1", title="Cadrage", lang="fr", glossary={"NPS": ""}))
    app = make_app(engine=None)  # the app creates the real Engine in its worker
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The home screen is up while the engine is created and its model loads in a worker
        # (instant here if another test of this process already loaded spaCy).
        assert type(app.screen).__name__ == "HomeScreen"
        app.open_session("s1", "workbench")
        for _ in range(300):  # about 5 s on two cores, well under 30
            if app.engine_status("fr") in ("ready", "failed"):
                break
            await pilot.pause(0.1)
        assert app.engine_status("fr") == "ready", app.model_errors
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)

        await type_text(pilot, "Essayer de renforcer la satisfaction client")
        await settle(pilot, 0.4)
        a = screen.shown
        assert a.tier == "full" and a.text == "Essayer de renforcer la satisfaction client"
        rules = [f.rule for f in a.findings]
        assert "hedge" in rules and "vague-verb" in rules
        assert a.rewrite is not None
        before = a.scores.overall
        screen.findings.highlighted = rules.index("hedge")
        await pilot.press("ctrl+t")
        await settle(pilot, 0.4)
        objective = app.session.objectives[0]
        assert [v.n for v in objective.versions] == [1, 2]
        assert not objective.latest.text.lower().startswith("essayer")
        assert objective.latest.scores["overall"] > before
        assert "hedge" in objective.resolved(2)

        await pilot.press("ctrl+k")
        await type_text(pilot, "Faire passer le NPS de 32 à 45 d'ici fin 2026")
        await settle(pilot, 0.4)
        assert screen.shown.tier == "full"
        assert screen.query_one("#kr-baseline").value == "32"
        assert screen.query_one("#kr-target").value == "45"
        assert "2026" in screen.query_one("#kr-deadline").value
        assert "unexplained-acronym" not in [f.rule for f in screen.shown.findings]  # glossary
        await pilot.press("ctrl+s")
        await settle(pilot)
        kr = store.load("s1").objectives[0].key_results[0]
        assert (kr.baseline, kr.target) == ("32", "45") and kr.versions[0].scores

        # A key result without a target: the rewrite panel shows the best alternative as a
        # difference from the draft, and ctrl+r makes it the next version, noted with its
        # strategy (issue 11, item 3).
        await pilot.press("ctrl+k")
        await type_text(pilot, "Améliorer la satisfaction client")
        await settle(pilot, 0.6)
        shown = screen.shown
        assert shown.tier == "full" and shown.alternatives
        best = shown.alternatives[0]
        assert best.text == "Faire passer la satisfaction client de X à Y d'ici [date]"
        panel = screen.query_one("#rewrite").render()
        assert "Améliorer" in str(panel) and "Faire passer" in str(panel)
        await pilot.press("ctrl+r")
        await settle(pilot, 0.6)
        kr = app.session.objectives[0].key_results[-1]
        assert kr.latest.text == best.text and best.changed in kr.latest.note
