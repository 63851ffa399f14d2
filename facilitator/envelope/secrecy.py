"""What leaves the store in an export, and what never does.

The JSON a facilitator writes out (`facilitator export --format json`, the app's export) goes
by mail and into shared folders: it carries each vote's results, never who voted what, and
none of the participants' room secrets (the join code, the hashes of the devices' tokens, the
card keys derived from them). The store's own files and the in-process copies made by import
keep everything (`export_session`).

No workshop template opens the votes (`workshops.STEP_OPTIONS` has no such setting), so the
ballots are always aggregated. They keep the shape a session holds, so that an import shows the
same results (tallies, dots, "clearly a priority", the share) with this release or an older
one, and exporting the import again gives the same data: each objective's answers become
anonymous ballots ``anonymous-1`` …, in answer order (yes, unsure, no), so that neither their
names nor their order say who cast them or link two objectives' ballots; its dots become one
total under ``anonymous``.
"""

from __future__ import annotations

from typing import Any

from facilitator.session import PRIORITY_VOTES, Session

from .schema import Envelope, export_session

PARTICIPANT_ROOM = "participant_room"
"""The session's extra key holding the participants' room (`workshop.participants.ROOM`)."""

ROOM_SECRETS = ("code", "devices", "cards")
"""The room's keys that stay in the store: the join code, each device's token hash, the card
keys (a hash of a token hash)."""

ANONYMOUS = "anonymous"
"""The name of an exported ballot: ``anonymous-1`` … for answers, ``anonymous`` for dots."""

BALLOTS = "aggregated"
"""The export envelope's ``ballots`` marker: readers of the file see the votes are not per
person (importing ignores it)."""


def public_export(session: Session) -> Envelope:
    """The envelope of `export_session` with the ballots aggregated and the room's secrets
    left out (see the module's docstring); the room in it is closed, as a room with no device
    is."""
    envelope = export_session(session)
    data = envelope["session"]
    data["votes"] = {oid: aggregated(votes) for oid, votes in data.get("votes", {}).items()}
    room = data.get(PARTICIPANT_ROOM)
    if isinstance(room, dict):
        kept = {key: value for key, value in room.items() if key not in ROOM_SECRETS}
        data[PARTICIPANT_ROOM] = {**kept, "closed": True, "open_steps": []}
    envelope["ballots"] = BALLOTS
    return envelope


def aggregated(votes: dict[str, Any]) -> dict[str, Any]:
    """One objective's stored votes (`VoteSet.to_dict()`) with anonymous ballots only."""
    answers = sorted(
        votes.get("priority", {}).values(),
        key=lambda a: PRIORITY_VOTES.index(a) if a in PRIORITY_VOTES else len(PRIORITY_VOTES),
    )
    dots = sum(votes.get("dots", {}).values())
    return {
        **votes,
        "priority": {f"{ANONYMOUS}-{n}": answer for n, answer in enumerate(answers, 1)},
        "dots": {ANONYMOUS: dots} if dots else {},
    }
