"""The room server in a thread of its own, for a front end that has its own event loop (the
facilitator's app) and for the tests: `BackgroundRoom(store, session_id).start()`, `.stop()`."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from aiohttp import web

from facilitator.store import SessionStore
from facilitator.web.coach import Coach
from facilitator.web.server import RoomServer

T = TypeVar("T")

START_SECONDS = 30.0
"""How long starting or stopping may take (binding the port, closing the connections)."""


class BackgroundRoom:
    """A `RoomServer` listening on `host:port` (port 0: any free one, `port` says which once
    started) from a daemon thread running its own event loop. `restart()` stops it and starts a
    new server on the same port, as quitting and relaunching the app would."""

    def __init__(
        self,
        store: SessionStore,
        session_id: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        coach: Coach | None = None,
        **options: Any,
    ) -> None:
        self.store, self.session_id, self.host, self.port = store, session_id, host, port
        self.coach = coach if coach is not None else Coach()
        self.options = options
        self.server: RoomServer | None = None
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> RoomServer:
        """Start listening (OSError when the port is taken); returns the server."""
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(
                target=self._loop.run_forever, name="room-server", daemon=True
            )
            self._thread.start()
        server = RoomServer(self.store, self.session_id, coach=self.coach, **self.options)

        async def listen() -> None:
            runner = web.AppRunner(server.app())
            await runner.setup()
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError:
                await runner.cleanup()
                raise
            self._runner = runner
            self.port = runner.addresses[0][1]

        self._run(listen())
        self.server = server
        return server

    def restart(self) -> RoomServer:
        self.stop(keep_thread=True)
        return self.start()

    def stop(self, *, keep_thread: bool = False) -> None:
        """Stop listening and disconnect every device (the room itself stays open: see
        `Workshop.close_room`)."""
        if self._runner is not None:
            self._run(self._runner.cleanup())
            self._runner = None
        if keep_thread or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=START_SECONDS)
        self._loop.close()
        self._loop, self._thread = None, None

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout=START_SECONDS)
