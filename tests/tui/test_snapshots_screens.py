"""Every screen of the facilitator's app, on the demo session, at 80×24 (a laptop's terminal)
and at 160×45 (a large one): nothing cut, the room's keys reachable (issue 13, item 16).

Deterministic: the demo's stored session, a fixed clock, the fast engine double. Update after
an intended change: pytest tests/tui/test_snapshots_screens.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest

from facilitator import demo
from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
from facilitator.workshop import create_follow_up
from facilitator.workshops import load_template
from tests.tui.conftest import Clock, settle
from tests.tui.fake_engine import FakeEngine

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}

Drive = Callable[[Any], Awaitable[None]]


async def _goto(pilot: Any, name: str) -> None:
    pilot.app.goto(name)
    await settle(pilot)


async def _press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def screen(name: str) -> Drive:
    async def drive(pilot: Any) -> None:
        await _goto(pilot, name)

    return drive


def then(first: Drive, *keys: str) -> Drive:
    async def drive(pilot: Any) -> None:
        await first(pilot)
        await _press(pilot, *keys)

    return drive


async def _agenda(pilot: Any) -> None:
    await settle(pilot)


async def _workbench(pilot: Any) -> None:
    await _goto(pilot, "workbench")
    pilot.app.screen.editor.cursor_blink = False


async def _vote_hidden(pilot: Any) -> None:
    """The vote before its reveal: the demo's is revealed, `h` hides it again."""
    await _goto(pilot, "vote")
    await _press(pilot, "h")


async def _merge(pilot: Any) -> None:
    """The clustering's merge dialog: mark a proposal, merge the one under the cursor into it."""
    await _goto(pilot, "cluster")
    await _press(pilot, "space", "down", "m")


DEMO: dict[str, Drive] = {
    "agenda": _agenda,
    "setup": screen("setup"),
    "brainstorm": screen("brainstorm"),
    "cluster": screen("cluster"),
    "merge": _merge,
    "objectives": screen("objectives"),
    "objectives-delete": then(screen("objectives"), "d"),
    "objectives-merge": then(screen("objectives"), "m"),
    "workbench": _workbench,
    "vote-hidden": _vote_hidden,
    "vote-revealed": screen("vote"),
    "alignment": screen("alignment"),
    "tree": screen("tree"),
    "wrapup": screen("wrapup"),
    "log": screen("log"),
    "room-server": screen("room_server"),
    "help": then(_agenda, "f1"),
    "projection-step": then(_agenda, "f8"),
    "projection-wording": then(_workbench, "f8"),
    "projection-vote-hidden": then(_vote_hidden, "f8"),
    "projection-vote": then(screen("vote"), "f8"),
    "decision": then(_agenda, "f5"),
    "action": then(_agenda, "f6"),
    "parking": then(_agenda, "f7"),
}
"""The screens of the demo session, each with how to reach it from the agenda."""


@pytest.fixture
def demo_store(tmp_path, monkeypatch) -> SessionStore:
    monkeypatch.chdir(tmp_path)  # home shows the folder: keep it the same
    store = SessionStore("sessions")
    store.create(demo.demo_session())
    return store


def _app(store: SessionStore, session_id: str | None = None) -> FacilitatorApp:
    return FacilitatorApp(
        store, engine=FakeEngine(ready=True), lang="fr", clock=Clock(), session_id=session_id
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", DEMO)
def test_demo_screen(snap_compare, demo_store, name, size):
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await DEMO[name](pilot)

    app = _app(demo_store, demo.DEMO_ID)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


HOME: dict[str, tuple[str, ...]] = {
    "home": (),
    "template-picker": ("n",),
    "confirm-delete": ("delete",),
}
"""Home and the dialogs it opens, over the demo session."""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", HOME)
def test_home_screen(snap_compare, demo_store, name, size):
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await _press(pilot, *HOME[name])

    assert snap_compare(_app(demo_store), terminal_size=SIZES[size], run_before=run_before)


FOLLOW_UPS = {
    "review": ("monthly-review", "review", ()),
    "review-check-in": ("monthly-review", "review", ("enter",)),
    "retro": ("retrospective", "retro", ()),
}
"""The follow-up sessions' screens: (template, screen, keys pressed there)."""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", FOLLOW_UPS)
def test_follow_up_screen(snap_compare, demo_store, name, size):
    template, where, keys = FOLLOW_UPS[name]
    follow_up = create_follow_up(
        demo_store, demo.DEMO_ID, load_template(template), today=date(2026, 4, 9)
    )

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await _goto(pilot, where)
        await _press(pilot, *keys)

    app = _app(demo_store, follow_up.id)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
