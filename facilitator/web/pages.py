"""The pages and files the room server sends: HTML pages whose `{{web.key}}` and `{{name}}`
slots are filled with escaped text, and the static files of `static/` (no others).

Every text goes through `html.escape`; the scripts put data on the page with `textContent`
only, so a participant's text never becomes markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from facilitator.locales import t

STATIC = Path(__file__).resolve().parent / "static"

CONTENT_TYPES = {
    ".css": "text/css",
    ".js": "text/javascript",
    ".html": "text/html",
    ".svg": "image/svg+xml",
}
"""The kinds of file `static/` may serve; any other name is not found."""

_SLOT = re.compile(r"\{\{([a-z][a-z0-9_.-]*)\}\}")


@cache
def _source(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def render(name: str, lang: str, values: Mapping[str, str] | None = None) -> str:
    """Page `name` of `static/` with each `{{web.…}}` slot the catalogue's text in `lang` and
    each other `{{slot}}` its value in `values`, all escaped for HTML (attributes included)."""
    values = values or {}

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        text = t(lang, key) if key.startswith("web.") else values.get(key, "")
        return html.escape(text, quote=True)

    return _SLOT.sub(fill, _source(name))


def static_file(name: str) -> tuple[bytes, str] | None:
    """(content, content type) of a file of `static/`; None for any other name (no folders,
    no dot files, no kind outside `CONTENT_TYPES`)."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    path = STATIC / name
    kind = CONTENT_TYPES.get(path.suffix)
    if kind is None or not path.is_file():
        return None
    return path.read_bytes(), kind
