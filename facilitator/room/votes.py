"""Votes: "clearly a priority?" (yes / not sure / no) and dots, hidden until everyone has voted.

The session model holds the ballots (`VoteSet` per objective, `Session.set_dots` enforces the
dots per participant); this module answers the room's questions: who still has to vote, may
the results be revealed, what does each objective get, and how does the share of objectives
judged clearly a priority compare with the session this one follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.session import PRIORITY_VOTES, Objective, Participant, Session

BLOCKS = " ▏▎▍▌▋▊▉█"


def candidates(session: Session) -> list[Objective]:
    """The objectives the room votes on: every objective not dropped (a merged objective is
    a dropped one, so it is not a candidate either)."""
    return [o for o in session.objectives if o.status != "dropped"]


def voters(session: Session) -> list[Participant]:
    """Who votes: the participants present."""
    return session.present_participants()


def answered(session: Session, participant_id: str) -> int:
    """On how many candidate objectives this participant has answered "clearly a priority?"."""
    return sum(
        participant_id in session.votes[o.id].priority
        for o in candidates(session)
        if o.id in session.votes
    )


def has_voted(session: Session, participant_id: str) -> bool:
    """Answered on every objective (dots are optional: a participant may keep some)."""
    objectives = candidates(session)
    return bool(objectives) and answered(session, participant_id) == len(objectives)


def waiting_for(session: Session) -> list[Participant]:
    """Present participants who have not answered on every objective yet."""
    return [p for p in voters(session) if not has_voted(session, p.id)]


def everyone_voted(session: Session) -> bool:
    return bool(voters(session)) and bool(candidates(session)) and not waiting_for(session)


def is_revealed(session: Session) -> bool:
    """The results are public: every candidate's votes are revealed."""
    objectives = candidates(session)
    return bool(objectives) and all(
        o.id in session.votes and session.votes[o.id].revealed for o in objectives
    )


def reveal(session: Session) -> float | None:
    """Reveal every objective's votes together and store the priority share (returned)."""
    for objective in candidates(session):
        session.votes_for(objective.id).revealed = True
    return session.compute_priority_share()


def hide(session: Session) -> None:
    """Hide the results again (a new round of voting)."""
    for votes in session.votes.values():
        votes.revealed = False


def set_priority(session: Session, objective_id: str, participant_id: str, answer: str) -> None:
    session.participant(participant_id)
    session.votes_for(objective_id).set_priority(participant_id, answer)
    if is_revealed(session):  # votes changed after the reveal: keep the stored share true
        session.compute_priority_share()


def add_dots(session: Session, objective_id: str, participant_id: str, delta: int) -> int:
    """Add (or remove, delta < 0) dots; ValueError beyond the dots per participant."""
    session.participant(participant_id)
    current = session.votes_for(objective_id).dots.get(participant_id, 0)
    count = max(0, current + delta)
    session.set_dots(objective_id, participant_id, count)
    if count == 0:
        session.votes_for(objective_id).dots.pop(participant_id, None)
    return count


def dots_left(session: Session, participant_id: str) -> int:
    return session.dots_per_participant - session.dots_used(participant_id)


@dataclass(frozen=True)
class Result:
    objective: Objective
    tally: dict[str, int]
    """yes / unsure / no → count"""
    dots: int
    judged_priority: bool

    @property
    def voters(self) -> int:
        return sum(self.tally.values())

    def share(self, answer: str) -> float:
        return self.tally[answer] / self.voters if self.voters else 0.0


def results(session: Session) -> list[Result]:
    """One result per candidate objective, ranked by the answers first, most "clearly a
    priority" (yes) first, then by dots: the question asked of everyone leads, the dots
    (optional, and spread at will) only break ties."""
    out = []
    for objective in candidates(session):
        votes = session.votes.get(objective.id)
        tally = votes.tally() if votes else dict.fromkeys(PRIORITY_VOTES, 0)
        out.append(
            Result(
                objective,
                tally,
                votes.dots_total if votes else 0,
                bool(votes and votes.judged_priority),
            )
        )
    out.sort(key=lambda r: (-r.tally["yes"], -r.dots))
    return out


def share_counts(session: Session) -> tuple[int, int]:
    """(objectives judged clearly a priority, objectives voted on): the two numbers behind
    `Session.compute_priority_share` (an objective dropped after the vote still counts: the
    share says what the vote said; `voted_not_candidates` says how many such are not shown)."""
    ids = {o.id for o in session.objectives}
    voted = [v for oid, v in session.votes.items() if v.priority and oid in ids]
    return sum(v.judged_priority for v in voted), len(voted)


def voted_not_candidates(session: Session) -> int:
    """Objectives voted on that were dropped or merged since: counted in the share, no longer
    on the ballot."""
    shown = {o.id for o in candidates(session)}
    return sum(
        1
        for o in session.objectives
        if o.id not in shown and o.id in session.votes and session.votes[o.id].priority
    )


def bar(fraction: float, width: int) -> str:
    """A horizontal bar in eighths of a cell: `fraction` (0..1) of `width` cells."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[rest] if rest else "")).ljust(width)


@dataclass(frozen=True)
class Change:
    previous: Session
    previous_share: float
    share: float

    @property
    def points(self) -> float:
        """The change in percentage points (+30 means 30 points more judged a priority)."""
        return round((self.share - self.previous_share) * 100, 1)


def previous_share(
    session: Session, load: Callable[[str], Session | None], max_depth: int = 12
) -> tuple[Session, float] | None:
    """The nearest session up the `follows` chain that stored a priority share."""
    seen = {session.id}
    follows = session.follows
    for _ in range(max_depth):
        if not follows or follows in seen:
            return None
        seen.add(follows)
        previous = load(follows)
        if previous is None:
            return None
        if previous.priority_share is not None:
            return previous, previous.priority_share
        follows = previous.follows
    return None


def change(session: Session, load: Callable[[str], Session | None]) -> Change | None:
    """How the share judged clearly a priority moved since the session this one follows."""
    if session.priority_share is None:
        return None
    found = previous_share(session, load)
    if found is None:
        return None
    return Change(found[0], found[1], session.priority_share)
