"""Fixtures for the TUI tests: a data folder per test, the fast engine double, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.keys import _character_to_key

from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
from tests.tui.fake_engine import FakeEngine

T0 = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)
SIZE = (120, 40)


class Clock:
    """A clock the test moves by hand (agenda timers, snapshots)."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


@pytest.fixture
def store(data_dir: Path) -> SessionStore:
    return SessionStore(data_dir)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_app(store: SessionStore, clock: Clock) -> Callable[..., FacilitatorApp]:
    """A new app on the test's data folder; each call is a fresh process, as after a restart."""

    def make(**kwargs: Any) -> FacilitatorApp:
        kwargs.setdefault("engine", FakeEngine(ready=True))
        kwargs.setdefault("lang", "fr")
        kwargs.setdefault("clock", clock)
        return FacilitatorApp(SessionStore(store.data_dir), **kwargs)

    return make


async def settle(pilot: Any, delay: float = 0.0) -> None:
    """Let timers fire (`delay`), workers finish and their messages be handled."""
    if delay:
        await pilot.pause(delay)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def save_over(pilot: Any, target: Path, answer: str) -> None:
    """In the save dialog on screen, name an existing `target`, check that the app asks before
    replacing it, and give `answer` ("o" yes, "n" or Esc no)."""
    from facilitator.tui.screens.dialogs import ConfirmDialog

    app = pilot.app
    app.screen.query_one("#report-path").value = str(target)
    await pilot.press("enter")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ConfirmDialog), type(dialog).__name__
    assert dialog.body == f"Le fichier {target} existe déjà. Le remplacer\u00a0?"
    await pilot.press(answer)
    await settle(pilot)


async def type_text(pilot: Any, text: str) -> None:
    """Type `text` as a fast typist does: one key event per character, no pause in between.

    (`pilot.press` waits for the app to go idle after every key, about 50 ms a character.)
    """
    app = pilot.app
    for character in text:
        key = character
        if len(character) == 1 and not character.isalnum():
            key = _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
