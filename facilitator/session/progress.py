"""How far a key result has gone from its baseline towards its target."""

from __future__ import annotations

from typing import Any

from facilitator.numbers import parse_number


def progress(baseline: Any, target: Any, current: Any, *, lang: str = "fr") -> float | None:
    """How far `current` has gone from `baseline` towards `target`, clamped to 0..1.

    Works for increasing ("from 40 to 60 clients") and decreasing ("from 4 % to 2 %") metrics:
    the direction is the sign of target − baseline. Each value is read by
    `facilitator.numbers.parse_number`, as the engine reads the draft ("1.500" is fifteen
    hundred in French). None when any value is not a single number, or when baseline equals
    target (a "keep it at" metric has no direction to progress along).
    """
    b, t, c = (parse_number(v, lang) for v in (baseline, target, current))
    if b is None or t is None or c is None or t == b:
        return None
    share = (c - b) / (t - b)
    return min(1.0, max(0.0, share))
