"""The training room: a group works exercise packs from their own browsers (issue 15).

`TrainingServer(store, room, packs, trainer_key).app()` is an aiohttp application:

- `GET /` the join page (the code, then one's name); `POST /api/join` (JSON, same origin, the
  page's CSRF token, rate-limited per address) gives the device a token in an HttpOnly,
  SameSite=Strict cookie; `GET /train` the trainee's page, `GET /ws` its WebSocket
  (`training_live`): the exercises, the live coach, attempts, hints and the model answer;
- `GET /trainer?key=…` lets the trainer's browser in (the key goes into a cookie and out of the
  address bar); `GET /board` the group dashboard, `GET /wall` the debrief page to project,
  `GET /board/ws` their WebSocket (countdown, packs, the exercise projected), `GET /qr.svg` the
  join address's QR code: all refused without the trainer's cookie;
- `GET /static/<file>` the pages' scripts and style sheets.

Every attempt, hint and reveal is saved in the trainee's progress file (`TrainingStore`, in
worker threads) before the device hears it was taken; the room itself (code, devices, countdown,
packs) is saved in its `RoomFile`, so a restarted server lets every device back in.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from aiohttp import web

from facilitator.locales import LANGS, language, texts
from facilitator.training import Pack
from facilitator.training.group import GroupRoom, RoomError, RoomFile, sequence
from facilitator.training.progress import TraineeProgress
from facilitator.training.store import TrainingStore
from facilitator.web import pages, security, training_live
from facilitator.web.coach import Coach

T = TypeVar("T")

TOKEN_COOKIE = "training_token"
TRAINER_COOKIE = "training_trainer"
CSRF_COOKIE = "training_csrf"
COOKIE_SECONDS = 24 * 3600

BROADCAST_SECONDS = 0.2
"""How long changes wait for others before the pages get their new state."""


class TrainingServer:
    """One group's training room (see the module's docstring). `packs` are the packs the
    trainer may assign (the room's `packs` name those assigned); `join_url` is what the QR code
    says; `reveal_after` overrides the packs' own; `warm_up` loads the assigned packs' language
    models as the server starts."""

    def __init__(
        self,
        store: TrainingStore,
        room: GroupRoom,
        packs: Sequence[Pack],
        trainer_key: str,
        *,
        coach: Coach | None = None,
        limiter: security.RateLimiter | None = None,
        pause_seconds: float = 0.5,
        join_url: str = "",
        reveal_after: int | None = None,
        warm_up: bool = False,
    ) -> None:
        self.store = store
        self.room = room
        self.room_file = RoomFile(store, room.group)
        self.packs = {p.id: p for p in packs}
        self.trainer_key = trainer_key
        self.coach = coach if coach is not None else Coach()
        self.limiter = limiter if limiter is not None else security.RateLimiter()
        self.pause_seconds = pause_seconds
        self.join_url = join_url
        self.reveal_after = reveal_after
        self.warm_up = warm_up
        self._warming: asyncio.Task[None] | None = None
        self.trainees: set[training_live.Trainee] = set()
        self.boards: set[web.WebSocketResponse] = set()
        self.positions: dict[str, str] = {}
        """Trainee's name → the exercise they have open: a reconnecting device goes back to it."""
        self._io = ThreadPoolExecutor(2, thread_name_prefix="training-store")
        self._broadcast: asyncio.Task[None] | None = None
        self._dirty = False

    # -- what the room holds --------------------------------------------------------------------

    @property
    def exercises(self) -> list[Any]:
        return sequence(self.room, self.packs)

    @property
    def assigned(self) -> list[Pack]:
        return [self.packs[p] for p in self.room.packs if p in self.packs]

    @property
    def lang(self) -> str:
        """The room's language: its first pack's."""
        assigned = self.assigned
        return assigned[0].lang if assigned else language(None)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a store operation in a worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self._io, lambda: fn(*args))

    async def progress(self, name: str) -> TraineeProgress:
        return await self.call(self.store.load, name, self.room.group)

    async def update(self, name: str, change: Callable[[TraineeProgress], object]) -> None:
        await self.call(self.store.update, name, self.room.group, change)
        self.changed()

    async def save_room(self) -> None:
        await self.call(self.room_file.save, self.room)
        self.changed()

    # -- the application ------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(client_max_size=security.MAX_REQUEST_BYTES)
        app.router.add_get("/", self.join_page)
        app.router.add_post("/api/join", self.join)
        app.router.add_get("/train", self.trainee_page)
        app.router.add_get("/ws", self.trainee_socket)
        app.router.add_get("/trainer", self.trainer_login)
        app.router.add_get("/board", self.board_page)
        app.router.add_get("/wall", self.wall_page)
        app.router.add_get("/board/ws", self.board_socket)
        app.router.add_get("/qr.svg", self.qr)
        app.router.add_get("/static/{name}", self.static)
        app.on_response_prepare.append(_secure_headers)
        app.on_startup.append(self._start)
        app.on_shutdown.append(self._stop)
        return app

    async def _start(self, app: web.Application) -> None:
        if self.warm_up:  # spaCy loads while the group joins, not on the first pause in typing
            langs = sorted({p.lang for p in self.assigned})
            self._warming = asyncio.create_task(self.coach.warm_up(langs))

    async def _stop(self, app: web.Application) -> None:
        for task in (self._broadcast, self._warming):
            if task is not None:
                task.cancel()
        for trainee in list(self.trainees):
            await trainee.ws.close(code=1001)
        for ws in list(self.boards):
            await ws.close(code=1001)
        self._io.shutdown(wait=False)

    def render(self, name: str, lang: str, values: dict[str, str] | None = None) -> web.Response:
        """Page `name` of `static/` in `lang`: its `{{trw.…}}` slots the catalogue's texts."""
        table = dict(texts(lang, "trw."))
        filled = {f"trw.{k}": v for k, v in table.items()}
        # The scripts read their texts from the body's data-texts attribute (inline scripts
        # are refused by the Content-Security-Policy).
        filled.update(values or {}, lang=lang, texts=json.dumps(table, ensure_ascii=False))
        return web.Response(text=pages.render(name, lang, filled), content_type="text/html")

    # -- trainees -------------------------------------------------------------------------------

    async def join_page(self, request: web.Request) -> web.Response:
        if self.device(request) is not None:
            raise web.HTTPFound("/train")
        lang = _page_lang(request, self.lang)
        csrf = request.cookies.get(CSRF_COOKIE) or security.new_token()
        response = self.render(
            "training_join.html", lang, {"csrf": csrf, "group": self.room.group or "—"}
        )
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="Strict", path="/")
        return response

    async def join(self, request: web.Request) -> web.Response:
        if not security.same_origin(request.headers.get("Origin"), request.host):
            raise _refused("origin")
        if not self.limiter.allow(request.remote or "?"):
            raise _refused("too_many", 429)
        try:
            data = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise _refused("invalid", 400) from None
        if not isinstance(data, dict):
            raise _refused("invalid", 400)
        if not security.same_token(str(data.get("csrf", "")), request.cookies.get(CSRF_COOKIE)):
            raise _refused("csrf")
        token = security.new_token()
        name = str(data.get("name", ""))[: security.MAX_TEXT_CHARS]
        try:
            online = [t.name for t in self.trainees]
            code = str(data.get("code", ""))[:20]
            self.room.join(code, name, security.token_hash(token), online)
        except RoomError as error:
            raise _refused(error.reason) from None
        await self.save_room()
        response = web.json_response({"ok": True, "next": "/train"})
        response.set_cookie(
            TOKEN_COOKIE, token, httponly=True, samesite="Strict", path="/", max_age=COOKIE_SECONDS
        )
        return response

    def device(self, request: web.Request) -> str | None:
        """The trainee's name of the device that sent `request`, or None."""
        token = request.cookies.get(TOKEN_COOKIE)
        return self.room.trainee(security.token_hash(token)) if token else None

    async def trainee_page(self, request: web.Request) -> web.Response:
        if self.device(request) is None:
            raise web.HTTPFound("/")
        return self.render("training.html", _page_lang(request, self.lang))

    async def trainee_socket(self, request: web.Request) -> web.StreamResponse:
        if not security.same_origin(request.headers.get("Origin"), request.host):
            raise _refused("origin")
        name = self.device(request)
        if name is None:
            raise _refused("unknown_device", 401)
        ws = web.WebSocketResponse(max_msg_size=security.MAX_MESSAGE_BYTES, heartbeat=20)
        await ws.prepare(request)
        token = request.cookies.get(TOKEN_COOKIE, "")
        trainee = training_live.Trainee(ws, name, security.token_hash(token))
        trainee.current = self.positions.get(name, "")
        self.trainees.add(trainee)
        self.changed()  # the dashboard shows them online
        try:
            await training_live.serve(self, trainee)
        finally:
            self.trainees.discard(trainee)
            trainee.stop()
            self.changed()
        return ws

    # -- the trainer ----------------------------------------------------------------------------

    def is_trainer(self, request: web.Request) -> bool:
        return security.same_token(request.cookies.get(TRAINER_COOKIE), self.trainer_key)

    async def trainer_login(self, request: web.Request) -> web.Response:
        if not security.same_token(request.query.get("key"), self.trainer_key):
            raise _refused("trainer", 403)
        response = web.HTTPFound("/board")
        response.set_cookie(
            TRAINER_COOKIE,
            self.trainer_key,
            httponly=True,
            samesite="Strict",
            path="/",
            max_age=COOKIE_SECONDS,
        )
        raise response

    def _trainer_only(self, request: web.Request) -> None:
        if not self.is_trainer(request):
            raise _refused("trainer", 403)

    async def board_page(self, request: web.Request) -> web.Response:
        self._trainer_only(request)
        return self.render("training_board.html", _page_lang(request, self.lang))

    async def wall_page(self, request: web.Request) -> web.Response:
        self._trainer_only(request)
        return self.render("training_wall.html", _page_lang(request, self.lang))

    async def qr(self, request: web.Request) -> web.Response:
        self._trainer_only(request)
        from facilitator.web.launch import qr_svg

        return web.Response(text=qr_svg(self.join_url or "/"), content_type="image/svg+xml")

    async def board_socket(self, request: web.Request) -> web.StreamResponse:
        if not security.same_origin(request.headers.get("Origin"), request.host):
            raise _refused("origin")
        self._trainer_only(request)
        ws = web.WebSocketResponse(max_msg_size=security.MAX_MESSAGE_BYTES, heartbeat=20)
        await ws.prepare(request)
        self.boards.add(ws)
        try:
            await training_live.serve_board(self, ws, _page_lang(request, self.lang))
        finally:
            self.boards.discard(ws)
        return ws

    # -- pushing changes ------------------------------------------------------------------------

    def changed(self) -> None:
        """Something changed: every page gets its new state soon (changes arriving together
        go in one round)."""
        self._dirty = True
        if self._broadcast is None or self._broadcast.done():
            self._broadcast = asyncio.create_task(self._send_states())

    async def _send_states(self) -> None:
        while self._dirty:
            await asyncio.sleep(BROADCAST_SECONDS)
            self._dirty = False
            for trainee in list(self.trainees):
                await training_live.send_state(self, trainee)
            if self.boards:
                message = await training_live.board_message(self)
                for ws in list(self.boards):
                    await training_live.send(ws, message)

    async def static(self, request: web.Request) -> web.Response:
        found = pages.static_file(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        return web.Response(body=found[0], content_type=found[1])


def _page_lang(request: web.Request, default: str) -> str:
    """?lang=, else the room's language."""
    asked = request.query.get("lang", "")[:2].lower()
    return asked if asked in LANGS else default


_STATUSES: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest,
    401: web.HTTPUnauthorized,
    403: web.HTTPForbidden,
    429: web.HTTPTooManyRequests,
}


def _refused(reason: str, status: int = 403) -> web.HTTPException:
    return _STATUSES[status](text=json.dumps({"error": reason}), content_type="application/json")


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(security.HEADERS)
