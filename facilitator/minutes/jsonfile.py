"""The session as JSON, re-importable with `facilitator import` (or `load`).

The file is the store's public export envelope (`facilitator.envelope.public_export`): format
marker, schema version, generator, export time, and the whole session, unknown fields included,
except what stays in the store: who voted what (each vote's results are kept, as anonymous
ballots) and the participants' room secrets. Nothing else is cleaned, so export → import →
export gives the same data. UTF-8, readable accents; a session holding lone surrogates (a bad
paste) is written with \\u escapes instead, which JSON allows and which read back to the same
strings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.envelope import StoreError, codec, import_session, public_export, read_regular
from facilitator.session import Session


def envelope(session: Session) -> dict[str, Any]:
    return public_export(session)


def render(session: Session) -> bytes:
    return dumps(envelope(session))


def dumps(data: dict[str, Any]) -> bytes:
    """An envelope as the export's bytes (also the complete one of `export_session`: the demo's
    file, which keeps its ballots by name for the app's vote screen)."""
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
