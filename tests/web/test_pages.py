"""The participants' pages over HTTP, without a browser: in the language the participant picked,
else the session's, never the browser's (tests/web/test_browser.py clicks the switch)."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from facilitator.locales import t
from facilitator.web import security

from .devices import Device


def _title(page: str) -> str:
    return page.split("<h1>")[1].split("</h1>")[0]


async def test_the_join_page_speaks_the_sessions_language_to_any_browser(client: TestClient):
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    page = await (await client.get("/", headers=english)).text()
    assert _title(page) == t("fr", "web.join.title")  # the demo is a French workshop


async def test_a_picked_language_is_remembered_and_a_forged_one_ignored(client: TestClient):
    picked = await client.get("/?lang=en")
    assert picked.cookies[security.LANG_COOKIE].value == "en"
    assert _title(await picked.text()) == t("en", "web.join.title")
    again = await (await client.get("/")).text()  # a reload: the cookie is sent back
    assert _title(again) == t("en", "web.join.title")
    client.session.cookie_jar.clear()
    client.session.cookie_jar.update_cookies({security.LANG_COOKIE: "de"})
    forged = await (await client.get("/")).text()
    assert _title(forged) == t("fr", "web.join.title") and 'lang="de"' not in forged


async def test_the_room_page_and_its_socket_follow_the_pick(client: TestClient):
    device = Device(client)
    await device.join("ml")  # joined in French, the session's language
    room = await (await client.get("/room?lang=en")).text()
    assert '<html lang="en">' in room
    ws = await client.ws_connect("/ws", headers={"Origin": device.origin})
    hello = await ws.receive_json()
    assert hello["lang"] == "en" and hello["texts"]["status.connected"] == "connected"
    await ws.close()
