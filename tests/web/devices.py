"""A participant's device for the room server's tests over HTTP and WebSocket (no browser):
its own cookies, the join form's CSRF token, its socket."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import ClientWebSocketResponse
from aiohttp.test_utils import TestClient

CODE = "ABC234"
"""The join code of the `workshop` fixture's room."""


class Device:
    """One participant's device: its own cookies, the join form's token, its socket."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.origin = f"http://{client.host}:{client.port}"
        self.csrf = ""

    async def open_join_page(self) -> None:
        page = await (await self.client.get("/")).text()
        found = re.search(r'id="csrf" value="([^"]+)"', page)
        assert found is not None
        self.csrf = found.group(1)

    async def post(self, url: str, body: dict[str, Any], **headers: str) -> tuple[int, Any]:
        headers = {"Origin": self.origin, **headers}
        response = await self.client.post(url, json={"csrf": self.csrf, **body}, headers=headers)
        return response.status, await response.json()

    async def join(self, participant: str, code: str = CODE) -> tuple[int, Any]:
        await self.open_join_page()
        return await self.post("/api/join", {"code": code, "participant": participant})

    async def connect(self) -> ClientWebSocketResponse:
        ws = await self.client.ws_connect("/ws", headers={"Origin": self.origin})
        assert (await ws.receive_json())["type"] == "hello"
        assert (await ws.receive_json())["type"] == "state"
        return ws


async def reply(ws: ClientWebSocketResponse) -> dict[str, Any]:
    """The next `ok` or `error` (states in between are skipped)."""
    while True:
        message = await ws.receive_json(timeout=10)
        if message["type"] in ("ok", "error"):
            return message
