"""Fixtures for the workshop service: a store per test, a session with people, a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.session import ParentObjective, Participant, Session
from facilitator.store import SessionStore
from facilitator.workshop import Workshop

T0 = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", lock_timeout=10)


@pytest.fixture
def workshop(store: SessionStore) -> Workshop:
    """A session with two participants present (ml, jd) and one away (ab), and a parent."""
    session = Session(
        id="s1",
        title="Cadrage",
        participants=[
            Participant(id="ml", name="Marie"),
            Participant(id="jd", name="Jean"),
            Participant(id="ab", name="Anne", present=False),
        ],
    )
    session.parents.append(ParentObjective(id="p1", text="Croître à l'export"))
    store.create(session)
    return Workshop(store, "s1", clock=lambda: T0)
