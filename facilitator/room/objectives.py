"""The objective's life: draft → retained, dropped or merged into another, with who decided and
when; reordering; deleting a junk objective; undoing any of these; the vote's outcome as the
set to retain.

Every operation validates first and changes nothing when it refuses, raising an
`ObjectiveError` (a `WorkshopError`, which every front end shows as a readable error) whose
message says why. Times and deciders are passed in, so a change replayed after a failed save
gives the same result.

Undo: `undoable(session, action, ids, op)` runs `op` on a copy of the session first (so a
refusal comes before anything is saved) and returns an `Undo` holding the affected objectives
before and after. `undo(session, record)` puts them back, unless they changed since (another
screen reworded one, for example): then `UndoConflict`, and nothing is touched.

A merged objective is stored as a dropped one with `merged_into` set (see `Objective`); its key
results move to the objective it was merged into.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from facilitator.room.errors import WorkshopError
from facilitator.session import Objective, Session, VoteSet

ACTIVE = ("draft", "retained")
"""Statuses of objectives still in play (voted on, aligned, listed in the minutes)."""


class ObjectiveError(WorkshopError, ValueError):
    """An operation on objectives that cannot be done; the message says why."""


class UnknownObjective(ObjectiveError):
    """No objective has this id (deleted meanwhile, or a stale screen)."""


class StatusError(ObjectiveError):
    """The objective is not in a status this change starts from (retaining a retained one …)."""


class MergeError(ObjectiveError):
    """An objective cannot be merged into that one (itself, a dropped one …)."""


class MoveError(ObjectiveError):
    """The objective is already first or last."""


class DeleteError(ObjectiveError):
    """Deleting would leave other objectives pointing at nothing."""


class UndoConflict(ObjectiveError):
    """What the undo would restore changed since: undoing would lose that change."""


# -- lookups ----------------------------------------------------------------------------------


def find(session: Session, objective_id: str) -> Objective:
    for objective in session.objectives:
        if objective.id == objective_id:
            return objective
    raise UnknownObjective(f"no objective with id {objective_id!r} (deleted meanwhile?)")


def active(session: Session) -> list[Objective]:
    """Objectives still in play: drafts and retained ones."""
    return [o for o in session.objectives if o.status in ACTIVE]


def retained(session: Session) -> list[Objective]:
    return [o for o in session.objectives if o.status == "retained"]


def merged_into(session: Session, objective_id: str) -> list[Objective]:
    """The objectives that were merged into this one."""
    return [o for o in session.objectives if o.merged_into == objective_id]


def _moment(at: datetime | None) -> str:
    moment = at if at is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("a decision time needs its time zone")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _decider(by: str) -> str:
    by = by.strip()
    if not by:
        raise StatusError("say who decided (a participant or the facilitator)")
    return by


def _label(objective: Objective) -> str:
    text = " ".join(objective.text.split())
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


def _decide(objective: Objective, status: str, by: str, at: datetime | None) -> None:
    objective.status = status
    objective.decided_by = by
    objective.decided_at = _moment(at)
    objective.merged_into = None


# -- the life of an objective -----------------------------------------------------------------


def retain(session: Session, objective_id: str, *, by: str, at: datetime | None = None) -> None:
    """Retain a draft (or a dropped objective the room takes back); its current wording is
    marked final when none is, since retaining means the room agrees on it."""
    objective = find(session, objective_id)
    by = _decider(by)
    if objective.status == "retained":
        raise StatusError(f"{_label(objective)} is already retained")
    if objective.merged:
        raise StatusError(f"{_label(objective)} was merged into another objective: reopen it first")
    if not objective.text.strip():
        raise StatusError("an objective without a wording cannot be retained")
    _decide(objective, "retained", by, at)
    if objective.final is None and objective.latest is not None:
        objective.mark_final()


def drop(session: Session, objective_id: str, *, by: str, at: datetime | None = None) -> None:
    """Drop a draft or a retained objective (it stays in the session and the minutes)."""
    objective = find(session, objective_id)
    by = _decider(by)
    if objective.merged:
        raise StatusError(f"{_label(objective)} was already merged into another objective")
    if objective.status == "dropped":
        raise StatusError(f"{_label(objective)} is already dropped")
    _decide(objective, "dropped", by, at)


def merge(
    session: Session, objective_id: str, into: str, *, by: str, at: datetime | None = None
) -> None:
    """Merge an objective into another one still in play: it is marked merged, its key results
    move to the other one (appended), and what was merged into it now points at the other."""
    objective = find(session, objective_id)
    target = find(session, into)
    by = _decider(by)
    if objective.id == target.id:
        raise MergeError("an objective cannot be merged into itself")
    if objective.status not in ACTIVE:
        raise MergeError(
            f"{_label(objective)} is {objective.status}: only drafts and retained objectives "
            "can be merged"
        )
    if target.status not in ACTIVE:
        raise MergeError(f"{_label(target)} is dropped: merge into an objective still in play")
    _decide(objective, "dropped", by, at)
    objective.merged_into = target.id
    target.key_results.extend(objective.key_results)
    objective.key_results = []
    for other in merged_into(session, objective.id):
        other.merged_into = target.id


def reopen(session: Session, objective_id: str) -> None:
    """Back to draft: the room discusses it again (a merged objective's key results stay with
    the objective they moved to; undo the merge to take them back)."""
    objective = find(session, objective_id)
    if objective.status == "draft":
        raise StatusError(f"{_label(objective)} is already a draft")
    objective.status = "draft"
    objective.decided_by = ""
    objective.decided_at = None
    objective.merged_into = None


def move(session: Session, objective_id: str, delta: int) -> int:
    """Move an objective `delta` places up (< 0) or down; its new index."""
    objective = find(session, objective_id)
    index = session.objectives.index(objective)
    new = index + delta
    if delta == 0 or not 0 <= new < len(session.objectives):
        where = "first" if delta < 0 else "last"
        raise MoveError(f"{_label(objective)} is already {where}")
    session.objectives.insert(new, session.objectives.pop(index))
    return new


def delete(session: Session, objective_id: str) -> None:
    """Remove an objective for good (a junk entry): its votes go, the proposals it was drafted
    from become free again, and the stored priority share is recomputed. Refused while other
    objectives are merged into it (their history would point at nothing)."""
    objective = find(session, objective_id)
    children = merged_into(session, objective_id)
    if children:
        raise DeleteError(
            f"{len(children)} objective(s) were merged into {_label(objective)}: "
            "reopen them or delete them first"
        )
    session.objectives.remove(objective)
    had_votes = session.votes.pop(objective_id, None) is not None
    for proposal in session.proposals:
        if proposal.objective_id == objective_id:
            proposal.objective_id = None
    if had_votes and session.priority_share is not None:
        session.compute_priority_share()


# -- the vote's outcome -----------------------------------------------------------------------


def vote_outcome(session: Session) -> list[str]:
    """The objectives the vote points to, in the session's order: those judged clearly a
    priority (more than half of their voters said yes); when nobody answered that question,
    those that got dots. Nothing while the votes are hidden: proposing would reveal them."""
    from facilitator.room import votes

    if not votes.is_revealed(session):
        return []
    results = votes.results(session)
    if any(r.voters for r in results):
        chosen = {r.objective.id for r in results if r.judged_priority}
    else:
        chosen = {r.objective.id for r in results if r.dots > 0}
    return [o.id for o in session.objectives if o.id in chosen]


def retain_set(
    session: Session, ids: Iterable[str], *, by: str, at: datetime | None = None
) -> None:
    """The wrap-up's decision: the objectives in `ids` are retained, every other objective
    still in play is dropped. Objectives already retained keep their first decision."""
    wanted = list(dict.fromkeys(ids))
    by = _decider(by)
    if not wanted:
        raise StatusError("retain at least one objective (or drop them one by one)")
    in_play = {o.id: o for o in active(session)}
    for objective_id in wanted:
        objective = find(session, objective_id)
        if objective.id not in in_play:
            raise StatusError(f"{_label(objective)} is no longer in play ({objective.status})")
        if not objective.text.strip():
            raise StatusError("an objective without a wording cannot be retained")
    for objective in in_play.values():
        if objective.id in wanted:
            if objective.status != "retained":
                retain(session, objective.id, by=by, at=at)
        else:
            drop(session, objective.id, by=by, at=at)


# -- undo -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    """The affected objectives as plain data, where they stood, their votes and links."""

    order: tuple[str, ...]
    objectives: dict[str, dict[str, Any]] = field(default_factory=dict)
    votes: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, str | None] = field(default_factory=dict)
    """proposal id → the objective id it was drafted into (for the affected objectives)."""
    priority_share: float | None = None

    @classmethod
    def of(cls, session: Session, ids: Iterable[str], proposals: Iterable[str]) -> State:
        wanted = set(ids)
        linked = set(proposals)
        return cls(
            order=tuple(o.id for o in session.objectives),
            objectives={o.id: o.to_dict() for o in session.objectives if o.id in wanted},
            votes={oid: v.to_dict() for oid, v in session.votes.items() if oid in wanted},
            links={p.id: p.objective_id for p in session.proposals if p.id in linked},
            priority_share=session.priority_share,
        )

    def same_as(self, other: State) -> bool:
        """The affected records match (the order of the others does not matter)."""
        return (
            self.objectives == other.objectives
            and self.votes == other.votes
            and self.links == other.links
        )


@dataclass(frozen=True)
class Undo:
    """What `undo` needs to put one change back."""

    action: str
    """"retain", "drop", "merge", "reopen", "move", "delete" or "retain_set"."""
    ids: tuple[str, ...]
    before: State
    after: State


def undoable(
    session: Session, action: str, ids: Iterable[str], op: Callable[[Session], object]
) -> Undo:
    """Try `op` on a copy of `session` (ObjectiveError when it refuses, `session` untouched)
    and return how to undo it. `ids` are the objectives `op` touches; those merged into them
    are added, since a merge re-points them."""
    affected = list(dict.fromkeys(ids))
    for objective_id in list(affected):
        find(session, objective_id)
        affected += [o.id for o in merged_into(session, objective_id) if o.id not in affected]
    proposals = [p.id for p in session.proposals if p.objective_id in affected]
    trial = session.copy()
    op(trial)
    return Undo(
        action,
        tuple(affected),
        State.of(session, affected, proposals),
        State.of(trial, affected, proposals),
    )


def undo(session: Session, record: Undo) -> None:
    """Put back what `record`'s change altered; UndoConflict if it changed since."""
    now = State.of(session, record.ids, record.after.links)
    if not now.same_as(record.after):
        raise UndoConflict(
            "the objective changed since (reworded, decided or moved elsewhere): nothing was undone"
        )
    before = record.before
    restored = {oid: Objective.from_dict(data) for oid, data in before.objectives.items()}
    objectives = [restored.pop(o.id, o) for o in session.objectives]
    for objective in restored.values():  # deleted: back where it stood
        index = before.order.index(objective.id)
        objectives.insert(min(index, len(objectives)), objective)
    if record.action == "move":
        rank = {oid: i for i, oid in enumerate(before.order)}
        objectives.sort(key=lambda o: rank.get(o.id, len(rank)))  # new ones stay last
    session.objectives = objectives
    for objective_id in record.ids:
        if objective_id in before.votes:
            session.votes[objective_id] = VoteSet.from_dict(before.votes[objective_id])
        else:
            session.votes.pop(objective_id, None)
    for proposal in session.proposals:
        if proposal.id in before.links:
            proposal.objective_id = before.links[proposal.id]
    if session.priority_share == record.after.priority_share:
        session.priority_share = before.priority_share
