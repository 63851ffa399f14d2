"""`Workshop`: every operation on one stored session, for every front end (the TUI, the CLI, the
participants' web page).

Each method validates its inputs (a `WorkshopError` names the field or item at fault and what to
do), chooses the ids of what it creates, runs the change through the store's lock (safe from
several threads and processes: see `changes`) and returns what it created. The operations are
grouped by what the room is doing, one module each; this class puts them together.
"""

from __future__ import annotations

from facilitator.workshop.agenda import AgendaOperations
from facilitator.workshop.drafting import DraftingOperations
from facilitator.workshop.follow_ups import FollowUpOperations
from facilitator.workshop.ideas import IdeaOperations
from facilitator.workshop.objectives import ObjectiveOperations
from facilitator.workshop.participants import ParticipantOperations
from facilitator.workshop.room_log import LogOperations
from facilitator.workshop.scoring import ScoringOperations
from facilitator.workshop.setup import SetupOperations
from facilitator.workshop.voting import VoteOperations


class Workshop(
    SetupOperations,
    AgendaOperations,
    IdeaOperations,
    DraftingOperations,
    ScoringOperations,
    VoteOperations,
    ObjectiveOperations,
    LogOperations,
    FollowUpOperations,
    ParticipantOperations,
):
    """One session of the store: `Workshop(store, session_id, clock=None)`.

    `session` is the session as last saved; change it only through the methods. A write the
    store refuses raises `NotSaved` after applying the change in memory; the next operation
    writes it first (see `SessionChanges`).
    """
