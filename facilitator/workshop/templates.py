"""Sessions made from a workshop template, and the template's texts for each agenda step (title,
facilitator's script, prompts, participants' instruction)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from facilitator.room.cycle import start_follow_up
from facilitator.room.steps import agenda_of, vote_dots
from facilitator.session import Session, new_id
from facilitator.store import SessionStore
from facilitator.workshops import session_template


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
    dots = vote_dots(template)
    return Session(
        id=session_id or new_id(),
        kind=template.kind,
        template=template.id,
        lang=lang,
        title=title or template.title.get(lang),
        date=(today or date.today()).isoformat(),
        agenda=agenda_of(template, lang),
        dots_per_participant=3 if dots is None else dots,
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


def create_session(store: SessionStore, session: Session) -> Session:
    """Save a new session (`StoreError` when its id is taken or the disk refuses)."""
    return store.create(session)


def create_from_template(
    store: SessionStore, template: Any, lang: str, *, title: str = "", today: date | None = None
) -> Session:
    """Create and save a session of `template` in `lang` (see `session_from_template`)."""
    return store.create(session_from_template(template, lang, title=title, today=today))


def create_follow_up(
    store: SessionStore, previous_id: str, template: Any, *, today: date | None = None
) -> Session:
    """Create and save the session that follows `previous_id` in the OKR cycle (a review or a
    retrospective of `template`), from the previous session as stored now."""
    previous = store.load(previous_id)
    day = (today or date.today()).isoformat()
    return store.create(start_follow_up(previous, template, date=day))
