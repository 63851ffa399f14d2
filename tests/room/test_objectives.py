"""The objective's life, headless: retain, drop, merge, reopen, reorder, delete, undo; the vote's
outcome as the retained set; what follow-up sessions carry; old files without the new fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.room import cycle, votes, wrapup
from facilitator.room import objectives as life
from facilitator.session import Participant, Session, follow_up
from facilitator.store import SessionStore
from facilitator.workshops import load_template

T0 = datetime(2026, 3, 19, 11, 30, tzinfo=UTC)


def room() -> Session:
    s = Session(id="s1", title="Cadrage T2", facilitator="Claire Martin")
    for pid, name in (("ml", "Marc Lefort"), ("ir", "Isabelle Roche"), ("pf", "Paolo Ferraro")):
        s.participants.append(Participant(id=pid, name=name))
    o1 = s.add_objective("Livrer nos clients plus vite", id="o1")
    o1.add_key_result("Réduire le délai de livraison de 10 à 4 jours", id="k1", owner="ml")
    o2 = s.add_objective("Réduire les délais de livraison", id="o2")
    o2.add_key_result("Passer de 60 % à 90 % de commandes complètes", id="k2")
    s.add_objective("Moderniser la GED", id="o3")
    s.add_objective("zzz test", id="o4")
    s.add_proposal("Moderniser la GED", proposal_id="p3").objective_id = "o3"
    s.add_proposal("zzz test", proposal_id="p4").objective_id = "o4"
    return s


def ids(s: Session) -> list[str]:
    return [o.id for o in s.objectives]


def test_retain_records_who_and_when_and_marks_the_wording_final() -> None:
    s = room()
    life.retain(s, "o1", by="ir", at=T0)
    o1 = s.objective("o1")
    assert (o1.status, o1.decided_by, o1.decided_at) == (
        "retained",
        "ir",
        "2026-03-19T11:30:00+00:00",
    )
    assert o1.final_version == 1
    with pytest.raises(life.StatusError, match="already retained"):
        life.retain(s, "o1", by="ir", at=T0)
    with pytest.raises(life.StatusError, match="who decided"):
        life.retain(s, "o2", by="  ", at=T0)
    assert s.objective("o2").status == "draft"  # a refusal changes nothing
    with pytest.raises(life.UnknownObjective):
        life.retain(s, "nope", by="ir", at=T0)


def test_drop_then_take_back_then_reopen() -> None:
    s = room()
    life.drop(s, "o3", by="Claire Martin", at=T0)
    o3 = s.objective("o3")
    assert (o3.status, o3.decided_by) == ("dropped", "Claire Martin") and not o3.merged
    with pytest.raises(life.StatusError, match="already dropped"):
        life.drop(s, "o3", by="ml", at=T0)
    life.retain(s, "o3", by="ml", at=T0)  # the room changes its mind
    assert (o3.status, o3.decided_by) == ("retained", "ml")
    life.reopen(s, "o3")
    assert (o3.status, o3.decided_by, o3.decided_at) == ("draft", "", None)
    with pytest.raises(life.StatusError, match="already a draft"):
        life.reopen(s, "o3")


def test_merge_moves_key_results_and_repoints_earlier_merges() -> None:
    s = room()
    life.merge(s, "o2", "o1", by="ml", at=T0)
    o1, o2 = s.objective("o1"), s.objective("o2")
    assert o2.merged and o2.status == "dropped" and o2.merged_into == "o1"
    assert [kr.id for kr in o1.key_results] == ["k1", "k2"] and o2.key_results == []
    assert life.merged_into(s, "o1") == [o2]
    # o1 itself merged into o3: what was merged into o1 now points at o3.
    life.merge(s, "o1", "o3", by="ml", at=T0)
    assert s.objective("o2").merged_into == "o3"
    assert [kr.id for kr in s.objective("o3").key_results] == ["k1", "k2"]
    with pytest.raises(life.MergeError, match="itself"):
        life.merge(s, "o3", "o3", by="ml", at=T0)
    with pytest.raises(life.MergeError, match="still in play"):
        life.merge(s, "o4", "o1", by="ml", at=T0)  # o1 is merged: not a target
    with pytest.raises(life.StatusError, match="reopen it first"):
        life.retain(s, "o1", by="ml", at=T0)
    with pytest.raises(life.StatusError, match="already merged"):
        life.drop(s, "o1", by="ml", at=T0)


def test_reorder_and_its_limits() -> None:
    s = room()
    assert life.move(s, "o3", -1) == 1
    assert ids(s) == ["o1", "o3", "o2", "o4"]
    life.move(s, "o3", -1)
    with pytest.raises(life.MoveError, match="already first"):
        life.move(s, "o3", -1)
    with pytest.raises(life.MoveError, match="already last"):
        life.move(s, "o4", 1)
    assert ids(s) == ["o3", "o1", "o2", "o4"]


def test_delete_removes_votes_and_frees_the_proposal() -> None:
    s = room()
    for pid in ("ml", "ir"):
        votes.set_priority(s, "o1", pid, "yes")
        votes.set_priority(s, "o4", pid, "yes")
    votes.reveal(s)
    assert s.priority_share == 1.0
    votes.set_priority(s, "o1", "ml", "no")
    votes.set_priority(s, "o1", "ir", "no")
    assert s.priority_share == 0.5  # o4 (yes, yes) of o1 (no, no)
    life.delete(s, "o4")
    assert ids(s) == ["o1", "o2", "o3"] and "o4" not in s.votes
    assert next(p for p in s.proposals if p.id == "p4").objective_id is None
    assert s.priority_share == 0.0  # the junk objective no longer counts
    life.merge(s, "o2", "o1", by="ml", at=T0)
    with pytest.raises(life.DeleteError, match="merged into"):
        life.delete(s, "o1")


def test_undo_puts_back_each_change_exactly() -> None:
    s = room()
    votes.set_priority(s, "o4", "ml", "yes")
    start = s.to_dict()
    steps = [
        ("retain", ["o1"], lambda x: life.retain(x, "o1", by="ir", at=T0)),
        ("drop", ["o3"], lambda x: life.drop(x, "o3", by="ir", at=T0)),
        ("merge", ["o2", "o1"], lambda x: life.merge(x, "o2", "o1", by="ir", at=T0)),
        ("move", ["o4"], lambda x: life.move(x, "o4", -2)),
        ("delete", ["o4"], lambda x: life.delete(x, "o4")),
        ("reopen", ["o3"], lambda x: life.reopen(x, "o3")),
    ]
    records = []
    for action, touched, op in steps:
        records.append(life.undoable(s, action, touched, op))
        op(s)
    assert ids(s) == ["o1", "o2", "o3"] and s.objective("o3").status == "draft"
    for record in reversed(records):
        life.undo(s, record)
    assert s.to_dict() == start


def test_undo_of_a_delete_brings_the_objective_back_in_place() -> None:
    s = room()
    record = life.undoable(s, "delete", ["o2"], lambda x: life.delete(x, "o2"))
    life.delete(s, "o2")
    s.add_objective("Nouvel objectif", id="o5")  # made after the delete: stays last
    life.undo(s, record)
    assert ids(s) == ["o1", "o2", "o3", "o4", "o5"]
    assert [kr.id for kr in s.objective("o2").key_results] == ["k2"]


def test_undo_refused_when_the_objective_changed_since() -> None:
    s = room()
    record = life.undoable(s, "retain", ["o1"], lambda x: life.retain(x, "o1", by="ir", at=T0))
    life.retain(s, "o1", by="ir", at=T0)
    s.objective("o1").add_version("Livrer nos clients en 4 jours")  # reworded in the workbench
    before = s.to_dict()
    with pytest.raises(life.UndoConflict):
        life.undo(s, record)
    assert s.to_dict() == before


def test_undoable_refuses_before_anything_changes() -> None:
    s = room()
    before = s.to_dict()
    with pytest.raises(life.MergeError):
        life.undoable(s, "merge", ["o1"], lambda x: life.merge(x, "o1", "o1", by="ir", at=T0))
    assert s.to_dict() == before


def test_errors_are_value_errors_the_app_reports() -> None:
    for error in (life.UnknownObjective, life.StatusError, life.MergeError, life.MoveError,
                  life.DeleteError, life.UndoConflict):  # fmt: skip
        assert issubclass(error, life.ObjectiveError) and issubclass(error, ValueError)


# -- the vote's outcome and the wrap-up -----------------------------------------------------


def voted_room() -> Session:
    s = room()
    ballots = {"ml": ("yes", "yes", "no", "no"), "ir": ("yes", "no", "unsure", "no")}
    for pid, answers in ballots.items():
        for oid, answer in zip(("o1", "o2", "o3", "o4"), answers, strict=True):
            votes.set_priority(s, oid, pid, answer)
    votes.add_dots(s, "o3", "ml", 3)
    return s


def test_vote_outcome_is_what_a_majority_judged_a_priority() -> None:
    s = voted_room()
    assert life.vote_outcome(s) == []  # hidden: proposing would reveal the votes
    votes.reveal(s)
    assert life.vote_outcome(s) == ["o1"]  # o3 has dots but no "yes" majority
    # Nobody answered the priority question: the dots decide.
    t = room()
    votes.add_dots(t, "o3", "ml", 2)
    votes.add_dots(t, "o2", "ir", 1)
    votes.reveal(t)
    assert life.vote_outcome(t) == ["o2", "o3"]


def test_retain_set_retains_the_chosen_and_drops_the_rest() -> None:
    s = voted_room()
    votes.reveal(s)
    life.retain(s, "o3", by="ml", at=datetime(2026, 3, 19, 10, 0, tzinfo=UTC))
    chosen = [*life.vote_outcome(s), "o3"]  # the facilitator adds o3 to the proposal
    life.retain_set(s, chosen, by="Claire Martin", at=T0)
    assert [(o.id, o.status) for o in s.objectives] == [
        ("o1", "retained"), ("o2", "dropped"), ("o3", "retained"), ("o4", "dropped")
    ]  # fmt: skip
    assert s.objective("o3").decided_at == "2026-03-19T10:00:00+00:00"  # its first decision
    assert s.objective("o4").decided_by == "Claire Martin"
    with pytest.raises(life.StatusError, match="at least one"):
        life.retain_set(s, [], by="ml", at=T0)
    with pytest.raises(life.StatusError, match="no longer in play"):
        life.retain_set(s, ["o2"], by="ml", at=T0)


def test_wrap_up_warns_without_blocking() -> None:
    s = room()
    items = wrapup.open_items(s)
    assert not items.blocking
    assert [o.id for o in items.without_key_results] == ["o3", "o4"]
    assert [kr.id for _, kr in items.unowned_key_results] == ["k2"]
    assert [o.id for o in items.undecided] == ["o1", "o2", "o3", "o4"]
    assert items.not_final == [] and items.warnings == 7
    life.retain(s, "o1", by="ml", at=T0)
    life.drop(s, "o3", by="ml", at=T0)
    life.delete(s, "o4")
    s.objective("o1").add_version("Livrer nos clients en 4 jours")  # reworded: not final
    items = wrapup.open_items(s)
    assert [o.id for o in items.undecided] == ["o2"] and [o.id for o in items.not_final] == ["o1"]
    assert [o.id for o in items.without_key_results] == []
    wrapup.close(s)  # warnings do not block


# -- follow-ups carry only what was retained ------------------------------------------------


def test_follow_ups_carry_only_retained_objectives() -> None:
    s = room()
    life.retain(s, "o1", by="ml", at=T0)
    life.merge(s, "o2", "o1", by="ml", at=T0)
    life.drop(s, "o3", by="ml", at=T0)  # o4 stays a draft
    review = cycle.start_follow_up(s, load_template("monthly-review"), session_id="r1")
    assert ids(review) == ["o1"]
    carried = review.objective("o1")
    assert carried.status == "retained" and carried.decided_by == "ml"
    assert [kr.id for kr in carried.key_results] == ["k1", "k2"]  # with the merged one's
    retro = cycle.start_follow_up(review, load_template("retrospective"), session_id="r2")
    assert ids(retro) == ["o1"]


def test_a_follow_up_of_a_session_that_retained_nothing_carries_nothing() -> None:
    s = room()
    assert follow_up(s, kind="review").objectives == []


# -- the store: files from before these fields ------------------------------------------------


def test_old_files_without_the_new_fields_load_and_round_trip(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    s = room()
    life.retain(s, "o1", by="ml", at=T0)
    life.merge(s, "o2", "o1", by="ml", at=T0)
    store.create(s)
    path = tmp_path / "s1.json"  # a TinyDB file: the session is the one record of its table
    data = json.loads(path.read_text(encoding="utf-8"))
    (record,) = data["session"].values()
    for objective in record["objectives"]:
        assert objective.pop("decided_by") is not None
        for key in ("decided_at", "merged_into"):
            objective.pop(key)
    path.write_text(json.dumps(data), encoding="utf-8")
    old = store.load("s1")
    o1, o2 = old.objective("o1"), old.objective("o2")
    assert (o1.status, o1.decided_by, o1.decided_at) == ("retained", "", None)
    assert o2.status == "dropped" and o2.merged_into is None and not o2.merged
    assert Session.from_dict(s.to_dict()).objective("o2").merged_into == "o1"
