"""The monthly review and the end-of-cycle grading, over the objectives a session carries.

Review: per key result, the current value (progress computed from baseline and target by the
session model), a confidence 0–10 (a drop needs a comment: `ConfidenceCommentRequired`) and
blockers; per objective, the average progress. A second check-in of the same key result in the
same review session replaces the first (the room corrected a figure), it does not pile up.

Grading: a grade 0.0–1.0 per key result, the average per objective, and committed vs
aspirational: a committed key result is expected at 1.0, an aspirational one around 0.7
(Google's OKR playbook), so the gap to what was expected is what the room discusses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.session import CheckIn, KeyResult, Objective, Session, parse_number


def with_unit(value: str, unit: str) -> str:
    """ "42" + "jours" → "42 jours", "4" + "%" → "4 %"; a value that already carries its unit
    ("4 %", typed or extracted so) keeps it as it is: never "4 % %"."""
    value, unit = value.strip(), unit.strip()
    if not value or not unit or unit in value:
        return value
    return f"{value}\u00a0{unit}" if unit == "%" else f"{value} {unit}"


def span(kr: KeyResult) -> str:
    """ "4 % → 2 %", "? → 50 clients": the key result's baseline and target, each with its unit."""
    return f"{with_unit(kr.baseline, kr.unit) or '?'} → {with_unit(kr.target, kr.unit) or '?'}"


_PLACEHOLDER = re.compile(r"\s*(?:(?:[XYZN]{1,3}|x)(?!\w)|\[[^\]]*\]|…|\.{3}|\?+)")
"""A figure still to write, as a field holds it: "X", "Y %", "N jours", "[valeur]", "…", "?"."""


def is_placeholder(value: str) -> bool:
    """A baseline or target field that holds a placeholder rather than a figure."""
    return bool(_PLACEHOLDER.match(value))


def figures_to_set(kr: KeyResult) -> bool:
    """The key result cannot be measured yet: a figure field holds a placeholder, its wording
    still does ("de X % à Y %": the engine's verdict), or it has no target and none was typed
    in its target field. It must not leave the workshop so: it could never be reviewed."""
    if is_placeholder(kr.baseline) or is_placeholder(kr.target):
        return True
    current = kr.current
    verdict = set(current.findings) if current else set()
    if "kr-placeholder" in verdict:
        return True
    return "kr-no-target" in verdict and not kr.target.strip()


def target_to_set(kr: KeyResult) -> bool:
    """What the review shows instead of "? → ?": the target itself is missing or a placeholder
    while the figures are to set (a known target with an unknown baseline reads "? → 50")."""
    return figures_to_set(kr) and (not kr.target.strip() or is_placeholder(kr.target))


def active(session: Session) -> list[Objective]:
    return [o for o in session.objectives if o.status != "dropped"]


def this_session_checkin(session: Session, kr: KeyResult) -> CheckIn | None:
    last = kr.last_checkin
    return last if last is not None and last.session_id == session.id else None


def previous_checkin(session: Session, kr: KeyResult) -> CheckIn | None:
    """The last check-in before this session's (the one a confidence drop is measured from)."""
    for checkin in reversed(kr.checkins):
        if checkin.session_id != session.id or checkin.session_id is None:
            return checkin
    return None


def previous_confidence(session: Session, kr: KeyResult) -> int | None:
    for checkin in reversed(kr.checkins):
        if checkin.session_id == session.id and checkin.session_id is not None:
            continue
        if checkin.confidence is not None:
            return checkin.confidence
    return None


def needs_comment(session: Session, kr: KeyResult, confidence: int | None) -> bool:
    """A confidence lower than the last one recorded before this session needs a comment."""
    last = previous_confidence(session, kr)
    return confidence is not None and last is not None and confidence < last


def record_checkin(
    session: Session,
    kr_id: str,
    current: str,
    confidence: int | None,
    comment: str = "",
    blockers: Iterable[str] = (),
    date: str = "",
) -> CheckIn:
    """Record (or correct) this session's check-in of a key result.

    Raises `ConfidenceCommentRequired` when the confidence drops without a comment, and
    ValueError for a confidence outside 0–10; the key result is then left unchanged.
    """
    kr = session.key_result(kr_id)
    replaced = this_session_checkin(session, kr)
    if replaced is not None:
        kr.checkins.pop()
    try:
        return kr.add_checkin(
            current,
            confidence,
            comment,
            blockers,
            date=date or session.date,
            lang=session.lang,
            session_id=session.id,
        )
    except ValueError:
        if replaced is not None:
            kr.checkins.append(replaced)
        raise


def parse_confidence(text: str) -> int | None:
    """ "7", "7/10" → 7; "" → None; ValueError for anything else or outside 0–10."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})(?:/10)?", text)
    if not m or not 0 <= int(m.group(1)) <= 10:
        raise ValueError(text)
    return int(m.group(1))


def split_blockers(text: str) -> list[str]:
    """Blockers typed on one line, separated by ";" (or " / ")."""
    return [b.strip() for b in re.split(r";|\s/\s", text) if b.strip()]


def kr_progress(session: Session, kr: KeyResult) -> float | None:
    """The latest known progress of a key result (this session's check-in, else the last)."""
    last = kr.last_checkin
    return last.progress if last is not None else None


def objective_progress(session: Session, objective: Objective) -> float | None:
    """The average progress of the objective's key results that have one."""
    values = [p for kr in objective.key_results if (p := kr_progress(session, kr)) is not None]
    return sum(values) / len(values) if values else None


def trend(session: Session, kr: KeyResult) -> int | None:
    """Change of confidence since the check-in before this session's (None: nothing to compare)."""
    now = this_session_checkin(session, kr)
    before = previous_confidence(session, kr)
    if now is None or now.confidence is None or before is None:
        return None
    return now.confidence - before


def reviewed(session: Session) -> tuple[int, int]:
    """(key results checked in during this session, key results)."""
    krs = [kr for o in active(session) for kr in o.key_results]
    return sum(this_session_checkin(session, kr) is not None for kr in krs), len(krs)


# --------------------------------------------------------------------------------------------
# Grading


_GRADE = re.compile(r"\s*(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*%?\s*")
"""A grade as typed: the figure alone ("0,7", "0.7", ".7", "1", "70 %"), no words around it."""


def parse_grade(text: str) -> float | None:
    """ "0,7", "0.7", ".7", "70 %", "1" → 0.7 / 1.0; "" → None; ValueError otherwise (words or
    markup around the figure included: "<b>1</b>" is no grade)."""
    if not text.strip():
        return None
    if not _GRADE.fullmatch(text):
        raise ValueError(text)
    raw = text.strip().replace(" ", "")
    percent = raw.endswith("%")
    raw = raw.rstrip("%")
    if raw[:1] in ".,":
        raw = "0" + raw
    value = parse_number(raw)
    if value is None:
        raise ValueError(text)
    if percent:
        value /= 100
    if not 0.0 <= value <= 1.0:
        raise ValueError(text)
    return round(value, 2)


def suggested_grade(kr: KeyResult) -> float | None:
    """The last progress, rounded to a tenth: where the room starts the discussion."""
    last = kr.last_checkin
    if last is None or last.progress is None:
        return None
    return round(last.progress, 1)


@dataclass(frozen=True)
class GradeSummary:
    per_objective: dict[str, float | None]
    """objective id → average grade of its graded key results"""
    average: float | None
    committed: float | None
    """average grade of committed key results (expected 1.0)"""
    aspirational: float | None
    """average grade of aspirational key results (expected about 0.7)"""
    graded: int
    total: int


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def grade_summary(session: Session) -> GradeSummary:
    objectives = active(session)
    krs = [kr for o in objectives for kr in o.key_results]
    graded = [kr for kr in krs if kr.grade is not None]
    return GradeSummary(
        per_objective={o.id: o.grade_average() for o in objectives},
        average=_mean([kr.grade for kr in graded if kr.grade is not None]),
        committed=_mean([kr.grade for kr in graded if kr.committed and kr.grade is not None]),
        aspirational=_mean(
            [kr.grade for kr in graded if not kr.committed and kr.grade is not None]
        ),
        graded=len(graded),
        total=len(krs),
    )


def grade_gap(kr: KeyResult) -> float | None:
    """Grade minus what was expected (1.0 committed, 0.7 aspirational)."""
    return None if kr.grade is None else round(kr.grade - kr.expected_grade, 2)
