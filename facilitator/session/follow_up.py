"""Carrying a session's work over to the next one (a review follows a framing workshop)."""

from __future__ import annotations

from .aggregate import Session
from .wordings import KeyResult, Objective, Versioned


def follow_up(
    previous: Session,
    *,
    kind: str,
    template: str = "",
    title: str = "",
    date: str = "",
) -> Session:
    """A new session (review, retrospective …) that carries over `previous`'s work.

    Participants, vision, parents, glossary and the objectives the room retained come across
    with their ids (so a key result can be followed from one review to the next) and their check-in
    history (so a confidence drop is detected across months). An objective keeps only its
    current wording, as version 1, noted as carried over; drafts and dropped or merged
    objectives stay behind (`carried_over` says which, and none when nothing was retained).
    Agenda, votes, proposals, decisions,
    actions and the parking lot start empty; the workshops module fills the agenda.
    """
    source = previous.copy()
    note = f"carried over from session {previous.id}"
    objectives: list[Objective] = []
    for old in carried_over(source):
        objective = Objective(
            id=old.id,
            owner=old.owner,
            parent_id=old.parent_id,
            independent=old.independent,
            status=old.status,
            decided_by=old.decided_by,
            decided_at=old.decided_at,
            extra=old.extra,
        )
        _carry_version(old, objective, note)
        for old_kr in old.key_results:
            kr = KeyResult(
                id=old_kr.id,
                owner=old_kr.owner,
                baseline=old_kr.baseline,
                target=old_kr.target,
                unit=old_kr.unit,
                deadline=old_kr.deadline,
                committed=old_kr.committed,
                checkins=old_kr.checkins,
                grade=old_kr.grade,
                extra=old_kr.extra,
            )
            _carry_version(old_kr, kr, note)
            objective.key_results.append(kr)
        objectives.append(objective)
    return Session(
        kind=kind,
        template=template,
        lang=source.lang,
        title=title or source.title,
        organisation=source.organisation,
        date=date,
        place=source.place,
        facilitator=source.facilitator,
        follows=previous.id,
        participants=source.participants,
        vision=source.vision,
        parents=source.parents,
        glossary=source.glossary,
        objectives=objectives,
        dots_per_participant=source.dots_per_participant,
    )


def carried_over(previous: Session) -> list[Objective]:
    """The objectives a follow-up of `previous` carries: those the room retained, in order."""
    return [o for o in previous.objectives if o.status == "retained"]


def _carry_version(old: Versioned, new: Versioned, note: str) -> None:
    current = old.current
    if current is not None:
        new.add_version(current.text, current.scores, current.findings, note)
        if old.final_version is not None:
            new.mark_final(1)
