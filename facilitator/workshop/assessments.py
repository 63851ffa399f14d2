"""What the front ends make of the engine's results for a session: the scores and rules a
version stores, applying a finding's suggestion, the key-result fields the engine extracted and
those the room corrected, and the change of score between versions.

The engine is imported only where a suggestion is applied: reading a session needs no spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from facilitator.session import KeyResult, Versioned


class FindingLike(Protocol):
    rule: str
    start: int
    end: int
    text: str
    action: str
    suggestions: list[str]


SCORE_NAMES = ("clarity", "ambition", "measurability", "overall")


def scores_of(assessment: Any) -> dict[str, float]:
    """The four scores of an engine assessment, as stored in a version."""
    s = assessment.scores
    return {name: float(getattr(s, name)) for name in SCORE_NAMES}


def rule_ids(findings: Iterable[FindingLike]) -> list[str]:
    """The rules that fired, once each, in text order."""
    return list(dict.fromkeys(f.rule for f in findings))


def rule_title(rule_id: str, lang: str) -> str:
    """A rule's title in `lang`, as the minutes show it ("Comparatif vague"); its id when the
    rules do not know it (a rule since removed, or an organisation's own)."""
    # Here, not at the top: the rule files are read only when a title is asked for.
    from facilitator.minutes.facts import rule_titles

    return rule_titles(lang).get(rule_id, rule_id)


def can_accept(finding: FindingLike) -> bool:
    """A finding whose first suggestion can be applied to the text as it is."""
    return finding.action in ("replace", "remove") and bool(finding.suggestions)


def apply_suggestion(text: str, finding: FindingLike, suggestion: str | None = None) -> str:
    """`text` with the finding's span replaced by `suggestion` (default: its first one).

    An empty suggestion removes the span; one that starts with « … » adds its words to the
    sentence, before its final punctuation. The words at the edges are mended (determiners,
    elision, contraction, "a"/"an"; see facilitator.engine.inflect), spaces are tidied and a
    capital at the start of the draft is kept.
    """
    # Here, not at the top: the engine package is imported only when the app needs it.
    from facilitator.engine.inflect import apply_edit

    if suggestion is None:
        suggestion = finding.suggestions[0] if finding.suggestions else ""
    lang = getattr(finding, "lang", None)
    return apply_edit(text, finding.start, finding.end, suggestion, lang)


def kr_fields(parts: dict[str, Any] | None) -> dict[str, str]:
    """The key-result fields the engine extracted (baseline, target, unit, deadline)."""
    parts = parts or {}
    return {name: str(parts.get(name) or "") for name in KR_FIELDS if name != "owner"}


KR_FIELDS = ("baseline", "target", "unit", "deadline", "owner")


def edited_fields(kr: KeyResult) -> set[str]:
    """Key-result fields the room corrected by hand (kept over the engine's extraction)."""
    value = kr.extra.get("edited_fields", [])
    return {str(v) for v in value} if isinstance(value, list) else set()


def score_delta(item: Versioned, n: int) -> float | None:
    """Change of the overall score from the version before `n` to `n`."""
    index = next((i for i, v in enumerate(item.versions) if v.n == n), None)
    if not index:
        return None
    now, before = item.versions[index].scores, item.versions[index - 1].scores
    if "overall" not in now or "overall" not in before:
        return None
    return now["overall"] - before["overall"]
