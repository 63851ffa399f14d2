"""The bar at the top: at 80 columns the step's name shows whole, the session's title shortened
or left out for it; wider, both show whole."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from facilitator import demo
from tests.tui.conftest import settle


@pytest.mark.parametrize(
    ("size", "title_shown"),
    [
        ((80, 24), ""),
        ((100, 30), "Atelier de cadrage"),
        ((160, 45), "Atelier de cadrage OKR — CODIR  ·"),
    ],
)
async def test_the_step_s_name_shows_whole(store, make_app, size, title_shown):
    store.create(demo.demo_session())
    app = make_app(session_id=demo.DEMO_ID)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        bar = str(app.screen.query_one("#bar-session", Static).render()).replace("\u00a0", " ")
        assert "Étape 8/10 : Alignement avec la stratégie" in bar
        assert bar.strip().startswith(title_shown or "Étape")
        if size[0] == 100:
            assert "…  ·  Étape" in bar  # the title shortened
