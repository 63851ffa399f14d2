"""The live-assessment component on its own: both tiers off the UI thread, the lexical one first,
one full pass per pause in the typing, and no result about text that is no longer on screen."""

from __future__ import annotations

import threading
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from facilitator.tui.live_assessment import DEBOUNCE, Assessed, Draft, LiveAssessment
from facilitator.tui.screens.base import BaseScreen
from tests.tui.conftest import SIZE, settle
from tests.tui.fake_engine import FakeEngine


class Coached(BaseScreen):
    """A screen holding one draft (`text`) coached by a LiveAssessment."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.results: list[Assessed] = []
        self.live = LiveAssessment(
            self, "coach", on_screen=lambda: (self.text, "objective"), on_result=self.results.append
        )

    def compose(self) -> ComposeResult:
        yield Static("draft")

    def type(self, text: str, gate: threading.Event | None = None) -> None:
        """The draft becomes `text`; `gate`, if given, holds the engine's answers until set."""
        self.text = text
        engine = self.fapp.engine

        def score(tier: str) -> Any:
            if gate is not None:
                gate.wait(timeout=10)
            return engine.assess(text, lang="fr", tier=tier)

        self.live.changed(Draft(text, "objective", score, lambda: "fr"))

    def seen(self) -> list[tuple[str, str]]:
        return [(r.assessment.tier, r.assessment.text) for r in self.results]


async def _coached(app: Any, pilot: Any) -> Coached:
    await pilot.pause(0.1)  # not `settle`: a test may hold the model's loading worker
    screen = Coached()
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_the_lexical_result_comes_at_once_and_the_full_pass_after_the_pause(make_app):
    engine = FakeEngine(ready=True)
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coached(app, pilot)
        screen.type("Améliorer la qualité")
        await settle(pilot)  # well within the pause
        assert screen.seen() == [("lexical", "Améliorer la qualité")]
        await settle(pilot, DEBOUNCE + 0.1)
        assert screen.seen() == [
            ("lexical", "Améliorer la qualité"),
            ("full", "Améliorer la qualité"),
        ]
        assert screen.live.shown is screen.results[-1].assessment
        # Both tiers ran in worker threads of the component's group, never on the UI thread.
        assert threading.main_thread().ident not in engine.threads


async def test_a_burst_of_changes_gets_one_full_pass_for_the_last_text(make_app):
    engine = FakeEngine(ready=True)
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coached(app, pilot)
        words = ["Réduire", "les", "retards", "de", "livraison"]
        for n in range(1, len(words) + 1):
            screen.type(" ".join(words[:n]))
        await settle(pilot, DEBOUNCE + 0.1)
        assert [text for tier, text in engine.calls if tier == "full"] == [" ".join(words)]
        assert screen.seen()[-1] == ("full", " ".join(words))


async def test_a_result_about_text_no_longer_on_screen_is_dropped(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coached(app, pilot)
        gate = threading.Event()
        screen.type("Réduire", gate=gate)
        screen.text = "Réduire les retards"  # typed on while the engine was reading
        gate.set()
        await settle(pilot, DEBOUNCE + 0.1)
        assert screen.results == [] and screen.live.shown is None
        # A late lexical result does not replace the full pass's for the same text.
        screen.type("Réduire les retards")
        await settle(pilot, DEBOUNCE + 0.1)
        assert screen.seen()[-1] == ("full", "Réduire les retards")
        late = app.engine.assess("Réduire les retards", lang="fr", tier="lexical")
        screen.live.receive(Assessed(screen.results[-1].draft, late))
        assert screen.live.shown.tier == "full" and len(screen.results) == 2


async def test_while_the_model_loads_the_pause_asks_for_it_and_the_lexical_result_stands(
    make_app, monkeypatch
):
    gate = threading.Event()
    engine = FakeEngine(ready=False, gate=gate)
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coached(app, pilot)
        asked: list[str] = []
        monkeypatch.setattr(app, "ensure_model", asked.append)
        screen.type("Améliorer la qualité")
        await pilot.pause(DEBOUNCE + 0.1)
        assert app.engine_status("fr") == "loading" and asked == ["fr"]
        assert screen.seen() == [("lexical", "Améliorer la qualité")]
        assert [tier for tier, _ in engine.calls] == ["lexical"]
        gate.set()
