"""The silent brainstorm: proposals typed fast, attributed or anonymous, then clustered,
merged, dropped, and the retained ones turned into draft objectives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator.room.cluster import Group, compare, group
from facilitator.room.wording_keys import fold
from facilitator.session import Objective, Participant, Proposal, Session

_PREFIX = re.compile(r"^\s*([^:>]{1,40}?)\s*[:>]\s+(.+)$")


def split_author(text: str, people: Sequence[Participant]) -> tuple[str | None, str]:
    """ "Marc: Réduire …" → (Marc's id, "Réduire …") when "Marc" names one participant (first
    name, full name or initials, accents and case ignored); else (None, text) unchanged."""
    m = _PREFIX.match(text)
    if not m:
        return None, text
    wanted = fold(m.group(1)).strip()
    found = [p for p in people if wanted in _handles(p)]
    if len(found) != 1:
        return None, text
    return found[0].id, m.group(2).strip()


def card_author(
    text: str, people: Sequence[Participant], anonymous: bool
) -> tuple[str | None, str]:
    """The card's author and text: a leading "Name: " naming one of `people` credits them
    (`split_author`); in an anonymous step it is only taken out of the text, so that no name
    reaches the minutes and nobody is credited."""
    named, text = split_author(text, people)
    return (None if anonymous else named), text


def _handles(person: Participant) -> set[str]:
    name = fold(person.name).strip()
    parts = name.replace("-", " ").split()
    handles = {name, person.id.casefold()}
    if parts:
        handles.add(parts[0])
        handles.add("".join(p[0] for p in parts))
    return handles


def open_proposals(session: Session) -> list[Proposal]:
    return [p for p in session.proposals if p.status == "open"]


def groups(session: Session) -> list[Group]:
    """Near-duplicate groups among the open proposals (pairs the room kept apart excluded),
    compared without a leading participant's name: "Sophie : Réduire …" and "Marc : Réduire …"
    are the same idea."""
    items = [(p.id, _unsigned(session, p.text)) for p in open_proposals(session)]
    apart = {frozenset((p.id, other)) for p in session.proposals for other in p.distinct}
    return group(items, distinct=apart)


def keep_apart(session: Session, ids: Sequence[str]) -> None:
    """The room says these proposals are different: never group them together again."""
    for pid in ids:
        proposal = _proposal(session, pid)
        for other in ids:
            if other != pid and other not in proposal.distinct:
                proposal.distinct.append(other)


def _proposal(session: Session, proposal_id: str) -> Proposal:
    return next(p for p in session.proposals if p.id == proposal_id)


def duplicates_of(session: Session, text: str) -> list[Proposal]:
    """Open proposals the new `text` near-duplicates (shown as it is entered)."""
    text = _unsigned(session, text)
    return [p for p in open_proposals(session) if compare(text, _unsigned(session, p.text)).same]


def _unsigned(session: Session, text: str) -> str:
    """`text` without a leading "Name: " that names one of the session's participants."""
    return split_author(text, session.participants)[1]


def promote(
    session: Session, pairs: Sequence[tuple[str, str]], note: str = "brainstorm"
) -> list[Objective]:
    """Draft objectives from proposals: `pairs` is (proposal id, new objective id).

    The proposal keeps the link (`objective_id`); a proposal already promoted is skipped."""
    created = []
    for proposal_id, objective_id in pairs:
        proposal = _proposal(session, proposal_id)
        if proposal.objective_id is not None or proposal.status != "open":
            continue
        objective = Objective(id=objective_id)
        objective.add_version(proposal.text, note=note)
        session.objectives.append(objective)
        proposal.objective_id = objective_id
        created.append(objective)
    return created


def unpromoted(session: Session) -> list[Proposal]:
    return [p for p in open_proposals(session) if p.objective_id is None]
