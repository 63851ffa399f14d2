"""Ambition as the size of the step: from the baseline to the target, against the horizon.

"de 62 % à 63 % d'ici fin T3" and "de 62 % à 75 % d'ici fin T3" read alike word for word; only
the numbers tell a sandbagged key result from a real one. The thresholds are the rule file's
`[params]` (data with their sources), per quarter; a longer horizon scales them, up to a cap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.engine.context import Context
from facilitator.engine.extract import Extraction, Quantity
from facilitator.engine.rules import Rule
from facilitator.engine.scripts import Span, script


@dataclass(frozen=True, slots=True)
class Step:
    points: float | None  # for a rate: how many points it moves
    relative: float  # the change as a share of the baseline (0.05 = 5 %)
    gap: float  # for a rate near 100 %: the change as a share of what was missing
    months: float  # the horizon assumed: the deadline's, else a quarter
    start: int
    end: int


def step_of(ex: Extraction, today: dt.date | None = None) -> Step | None:
    """The step a key result commits to, when its numbers say it; None when they do not."""
    target = ex.targets[-1] if ex.targets else None
    if target is None or target.value is None:
        return None
    months = _months(ex, today or dt.date.today())
    if target.relative:  # "augmenter de 2 %", "+1 point": the change itself
        if target.kind == "percent":
            return Step(None, target.value / 100, 0.0, months, target.start, target.end)
        if target.unit.startswith(("point", "pt", "pp")):
            # "+1 point" without its baseline: the points alone say how big the step is.
            return Step(target.value, 0.0, 0.0, months, target.start, target.end)
        return None
    base = ex.baselines[0] if ex.baselines else None
    if base is None or not base.value or not _comparable(base, target):
        return None  # from zero, a new thing: no step to weigh
    change = abs(target.value - base.value)
    relative = change / abs(base.value)
    points = change if target.kind == "percent" else None
    # Near 100 % the gap is what moves: 98.5 % → 99.9 % availability cuts downtime by 93 %.
    gap = change / (100 - base.value) if points is not None and base.value < 100 else 0.0
    span = min(base.start, target.start), max(base.end, target.end)
    return Step(points, relative, gap, months, *span)


def _comparable(base: Quantity, target: Quantity) -> bool:
    if target.kind in ("zero", "placeholder", "multiplier") or target.value == 0:
        return False  # "zéro accident" or a doubling is never a small step
    if target.kind == "percent" and target.value in (0, 100):
        return False
    return base.kind == target.kind and (
        not base.unit or not target.unit or base.unit == target.unit
    )


def _months(ex: Extraction, today: dt.date) -> float:
    dates = [d.date for d in ex.deadlines if d.date]
    if not dates:
        return 3.0  # OKRs run by the quarter: without a date, a quarter
    try:
        due = dt.date.fromisoformat(dates[-1])
    except ValueError:
        return 3.0
    return max(3.0, (due - today).days / 30.4)


def _factor(step: Step, params: dict[str, float]) -> float:
    return min(step.months / 3.0, float(params.get("horizon_factor_max", 2.0)))


# The last extraction asked about and its step: small_step and stretch_step both ask, in turn.
# One tuple, read and replaced whole, so that threads assessing other drafts never mix them.
_LAST_STEP: tuple[Extraction | None, Step | None] = (None, None)


def _draft_step(ex: Extraction) -> Step | None:
    global _LAST_STEP
    last = _LAST_STEP
    if last[0] is ex:
        return last[1]
    step = step_of(ex)
    _LAST_STEP = (ex, step)
    return step


def _measured(ctx: Context, rule: Rule) -> tuple[Step, dict[str, float], float] | None:
    """The draft's step, the rule's thresholds and the horizon's factor on them."""
    step = _draft_step(ctx.ex)
    if step is None:
        return None
    params = rule.extra.get("params", {})
    return step, params, _factor(step, params)


@script("small_step")
def small_step(ctx: Context, rule: Rule) -> list[Span]:
    """A step too small for its horizon: "+1 point in a quarter"."""
    measured = _measured(ctx, rule)
    if measured is None:
        return []
    step, params, factor = measured
    if step.points is not None:  # a rate: few points, and little of its value
        small = step.points <= float(params.get("small_rate_points", 2.0)) * factor and (
            max(step.relative, step.gap) < float(params.get("small_rate_relative", 0.10)) * factor
        )
    else:
        small = step.relative < float(params.get("small_relative", 0.05)) * factor
    return [(step.start, step.end, None)] if small else []


@script("stretch_step")
def stretch_step(ctx: Context, rule: Rule) -> list[Span]:
    """A step big enough to be aspirational: the room should say so, and grade it so."""
    measured = _measured(ctx, rule)
    if measured is None:
        return []
    step, params, factor = measured
    big = step.relative >= float(params.get("stretch_relative", 0.5)) * factor
    if step.points is not None:
        big = big or step.points >= float(params.get("stretch_rate_points", 20.0)) * factor
    return [(step.start, step.end, None)] if big else []
