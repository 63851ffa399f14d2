"""The workbench at 80×24 (issue 13, item 16): four lines of draft, whole scores, and the
coach's alternatives under them, reached with Tab and scrolled, any of them accepted with its
key (issue 11: alt+t the second)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widget import Widget

from facilitator.session import Session
from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.workbench.rewrite_panel import RewritePanel
from tests.tui.conftest import Clock, settle, type_text
from tests.tui.test_workbench_proposals import ALTERNATIVES, RewritingEngine

STAMP = "2026-03-19T08:00:00+00:00"


def _session() -> Session:
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Simplifier les démarches des usagers", {"overall": 90.0}, id="o1")
    session.created = session.updated = STAMP
    return session


def _visible(widget: Widget, screen: WorkbenchScreen) -> bool:
    """Whether `widget` is wholly inside the part of the workbench's main panel on screen."""
    main = screen.query_one("#wb-main").region
    return widget.region.height > 0 and main.contains_region(widget.region)


async def _key_result_with_alternatives(app, pilot) -> WorkbenchScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.open_session("s1", "workbench")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, WorkbenchScreen)
    await pilot.press("ctrl+k")
    await type_text(pilot, "Installer la commission")
    await settle(pilot, 0.35)
    return screen


async def test_at_80x24_the_alternatives_are_reached_and_alt_t_takes_the_second(make_app, store):
    store.create(_session())
    app = make_app(engine=RewritingEngine(ready=True))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _key_result_with_alternatives(app, pilot)
        # The draft shows four lines, and the scores are whole under it.
        assert screen.editor.content_size.height >= 4 and _visible(screen.editor, screen)
        bars = screen.query_one("#scores")
        assert _visible(bars, screen)
        for line in str(bars.render()).splitlines()[:4]:
            assert len(line) <= bars.content_size.width
            assert line.split()[-1].isdigit(), line
        # Tab from the draft reaches the rewrite panel, which the screen scrolls into view; the
        # panel scrolls down to the last alternative.
        panel = screen.query_one(RewritePanel)
        await pilot.press("tab")
        await settle(pilot)
        assert screen.focused is panel and _visible(panel, screen)
        shown = str(panel.query_one("#rewrite").render())
        assert f"alt+t {ALTERNATIVES[1][0]}" in shown and f"alt+y {ALTERNATIVES[2][0]}" in shown
        await pilot.press("end")
        await settle(pilot)
        assert panel.scroll_y == panel.max_scroll_y
        # alt+t from the panel takes the second alternative, and brings the new wording back
        # into view.
        await pilot.press("alt+t")
        await settle(pilot)
        [kr] = app.session.objective("o1").key_results
        assert kr.latest.text == ALTERNATIVES[1][0]
        assert screen.focused is screen.editor and _visible(screen.editor, screen)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_snapshot_the_alternatives(snap_compare, tmp_path, monkeypatch, size):
    """The panel of three alternatives: focused and scrolling under the scores at 80×24, whole
    beside them at 200×60."""
    monkeypatch.chdir(tmp_path)
    store = SessionStore("sessions")
    store.create(_session())
    app = FacilitatorApp(
        store, engine=RewritingEngine(ready=True), lang="fr", clock=Clock(), session_id="s1"
    )

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.goto("workbench")
        await settle(pilot)
        pilot.app.screen.editor.cursor_blink = False
        await pilot.press("ctrl+k")
        await type_text(pilot, "Installer la commission")
        await settle(pilot, 0.35)
        if size == (80, 24):
            await pilot.press("tab")
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
