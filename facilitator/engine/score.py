"""Scores from findings: each dimension starts at 100 and every finding takes its weight off.

A rule that fires several times costs its full weight once, then half for each repeat, and never
more than twice its weight: three jargon words are worse than one, not three times worse.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.engine.model import Finding, Scores

# How much each dimension counts in the overall score. An objective is judged first on clarity
# and ambition; a key result first on measurability.
OVERALL_WEIGHTS = {
    "objective": {"clarity": 0.45, "ambition": 0.35, "measurability": 0.20},
    "key_result": {"clarity": 0.30, "ambition": 0.25, "measurability": 0.45},
}


def score(findings: Iterable[Finding], kind: str) -> Scores:
    per_rule: dict[str, list[Finding]] = {}
    for f in findings:
        per_rule.setdefault(f.rule, []).append(f)
    if not per_rule:
        return Scores()  # a clean draft: nothing to work out
    lost = {"clarity": 0.0, "ambition": 0.0, "measurability": 0.0}
    explain: dict[str, list[tuple[str, int]]] = {}
    for rule, items in per_rule.items():
        weight = items[0].weight
        points = min(weight * (1 + 0.5 * (len(items) - 1)), 2 * weight)
        dim = items[0].dimension
        lost[dim] += points
        explain.setdefault(dim, []).append((rule, round(points)))
    values = {d: max(0, round(100 - points)) for d, points in lost.items()}
    weights = OVERALL_WEIGHTS.get(kind, OVERALL_WEIGHTS["objective"])
    overall = round(sum(values[d] * w for d, w in weights.items()))
    for lost_points in explain.values():
        lost_points.sort(key=lambda x: -x[1])
    return Scores(overall=overall, explain=explain, **values)
