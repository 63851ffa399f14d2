"""Ids and time stamps of session records."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A short random hex id (12 hex digits: 48 bits, plenty for one person's sessions)."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def timer_iso(moment: datetime) -> str:
    """A timer start as stored: ISO 8601 in UTC, to the millisecond."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def now_or(now: datetime | None) -> datetime:
    """`now`, or the current time when None (tests and replays pass a fixed one)."""
    return now if now is not None else datetime.now(UTC)
