"""The workshop service's participant operations (`facilitator.workshop.participants`): who may
join, act in which step, on which item; each refusal named."""

from __future__ import annotations

import pytest

from facilitator.room import votes
from facilitator.store import SessionStore
from facilitator.workshop import InvalidInput, Workshop, create_follow_up
from facilitator.workshop.participants import RoomRefused, RoomState, open_activities
from facilitator.workshops import session_template


def _refused(reason: str) -> pytest.RaisesContext[RoomRefused]:
    return pytest.raises(RoomRefused, match=f"room: {reason}")


def test_a_participant_joins_with_the_code_once_and_a_wrong_code_is_refused(workshop: Workshop):
    workshop.join_room(" abc234 ", "ml", "hash-ml", "en")
    assert RoomState.of(workshop.session).participant_for("hash-ml") == "ml"
    with _refused("taken"):
        workshop.join_room("ABC234", "ml", "another", "fr")
    with _refused("bad_code"):
        workshop.join_room("ABC235", "kb", "hash-kb", "fr")
    assert RoomState.of(workshop.session).participant_for("hash-kb") is None


def test_a_newcomer_joins_only_when_the_facilitator_allows_it(workshop: Workshop):
    with _refused("no_joining"):
        workshop.join_room_as_new("ABC234", "Zoé", "hash-z", "fr")
    workshop.open_room("ABC234", allow_new=True)
    pid = workshop.join_room_as_new("ABC234", "Zoé", "hash-z", "fr")
    assert workshop.session.participant(pid).name == "Zoé"


def test_a_locked_room_lets_nobody_new_in_and_a_closed_one_refuses_everything(
    workshop: Workshop,
):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")
    workshop.lock_room(True)
    with _refused("locked"):
        workshop.join_room("ABC234", "kb", "hash-kb", "fr")
    workshop.add_card("ml", "Une idée")  # those who joined go on
    workshop.close_room()
    assert RoomState.of(workshop.session).devices == {}
    with _refused("closed"):
        workshop.add_card("ml", "Une autre")
    with _refused("closed"):
        workshop.join_room("ABC234", "kb", "hash-kb", "fr")


def test_cards_are_the_writers_own_even_when_anonymous(workshop: Workshop):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")
    workshop.join_room("ABC234", "kb", "hash-kb", "fr")
    card = workshop.add_card("ml", "Réduire les délais de libération des lots")
    proposal = next(p for p in workshop.session.proposals if p.id == card)
    assert proposal.author is None  # the demo's brainstorm is anonymous
    with _refused("not_yours"):
        workshop.edit_card("kb", card, "Autre chose")
    workshop.edit_card("ml", card, "Réduire les délais de libération")
    assert proposal.text != next(p for p in workshop.session.proposals if p.id == card).text
    workshop.close_room()
    assert "'ml'" not in str(workshop.session.extra)  # nothing tells whose card it was


def test_an_anonymous_card_signed_by_habit_loses_the_name(workshop: Workshop):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")

    def text(card: str) -> str:
        return next(p for p in workshop.session.proposals if p.id == card).text

    card = workshop.add_card("ml", "Marc : Réduire les délais de libération des lots")
    assert text(card) == "Réduire les délais de libération des lots"
    workshop.edit_card("ml", card, "Marc Lefort : Libérer chaque lot à temps")
    assert text(card) == "Libérer chaque lot à temps"
    # A colon in the idea itself stays.
    assert text(workshop.add_card("ml", "Délais : les réduire de moitié")).startswith("Délais")


def test_a_participant_acts_only_in_the_steps_open_to_them(workshop: Workshop):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")
    with _refused("not_open"):
        workshop.cast_priority("ml", "obj-ged", "yes")
    workshop.open_step_to_participants("priority-vote")
    assert open_activities(workshop.session) == {"brainstorm": 1, "vote": 6}
    workshop.cast_priority("ml", "obj-ged", "yes")
    workshop.close_step_to_participants("brainstorm")
    with _refused("not_open"):
        workshop.add_card("ml", "Une idée")
    workshop.close_step_to_participants()
    assert open_activities(workshop.session) == {}
    with pytest.raises(InvalidInput):
        workshop.open_step_to_participants("break")


def test_ballots_are_cast_until_the_reveal_and_dots_are_bounded(workshop: Workshop):
    workshop.join_room("ABC234", "pf", "hash-pf", "fr")  # absent in the demo: present now
    workshop.open_step_to_participants("priority-vote")
    workshop.cast_priority("pf", "obj-ged", "yes")
    for _ in range(workshop.session.dots_per_participant):
        workshop.cast_dots("pf", "obj-ged", 1)
    with pytest.raises(InvalidInput, match="no dots left"):
        workshop.cast_dots("pf", "obj-qualite", 1)
    with pytest.raises(InvalidInput):
        workshop.cast_dots("pf", "obj-ged", 3)
    workshop.reveal_votes()
    with _refused("revealed"):
        workshop.cast_priority("pf", "obj-ged", "no")
    assert workshop.session.votes["obj-ged"].priority["pf"] == "yes"
    assert votes.is_revealed(workshop.session)


def test_a_proposed_version_waits_for_the_facilitator_who_accepts_or_declines_it(
    workshop: Workshop,
):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")
    with _refused("not_open"):
        workshop.propose_version("ml", "obj-ged", None, "Réduire de moitié le temps de recherche")
    workshop.open_step_to_participants("objectives")
    before = len(workshop.session.objective("obj-ged").versions)
    first = workshop.propose_version(
        "ml", "obj-ged", None, "Réduire de moitié le temps de recherche", scores={"overall": 70}
    )
    second = workshop.propose_version("ml", "obj-ged", "kr-ged-1", "Passer de 20 à 5 minutes")
    assert len(workshop.session.objective("obj-ged").versions) == before
    n = workshop.accept_proposed(first, "proposée par Marc")
    workshop.decline_proposed(second)
    objective = workshop.session.objective("obj-ged")
    assert n == before + 1 and objective.text == "Réduire de moitié le temps de recherche"
    assert [e["status"] for e in RoomState.of(workshop.session).proposed] == [
        "accepted",
        "declined",
    ]
    with pytest.raises(InvalidInput, match="already accepted"):
        workshop.accept_proposed(first)


def test_a_key_results_owner_checks_in_their_own_key_results_only(
    store: SessionStore, workshop: Workshop
):
    review = create_follow_up(store, workshop.session_id, session_template("monthly-review"))
    follow = Workshop(store, review.id)
    step = next(s for s in review.agenda if s.kind == "review")
    follow.open_room("XYZ789", step_id=step.id)
    follow.join_room("XYZ789", "sm", "hash-sm", "fr")
    own = next(kr for _, kr in review.key_results() if kr.owner == "sm")
    other = next(kr for _, kr in review.key_results() if kr.owner not in ("sm", ""))
    follow.record_own_checkin("sm", own.id, "3", 7, "")
    assert follow.session.key_result(own.id).last_checkin.current == "3"
    with _refused("not_yours"):
        follow.record_own_checkin("sm", other.id, "3", 7, "")


def test_operations_run_together_in_one_write_and_a_refusal_stops_only_itself(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
):
    workshop.join_room("ABC234", "ml", "hash-ml", "fr")
    workshop.join_room("ABC234", "kb", "hash-kb", "fr")
    writes = []
    update = workshop.store.update
    monkeypatch.setattr(workshop.store, "update", lambda *args: writes.append(1) or update(*args))
    results = workshop.together(
        [
            lambda w: w.add_card("ml", "Carte de Marc"),
            lambda w: w.add_card("hv", "Hélène n'a pas rejoint"),
            lambda w: w.add_card("kb", ""),
            lambda w: w.add_card("kb", "Carte de Karim"),
        ]
    )
    assert len(writes) == 1
    assert isinstance(results[1], RoomRefused) and isinstance(results[2], InvalidInput)
    texts = {p.id: p.text for p in workshop.session.proposals}
    assert [texts[results[0]], texts[results[3]]] == ["Carte de Marc", "Carte de Karim"]


def test_a_key_results_owner_grades_their_own_key_results_only(
    store: SessionStore, workshop: Workshop
):
    retro = create_follow_up(store, workshop.session_id, session_template("retrospective"))
    follow = Workshop(store, retro.id)
    follow.open_room("XYZ789")
    follow.join_room("XYZ789", "sm", "hash-sm", "fr")
    own = next(kr for _, kr in retro.key_results() if kr.owner == "sm")
    other = next(kr for _, kr in retro.key_results() if kr.owner not in ("sm", ""))
    with _refused("not_open"):
        follow.record_own_grade("sm", own.id, 0.7)
    follow.open_step_to_participants("grading")
    assert open_activities(follow.session) == {"grading": 1}
    follow.record_own_grade("sm", own.id, 0.7)
    follow.record_own_grade("sm", own.id, 0.6)  # a second grade corrects the first
    assert follow.session.key_result(own.id).grade == 0.6
    with _refused(f"not_yours \\(kr_id: {other.id} "):
        follow.record_own_grade("sm", other.id, 0.9)
    for wrong in (1.5, -0.1, float("nan")):
        with pytest.raises(InvalidInput, match="grade"):
            follow.record_own_grade("sm", own.id, wrong)
    assert follow.session.key_result(other.id).grade is None
