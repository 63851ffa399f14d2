"""The room server: participants join one session from their own devices (issue 14).

`RoomServer(store, session_id).app()` is an aiohttp application serving that session only:

- `GET /` the join page (the code, then one's name); `POST /api/join/check` and `POST /api/join`
  (JSON, same origin, the join page's CSRF token, rate-limited per address) give the device a
  token in an HttpOnly, SameSite=Strict cookie;
- `GET /room` the participant's page; `GET /ws` its WebSocket (same origin, the token's cookie):
  the participant's state, their actions and the live coach (see `live`);
- `GET /static/<file>` the page's script and style sheet.

The pages speak the participant's language: the one they picked (`?lang=` on either page, kept
in a cookie across reloads), else the session's (not the browser's: a French workshop is in
French unless a participant asks otherwise).

Every change goes through the workshop service (`Workshop`), run in worker threads, never in
the event loop; the session is read again whenever its file changes (the facilitator's app
writes it too) and each device gets its new state.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, cast

from aiohttp import web

from facilitator.locales import LANGS, language
from facilitator.store import SessionStore
from facilitator.web import live, pages, security
from facilitator.web.coach import Coach
from facilitator.workshop import Workshop, WorkshopError
from facilitator.workshop.participants import RoomRefused, RoomState

T = TypeVar("T")

POLL_SECONDS = 0.5
"""How often the session's file is checked for the facilitator's changes."""

BROADCAST_SECONDS = 0.1
"""How long changes wait for others before the devices get their new state."""

COOKIE_SECONDS = 24 * 3600
"""A device's token cookie outlives a day's workshop, not more."""


class RoomServer:
    """One session's room (see the module's docstring). `coach` is shared by tests and the
    benchmark (one engine per process); `limiter` counts join attempts per address; `warm_up`
    loads the session language's model as the server starts."""

    def __init__(
        self,
        store: SessionStore,
        session_id: str,
        *,
        coach: Coach | None = None,
        limiter: security.RateLimiter | None = None,
        poll_seconds: float = POLL_SECONDS,
        pause_seconds: float = live.PAUSE_SECONDS,
        warm_up: bool = False,
    ) -> None:
        self.store = store
        self.workshop = Workshop(store, session_id)
        self.coach = coach if coach is not None else Coach()
        self.limiter = limiter if limiter is not None else security.RateLimiter()
        self.poll_seconds = poll_seconds
        self.pause_seconds = pause_seconds
        self.warm_up = warm_up
        self.clients: set[live.Client] = set()
        self._io = ThreadPoolExecutor(2, thread_name_prefix="room-store")
        self._stamp: tuple[int, int] | None = None
        self._broadcast: asyncio.Task[None] | None = None
        self._dirty = False
        self._actions: list[tuple[Callable[[Workshop], Any], asyncio.Future[Any]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None
        self._warming: asyncio.Task[None] | None = None

    @property
    def room(self) -> RoomState:
        return RoomState.of(self.workshop.session)

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service operation (or a store read) in a worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._io, lambda: fn(*args, **kwargs))

    async def act(self, call: Callable[[Workshop], T]) -> T:
        """Run a participant's operation (`call(workshop)`); the operations that arrive while a
        batch is being written go together in the next one (`Workshop.together`), so a room
        acting at once does not queue behind one write each."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._actions.append((call, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_actions())
        result = await future
        return cast(T, result)

    async def _write_actions(self) -> None:
        while self._actions:
            batch, self._actions = self._actions, []
            try:
                results = await self.call(self.workshop.together, [c for c, _ in batch])
            except Exception as error:  # the store refused the write: every action hears it
                results = [error] * len(batch)
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, Exception):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    # -- the application ------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(client_max_size=security.MAX_REQUEST_BYTES)
        app.router.add_get("/", self.join_page)
        app.router.add_post("/api/join/check", self.join_check)
        app.router.add_post("/api/join", self.join)
        app.router.add_get("/room", self.room_page)
        app.router.add_get("/ws", self.websocket)
        app.router.add_get("/static/{name}", self.static)
        app.on_response_prepare.append(_secure_headers)
        app.on_startup.append(self._start)
        app.on_shutdown.append(self._stop)
        return app

    async def _start(self, app: web.Application) -> None:
        await self.call(self.workshop.reload)
        self._stamp = await self.call(self._file_stamp)
        self._poller = asyncio.create_task(self._poll())
        if self.warm_up:  # spaCy loads while people join, not on the first pause in typing
            self._warming = asyncio.create_task(self.coach.warm_up([self.workshop.session.lang]))

    async def _stop(self, app: web.Application) -> None:
        if self._poller is not None:
            self._poller.cancel()
        for client in list(self.clients):
            await client.ws.close(code=1001)
        self._io.shutdown(wait=False)

    # -- pages ----------------------------------------------------------------------------------

    async def join_page(self, request: web.Request) -> web.Response:
        """The join page; a device that already joined goes straight back to its room (a
        reload, the QR code scanned again)."""
        if self._device(request) is not None:
            picked = f"?lang={_chosen_lang(request)}" if _asked(request) else ""
            raise web.HTTPFound(f"/room{picked}")
        lang = _page_lang(request, self.workshop.session.lang)
        csrf = request.cookies.get(security.CSRF_COOKIE) or security.new_token()
        body = pages.render("join.html", lang, {"csrf": csrf, "lang": lang})
        response = web.Response(text=body, content_type="text/html")
        response.set_cookie(security.CSRF_COOKIE, csrf, httponly=True, samesite="Strict", path="/")
        _remember_lang(request, response)
        return response

    async def room_page(self, request: web.Request) -> web.Response:
        found = self._device(request)
        if found is None:
            raise web.HTTPFound("/")
        lang = _page_lang(request, found[1])
        body = pages.render("room.html", lang, {"lang": lang})
        response = web.Response(text=body, content_type="text/html")
        _remember_lang(request, response)
        return response

    async def static(self, request: web.Request) -> web.Response:
        found = pages.static_file(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        return web.Response(body=found[0], content_type=found[1])

    # -- joining --------------------------------------------------------------------------------

    async def join_check(self, request: web.Request) -> web.Response:
        """The code is right: the participants to choose from (and whether a newcomer may add
        themselves)."""
        data = await self._join_form(request)
        room = self.room
        refusal = room.joining_refusal(str(data.get("code", "")))
        if refusal:
            return _refused(refusal)
        session = self.workshop.session
        people = [
            {"id": p.id, "name": p.name, "taken": p.id in room.devices}
            for p in session.participants
        ]
        return web.json_response({"participants": people, "allow_new": room.allow_new})

    async def join(self, request: web.Request) -> web.Response:
        data = await self._join_form(request)
        code, lang = str(data.get("code", "")), language(str(data.get("lang", "")))
        token = security.new_token()
        digest = security.token_hash(token)
        try:
            if data.get("participant"):
                await self.call(
                    self.workshop.join_room, code, str(data["participant"]), digest, lang
                )
            else:
                name = str(data.get("name", ""))[: security.MAX_TEXT_CHARS]
                await self.call(self.workshop.join_room_as_new, code, name, digest, lang)
        except RoomRefused as error:
            return _refused(error.reason)
        except WorkshopError as error:
            return _refused("invalid", str(error))
        self.changed()
        response = web.json_response({"ok": True, "next": "/room"})
        response.set_cookie(
            security.TOKEN_COOKIE,
            token,
            httponly=True,
            samesite="Strict",
            path="/",
            max_age=COOKIE_SECONDS,
        )
        return response

    async def _join_form(self, request: web.Request) -> dict[str, Any]:
        """The join form's JSON, once its origin, CSRF token and rate are checked."""
        if not security.same_origin(request.headers.get("Origin"), request.host):
            raise _forbidden("origin")
        if not self.limiter.allow(request.remote or "?"):
            raise _forbidden("too_many", status=429)
        try:
            data = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise _forbidden("invalid", status=400) from None
        if not isinstance(data, dict):
            raise _forbidden("invalid", status=400)
        cookie = request.cookies.get(security.CSRF_COOKIE)
        if not security.same_token(str(data.get("csrf", "")), cookie):
            raise _forbidden("csrf")
        return data

    def _device(self, request: web.Request) -> tuple[str, str] | None:
        """(participant id, language) of the device that sent `request`, or None."""
        token = request.cookies.get(security.TOKEN_COOKIE)
        room = self.room
        if not token or room.closed:
            return None
        pid = room.participant_for(security.token_hash(token))
        if pid is None:
            return None
        return pid, language(str(room.devices[pid].get("lang", "")))

    # -- live -----------------------------------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not security.same_origin(request.headers.get("Origin"), request.host):
            raise _forbidden("origin")
        found = self._device(request)
        if found is None:
            raise _forbidden("unknown_device", status=401)
        ws = web.WebSocketResponse(max_msg_size=security.MAX_MESSAGE_BYTES, heartbeat=20)
        await ws.prepare(request)
        token = request.cookies.get(security.TOKEN_COOKIE, "")
        lang = _page_lang(request, found[1])
        client = live.Client(ws, found[0], lang, security.token_hash(token))
        self.clients.add(client)
        try:
            await live.serve(self, client)
        finally:
            self.clients.discard(client)
            client.stop()
        return ws

    def changed(self) -> None:
        """The session changed: send each device its new state soon (the changes of the next
        `BROADCAST_SECONDS` go together: a room voting at once gets one state, not sixty)."""
        self._dirty = True
        if self._broadcast is None or self._broadcast.done():
            self._broadcast = asyncio.create_task(self._send_states())

    async def _send_states(self) -> None:
        while self._dirty:
            await asyncio.sleep(BROADCAST_SECONDS)
            self._dirty = False  # a change while sending sets it again: one more round
            for client in list(self.clients):
                await live.send_state(self, client)

    async def _poll(self) -> None:
        """Read the session again when its file changes (another process wrote it)."""
        while True:
            await asyncio.sleep(self.poll_seconds)
            with contextlib.suppress(OSError, WorkshopError):
                stamp = await self.call(self._file_stamp)
                if stamp != self._stamp:
                    self._stamp = stamp
                    await self.call(self.workshop.reload)
                    self.changed()

    def _file_stamp(self) -> tuple[int, int]:
        info = self.store.path(self.workshop.session_id).stat()
        return info.st_mtime_ns, info.st_size


def _asked(request: web.Request) -> bool:
    """The participant picked a language with this request (`?lang=`, one the tool speaks)."""
    return request.query.get("lang", "")[:2].lower() in LANGS


def _chosen_lang(request: web.Request) -> str | None:
    """The language the participant picked: now (`?lang=`) or before (the cookie)."""
    if _asked(request):
        return language(request.query["lang"])
    remembered = request.cookies.get(security.LANG_COOKIE, "")
    return remembered if remembered in LANGS else None


def _page_lang(request: web.Request, fallback: str) -> str:
    """The participant's language, else `fallback` (the session's, or the one their device
    joined with, which was the session's or their pick)."""
    return _chosen_lang(request) or language(fallback)


def _remember_lang(request: web.Request, response: web.Response) -> None:
    """Keep a language picked now for the next pages (reloads, the room after joining)."""
    if _asked(request):
        response.set_cookie(
            security.LANG_COOKIE,
            language(request.query["lang"]),
            httponly=True,
            samesite="Strict",
            path="/",
            max_age=COOKIE_SECONDS,
        )


def _refused(reason: str, detail: str = "") -> web.Response:
    return web.json_response({"error": reason, "detail": detail}, status=403)


_STATUSES: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest,
    401: web.HTTPUnauthorized,
    403: web.HTTPForbidden,
    429: web.HTTPTooManyRequests,
}


def _forbidden(reason: str, status: int = 403) -> web.HTTPException:
    body = json.dumps({"error": reason})
    return _STATUSES[status](text=body, content_type="application/json")


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(security.HEADERS)
