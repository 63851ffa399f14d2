"""The session's on-disk and export format, and its migrations. Pure: no I/O, no TinyDB.

Both the TinyDB file and a JSON export reduce to one *envelope*::

    {"format": "facilitator-session", "schema_version": 1, "session": {...Session.to_dict()}}

`migrate` upgrades an envelope written by an older release, step by step, and refuses one
written by a newer release. A change that only adds an optional field does not need a new
schema version (unknown keys are preserved, missing keys get defaults); renaming, moving or
changing the meaning of a field does: bump `SCHEMA_VERSION` in `facilitator.session` and add
the step to `MIGRATIONS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator import __version__
from facilitator.session import SCHEMA_VERSION, Session, SessionFormatError, now_iso

from .errors import CorruptSessionError, ForeignFileError, UnsupportedSchemaError

FORMAT = "facilitator-session"

Envelope = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Envelope], Envelope]] = {}
"""version n → function upgrading an envelope from n to n + 1. Empty while only v1 exists."""


def migrate(data: Envelope, *, path: Path | None = None) -> Envelope:
    """Bring an envelope to `SCHEMA_VERSION`; refuse a newer one with a clear message."""
    version = schema_version_of(data, path=path)
    if version > SCHEMA_VERSION:
        raise UnsupportedSchemaError(
            f"this session was written by a newer facilitator (schema version {version}; "
            f"this facilitator {__version__} reads up to {SCHEMA_VERSION})",
            path=path,
            hint="Upgrade facilitator to open it; the file was left untouched",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise UnsupportedSchemaError(
                f"no migration from schema version {version} to {version + 1}",
                path=path,
                hint="Report this as a bug; the file was left untouched",
            )
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


def schema_version_of(
    data: dict[str, Any], *, path: Path | None = None, field: str = "schema_version"
) -> int:
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CorruptSessionError(
            f"the schema version is {version!r}, expected a whole number ≥ 1",
            path=path,
            field=field,
        )
    return version


def to_envelope(session: Session) -> Envelope:
    data = session.to_dict()
    data["schema_version"] = SCHEMA_VERSION
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "session": data}


def from_envelope(data: Any, *, path: Path | None = None, what: str = "data") -> Session:
    """Check the format marker, migrate, and build the Session; every failure is a StoreError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ForeignFileError(
            f'this {what} is not a facilitator session (no "format": "{FORMAT}" marker)',
            path=path,
        )
    data = migrate(data, path=path)
    session_data = data.get("session")
    if not isinstance(session_data, dict):
        raise CorruptSessionError(
            "the session itself is missing or is not an object", path=path, field="session"
        )
    try:
        session = Session.from_dict(session_data)
    except SessionFormatError as error:
        raise CorruptSessionError(error.problem, path=path, field=error.field) from None
    session.schema_version = SCHEMA_VERSION
    return session


def export_session(session: Session) -> Envelope:
    """The complete session as plain JSON data, for `facilitator export --format json`."""
    envelope = to_envelope(session)
    envelope["exported"] = now_iso()
    envelope["generator"] = f"facilitator {__version__}"
    return envelope


def import_session(data: Any, *, path: Path | None = None) -> Session:
    """Read an export (or the raw content of a session file) back into a Session."""
    if isinstance(data, dict) and "format" not in data and "meta" in data:
        check_tables(data, path=path)
        data = envelope_from_documents(
            list(data["meta"].values()), list(data.get("session", {}).values()), path=path
        )
    return from_envelope(data, path=path, what="file" if path else "data")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(data: Any) -> tuple[Any, tuple[str, ...]]:
    """`data` with every lone surrogate replaced by U+FFFD, and where (``session.title`` …).

    Imported text comes from outside: a lone surrogate (half of an emoji, from a bad paste or a
    hostile file) is not a character, cannot be written as UTF-8 and breaks every tool that
    prints or exports it. A pair, as JSON writes an emoji, was already joined by the decoder.
    """
    places: list[str] = []

    def clean(value: Any, where: str) -> Any:
        if isinstance(value, str):
            fixed = _LONE_SURROGATE.sub("\ufffd", value)
            if fixed != value:
                places.append(where or "(the whole value)")
            return fixed
        if isinstance(value, list):
            return [clean(item, f"{where}[{i}]") for i, item in enumerate(value)]
        if isinstance(value, dict):
            return {
                clean(key, f"{where} (a key)"): clean(item, f"{where}.{key}" if where else key)
                for key, item in value.items()
            }
        return value

    return clean(data, ""), tuple(places)


def check_tables(tables: Any, *, path: Path | None = None) -> None:
    """Check a session file's raw JSON before TinyDB reads it.

    Foreign (not ours) when there is no `meta` table carrying our format marker; damaged when
    it has the marker but the `meta` or `session` table is not what TinyDB expects
    (``{"1": {...document...}}``).
    """
    if not isinstance(tables, dict):
        raise ForeignFileError(
            f"this file holds {_kind(tables)}, not a facilitator session", path=path
        )
    meta = tables.get("meta")
    if not (
        isinstance(meta, dict)
        and any(isinstance(doc, dict) and doc.get("format") == FORMAT for doc in meta.values())
    ):
        raise ForeignFileError(
            "this file is valid JSON but not a facilitator session "
            f'(no `meta` table marked "{FORMAT}")',
            path=path,
        )
    for name in ("meta", "session"):
        table = tables.get(name, {})
        if not isinstance(table, dict):
            raise CorruptSessionError(
                f"the `{name}` table is not a set of TinyDB documents", path=path, field=name
            )
        for key, doc in table.items():
            # TinyDB turns each key into an int: "²" passes str.isdigit but not int()
            if not (key.isascii() and key.isdecimal()):
                raise CorruptSessionError(
                    f"the `{name}` table has a document numbered {key!r}, not a number",
                    path=path,
                    field=name,
                )
            if not isinstance(doc, dict):
                raise CorruptSessionError(
                    f"document {key} of the `{name}` table is {_kind(doc)}, not an object",
                    path=path,
                    field=name,
                )


def envelope_from_documents(
    meta: list[dict[str, Any]], session: list[dict[str, Any]], *, path: Path | None = None
) -> Envelope:
    """The envelope held by a session file's `meta` and `session` tables (one document each)."""
    for name, docs in (("meta", meta), ("session", session)):
        if len(docs) != 1:
            raise CorruptSessionError(
                f"the `{name}` table holds {len(docs)} documents, expected exactly one",
                path=path,
                field=name,
            )
    version = schema_version_of(meta[0], path=path, field="meta.schema_version")
    return {"format": meta[0].get("format"), "schema_version": version, "session": session[0]}


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a JSON list"
    if isinstance(value, str):
        return "a JSON string"
    if value is None:
        return "JSON null"
    return "a single JSON value"
