"""The OKR cycle: a review or retrospective session started from the session it follows.

`Session.follow_up` carries the objectives, key results (with their ids and check-ins),
participants, vision, parents and glossary over; this adds the agenda of the chosen template
and the open actions, open parking-lot items and decisions to recall (`room.carried`), so the
new session is ready to run.

A follow-up is titled after the cycle's first workshop, not after the chain: the review of
"Atelier de cadrage OKR — CODIR" is "Revue mensuelle des OKR — Atelier de cadrage OKR — CODIR",
and so is the retrospective after it ("Rétrospective … — Atelier de cadrage …", never
"Rétrospective … — Revue mensuelle … — Atelier de cadrage …"). The session followed is named
by its title and date in the new session's data (`followed`), so the minutes can say what the
session follows without the store, and a session file sent alone still says it.
"""

from __future__ import annotations

from typing import Any

from facilitator.room.carried import carry_log
from facilitator.room.steps import agenda_of, vote_dots
from facilitator.session import Session, follow_up, new_id


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
    origin = origin_title(previous)
    session = follow_up(
        previous,
        kind=template.kind,
        template=template.id,
        title=title or f"{template.title.get(lang)} — {origin}".strip(" —"),
        date=date,
    )
    session.id = session_id or new_id()
    remember_followed(session, previous)
    carry_log(session, previous)
    session.agenda = agenda_of(template, lang)
    dots = vote_dots(template)
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


FOLLOWS_TITLE, FOLLOWS_DATE, ORIGIN_TITLE = "follows_title", "follows_date", "origin_title"
"""Keys of a follow-up's data (kept by every release: unknown keys are preserved): the title
and date of the session it follows, and the title of the cycle's first workshop."""


def origin_title(session: Session) -> str:
    """The title of the workshop that started `session`'s cycle (its own, if it started one)."""
    recorded = session.extra.get(ORIGIN_TITLE)
    if isinstance(recorded, str) and recorded.strip():
        return recorded.strip()
    if not session.follows:
        return session.title.strip()
    # A follow-up made before this was recorded: its title piled the chain up ("Rétrospective …
    # — Revue mensuelle … — Atelier de cadrage OKR — CODIR"); what follows the follow-up
    # templates' titles names the first workshop.
    title = session.title.strip()
    prefixes = _follow_up_titles()
    while True:
        prefix = next((p for p in prefixes if title.startswith(f"{p} — ")), None)
        if prefix is None:
            return title or session.title.strip()
        title = title[len(prefix) + 3 :].strip()


def _follow_up_titles() -> list[str]:
    """The titles, in both languages, of the shipped templates a follow-up is made from."""
    try:
        from facilitator.workshops import list_templates

        return [
            template.title.get(lang)
            for lang in ("fr", "en")
            for template in list_templates(lang)
            if template.kind in ("review", "retrospective")
        ]
    except Exception:  # a broken template must not stop a follow-up: keep the title as it is
        return []


def remember_followed(session: Session, previous: Session) -> None:
    """Note in `session` the title and date of `previous`, which it follows, and the cycle's
    first workshop."""
    session.extra[FOLLOWS_TITLE] = previous.title
    session.extra[FOLLOWS_DATE] = previous.date
    session.extra[ORIGIN_TITLE] = origin_title(previous)


def followed(session: Session) -> tuple[str, str] | None:
    """(title, date) of the session `session` follows, as noted when it was made; None when it
    follows none or nothing was noted (a follow-up made by an older release)."""
    if not session.follows:
        return None
    title, day = session.extra.get(FOLLOWS_TITLE), session.extra.get(FOLLOWS_DATE)
    if not isinstance(title, str) or not title.strip():
        return None
    return title.strip(), day.strip() if isinstance(day, str) else ""
