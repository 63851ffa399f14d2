"""Which mechanic each agenda step opens, and the step options its template sets."""

from __future__ import annotations

from typing import Any

from facilitator.session import AgendaStep, Session
from facilitator.workshops import session_template

MECHANICS: dict[str, str] = {
    "brainstorm": "brainstorm",
    "cluster": "cluster",
    "draft_objectives": "workbench",
    "draft_key_results": "workbench",
    "vote": "vote",
    "alignment": "alignment",
    "decisions": "log",
    "review": "review",
    "grading": "grading",
    "retro": "retro",
    "wrapup": "wrapup",
}
"""Step kind → the name of the screen that runs it (steps of other kinds have none)."""


def step_option(session: Session, kind: str, name: str) -> Any:
    """Option `name` (anonymous, dots_per_participant, hide_votes_until_all) of the step of
    `kind`: the current step when it is of that kind, else the template's first such step;
    the format's default when the session has no template or the template no such step."""
    from facilitator.workshops import STEP_OPTIONS

    default = STEP_OPTIONS[name][2]
    template = session_template(session.template) if session.template else None
    if template is None:
        return default
    current = session.step
    steps = [s for s in template.steps if s.kind == kind]
    if current is not None and current.kind == kind:
        steps = [s for s in steps if s.id == current.id] or steps
    return getattr(steps[0], name) if steps else default


def agenda_of(template: Any, lang: str) -> list[AgendaStep]:
    """A new session's agenda: `template`'s steps (ids kept, so their scripts can be found)."""
    return [
        AgendaStep(id=s.id, kind=s.kind, title=s.title.get(lang), planned_minutes=s.minutes)
        for s in template.steps
    ]


def vote_dots(template: Any) -> int | None:
    """The dots per participant `template`'s vote step gives (None: it has no vote)."""
    return next((s.dots_per_participant for s in template.steps if s.kind == "vote"), None)
