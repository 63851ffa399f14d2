"""Opening a group's training room: the room (its code kept across restarts), the trainer's key,
the addresses to give the group, and the server run either in the foreground (`facilitator train
--room`) or in a thread of its own (`BackgroundTraining`: the trainer's app, the tests).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from facilitator.training import Pack
from facilitator.training.group import GroupRoom, RoomFile
from facilitator.training.store import TrainingStore
from facilitator.web import launch, security
from facilitator.web.coach import Coach
from facilitator.web.training_server import TrainingServer

START_SECONDS = 30.0


def prepare(
    store: TrainingStore,
    group: str,
    packs: Sequence[str] = (),
    code: str | None = None,
    *,
    default: Sequence[str] = (),
) -> GroupRoom:
    """The group's room: the one saved before (its code, devices and packs kept, so trainees
    who joined come straight back), else a new one with a fresh code; `packs`, when given,
    become the sequence assigned, else `default` when the room has none. Saved before
    returning."""
    file = RoomFile(store, group)
    room = file.load() or GroupRoom(group=group, code=code or security.new_join_code())
    room.group = group
    if code:
        room.code = code
    if packs or not room.packs:
        room.packs = list(dict.fromkeys(packs or default))
    file.save(room)
    return room


def urls(host: str, port: int, room: GroupRoom, trainer_key: str) -> tuple[str, str]:
    """(the trainees' join address, the trainer's dashboard address with its key)."""
    base = launch.reachable_origin(host, port)
    return f"{base}/?code={room.code}", f"{base}/trainer?key={trainer_key}"


def server(
    store: TrainingStore,
    room: GroupRoom,
    packs: Sequence[Pack],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    trainer_key: str | None = None,
    **options: Any,
) -> TrainingServer:
    key = trainer_key or security.new_token()
    join, _ = urls(host, port, room, key)
    return TrainingServer(store, room, packs, key, join_url=join, **options)


class BackgroundTraining:
    """A `TrainingServer` listening on `host:port` (0: any free port; `port` says which once
    started) from a daemon thread with its own event loop."""

    def __init__(
        self,
        store: TrainingStore,
        room: GroupRoom,
        packs: Sequence[Pack],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        coach: Coach | None = None,
        **options: Any,
    ) -> None:
        self.store, self.room, self.packs = store, room, list(packs)
        self.host, self.port = host, port
        self.coach = coach if coach is not None else Coach()
        self.options = options
        self.trainer_key = security.new_token()
        self.server: TrainingServer | None = None
        self._runner: web.AppRunner | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="training-room", daemon=True
        )

    @property
    def url(self) -> str:
        """The address a device reaches the server at (this machine's, for 0.0.0.0)."""
        return launch.reachable_origin(self.host, self.port)

    @property
    def trainer_url(self) -> str:
        return f"{self.url}/trainer?key={self.trainer_key}"

    def start(self) -> TrainingServer:
        """Start listening (OSError when the port is taken)."""
        self._thread.start()

        async def listen() -> TrainingServer:
            made = TrainingServer(
                self.store,
                self.room,
                self.packs,
                self.trainer_key,
                coach=self.coach,
                **self.options,
            )
            runner = web.AppRunner(made.app())
            await runner.setup()
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError:
                await runner.cleanup()
                raise
            self._runner = runner
            self.port = runner.addresses[0][1]
            made.join_url = f"{self.url}/?code={self.room.code}"
            return made

        self.server = asyncio.run_coroutine_threadsafe(listen(), self._loop).result(START_SECONDS)
        return self.server

    def stop(self) -> None:
        if self._runner is not None:
            future = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            future.result(START_SECONDS)
            self._runner = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=START_SECONDS)
        self._loop.close()
