"""Shared fixtures: one real engine per test process (loading spaCy costs seconds)."""

from __future__ import annotations

import pytest

from facilitator.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    eng = Engine()
    eng.load("fr")
    eng.load("en")
    return eng
