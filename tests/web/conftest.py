"""Fixtures of the room server's tests: a store holding the demo session, one coach (one engine)
for the whole run, a server running on loopback in a thread, and a headless Chromium (Debian's
`chromium`, driven by Playwright through `executable_path`; the browser tests skip, saying so,
when it is missing: no browser is ever downloaded)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from facilitator.demo import demo_session
from facilitator.store import SessionStore
from facilitator.web.background import BackgroundRoom
from facilitator.web.coach import Coach
from facilitator.web.server import RoomServer
from facilitator.workshop import Workshop, create_session

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="session")
def coach() -> Iterator[Coach]:
    """One engine for every test: spaCy's French model loads once, on the first full pass."""
    shared = Coach()
    yield shared
    shared.close()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    store = SessionStore(tmp_path / "sessions")
    create_session(store, demo_session())
    return store


@pytest.fixture
def workshop(store: SessionStore) -> Workshop:
    """The demo session, its votes hidden (the demo has them revealed) and the room open on
    the brainstorm with join code ABC234."""
    workshop = Workshop(store, demo_session().id)
    workshop.hide_votes()
    workshop.open_room("ABC234", step_id="brainstorm")
    return workshop


@pytest.fixture
async def server(store: SessionStore, workshop: Workshop, coach: Coach) -> RoomServer:
    """The room server of the `workshop` fixture's session, quick to notice changes."""
    return RoomServer(store, workshop.session_id, coach=coach, poll_seconds=0.05, pause_seconds=0.1)


@pytest.fixture
async def client(server: RoomServer) -> AsyncIterator[TestClient]:
    """`server` on loopback, with a client session (one device's cookies)."""
    client = TestClient(TestServer(server.app()))
    await client.start_server()
    yield client
    await client.close()


@pytest.fixture
def room_of(coach: Coach) -> Iterator[Callable[[SessionStore, str], BackgroundRoom]]:
    """`room_of(store, session_id)`: that session's room server on loopback, in a thread
    (`room.restart()` as a facilitator relaunching the app; `room.store` and `room.session_id`
    for the facilitator's side); each one stops after the test."""
    started: list[BackgroundRoom] = []

    def start(store: SessionStore, session_id: str) -> BackgroundRoom:
        running = BackgroundRoom(
            store, session_id, coach=coach, poll_seconds=0.1, pause_seconds=0.2
        )
        running.start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def room(
    store: SessionStore, workshop: Workshop, room_of: Callable[[SessionStore, str], BackgroundRoom]
) -> BackgroundRoom:
    """The `workshop` fixture's room server (see `room_of`)."""
    return room_of(store, workshop.session_id)


def _chromium() -> str | None:
    chosen = os.environ.get("FACILITATOR_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the browser tests' module (each test opens its own contexts).

    Module-scoped, not session-scoped: Playwright's synchronous API holds an event loop in the
    main thread while it runs, and the asynchronous tests that follow need that thread's."""
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium: `apt-get install chromium` runs the browser tests (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()
