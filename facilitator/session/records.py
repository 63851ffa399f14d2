"""The session's people, agenda and room records: who is there, the steps, the brainstorm's
proposals, the votes, and what the room decided, will do or set aside."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, TypeVar

from .codec import MOMENT, Record, one_of
from .stamps import new_id, now_iso, now_or, timer_iso

STEP_STATUSES = ("pending", "running", "done")
PROPOSAL_STATUSES = ("open", "merged", "dropped")
PRIORITY_VOTES = ("yes", "unsure", "no")

T = TypeVar("T")


def find_by_id(items: Iterable[T], item_id: str, what: str) -> T:
    """The item of `items` whose id is `item_id`; KeyError naming `what` when none is."""
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise KeyError(f"no {what} with id {item_id!r}")


# --------------------------------------------------------------------------------------------
# People, strategy, agenda


@dataclass(kw_only=True)
class Participant(Record):
    FIELD: ClassVar[str] = "participant"

    id: str = field(default_factory=new_id)
    name: str = ""
    role: str = ""
    team: str = ""
    present: bool = True


@dataclass(kw_only=True)
class ParentObjective(Record):
    """A strategic objective that team objectives align with."""

    FIELD: ClassVar[str] = "parent"

    id: str = field(default_factory=new_id)
    text: str = ""


@dataclass(kw_only=True)
class AgendaStep(Record):
    """One step of the agenda, copied from the template, with its timer state.

    The timer runs while `started_at` is set; `actual_seconds` holds the time spent before that
    run. The app pauses a running step when the session is closed and resumes it when the
    session opens again (`extra["timer_suspended"]`); a killed process leaves the step running,
    so its wall-clock time counts.
    """

    FIELD: ClassVar[str] = "step"

    id: str = field(default_factory=new_id)
    kind: str = ""
    title: str = ""
    planned_minutes: int = 0
    status: str = field(default="pending", metadata=one_of(STEP_STATUSES))
    actual_seconds: float = 0.0
    extra_minutes: int = 0
    started_at: str | None = field(default=None, metadata=MOMENT)

    @property
    def running(self) -> bool:
        return self.started_at is not None

    @property
    def budget_seconds(self) -> float:
        return (self.planned_minutes + self.extra_minutes) * 60.0

    def elapsed(self, now: datetime | None = None) -> float:
        """Seconds spent on this step so far."""
        if self.started_at is None:
            return self.actual_seconds
        started = datetime.fromisoformat(self.started_at)
        return self.actual_seconds + max(0.0, (now_or(now) - started).total_seconds())

    def remaining(self, now: datetime | None = None) -> float:
        """Seconds left in the budget; negative once time is up."""
        return self.budget_seconds - self.elapsed(now)

    def time_up(self, now: datetime | None = None) -> bool:
        return self.remaining(now) <= 0

    def start(self, now: datetime | None = None) -> None:
        self.status = "running"
        if self.started_at is None:
            self.started_at = timer_iso(now_or(now))

    def stop(self, now: datetime | None = None) -> None:
        """Fold the running time into `actual_seconds` (pause)."""
        self.actual_seconds = self.elapsed(now)
        self.started_at = None

    def extend(self, minutes: int = 5) -> None:
        self.extra_minutes += minutes


# --------------------------------------------------------------------------------------------
# Room mechanics


@dataclass(kw_only=True)
class Proposal(Record):
    """An idea from the silent brainstorm; merged and dropped ones are kept for the minutes."""

    FIELD: ClassVar[str] = "proposal"

    id: str = field(default_factory=new_id)
    text: str = ""
    author: str | None = None
    """A participant id, or None when the proposal is anonymous."""
    status: str = field(default="open", metadata=one_of(PROPOSAL_STATUSES))
    merged_into: str | None = None
    """The id of the proposal this one was merged into."""
    objective_id: str | None = None
    """The objective drafted from this proposal, once the room retains it."""
    distinct: list[str] = field(default_factory=list)
    """Ids of proposals the room judged different from this one (never grouped with it)."""
    created: str = field(default_factory=now_iso)


@dataclass(kw_only=True)
class VoteSet(Record):
    """The votes on one objective. Hidden until `revealed`, so nobody anchors on the others."""

    FIELD: ClassVar[str] = "votes"

    priority: dict[str, str] = field(default_factory=dict, metadata=one_of(PRIORITY_VOTES))
    """participant id → "yes" | "unsure" | "no" ("clearly a priority?")."""
    dots: dict[str, int] = field(default_factory=dict)
    """participant id → number of dots put on this objective."""
    revealed: bool = False

    def set_priority(self, participant_id: str, answer: str) -> None:
        if answer not in PRIORITY_VOTES:
            raise ValueError(f"a priority vote is one of {PRIORITY_VOTES}, not {answer!r}")
        self.priority[participant_id] = answer

    def tally(self) -> dict[str, int]:
        counts = dict.fromkeys(PRIORITY_VOTES, 0)
        for answer in self.priority.values():
            if answer in counts:
                counts[answer] += 1
        return counts

    @property
    def dots_total(self) -> int:
        return sum(self.dots.values())

    @property
    def judged_priority(self) -> bool:
        """Clearly a priority: more than half of those who voted said yes."""
        tally = self.tally()
        voters = sum(tally.values())
        return voters > 0 and tally["yes"] * 2 > voters


@dataclass(kw_only=True)
class Decision(Record):
    FIELD: ClassVar[str] = "decision"

    id: str = field(default_factory=new_id)
    text: str = ""
    step_id: str | None = None
    created: str = field(default_factory=now_iso)


@dataclass(kw_only=True)
class Action(Record):
    FIELD: ClassVar[str] = "action"

    id: str = field(default_factory=new_id)
    text: str = ""
    owner: str = ""
    """A participant id (someone present, says issue 4; the UI enforces it)."""
    due: str = ""
    done: bool = False
    step_id: str | None = None
    created: str = field(default_factory=now_iso)


@dataclass(kw_only=True)
class ParkingItem(Record):
    """A topic set aside; it needs an owner and a next step before the wrap-up closes."""

    FIELD: ClassVar[str] = "parking"

    id: str = field(default_factory=new_id)
    text: str = ""
    owner: str = ""
    next_step: str = ""
    resolved: bool = False
    step_id: str | None = None
    created: str = field(default_factory=now_iso)

    @property
    def has_follow_up(self) -> bool:
        return bool(self.owner.strip() and self.next_step.strip())
