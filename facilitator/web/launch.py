"""Opening a session's room to participants: the join code (kept across restarts of the
server), the step they work in, the addresses to give the room and the QR code of the join
address. Shared by `facilitator room` and the facilitator's app."""

from __future__ import annotations

import io
import socket

import segno

from facilitator.web.security import new_join_code
from facilitator.workshop import Workshop
from facilitator.workshop.participants import ACTIVITIES, RoomState

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def prepare(workshop: Workshop, step_id: str | None = None, *, allow_new: bool = False) -> str:
    """Open the room and return its join code: the code it had when it is still open (devices
    that joined keep their place across a restart), else a new one. Step `step_id` is opened
    to participants; without it, the steps open before stay open, or, when none was, the
    agenda's current step opens if participants have something to do in it."""
    room = RoomState.of(workshop.session)
    code = room.code if room.code and not room.closed else new_join_code()
    if step_id is None and (room.closed or not room.open_steps):
        current = workshop.session.step
        step_id = current.id if current is not None and current.kind in ACTIVITIES else None
    workshop.open_room(code, step_id=step_id, allow_new=allow_new)
    return code


def join_url(host: str, port: int, code: str) -> str:
    """The address participants open (the QR code's): the page with the code filled in."""
    return f"{origin(host, port)}/?code={code}"


def origin(host: str, port: int) -> str:
    """`http://host:port`, an IPv6 address in brackets as URLs write it."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def reachable_origin(host: str, port: int) -> str:
    """The origin a device reaches a server bound to `host` at (this machine's first address)."""
    return origin(addresses(host)[0], port)


def join_urls(host: str, port: int, code: str) -> list[str]:
    """The join addresses of a server bound to `host` and `port`, one per address a device can
    reach it at (see `addresses`); the first is the one the QR code carries. Every front end
    that shows the room's address (the command, the room's screen, the projection) takes it
    from here."""
    return [join_url(address, port, code) for address in addresses(host)]


def addresses(host: str) -> list[str]:
    """The addresses a participant's device can reach the server at: the loopback one for a
    server bound to it, else this machine's own addresses (for `0.0.0.0`, each of them)."""
    if host not in ("0.0.0.0", "::", ""):
        return [host]
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if address not in found and not address.startswith("127."):
            found.append(address)
    return found or ["127.0.0.1"]


def qr_text(url: str) -> str:
    """The QR code of `url` drawn with block characters, for a terminal."""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def qr_svg(url: str) -> str:
    """The QR code of `url` as an SVG document (for a projected page or a printout)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=2)
    return out.getvalue().decode("utf-8")
