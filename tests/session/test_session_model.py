"""The session domain model: serialisation, versions, timers, votes, progress, carry-over."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.session import (
    Action,
    AgendaStep,
    CheckIn,
    ConfidenceCommentRequired,
    Decision,
    KeyResult,
    Objective,
    ParentObjective,
    ParkingItem,
    Participant,
    Proposal,
    Session,
    SessionFormatError,
    Version,
    VoteSet,
    follow_up,
    progress,
)
from facilitator.session.codec import Record

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


def full_session() -> Session:
    """A session using every part of the model, as a framing workshop would leave it."""
    s = Session(
        kind="framing",
        template="codir-framing",
        lang="fr",
        title="Atelier de cadrage CODIR 2026",
        organisation="Laboratoires Exemple",
        date="2026-03-12",
        place="Lyon",
        facilitator="Claire Martin",
        vision="Devenir le partenaire de référence des pharmacies d'officine.",
        glossary={"NPS": "Net Promoter Score", "CODIR": "comité de direction"},
        agenda=[
            AgendaStep(id="vision", kind="vision", title="Rappel de la vision", planned_minutes=15),
            AgendaStep(id="brainstorm", kind="brainstorm", title="Brainstorm", planned_minutes=20),
            AgendaStep(id="wrapup", kind="wrapup", title="Clôture", planned_minutes=10),
        ],
    )
    anne = s.add_participant("Anne Dubois", role="DG", team="Direction")
    marc = s.add_participant("Marc Petit", role="DAF", team="Finance", present=False)
    s.parents.append(ParentObjective(id="p1", text="Croissance rentable"))
    s.start_timer(T0)
    s.next_step(T0 + timedelta(minutes=17))
    o = s.add_objective(
        "Améliorer la satisfaction client",
        scores={"clarity": 0.5, "ambition": 0.3, "measurability": 0.2, "overall": 0.33},
        findings=["objective-vague-verb"],
        owner=anne.id,
        parent_id="p1",
    )
    o.add_version(
        "Enchanter nos pharmacies partenaires",
        {"clarity": 0.8, "ambition": 0.7, "measurability": 0.4, "overall": 0.63},
        [],
        "accepted suggestion objective-vague-verb",
    )
    o.mark_final(2)
    o.status = "retained"
    kr = o.add_key_result(
        "Passer le NPS de 32 à 45 d'ici fin 2026",
        scores={"clarity": 0.9, "ambition": 0.6, "measurability": 1.0, "overall": 0.83},
        owner=marc.id,
        baseline="32",
        target="45",
        unit="points",
        deadline="2026-12-31",
    )
    kr.add_checkin("38", confidence=6, comment="bon début", blockers=["budget"], date="2026-04-10")
    kr.set_grade(0.7)
    s.add_objective("Réduire les ruptures", independent=True, status="dropped")
    p1 = s.add_proposal("Mieux servir les pharmacies", author=anne.id)
    p2 = s.add_proposal("Servir mieux les pharmacies")
    s.merge_proposals([p1.id, p2.id], "Mieux servir nos pharmacies")
    s.add_proposal("Hors sujet").status = "dropped"
    votes = s.votes_for(o.id)
    votes.set_priority(anne.id, "yes")
    votes.set_priority(marc.id, "unsure")
    s.set_dots(o.id, anne.id, 2)
    votes.revealed = True
    s.compute_priority_share()
    s.add_decision("Le NPS devient l'indicateur phare")
    s.add_action("Mesurer le NPS de référence", owner=marc.id, due="2026-04-01")
    s.park("Politique de prix", owner=anne.id, next_step="CODIR d'avril")
    s.worked.append("Vote silencieux")
    s.to_change.append("Plus de temps pour les KR")
    return s


# -- serialisation --------------------------------------------------------------------------


def test_full_session_round_trips_through_json() -> None:
    session = full_session()
    data = json.loads(json.dumps(session.to_dict()))
    again = Session.from_dict(data)
    assert again == session
    assert again.to_dict() == session.to_dict()
    assert again.objectives[0].key_results[0].checkins[0].progress == pytest.approx(6 / 13)


def test_copy_is_deep() -> None:
    session = full_session()
    clone = session.copy()
    clone.objectives[0].versions[0].text = "changed"
    clone.glossary["KPI"] = "indicateur"
    assert session.objectives[0].versions[0].text == "Améliorer la satisfaction client"
    assert "KPI" not in session.glossary


def test_missing_keys_take_defaults() -> None:
    old = {"id": "abc123", "title": "Ancien fichier", "objectives": [{"versions": [{"n": 1}]}]}
    session = Session.from_dict(old)
    assert session.kind == "framing" and session.lang == "fr"
    assert session.participants == [] and session.votes == {} and session.priority_share is None
    objective = session.objectives[0]
    assert objective.id  # an id is given when missing
    assert objective.versions[0].text == "" and objective.final_version is None
    assert objective.key_results == [] and not objective.independent


def test_unknown_keys_are_preserved_at_every_level() -> None:
    data = full_session().to_dict()
    data["future_field"] = {"x": [1, 2]}
    data["objectives"][0]["confidence_band"] = "high"
    data["objectives"][0]["versions"][0]["engine"] = "v9"
    data["objectives"][0]["key_results"][0]["checkins"][0]["mood"] = "😊"
    out = Session.from_dict(data).to_dict()
    assert out["future_field"] == {"x": [1, 2]}
    assert out["objectives"][0]["confidence_band"] == "high"
    assert out["objectives"][0]["versions"][0]["engine"] == "v9"
    assert out["objectives"][0]["key_results"][0]["checkins"][0]["mood"] == "😊"


def test_known_fields_win_over_extras() -> None:
    session = Session.from_dict({"title": "A"})
    session.extra["title"] = "B"
    assert session.to_dict()["title"] == "A"


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        (lambda d: d.update(participants="Anne"), "participants"),
        (lambda d: d["participants"][1].update(present="yes"), "participants[1].present"),
        (
            lambda d: d["objectives"][0]["versions"][1]["scores"].update(clarity="high"),
            "objectives[0].versions[1].scores.clarity",
        ),
        (
            lambda d: d["objectives"][0]["key_results"][0].update(grade=[1]),
            "objectives[0].key_results[0].grade",
        ),
        (lambda d: d.update(glossary=["NPS"]), "glossary"),
        (lambda d: d["agenda"].append(7), "agenda[3]"),
        (lambda d: d.update(current_step=1.5), "current_step"),
    ],
)
def test_wrong_types_name_the_field(patch, field: str) -> None:
    data = full_session().to_dict()
    patch(data)
    with pytest.raises(SessionFormatError) as caught:
        Session.from_dict(data)
    assert caught.value.field == field
    assert field in str(caught.value)


def test_numbers_where_text_is_expected_are_accepted() -> None:
    kr = (
        Session.from_dict({"objectives": [{"key_results": [{"baseline": 4, "target": 2.5}]}]})
        .objectives[0]
        .key_results[0]
    )
    assert (kr.baseline, kr.target) == ("4", "2.5")


RECORDS = [
    Action,
    AgendaStep,
    CheckIn,
    Decision,
    KeyResult,
    Objective,
    ParentObjective,
    ParkingItem,
    Participant,
    Proposal,
    Session,
    Version,
    VoteSet,
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_record_reads_an_empty_object_as_its_defaults(record: type[Record]) -> None:
    read = record.from_dict({})
    assert read.to_dict().keys() == record.from_dict(read.to_dict()).to_dict().keys()
    if hasattr(read, "id"):
        assert len(read.id) == 12  # an id missing from the file is made, never left empty
    if hasattr(read, "created"):
        assert read.created == ""  # unknown, not "now": the file did not say


@pytest.mark.parametrize(
    ("record", "data", "field", "problem"),
    [
        (Participant, 5, "participant", "expected an object, found a number"),
        (AgendaStep, {"status": "paused"}, "step.status", "is not one of pending"),
        (AgendaStep, {"started_at": "09:30"}, "step.started_at", "not a date"),
        (Objective, {"decided_at": "2026-03-12T09:30"}, "objective.decided_at", "time zone"),
        (VoteSet, {"priority": {"p1": "maybe"}}, "votes.priority.p1", "is not one of yes"),
        (VoteSet, {"dots": {"p1": -1}}, "votes.dots.p1", "whole number ≥ 0"),
        (Version, {"n": 2**60}, "version.n", "out of range"),
        (CheckIn, {"blockers": [1]}, "checkin.blockers", "a list of strings"),
        (KeyResult, {"checkins": [{"progress": "half"}]}, "key_result.checkins[0].progress", ""),
        (Session, {"lang": "de"}, "lang", "is not one of fr, en"),
        (Session, [], "session", "expected an object"),
    ],
)
def test_records_read_on_their_own_name_the_field(
    record: type[Record], data: object, field: str, problem: str
) -> None:
    with pytest.raises(SessionFormatError) as caught:
        record.from_dict(data)
    assert caught.value.field == field and problem in caught.value.problem


def test_whole_scores_stay_whole_through_a_save() -> None:
    """The engine scores in whole points: a session's export reads the same after a reload."""
    data = {"versions": [{"n": 1, "text": "x", "scores": {"overall": 75, "clarity": 62.5}}]}
    scores = Objective.from_dict(data).versions[0].scores
    assert scores == {"overall": 75, "clarity": 62.5} and isinstance(scores["overall"], int)


def test_a_field_type_the_reader_does_not_know_fails_when_first_read() -> None:
    @dataclass(kw_only=True)
    class Odd(Record):
        when: tuple[int, int] = (0, 0)

    with pytest.raises(TypeError, match="when"):
        Odd.from_dict({})


# -- versions -------------------------------------------------------------------------------


def test_versions_restore_and_final() -> None:
    o = Objective()
    assert o.current is None and o.text == ""
    v1 = o.add_version("Améliorer la qualité", {"overall": 0.3}, ["objective-vague-verb"])
    v2 = o.add_version("Diviser par deux les réclamations", {"overall": 0.8}, [], "accepted")
    assert (v1.n, v2.n) == (1, 2)
    assert o.current is v2 and o.text == "Diviser par deux les réclamations"

    o.mark_final(1)
    assert o.final is v1 and o.current is v1 and o.latest is v2

    v3 = o.restore(1)
    assert v3.n == 3 and v3.text == v1.text and v3.scores == v1.scores
    assert v3.findings == ["objective-vague-verb"] and v3.note == "restored v1"
    assert v3.findings is not v1.findings  # a copy, not shared
    assert o.final_version is None, "a new version clears the final mark"
    assert o.current is v3

    assert o.mark_final() is v3
    assert o.final_version == 3
    with pytest.raises(KeyError):
        o.mark_final(9)
    with pytest.raises(KeyError):
        o.restore(9)
    assert [v.n for v in o.versions] == [1, 2, 3]
    assert o.resolved(2) == ["objective-vague-verb"] and o.resolved(1) == []
    assert o.resolved(3) == []  # the restored finding is back, nothing resolved
    o.final_version = 42  # a hand-edited file: the mark points nowhere
    assert o.final is None and o.current is v3


def test_key_result_versions_behave_like_objective_versions() -> None:
    o = Objective()
    kr = o.add_key_result("Réduire le taux de réclamation", owner="p1", target="2 %")
    kr.add_version("Passer le taux de réclamation de 4 % à 2 % d'ici fin 2026")
    kr.mark_final(2)
    assert o.key_result(kr.id).current is not None
    assert o.key_result(kr.id).text.startswith("Passer")
    assert kr.owner == "p1" and kr.target == "2 %"


# -- progress -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (40, 60, 50, 0.5),  # increasing
        ("40 clients", "60 clients", "55 clients", 0.75),
        ("4 %", "2 %", "3 %", 0.5),  # decreasing
        ("4,5 %", "1,5 %", "2,5 %", 2 / 3),
        ("4 %", "2 %", "1 %", 1.0),  # beyond the target: clamped
        ("4 %", "2 %", "6 %", 0.0),  # worse than the baseline: clamped
        (40, 60, 30, 0.0),
        ("1 200 000 €", "1 500 000 €", "1 350 000 €", 0.5),
        ("1,2 M€", "1,5 M€", "1 350 000 €", 0.5),
        ("2,5k€", "5k€", "3750 €", 0.5),
        ("−10", "10", "0", 0.5),
        ("32", "45", "32", 0.0),
        ("32", "45", "45", 1.0),
    ],
)
def test_progress(baseline, target, current, expected: float) -> None:
    assert progress(baseline, target, current) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("baseline", "target", "current"),
    [
        ("élevé", "faible", "moyen"),  # words
        ("4 %", "2 %", ""),  # nothing measured yet
        ("4 %", "2 %", None),
        ("de 4 à 5", "10", "6"),  # two numbers: ambiguous
        ("31/12/2025", "31/12/2026", "30/06/2026"),  # dates are not metrics
        ("50", "50", "50"),  # no direction
        (True, 10, 5),
        (float("nan"), 10, 5),
    ],
)
def test_progress_is_none_when_not_numeric(baseline, target, current) -> None:
    assert progress(baseline, target, current) is None


# -- review and retrospective ---------------------------------------------------------------


def test_checkins_compute_progress_and_require_a_comment_when_confidence_drops() -> None:
    kr = Objective().add_key_result("NPS", baseline="32", target="45")
    first = kr.add_checkin("38", confidence=7, date="2026-04-10")
    assert first.progress == pytest.approx(6 / 13)
    with pytest.raises(ConfidenceCommentRequired):
        kr.add_checkin("39", confidence=5, date="2026-05-10")
    assert len(kr.checkins) == 1
    second = kr.add_checkin("39", confidence=5, comment="  retard fournisseur ", date="2026-05-10")
    assert second.confidence == 5 and kr.last_checkin is second
    kr.add_checkin("41", confidence=6)  # rising: no comment needed
    with pytest.raises(ValueError):
        kr.add_checkin("41", confidence=11)
    unknown = kr.add_checkin("à mesurer")
    assert unknown.progress is None


def test_grades_and_their_average() -> None:
    o = Objective()
    a = o.add_key_result("A")
    b = o.add_key_result("B", committed=False)
    o.add_key_result("C")  # not graded yet
    assert o.grade_average() is None
    a.set_grade(1.0)
    b.set_grade(0.4)
    assert o.grade_average() == pytest.approx(0.7)
    assert (a.expected_grade, b.expected_grade) == (1.0, 0.7)
    with pytest.raises(ValueError):
        a.set_grade(1.2)
    with pytest.raises(ValueError):
        a.set_grade(float("nan"))


def test_follow_up_carries_the_objectives_over() -> None:
    framing = full_session()
    review = follow_up(framing, kind="review", template="monthly-review", date="2026-04-10")
    assert review.id != framing.id and review.follows == framing.id
    assert review.kind == "review" and review.lang == "fr"
    assert [p.name for p in review.participants] == ["Anne Dubois", "Marc Petit"]
    assert review.glossary == framing.glossary and review.parents == framing.parents
    assert len(review.objectives) == 1, "dropped objectives stay behind"
    old, new = framing.objectives[0], review.objectives[0]
    assert new.id == old.id and new.parent_id == "p1"
    assert [v.n for v in new.versions] == [1] and new.text == "Enchanter nos pharmacies partenaires"
    assert new.final_version == 1 and "carried over" in new.versions[0].note
    kr = new.key_results[0]
    assert kr.id == old.key_results[0].id and kr.target == "45"
    assert kr.checkins == old.key_results[0].checkins
    assert review.agenda == [] and review.proposals == [] and review.votes == {}
    # independent copies: changing the review leaves the framing session alone
    kr.add_checkin("40", confidence=7)
    assert len(old.key_results[0].checkins) == 1


# -- room mechanics -------------------------------------------------------------------------


def test_votes_priority_share_and_dots() -> None:
    s = Session()
    people = [s.add_participant(n) for n in ("A", "B", "C")]
    o1, o2, _o3 = (s.add_objective(t) for t in ("un", "deux", "trois"))
    for p, answer in zip(people, ("yes", "yes", "no"), strict=True):
        s.votes_for(o1.id).set_priority(p.id, answer)
    for p, answer in zip(people, ("yes", "unsure", "no"), strict=True):
        s.votes_for(o2.id).set_priority(p.id, answer)
    assert s.votes_for(o1.id).tally() == {"yes": 2, "unsure": 0, "no": 1}
    assert s.votes_for(o1.id).judged_priority and not s.votes_for(o2.id).judged_priority
    assert s.compute_priority_share() == pytest.approx(0.5)  # o3 has no votes: not counted
    assert s.priority_share == pytest.approx(0.5)
    with pytest.raises(ValueError):
        s.votes_for(o1.id).set_priority(people[0].id, "maybe")
    with pytest.raises(KeyError):
        s.votes_for("nope")

    s.set_dots(o1.id, people[0].id, 2)
    s.set_dots(o2.id, people[0].id, 1)
    with pytest.raises(ValueError):
        s.set_dots(o2.id, people[0].id, 2)  # 2 + 2 > 3 dots
    s.set_dots(o1.id, people[0].id, 1)  # moving a dot frees it
    s.set_dots(o2.id, people[0].id, 2)
    assert s.dots_used(people[0].id) == 3 and s.votes_for(o2.id).dots_total == 2


def test_merging_and_dropping_proposals_keeps_them() -> None:
    s = Session()
    a = s.add_proposal("Fidéliser les pharmacies", author="p1")
    b = s.add_proposal("fidéliser nos pharmacies", author="p1")
    c = s.add_proposal("Autre idée")
    merged = s.merge_proposals([a.id, b.id], "Fidéliser nos pharmacies partenaires")
    s.drop_proposal(c.id)
    assert merged.status == "open" and merged.author == "p1"
    assert (a.status, a.merged_into, b.merged_into) == ("merged", merged.id, merged.id)
    assert c.status == "dropped"
    assert len(s.proposals) == 4


def test_decisions_actions_and_parking_lot() -> None:
    s = full_session()
    assert s.decisions[0].step_id == "brainstorm"  # recorded during the current step
    item = s.park("Sujet sans suite")
    assert s.open_parking() == [item]
    item.owner, item.next_step = "Anne", "CODIR de mai"
    assert s.open_parking() == []
    assert s.counts() == {
        "participants": 2,
        "present": 1,
        "objectives": 2,
        "key_results": 1,
        "proposals": 4,
        "decisions": 1,
        "actions": 1,
        "parking": 2,
    }


# -- agenda timer ---------------------------------------------------------------------------


def test_agenda_timer_pause_extend_and_steps() -> None:
    s = Session(
        agenda=[
            AgendaStep(id="a", title="A", planned_minutes=10),
            AgendaStep(id="b", title="B", planned_minutes=5),
        ]
    )
    s.start_timer(T0)
    a = s.agenda[0]
    assert a.status == "running" and a.elapsed(T0 + timedelta(seconds=90)) == pytest.approx(90)
    s.pause_timer(T0 + timedelta(minutes=2))
    assert s.timer_paused and a.elapsed(T0 + timedelta(hours=1)) == pytest.approx(120)
    s.start_timer(T0 + timedelta(minutes=5))
    assert a.elapsed(T0 + timedelta(minutes=6)) == pytest.approx(180)
    assert not a.time_up(T0 + timedelta(minutes=12))
    assert a.time_up(T0 + timedelta(minutes=13))
    a.extend(5)
    assert a.remaining(T0 + timedelta(minutes=13)) == pytest.approx(5 * 60)

    b = s.next_step(T0 + timedelta(minutes=20))
    assert b is s.agenda[1] and s.current_step == 1
    assert a.status == "done" and a.actual_seconds == pytest.approx(17 * 60)
    assert b.status == "running" and b.started_at is not None

    s.previous_step(T0 + timedelta(minutes=20))  # no time spent on b: back to pending
    assert b.status == "pending" and s.current_step == 0 and a.status == "running"

    s.next_step(T0 + timedelta(minutes=21))
    s.pause_timer(T0 + timedelta(minutes=22))
    assert s.next_step(T0 + timedelta(minutes=30)) is None  # the last step ends the agenda
    assert b.status == "done" and b.actual_seconds == pytest.approx(60)
    with pytest.raises(IndexError):
        s.goto_step(5)


def test_timer_state_survives_serialisation() -> None:
    s = Session(agenda=[AgendaStep(id="a", planned_minutes=10)])
    s.start_timer(T0)
    again = Session.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again.agenda[0].elapsed(T0 + timedelta(seconds=42)) == pytest.approx(42)


# -- layering -------------------------------------------------------------------------------


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_model_and_store_import_neither_textual_nor_spacy() -> None:
    with_store = _imported_after("import facilitator.session, facilitator.store")
    assert not with_store & {"textual", "spacy", "docx"}
    assert "tinydb" in with_store
    assert "tinydb" not in _imported_after("import facilitator.session")
