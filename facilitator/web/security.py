"""The room server's defences for a room on a shared Wi-Fi: random join codes and device tokens,
a rate limit on join attempts, the response headers (a strict Content-Security-Policy), the
same-origin check and the double-submit CSRF token of the join form.

What they do not protect against is written in docs/web-room.md.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits read aloud or typed without doubt (no I/1, O/0)."""

JOIN_CODE_LENGTH = 6
"""32**6 ≈ 10**9 codes: with `JOIN_ATTEMPTS` a minute, guessing one takes centuries."""

JOIN_ATTEMPTS = 10
JOIN_WINDOW = 60.0
"""At most `JOIN_ATTEMPTS` join attempts per address in `JOIN_WINDOW` seconds."""

MAX_REQUEST_BYTES = 8 * 1024
"""The largest HTTP request body (the join form is a few dozen bytes)."""

MAX_MESSAGE_BYTES = 16 * 1024
"""The largest WebSocket message (a wording is at most a few hundred characters)."""

MAX_TEXT_CHARS = 2000
"""The longest text a participant sends (the engine assesses 2,000 characters at most)."""

TOKEN_COOKIE = "room_token"
CSRF_COOKIE = "room_csrf"
LANG_COOKIE = "room_lang"
"""The language the participant picked (not a secret: it only chooses the page's texts)."""

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
"""Sent with every response."""


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_token() -> str:
    """A device's secret (256 bits), kept in an HttpOnly cookie."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the session stores of a token: a stolen session file gives no working token."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same_token(given: str | None, expected: str | None) -> bool:
    """Both set and equal, compared in constant time."""
    return bool(given and expected) and hmac.compare_digest(str(given), str(expected))


def same_origin(origin: str | None, host: str | None) -> bool:
    """The request comes from a page this server served: its Origin names the Host it was
    sent to. A missing Origin is refused (browsers send it with every POST and WebSocket)."""
    if not origin or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


class RateLimiter:
    """At most `limit` events per key in a sliding window of `window` seconds."""

    def __init__(
        self,
        limit: int = JOIN_ATTEMPTS,
        window: float = JOIN_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        """Count one event for `key`; False (and not counted) when over the limit."""
        now = self.clock()
        events = self._events.setdefault(key, deque())
        while events and now - events[0] >= self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        """Keys with no event in the window go, so that many addresses use bounded memory."""
        if len(self._events) > 1024:
            idle = [k for k, e in self._events.items() if not e or now - e[-1] >= self.window]
            for key in idle:
                del self._events[key]
