"""A follow-up carries the open actions, the decisions (to recall) and the open parking-lot
items of the session it follows; the room closes the carried actions as done or drops them."""

from __future__ import annotations

from datetime import date

from facilitator.room import carried, wrapup
from facilitator.store import SessionStore
from facilitator.workshop import Workshop, create_follow_up
from facilitator.workshops import list_templates


def _template(kind: str):
    return next(t for t in list_templates("fr") if t.kind == kind)


def _framing_log(workshop: Workshop) -> dict[str, str]:
    ids = {
        "decision": workshop.add_decision("Le lancement de Dermavel passe avant la GED"),
        "open": workshop.add_action("Chiffrer la GED", "ml", "30/04/2026"),
        "done": workshop.add_action("Envoyer le compte rendu", "jd", "20/03/2026"),
        "dropped": workshop.add_action("Comparer trois éditeurs", "jd", "15/04/2026"),
        "parked": workshop.park("Budget formation", "ml", "En parler au CODIR"),
        "settled": workshop.park("Télétravail", "jd", "Voir la DRH"),
    }
    workshop.set_action_done(ids["done"], True)
    workshop.set_action_dropped(ids["dropped"], True)
    workshop.set_parking_resolved(ids["settled"], True)
    return ids


def test_a_review_carries_open_actions_open_parking_and_recalls_decisions(
    store: SessionStore, workshop: Workshop
) -> None:
    ids = _framing_log(workshop)
    review = create_follow_up(store, "s1", _template("review"), today=date(2026, 4, 16))
    stored = store.load(review.id)
    found = carried.carried(stored)
    assert [a.id for a in found.actions] == [ids["open"]]
    action = found.actions[0]
    assert (action.text, action.owner, action.due) == ("Chiffrer la GED", "ml", "2026-04-30")
    assert carried.carried_from(action) == {"id": "s1", "title": "Cadrage", "date": ""}
    assert [p.id for p in found.parking] == [ids["parked"]]
    assert found.parking[0].has_follow_up  # its owner and next step come along
    assert [(d["text"], d["session_id"]) for d in found.decisions] == [
        ("Le lancement de Dermavel passe avant la GED", "s1")
    ]
    assert stored.decisions == []  # recalled, not the review's own decisions


def test_the_room_closes_a_carried_action_as_done_or_drops_it(
    store: SessionStore, workshop: Workshop
) -> None:
    workshop.add_action("Chiffrer la GED", "ml", "30/04/2026")
    workshop.add_action("Former les KAM", "jd", "30/05/2026")
    review = create_follow_up(store, "s1", _template("review"))
    room = Workshop(store, review.id)
    first, second = (a.id for a in room.session.actions)
    room.set_action_done(first, True)
    room.set_action_dropped(second, True)
    actions = store.load(review.id).actions
    assert [carried.outcome(a) for a in actions] == ["done", "dropped"]
    assert wrapup.open_items(store.load(review.id)).actions == []
    room.set_action_done(second, True)  # done after all: no longer dropped
    assert carried.outcome(store.load(review.id).actions[1]) == "done"


def test_a_retrospective_after_a_review_points_at_the_workshop_of_the_action(
    store: SessionStore, workshop: Workshop
) -> None:
    workshop.add_action("Chiffrer la GED", "ml", "30/04/2026")
    workshop.add_decision("La GED attendra le T3")
    review = create_follow_up(store, "s1", _template("review"))
    Workshop(store, review.id).add_decision("Le budget formation est voté")
    retro = create_follow_up(store, review.id, _template("retrospective"))
    found = carried.carried(store.load(retro.id))
    assert [carried.carried_from(a)["id"] for a in found.actions] == ["s1"]  # type: ignore[index]
    assert [(d["text"], d["session_id"]) for d in found.decisions] == [
        ("La GED attendra le T3", "s1"),
        ("Le budget formation est voté", review.id),
    ]


def test_a_session_with_nothing_open_carries_nothing(
    store: SessionStore, workshop: Workshop
) -> None:
    review = create_follow_up(store, "s1", _template("review"))
    assert carried.carried(store.load(review.id)).empty
