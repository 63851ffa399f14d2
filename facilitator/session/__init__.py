"""The session: everything one workshop or OKR ritual produces, as plain dataclasses.

A `Session` is the aggregate the TUI edits, the store saves (one file per session) and the
minutes writers read. This package does no I/O and imports neither Textual nor spaCy nor
TinyDB: it is pure data plus the few rules that belong to the data itself (versions of a
wording, timer arithmetic, vote tallies, progress of a key result).

Modules: `aggregate` (the `Session`), `records` (people, agenda, room records), `wordings`
(objectives, key results, their versions and check-ins), `progress`, `follow_up` (carrying
work over to the next session), `codec` (the `Record` base: to and from plain data), `stamps`
(ids and times). Import the names from the package: `from facilitator.session import Session`.

Serialisation
-------------
Every record has `to_dict()` (plain JSON types only) and `from_dict(data)`, one generic reader
built from the record's declared fields (`codec`).

* Missing keys take their defaults, so a file written before a field existed still loads.
* A key of the wrong type raises `SessionFormatError` naming the field path
  (``objectives[2].key_results[0].versions[1].scores``), never a bare `TypeError`. So does a
  value the app relies on and could not use: a language, kind or status outside its list, a
  timer start that is not an ISO 8601 time with its offset, a whole number beyond 2**53, two
  records of one collection with the same id (they are looked up and shown by id).
* **Unknown keys are preserved**, deliberately: each record keeps them in its `extra` dict and
  writes them back unchanged. A later release may add an optional field without bumping the
  schema version; an older release editing the same file then keeps that field instead of
  silently dropping it. Known fields always win over `extra` on output.

Times are ISO 8601 strings: `created`/`updated` in UTC to the second, timer starts to the
millisecond. A session's `date` is stored ISO when the set-up could read what was typed
(`facilitator.dates`), else kept as typed; `due` and `deadline` are what the room wrote.
"""

from facilitator.numbers import parse_number

from .aggregate import SCHEMA_VERSION, Session
from .codec import SessionFormatError, shown
from .follow_up import follow_up
from .progress import progress
from .records import (
    PRIORITY_VOTES,
    Action,
    AgendaStep,
    Decision,
    ParentObjective,
    ParkingItem,
    Participant,
    Proposal,
    VoteSet,
)
from .stamps import new_id, now_iso
from .wordings import (
    SCORE_KEYS,
    CheckIn,
    ConfidenceCommentRequired,
    KeyResult,
    Objective,
    Version,
    Versioned,
)

__all__ = [
    "PRIORITY_VOTES",
    "SCHEMA_VERSION",
    "SCORE_KEYS",
    "Action",
    "AgendaStep",
    "CheckIn",
    "ConfidenceCommentRequired",
    "Decision",
    "KeyResult",
    "Objective",
    "ParentObjective",
    "ParkingItem",
    "Participant",
    "Proposal",
    "Session",
    "SessionFormatError",
    "Version",
    "Versioned",
    "VoteSet",
    "follow_up",
    "new_id",
    "now_iso",
    "parse_number",
    "progress",
    "shown",
]
