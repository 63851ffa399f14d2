"""The minutes from the app: the wrap-up step's key and the palette's export commands."""

from __future__ import annotations

import docx
import pytest
from textual.screen import ModalScreen
from textual.widgets import Input

from facilitator.demo import demo_session
from facilitator.tui.minutes_export import commands, export_minutes
from facilitator.tui.screens.training_report import ReportDialog
from facilitator.tui.screens.wrapup import WrapupScreen
from tests.tui.conftest import SIZE, save_over, settle


async def test_the_wrapup_step_writes_the_word_minutes(make_app, store, tmp_path):
    store.create(demo_session())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session(store.list()[0].id, "agenda")
        await settle(pilot)
        app.goto("wrapup")
        await settle(pilot)
        assert isinstance(app.screen, WrapupScreen)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        target = tmp_path / "compte-rendu.docx"
        dialog.query_one("#report-path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Synthèse" in headings and "Participants" in headings


async def test_the_palette_offers_every_format_once_a_session_is_open(make_app, store):
    store.create(demo_session())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert list(commands(app)) == []  # home: no session, nothing to export
        app.open_session(store.list()[0].id, "agenda")
        await settle(pilot)
        names = [name for name, _ in commands(app)]
        assert names == [
            "export\u00a0: compte rendu Word (.docx)",
            "export\u00a0: compte rendu Markdown (.md)",
            "export\u00a0: séance complète (JSON, réimportable)",
            "export\u00a0: objectifs et résultats clés (CSV)",
        ]


@pytest.mark.parametrize(("answer", "replaced"), [("n", False), ("o", True)])
async def test_an_existing_file_is_replaced_only_once_the_user_says_so(  # type: ignore[no-untyped-def]
    make_app, store, tmp_path, answer, replaced
) -> None:
    """The export refuses to replace a file unasked: the app asks, and writes only on yes."""
    store.create(demo_session())
    target = tmp_path / "compte-rendu.md"
    target.write_text("ancien compte rendu", "utf-8")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_session(store.list()[0].id, "agenda")
        await settle(pilot)
        export_minutes(app, "md")
        await settle(pilot)
        await save_over(pilot, target, answer)
        assert not isinstance(app.screen, ModalScreen)  # no error, no second question
        written = [n.message for n in app._notifications if "Compte rendu écrit" in n.message]
    assert target.read_text("utf-8").startswith("# ") is replaced
    assert len(written) == int(replaced)
