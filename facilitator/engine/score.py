"""Scores from findings: each dimension starts at 100 and every finding takes its weight off.

A rule that fires several times costs its full weight once, then half for each repeat, and never
more than twice its weight: three jargon words are worse than one, not three times worse. The
overall score weighs the dimensions by kind and is capped by the most serious finding's level.
The weights and caps are data (`rules/scoring.toml`) a consultant can read and change.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.engine.model import Finding, Scores

_DIMENSIONS = ("clarity", "ambition", "measurability")


class ScoringError(ValueError):
    """`scoring.toml` cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Scoring:
    """How much each dimension counts by kind, and the overall cap of each finding level."""

    weights: Mapping[str, Mapping[str, float]] = field(
        default_factory=lambda: {
            "objective": {"clarity": 0.45, "ambition": 0.35, "measurability": 0.20},
            "key_result": {"clarity": 0.30, "ambition": 0.25, "measurability": 0.45},
        }
    )
    caps: Mapping[str, int] = field(default_factory=lambda: {"error": 60, "warning": 80})

    @classmethod
    def load(cls, path: Path) -> Scoring:
        """The scoring in `path`; the defaults above when the file does not exist."""
        if not path.is_file():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise ScoringError(f"{path}: cannot be read ({exc}); fix it or remove it") from None
        default = cls()
        weights = dict(default.weights)
        for kind, table in data.get("overall_weights", {}).items():
            if kind not in weights or not isinstance(table, dict):
                raise ScoringError(f"{path}: [overall_weights.{kind}]: use objective or key_result")
            values = {d: table.get(d) for d in _DIMENSIONS}
            if not all(isinstance(v, int | float) and v >= 0 for v in values.values()):
                raise ScoringError(
                    f"{path}: [overall_weights.{kind}]: clarity, ambition and measurability "
                    "must each be a number ≥ 0"
                )
            total = sum(values.values())  # type: ignore[arg-type]
            if abs(total - 1) > 0.01:
                raise ScoringError(
                    f"{path}: [overall_weights.{kind}]: the weights add up to "
                    f"{total:g}; make them add up to 1"
                )
            weights[kind] = values  # type: ignore[assignment]
        caps = dict(default.caps)
        for level, cap in data.get("caps", {}).items():
            if (
                level not in ("suggestion", "warning", "error")
                or not isinstance(cap, int)
                or not (0 <= cap <= 100)
            ):
                raise ScoringError(
                    f"{path}: [caps] {level}: use suggestion, warning or error = a whole number "
                    "from 0 to 100"
                )
            caps[level] = cap
        return cls(weights, caps)


DEFAULT = Scoring()


def score(findings: Iterable[Finding], kind: str, scoring: Scoring = DEFAULT) -> Scores:
    # Each rule's first finding (its weight, dimension and level) and how often it fired.
    first: dict[str, Finding] = {}
    times: dict[str, int] = {}
    for f in findings:
        rule = f.rule
        if rule in times:
            times[rule] += 1
        else:
            first[rule], times[rule] = f, 1
    if not first:
        return Scores()  # a clean draft: nothing to work out
    lost = {"clarity": 0.0, "ambition": 0.0, "measurability": 0.0}
    explain: dict[str, list[tuple[str, int]]] = {}
    caps = scoring.caps
    cap: int | None = None  # the lowest cap of the findings' levels
    for rule, f in first.items():
        weight = f.weight
        n = times[rule]
        points = min(weight * (1 + 0.5 * (n - 1)), 2 * weight)
        dim = f.dimension
        lost[dim] += points
        if dim in explain:
            explain[dim].append((rule, round(points)))
        else:
            explain[dim] = [(rule, round(points))]
        level_cap = caps.get(f.level)
        if level_cap is not None and (cap is None or level_cap < cap):
            cap = level_cap
    clarity = max(0, round(100 - lost["clarity"]))
    ambition = max(0, round(100 - lost["ambition"]))
    measurability = max(0, round(100 - lost["measurability"]))
    values = {"clarity": clarity, "ambition": ambition, "measurability": measurability}
    weights = scoring.weights.get(kind) or scoring.weights["objective"]
    total = 0.0
    for d, w in weights.items():
        total += values[d] * w
    overall = round(total)
    if cap is not None and overall > cap:
        overall = cap
    for lost_points in explain.values():
        if len(lost_points) > 1:
            lost_points.sort(key=_points_lost)
    return Scores(clarity, ambition, measurability, overall, explain)


def _points_lost(item: tuple[str, int]) -> int:
    return -item[1]
