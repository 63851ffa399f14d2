"""The OKR cycle: a review or retrospective session started from the session it follows.

`Session.follow_up` carries the objectives, key results (with their ids and check-ins),
participants, vision, parents and glossary over; this adds the agenda of the chosen template,
so the new session is ready to run.
"""

from __future__ import annotations

from typing import Any

from facilitator.session import AgendaStep, Session, follow_up, new_id


def start_follow_up(
    previous: Session,
    template: Any,
    *,
    session_id: str | None = None,
    title: str = "",
    date: str = "",
) -> Session:
    """A new session of `template`'s kind following `previous` (a `workshops.Template`)."""
    lang = previous.lang
    session = follow_up(
        previous,
        kind=template.kind,
        template=template.id,
        title=title or f"{template.title.get(lang)} — {previous.title}".strip(" —"),
        date=date,
    )
    session.id = session_id or new_id()
    session.agenda = [
        AgendaStep(id=s.id, kind=s.kind, title=s.title.get(lang), planned_minutes=s.minutes)
        for s in template.steps
    ]
    dots = next((s.dots_per_participant for s in template.steps if s.kind == "vote"), None)
    if dots is not None:
        session.dots_per_participant = dots
    return session


def lineage(session: Session, load: Any, max_depth: int = 12) -> list[Session]:
    """The sessions this one follows, nearest first (`load(id)` returns a Session or None)."""
    out: list[Session] = []
    seen = {session.id}
    follows = session.follows
    while follows and follows not in seen and len(out) < max_depth:
        seen.add(follows)
        previous = load(follows)
        if previous is None:
            break
        out.append(previous)
        follows = previous.follows
    return out
