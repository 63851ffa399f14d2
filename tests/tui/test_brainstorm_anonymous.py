"""The CODIR template's anonymous brainstorm: a card typed "Marc : …" keeps no name in its text
and credits nobody, the screen says so, and two cards that differ only by their names are
marked as near-duplicates."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from facilitator.tui.screens.brainstorm import BrainstormScreen
from tests.tui.conftest import settle, type_text
from tests.tui.test_room import _framing, _text


async def test_an_anonymous_card_loses_its_writers_name(make_app, store):
    _framing(store, template="codir-framing", step_kind="brainstorm")
    app = make_app(session_id="s1")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("o")  # the agenda opens the step's mechanic
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrainstormScreen) and screen.anonymous
        for card in (
            "Marc : Réduire les délais de paiement",
            "isabelle : Réduire le délai de paiement",
        ):
            await type_text(pilot, card)
            await pilot.press("enter")
        await settle(pilot)
        proposals = app.session.proposals
        assert [(p.text, p.author) for p in proposals] == [
            ("Réduire les délais de paiement", None),
            ("Réduire le délai de paiement", None),
        ]
        assert "anonyme : le nom est retiré" in _text(screen.query_one("#room-status", Static))
        table = screen.query_one("#proposals", DataTable)
        assert "≈ #1" in str(table.get_row(proposals[1].id)[-1])
