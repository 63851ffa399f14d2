"""What an export keeps secret (issue 14, security): who voted what and the participants' room
secrets stay in the store; the results survive an import, and a second export is the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.demo import demo_session
from facilitator.envelope import export_session
from facilitator.envelope.secrecy import PARTICIPANT_ROOM, aggregated
from facilitator.minutes import jsonfile, render
from facilitator.room import votes
from facilitator.session import Session
from facilitator.store import SessionStore
from facilitator.web.security import token_hash
from facilitator.workshop import Workshop, create_session
from facilitator.workshop.participants import ROOM, RoomState

CODE = "ABC234"
TOKENS = {"ml": "token-of-marc", "kb": "token-of-karim"}


@pytest.fixture
def session(tmp_path: Path) -> Session:
    """The demo (votes cast by name and revealed) with its room open: two devices joined and
    one card written."""
    store = SessionStore(tmp_path / "sessions")
    create_session(store, demo_session())
    workshop = Workshop(store, demo_session().id)
    workshop.open_room(CODE, step_id="brainstorm")
    for pid, token in TOKENS.items():
        workshop.join_room(CODE, pid, token_hash(token), "fr")
    workshop.add_card("ml", "Une carte du téléphone de Marc")
    return store.load(workshop.session_id)


def test_the_room_key_is_the_workshops() -> None:
    assert PARTICIPANT_ROOM == ROOM


def test_an_export_carries_no_ballot_by_name_and_no_room_secret(session: Session) -> None:
    stored = RoomState.of(session)
    assert stored.devices and stored.cards and stored.code == CODE  # there are secrets to keep
    text = jsonfile.render(session).decode("utf-8")
    data = json.loads(text)
    assert data["ballots"] == "aggregated"
    people = {p.id for p in session.participants}
    for objective_id, exported in data["session"]["votes"].items():
        assert not people & (set(exported["priority"]) | set(exported["dots"])), objective_id
    for secret in (
        CODE,
        *TOKENS.values(),
        *(token_hash(t) for t in TOKENS.values()),
        *stored.cards.values(),
    ):
        assert secret not in text
    room = data["session"][PARTICIPANT_ROOM]
    assert room["closed"] is True and not {"code", "devices", "cards"} & set(room)


def test_an_imported_export_shows_the_same_results(session: Session) -> None:
    imported = jsonfile.loads(jsonfile.render(session))
    assert votes.results(imported) == votes.results(session)
    assert votes.share_counts(imported) == votes.share_counts(session)
    assert imported.priority_share == session.priority_share
    assert render(imported, "md") == render(session, "md")  # the minutes tell the same vote
    assert RoomState.of(imported).closed and not RoomState.of(imported).devices
    again = json.loads(jsonfile.render(imported))
    first = json.loads(jsonfile.render(session))
    assert {**again, "exported": None} == {**first, "exported": None}


def test_ballots_are_ordered_by_answer_not_by_voter() -> None:
    cast = {"priority": {"z": "no", "a": "yes", "m": "unsure", "b": "yes"}, "dots": {"z": 2}}
    assert aggregated(cast) == {
        "priority": {
            "anonymous-1": "yes",
            "anonymous-2": "yes",
            "anonymous-3": "unsure",
            "anonymous-4": "no",
        },
        "dots": {"anonymous": 2},
    }
    assert aggregated({"priority": {}, "dots": {}, "revealed": False}) == {
        "priority": {},
        "dots": {},
        "revealed": False,
    }


def test_the_store_keeps_everything(session: Session) -> None:
    """The in-process envelope (the store's import, the demo's reset) is complete."""
    kept = export_session(session)["session"]
    assert kept["votes"]["obj-ged"]["priority"] == session.votes["obj-ged"].priority
    assert kept[PARTICIPANT_ROOM]["devices"].keys() == TOKENS.keys()


def test_the_minutes_give_each_vote_s_results_and_name_no_voter(session: Session) -> None:
    markdown = render(session, "md").decode("utf-8")
    section = markdown.split("\n## Votes\n")[1].split("\n## ")[0]
    assert "| 8 | 1 | 0 | 7 | Oui |" in section
    assert not [p.name for p in session.participants if p.name in section]
    header = render(session, "csv").decode("utf-8-sig").splitlines()[0]
    assert "vote" not in header and "priority" not in header
