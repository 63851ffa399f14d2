"""Decisions, actions and the parking lot, and what the wrap-up must still settle.

Entries can be made from any step; each keeps the id of the step it was made in. Ids are chosen
by the caller, so a change replayed after a failed save gives the same result.

The wrap-up cannot close while a parking-lot item has no follow-up (an owner and a next step):
a topic set aside and never picked up is how a room loses trust in the parking lot. It warns,
without blocking, about objectives without key results, key results without an owner or
whose figures are still to set ("de X % à Y %"), objectives neither retained nor dropped, and
retained objectives whose wording is not final: the facilitator may close anyway, knowingly.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from facilitator.room import carried, review
from facilitator.session import Action, Decision, KeyResult, Objective, ParkingItem, Session


def add_decision(session: Session, decision_id: str, text: str) -> Decision:
    decision = Decision(id=decision_id, text=text, step_id=_step_id(session))
    session.decisions.append(decision)
    return decision


def add_action(session: Session, action_id: str, text: str, owner: str, due: str) -> Action:
    """An action owned by a participant present (ValueError otherwise), with a due date."""
    check_owner(session, owner)
    action = Action(id=action_id, text=text, owner=owner, due=due, step_id=_step_id(session))
    session.actions.append(action)
    return action


def park(
    session: Session, item_id: str, text: str, owner: str = "", next_step: str = ""
) -> ParkingItem:
    if owner:
        check_owner(session, owner)
    item = ParkingItem(
        id=item_id, text=text, owner=owner, next_step=next_step, step_id=_step_id(session)
    )
    session.parking.append(item)
    return item


def follow_up_parking(session: Session, item_id: str, owner: str, next_step: str) -> None:
    check_owner(session, owner)
    item = next(p for p in session.parking if p.id == item_id)
    item.owner, item.next_step = owner, next_step


def check_owner(session: Session, owner: str) -> None:
    """An owner is a participant present in the room."""
    present = {p.id for p in session.present_participants()}
    if owner not in present:
        raise ValueError(f"the owner must be a participant present, not {owner!r}")


def _step_id(session: Session) -> str | None:
    step = session.step
    return step.id if step is not None else None


def owner_name(session: Session, owner: str) -> str:
    """A participant's name for an owner id (or the text itself, typed by the room)."""
    for person in session.participants:
        if person.id == owner:
            return person.name
    return owner


@dataclass(frozen=True)
class OpenItems:
    parking: list[ParkingItem]
    """Parking-lot items without owner and next step: they block the close."""
    actions: list[Action]
    """Actions neither done nor dropped (listed, they do not block)."""
    incomplete_actions: list[Action]
    """Actions missing an owner or a due date."""
    orphans: list[Objective]
    """Objectives neither aligned nor marked independent."""
    votes_hidden: bool
    """Votes were cast but never revealed."""
    without_key_results: list[Objective] = field(default_factory=list)
    """Drafts and retained objectives with no key result."""
    unowned_key_results: list[tuple[Objective, KeyResult]] = field(default_factory=list)
    """Key results (of objectives still in play) with no owner."""
    figures_to_set: list[tuple[Objective, KeyResult]] = field(default_factory=list)
    """Key results (of objectives still in play) that cannot be measured yet: a placeholder
    figure or no target (see `review.figures_to_set`)."""
    undecided: list[Objective] = field(default_factory=list)
    """Objectives still drafts: neither retained nor dropped."""
    not_final: list[Objective] = field(default_factory=list)
    """Retained objectives whose wording is not marked final (reworded since)."""

    @property
    def blocking(self) -> bool:
        return bool(self.parking)

    @property
    def warnings(self) -> int:
        """How many points the facilitator should look at before closing (none blocks)."""
        return (
            len(self.without_key_results)
            + len(self.unowned_key_results)
            + len(self.figures_to_set)
            + len(self.undecided)
            + len(self.not_final)
        )

    @property
    def empty(self) -> bool:
        return not (
            self.parking
            or self.incomplete_actions
            or self.orphans
            or self.votes_hidden
            or self.warnings
        )


def open_items(session: Session) -> OpenItems:
    from facilitator.room.votes import is_revealed

    active = [o for o in session.objectives if o.status != "dropped"]
    known_parents = {p.id for p in session.parents}
    orphans = (
        [o for o in active if not o.independent and o.parent_id not in known_parents]
        if session.parents
        else []
    )
    cast = any(v.priority or v.dots for v in session.votes.values())
    return OpenItems(
        parking=session.open_parking(),
        actions=[a for a in session.actions if carried.outcome(a) == "open"],
        incomplete_actions=[a for a in session.actions if not (a.owner and a.due)],
        orphans=orphans,
        votes_hidden=cast and not is_revealed(session),
        without_key_results=[o for o in active if not o.key_results],
        unowned_key_results=[
            (o, kr) for o in active for kr in o.key_results if not kr.owner.strip()
        ],
        figures_to_set=[
            (o, kr) for o in active for kr in o.key_results if review.figures_to_set(kr)
        ],
        undecided=[o for o in active if o.status == "draft"],
        not_final=[o for o in active if o.status == "retained" and o.final is None],
    )


def close(session: Session, now: datetime | None = None) -> None:
    """Finish the wrap-up step; ValueError while the parking lot blocks it."""
    items = open_items(session)
    if items.blocking:
        raise ValueError(f"{len(items.parking)} parking-lot item(s) without a follow-up")
    current = session.step
    step = current if current is not None and current.kind == "wrapup" else None
    if step is None:
        step = next((s for s in reversed(session.agenda) if s.kind == "wrapup"), current)
    if step is not None:
        step.stop(now)
        step.status = "done"


def parse_due(text: str, today: date | None = None) -> str:
    """A due date as ISO: "2026-04-03", "03/04/2026", "3/4/26", "3.4.2026", or "3/4" (the next
    such day). Day before month, as written in French and British English. ValueError
    otherwise: an action without a real date is not an action."""
    raw = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?", raw)
        if not m:
            raise ValueError(f"not a date: {text!r}")
        day, month = int(m[1]), int(m[2])
        today = today or date.today()
        if m[3]:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        else:
            year = today.year
            with contextlib.suppress(ValueError):
                if date(year, month, day) < today:
                    year += 1
    return date(year, month, day).isoformat()  # ValueError for 31/02
