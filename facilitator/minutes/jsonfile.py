"""The complete session as JSON, re-importable with `facilitator import` (or `load`).

The file is the store's export envelope (`facilitator.store.schema.export_session`): format
marker, schema version, generator, export time, and the whole session, unknown fields included.
Nothing is cleaned: the JSON keeps the session exactly, so export → import → export gives the
same data. UTF-8, readable accents; a session holding lone surrogates (a bad paste) is written
with \\u escapes instead, which JSON allows and which read back to the same strings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.session import Session
from facilitator.store.errors import CorruptSessionError, StoreError
from facilitator.store.schema import export_session, import_session


def envelope(session: Session) -> dict[str, Any]:
    return export_session(session)


def render(session: Session) -> bytes:
    data = envelope(session)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def load(path: str | Path) -> Session:
    """Read an exported file back into a Session; every failure is a `StoreError` naming it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError("the file does not exist", path=path) from None
    except OSError as error:
        raise StoreError(f"cannot read the file: {error.strerror or error}", path=path) from None
    return loads(raw, path=path)


def loads(raw: bytes | str, *, path: Path | None = None) -> Session:
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise CorruptSessionError(
            f"the file is not UTF-8 text (bad byte at position {error.start})", path=path
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptSessionError(
            f"not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})",
            path=path,
        ) from None
    except RecursionError:
        raise CorruptSessionError("the JSON is nested too deeply", path=path) from None
    return import_session(data, path=path)
