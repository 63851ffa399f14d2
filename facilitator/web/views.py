"""What one participant's device shows of the session: plain JSON built from the session, for
that participant only.

A participant sees their own cards (never the others'), their own ballots and, only once the
facilitator has revealed the vote, the room's totals (never who voted what), their own proposed
versions and their own key results to check in or to grade. Nothing here changes the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facilitator.locales import t
from facilitator.room import review, votes
from facilitator.session import Session
from facilitator.workshop import step_texts
from facilitator.workshop.participants import RoomState, anonymous_cards, open_activities


def participant_view(session: Session, participant_id: str, lang: str) -> dict[str, Any]:
    """The state message for `participant_id` (see the module's docstring): each activity open
    to participants (the current step's first, then in agenda order), with its step's texts and
    what the participant sees."""
    room = RoomState.of(session)
    me = next((p for p in session.participants if p.id == participant_id), None)
    view: dict[str, Any] = {
        "type": "state",
        "me": {"id": participant_id, "name": me.name if me else ""},
        "title": session.title,
        "closed": room.closed,
        "activities": [],
    }
    for activity, index in sorted(open_activities(session).items(), key=_current_first(session)):
        step = _step(session, index, lang, activity)
        view["activities"].append({"activity": activity, "step": step})
        view[activity] = _BUILDERS[activity](session, participant_id)
    return view


def _current_first(session: Session) -> Callable[[tuple[str, int]], tuple[bool, int]]:
    """The order of the open activities on the page: the facilitator's current step first (a
    phone shows what the room is doing without scrolling past an earlier step still open),
    then the others in agenda order."""
    return lambda entry: (entry[1] != session.current_step, entry[1])


def _step(session: Session, index: int, lang: str, activity: str) -> dict[str, str]:
    texts = step_texts(session, index, lang)
    instruction = texts.instruction
    if activity == "brainstorm":
        # The template's instruction is the room's, written for paper cards handed over; the
        # phone says what to do on the phone (anonymous or not: the page's card-mode line).
        instruction = t(lang, "web.brainstorm.instruction")
    return {"id": session.agenda[index].id, "title": texts.title, "instruction": instruction}


def _brainstorm(session: Session, participant_id: str) -> dict[str, Any]:
    own = RoomState.of(session).own_cards(participant_id)
    cards = [
        {"id": p.id, "text": p.text, "editable": p.status == "open"}
        for p in session.proposals
        if p.id in own
    ]
    return {"anonymous": anonymous_cards(session), "cards": cards}


def _wording(session: Session, participant_id: str) -> dict[str, Any]:
    items = []
    for objective in session.objectives:
        if objective.status == "dropped":
            continue
        items.append({"objective_id": objective.id, "kr_id": None, "text": objective.text})
        items.extend(
            {"objective_id": objective.id, "kr_id": kr.id, "text": kr.text}
            for kr in objective.key_results
        )
    sent = [
        {
            "id": e.get("id"),
            "objective_id": e.get("objective_id"),
            "kr_id": e.get("kr_id"),
            "text": e.get("text"),
            "status": e.get("status"),
        }
        for e in RoomState.of(session).proposed
        if e.get("participant") == participant_id
    ]
    return {"items": items, "sent": sent}


def _vote(session: Session, participant_id: str) -> dict[str, Any]:
    revealed = votes.is_revealed(session)
    ballots = []
    for objective in votes.candidates(session):
        own = session.votes.get(objective.id)
        ballots.append(
            {
                "id": objective.id,
                "text": objective.text,
                "answer": own.priority.get(participant_id) if own else None,
                "dots": own.dots.get(participant_id, 0) if own else 0,
            }
        )
    results = (
        [
            {
                "id": r.objective.id,
                "text": r.objective.text,
                "tally": r.tally,
                "dots": r.dots,
                "priority": r.judged_priority,
            }
            for r in votes.results(session)
        ]
        if revealed
        else None
    )
    return {
        "ballots": ballots,
        "dots_left": votes.dots_left(session, participant_id),
        "dots_per_participant": session.dots_per_participant,
        "revealed": revealed,
        "results": results,
    }


def _review(session: Session, participant_id: str) -> dict[str, Any]:
    own = []
    for objective in review.active(session):
        for kr in objective.key_results:
            if kr.owner != participant_id:
                continue
            checkin = review.this_session_checkin(session, kr)
            own.append(
                {
                    "id": kr.id,
                    "text": kr.text,
                    "span": review.span(kr),
                    "current": checkin.current if checkin else "",
                    "confidence": checkin.confidence if checkin else None,
                    "comment": checkin.comment if checkin else "",
                }
            )
    return {"key_results": own}


def _grading(session: Session, participant_id: str) -> dict[str, Any]:
    """The participant's own key results with what grading them needs: what was expected (1.0
    committed, 0.7 aspirational), the last progress and the grade it suggests."""
    own = []
    for objective in review.active(session):
        for kr in objective.key_results:
            if kr.owner != participant_id:
                continue
            last = kr.last_checkin
            own.append(
                {
                    "id": kr.id,
                    "text": kr.text,
                    "span": review.span(kr),
                    "committed": kr.committed,
                    "expected": kr.expected_grade,
                    "progress": last.progress if last else None,
                    "suggested": review.suggested_grade(kr),
                    "grade": kr.grade,
                }
            )
    return {"key_results": own}


def _retro(session: Session, participant_id: str) -> dict[str, Any]:
    return {"worked": list(session.worked), "to_change": list(session.to_change)}


_BUILDERS = {
    "brainstorm": _brainstorm,
    "wording": _wording,
    "vote": _vote,
    "review": _review,
    "grading": _grading,
    "retro": _retro,
}
