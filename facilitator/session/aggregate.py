"""The aggregate: `Session`, everything one workshop or OKR ritual produces.

The TUI edits it, the store saves it (one file per session) and the minutes writers read it.
Its methods are the rules that belong to the data itself: lookups by id, adding records, dots
per participant, the agenda's timer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from .codec import Record, SessionFormatError, one_of, shown
from .records import (
    Action,
    AgendaStep,
    Decision,
    ParentObjective,
    ParkingItem,
    Participant,
    Proposal,
    VoteSet,
    find_by_id,
)
from .stamps import new_id, now_iso, now_or
from .wordings import KeyResult, Objective

SCHEMA_VERSION = 1
"""Version of the session data layout; the store refuses files with a higher number."""

KINDS = ("framing", "drafting", "review", "retrospective")
LANGS = ("fr", "en")


@dataclass(kw_only=True)
class Session(Record):
    FIELD: ClassVar[str] = ""

    # meta
    id: str = field(default_factory=new_id)
    schema_version: int = SCHEMA_VERSION
    kind: str = field(default="framing", metadata=one_of(KINDS))
    template: str = ""
    lang: str = field(default="fr", metadata=one_of(LANGS))
    title: str = ""
    organisation: str = ""
    date: str = ""
    place: str = ""
    facilitator: str = ""
    follows: str | None = None
    """Id of the session this one follows (a review follows a framing workshop)."""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    # people and strategy
    participants: list[Participant] = field(default_factory=list)
    vision: str = ""
    parents: list[ParentObjective] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    """Accepted acronyms and terms → definition; the engine does not flag them."""
    # agenda
    agenda: list[AgendaStep] = field(default_factory=list)
    current_step: int = 0
    timer_paused: bool = False
    # the work
    objectives: list[Objective] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    votes: dict[str, VoteSet] = field(default_factory=dict)
    """objective id → its votes."""
    dots_per_participant: int = 3
    priority_share: float | None = None
    """Share of objectives judged clearly a priority (0..1), kept for the next cycle."""
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    parking: list[ParkingItem] = field(default_factory=list)
    # retrospective
    worked: list[str] = field(default_factory=list)
    to_change: list[str] = field(default_factory=list)

    # -- lookups ------------------------------------------------------------------------------

    def participant(self, participant_id: str) -> Participant:
        return find_by_id(self.participants, participant_id, "participant")

    def present_participants(self) -> list[Participant]:
        return [p for p in self.participants if p.present]

    def objective(self, objective_id: str) -> Objective:
        return find_by_id(self.objectives, objective_id, "objective")

    def parent(self, parent_id: str) -> ParentObjective:
        return find_by_id(self.parents, parent_id, "parent objective")

    def key_results(self) -> Iterator[tuple[Objective, KeyResult]]:
        for objective in self.objectives:
            for kr in objective.key_results:
                yield objective, kr

    def key_result(self, kr_id: str) -> KeyResult:
        for _, kr in self.key_results():
            if kr.id == kr_id:
                return kr
        raise KeyError(f"no key result with id {kr_id!r}")

    def counts(self) -> dict[str, int]:
        return {
            "participants": len(self.participants),
            "present": len(self.present_participants()),
            "objectives": len(self.objectives),
            "key_results": sum(1 for _ in self.key_results()),
            "proposals": len(self.proposals),
            "decisions": len(self.decisions),
            "actions": len(self.actions),
            "parking": len(self.parking),
        }

    # -- adding things ------------------------------------------------------------------------

    def add_participant(
        self, name: str, role: str = "", team: str = "", present: bool = True
    ) -> Participant:
        participant = Participant(name=name, role=role, team=team, present=present)
        self.participants.append(participant)
        return participant

    def add_objective(
        self,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        **attrs: Any,
    ) -> Objective:
        """A new objective whose version 1 is `text`; `attrs` sets owner, parent_id …"""
        objective = Objective.first(text, scores, findings, note, **attrs)
        self.objectives.append(objective)
        return objective

    def add_proposal(
        self, text: str, author: str | None = None, proposal_id: str | None = None
    ) -> Proposal:
        proposal = Proposal(id=proposal_id or new_id(), text=text, author=author)
        self.proposals.append(proposal)
        return proposal

    def merge_proposals(
        self, ids: Iterable[str], text: str, merged_id: str | None = None
    ) -> Proposal:
        """Merge proposals into a new one worded `text`; the sources stay, marked merged.

        `merged_id` fixes the new proposal's id (a change replayed after a failed save must
        give the same result)."""
        sources = [find_by_id(self.proposals, pid, "proposal") for pid in ids]
        if not sources:
            raise ValueError("nothing to merge")
        authors = {p.author for p in sources}
        merged = self.add_proposal(text, authors.pop() if len(authors) == 1 else None, merged_id)
        for source in sources:
            source.status = "merged"
            source.merged_into = merged.id
        return merged

    def drop_proposal(self, proposal_id: str) -> None:
        find_by_id(self.proposals, proposal_id, "proposal").status = "dropped"

    def add_decision(self, text: str, step_id: str | None = None) -> Decision:
        decision = Decision(text=text, step_id=step_id or self._current_step_id())
        self.decisions.append(decision)
        return decision

    def add_action(self, text: str, owner: str = "", due: str = "") -> Action:
        action = Action(text=text, owner=owner, due=due, step_id=self._current_step_id())
        self.actions.append(action)
        return action

    def park(self, text: str, owner: str = "", next_step: str = "") -> ParkingItem:
        item = ParkingItem(
            text=text, owner=owner, next_step=next_step, step_id=self._current_step_id()
        )
        self.parking.append(item)
        return item

    def open_parking(self) -> list[ParkingItem]:
        """Parking-lot items still lacking a follow-up (the wrap-up cannot close on these)."""
        return [p for p in self.parking if not p.resolved and not p.has_follow_up]

    # -- votes --------------------------------------------------------------------------------

    def votes_for(self, objective_id: str) -> VoteSet:
        """The votes on an objective, created empty on first use."""
        self.objective(objective_id)
        return self.votes.setdefault(objective_id, VoteSet())

    def dots_used(self, participant_id: str) -> int:
        return sum(v.dots.get(participant_id, 0) for v in self.votes.values())

    def set_dots(self, objective_id: str, participant_id: str, count: int) -> None:
        votes = self.votes_for(objective_id)
        others = self.dots_used(participant_id) - votes.dots.get(participant_id, 0)
        if count < 0 or others + count > self.dots_per_participant:
            raise ValueError(
                f"{count} dots would exceed the {self.dots_per_participant} dots per participant"
                f" ({others} already placed)"
            )
        votes.dots[participant_id] = count

    def compute_priority_share(self) -> float | None:
        """Share of voted objectives judged clearly a priority; also stored in the session."""
        voted = [v for oid, v in self.votes.items() if v.priority and self._has_objective(oid)]
        self.priority_share = sum(v.judged_priority for v in voted) / len(voted) if voted else None
        return self.priority_share

    def _has_objective(self, objective_id: str) -> bool:
        return any(o.id == objective_id for o in self.objectives)

    # -- agenda and timer ---------------------------------------------------------------------

    @property
    def step(self) -> AgendaStep | None:
        if 0 <= self.current_step < len(self.agenda):
            return self.agenda[self.current_step]
        return None

    def _current_step_id(self) -> str | None:
        step = self.step
        return step.id if step else None

    def start_timer(self, now: datetime | None = None) -> None:
        if self.step is not None:
            self.step.start(now)
        self.timer_paused = False

    def pause_timer(self, now: datetime | None = None) -> None:
        if self.step is not None:
            self.step.stop(now)
        self.timer_paused = True

    def goto_step(self, index: int, now: datetime | None = None) -> AgendaStep | None:
        """Leave the current step (done if time was spent on it) and start step `index`.

        The new step's timer starts unless the timer is paused.
        """
        if not 0 <= index < len(self.agenda):
            raise IndexError(f"no agenda step {index} (the agenda has {len(self.agenda)})")
        moment = now_or(now)
        leaving = self.step
        if leaving is not None and index != self.current_step:
            leaving.stop(moment)
            leaving.status = "done" if leaving.actual_seconds > 0 else "pending"
        self.current_step = index
        step = self.agenda[index]
        if self.timer_paused:
            step.status = "running"
        else:
            step.start(moment)
        return step

    def next_step(self, now: datetime | None = None) -> AgendaStep | None:
        if self.current_step + 1 >= len(self.agenda):
            if self.step is not None:  # finishing the last step
                self.step.stop(now)
                self.step.status = "done"
            return None
        return self.goto_step(self.current_step + 1, now)

    def previous_step(self, now: datetime | None = None) -> AgendaStep | None:
        if self.current_step <= 0:
            return self.step
        return self.goto_step(self.current_step - 1, now)

    # -- serialisation ------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Any, where: str | None = None) -> Session:
        """The session held by `data` (see `Record.from_dict`); two records of one collection
        with the same id are a `SessionFormatError` too."""
        session = super().from_dict(data, where)
        session._check_unique_ids(f"{where}." if where else "")
        return session

    def _check_unique_ids(self, prefix: str) -> None:
        """Records are found by id and shown in tables keyed by id: two with one id would make
        the app edit the wrong one or fail to draw the table."""

        def located(name: str, items: Iterable[Any]) -> Iterator[tuple[str, str]]:
            return ((f"{name}[{i}]", item.id) for i, item in enumerate(items))

        key_results = (
            (f"objectives[{i}].key_results[{j}]", kr.id)
            for i, objective in enumerate(self.objectives)
            for j, kr in enumerate(objective.key_results)
        )
        for records in (
            located("participants", self.participants),
            located("parents", self.parents),
            located("agenda", self.agenda),
            located("objectives", self.objectives),
            key_results,  # across objectives: `key_result(id)` searches the whole session
            located("proposals", self.proposals),
            located("decisions", self.decisions),
            located("actions", self.actions),
            located("parking", self.parking),
        ):
            seen: dict[str, str] = {}
            for place, record_id in records:
                if record_id in seen:
                    raise SessionFormatError(
                        f"{prefix}{place}.id",
                        f"{shown(record_id)} is already the id of {prefix}{seen[record_id]}",
                    )
                seen[record_id] = place

    def copy(self) -> Session:
        """A deep, independent copy."""
        return Session.from_dict(self.to_dict())
