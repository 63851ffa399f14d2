"""The complete session as JSON, re-importable with `facilitator import` (or `load`).

The file is the store's export envelope (`facilitator.envelope.export_session`): format
marker, schema version, generator, export time, and the whole session, unknown fields included.
Nothing is cleaned: the JSON keeps the session exactly, so export → import → export gives the
same data. UTF-8, readable accents; a session holding lone surrogates (a bad paste) is written
with \\u escapes instead, which JSON allows and which read back to the same strings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.envelope import StoreError, codec, export_session, import_session, read_regular
from facilitator.session import Session


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
        raw = read_regular(path)  # a named pipe or a device would block or never end
    except FileNotFoundError:
        raise StoreError("the file does not exist", path=path) from None
    except OSError as error:
        raise StoreError(f"cannot read the file: {error.strerror or error}", path=path) from None
    return loads(raw, path=path)


def loads(raw: bytes, *, path: Path | None = None) -> Session:
    """The store's decoder and checks: a file the store would call damaged is refused here."""
    data = codec.decode(raw, path)
    with codec.reading(path):
        return import_session(data, path=path)
