"""The training screen at the sizes trainers use (issue 15, item 5): at 80×24 a long answer is
shown whole, the criteria sit below the scores instead of one word per line, and PageDown pages
to the coach, the hints and the explanation even from the answer box; at 160×45 the criteria
sit beside the scores."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.containers import VerticalScroll

from facilitator.paths import data_dir
from facilitator.training import load_pack
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.training import TrainingScreen
from facilitator.tui.screens.training_start import open_training
from tests.tui.conftest import settle

LONG = (
    "Faire passer la part des clients qui renouvellent leur abonnement annuel de 62 % à 75 % "
    "d'ici la fin du troisième trimestre pour consolider notre croissance"
)


async def _open(app: FacilitatorApp, pilot: object) -> TrainingScreen:
    pack = load_pack(data_dir("workshops") / "exercises" / "fr-2-reformuler.toml")
    open_training(app, packs=[pack], pack=pack.id, trainee="Alice", group="")
    await settle(pilot)
    assert isinstance(app.screen, TrainingScreen)
    return app.screen


async def test_at_80x24_a_long_answer_shows_whole_and_page_down_reaches_the_coach(
    make_app: Callable[..., FacilitatorApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        editor = screen.editor(0)
        editor.text = LONG
        await settle(pilot, 0.4)
        lines = editor.wrapped_document.height
        assert lines >= 3  # the long answer wraps at this width …
        assert editor.size.height >= lines  # … and every line of it is on screen
        assert screen.query_one("#tr-feedback").has_class("stacked")
        main = screen.query_one("#tr-main", VerticalScroll)
        assert editor.has_focus and main.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert main.scroll_y > 0
        await pilot.press("pageup")
        await settle(pilot)
        assert main.scroll_y == 0


@pytest.mark.parametrize(("size", "stacked"), [((160, 45), False), ((100, 30), True)])
async def test_the_criteria_go_beside_the_scores_only_where_they_fit(
    make_app: Callable[..., FacilitatorApp], size: tuple[int, int], stacked: bool
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open(app, pilot)
        assert screen.query_one("#tr-feedback").has_class("stacked") is stacked
        criteria = screen.query_one("#tr-criteria-box")
        assert criteria.size.width >= 40  # never one word per line
