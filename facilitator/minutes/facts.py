"""What the minutes read off a session, whatever the format: scores on the 0–100 scale, numbers
("O1", "RC1.1"), names, dates in words, rule titles. Shared by the minutes' sections and the CSV
export.

Scores: the engine scores 0–100; a version whose scores are all ≤ 1 is read as a 0..1 scale and
shown ×100, so sessions written either way read the same.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from facilitator.dates import date_words
from facilitator.room.review import is_placeholder, target_to_set, with_unit
from facilitator.session import SCORE_KEYS, KeyResult, Objective, Session, Version

from .labels import Labels, labels_for
from .sanitize import one_line


def scores_of(version: Version | None) -> dict[str, int] | None:
    """A version's scores on the 0–100 scale, `overall` included; None when not assessed."""
    if version is None or not version.scores:
        return None
    values = {k: float(v) for k, v in version.scores.items() if k in SCORE_KEYS}
    if not values:
        return None
    scale = 100.0 if max(values.values()) <= 1.0 else 1.0
    out = {k: round(v * scale) for k, v in values.items()}
    dims = [out[k] for k in ("clarity", "ambition", "measurability") if k in out]
    if "overall" not in out and dims:
        out["overall"] = round(sum(dims) / len(dims))
    return out


def date_text(value: str, labels: Labels) -> str:
    """A date in words in the minutes' language ("30 juin 2026", from "2026-06-30" or
    "30/06/2026" typed before dates were stored); anything else as typed ("fin 2026")."""
    return date_words(value, labels.lang)


def person(session: Session, ref: str | None) -> str:
    """A participant id as the participant's name; a typed name as it is."""
    if not ref:
        return ""
    for participant in session.participants:
        if participant.id == ref:
            return participant.name or ref
    return ref


HEADING_LIMIT = 150
"""An objective's heading shows its wording up to this many characters (then in full below)."""


def short(text: str, limit: int = 90) -> str:
    """One line of at most `limit` characters, cut at a word boundary when there is one."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def active_objectives(session: Session) -> list[Objective]:
    return [o for o in session.objectives if o.status != "dropped"]


def kr_label(labels: Labels, number: str, j: int) -> str:
    """ "RC2.1" / "KR2.1": key result 1 of objective O2."""
    return f"{labels['kr_prefix']}{number[len(labels['obj_prefix']) :]}.{j}"


def numbers(session: Session) -> dict[str, str]:
    """Objective id → "O1" … and key result id → "RC1.1" … (dropped objectives: none)."""
    labels = labels_for(session.lang)
    out: dict[str, str] = {}
    for i, objective in enumerate(active_objectives(session), 1):
        number = out[objective.id] = f"{labels['obj_prefix']}{i}"
        for j, kr in enumerate(objective.key_results, 1):
            out[kr.id] = kr_label(labels, number, j)
    return out


@functools.lru_cache(maxsize=4)
def rule_titles(lang: str) -> dict[str, str]:
    """Rule id → its title in `lang`, read from the rule files (no spaCy, no engine)."""
    from facilitator.engine.rules import rule_tables
    from facilitator.paths import data_dir

    titles: dict[str, str] = {}
    for path, data in rule_tables(data_dir("rules"), lang):
        title = data.get("title")
        if isinstance(title, str) and title.strip():
            titles[str(data.get("id", path.stem))] = title.strip()
    return titles


def kr_figures(kr: KeyResult, labels: Labels) -> tuple[str, str]:
    """The key result's baseline and target as printed, each with its unit; a placeholder ("X %")
    or the missing target of a key result whose figures are still to set reads "à fixer": the
    reader sees a figure the room still owes, not an empty cell or a stray "X"."""
    to_set = labels["to_set"]
    baseline = to_set if is_placeholder(kr.baseline) else with_unit(kr.baseline, kr.unit)
    target = to_set if target_to_set(kr) else with_unit(kr.target, kr.unit)
    return baseline, target


def average_scores(all_scores: Sequence[dict[str, int] | None]) -> dict[str, int] | None:
    present = [sc for sc in all_scores if sc]
    if not present:
        return None
    out: dict[str, int] = {}
    for key in SCORE_KEYS:
        values = [sc[key] for sc in present if key in sc]
        if values:
            out[key] = round(sum(values) / len(values))
    return out


def last_progress(kr: KeyResult, lang: str) -> float | None:
    """The progress of the key result's last check-in: as recorded, else computed from the
    value it reported; None without a check-in or a value to compute from."""
    last = kr.last_checkin
    if last is None:
        return None
    if last.progress is None and last.current:
        return kr.progress_for(last.current, lang)
    return last.progress
