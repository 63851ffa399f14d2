"""What the screens compute, without Textual: cleaning input, building a session from a template,
applying a suggestion, formatting times and scores.

Kept free of Textual imports so it can be unit-tested directly and reused by other front ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from facilitator.session import AgendaStep, KeyResult, Session, Versioned, new_id
from facilitator.workshops import session_template

# --------------------------------------------------------------------------------------------
# Input

_SPACES = str.maketrans(
    {
        "\u00a0": " ",  # no-break space: typed ones are dropped by Textual, pasted ones kept
        "\u202f": " ",  # narrow no-break space (French typography before % and €)
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\t": " ",
    }
)
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def clean(text: str, *, single_line: bool = True) -> str:
    """The text as the engine and the store should see it: no-break spaces become spaces, and
    a one-line field (an objective, a name) loses its line breaks."""
    text = text.translate(_SPACES)
    if single_line:
        text = _LINE_BREAKS.sub(" ", text)
    return text


# --------------------------------------------------------------------------------------------
# Engine results


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


# --------------------------------------------------------------------------------------------
# Templates and agenda


def session_from_template(
    template: Any,
    lang: str,
    *,
    session_id: str | None = None,
    title: str = "",
    today: date | None = None,
) -> Session:
    """A new session whose agenda is the template's steps (ids kept, so scripts can be found),
    dated today (ISO, like every stored date; the set-up screen shows it in words)."""
    steps = [
        AgendaStep(
            id=step.id,
            kind=step.kind,
            title=step.title.get(lang),
            planned_minutes=step.minutes,
        )
        for step in template.steps
    ]
    dots = next((s.dots_per_participant for s in template.steps if s.kind == "vote"), 3)
    return Session(
        id=session_id or new_id(),
        kind=template.kind,
        template=template.id,
        lang=lang,
        title=title or template.title.get(lang),
        date=(today or date.today()).isoformat(),
        agenda=steps,
        dots_per_participant=dots,
    )


@dataclass(frozen=True)
class StepTexts:
    title: str
    script: str = ""
    prompts: tuple[str, ...] = ()
    instruction: str = ""


def step_texts(session: Session, index: int, lang: str) -> StepTexts:
    """Title, facilitator's script, prompts and participants' instruction of agenda step `index`.

    The texts come from the session's template (matched by step id, else by position and
    kind), in `lang`; a step the template does not know shows its own title only.
    """
    step = session.agenda[index]
    template = session_template(session.template) if session.template else None
    if template is not None:
        match = next((s for s in template.steps if s.id == step.id), None)
        if match is None and index < len(template.steps):
            candidate = template.steps[index]
            match = candidate if candidate.kind == step.kind else None
        if match is not None:
            return StepTexts(
                title=match.title.get(lang),
                script=match.script.get(lang),
                prompts=tuple(match.prompts.get(lang)),
                instruction=match.instruction.get(lang),
            )
    return StepTexts(title=step.title)


def clock(seconds: float) -> str:
    """ "mm:ss" (or "h:mm:ss"), with a minus sign once the time is up."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # 59.2 s left shows 01:00
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def now_or(clock_fn: Callable[[], datetime] | None) -> datetime | None:
    return clock_fn() if clock_fn is not None else None
