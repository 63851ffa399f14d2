"""Votes, alignment, decisions/actions/parking, review and grading, follow-up sessions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.demo import demo_session
from facilitator.room import alignment, brainstorm, cycle, review, votes, wrapup
from facilitator.room.steps import step_option
from facilitator.session import ConfidenceCommentRequired, Participant, Session
from facilitator.workshops import load_template

ROOT = Path(__file__).resolve().parents[2]


def _room(n_objectives: int = 2, people: int = 3) -> Session:
    s = Session(id="s1", lang="fr", dots_per_participant=3)
    for i in range(people):
        s.participants.append(Participant(id=f"p{i}", name=f"Personne {i}"))
    s.participants.append(Participant(id="absent", name="Absente", present=False))
    for i in range(n_objectives):
        s.add_objective(f"Objectif {i}", id=f"o{i}")
    return s


def test_room_modules_import_neither_textual_nor_spacy() -> None:
    code = (
        "import sys, facilitator.room.cluster, facilitator.room.votes, facilitator.room.review,"
        " facilitator.room.alignment, facilitator.room.wrapup, facilitator.room.brainstorm,"
        " facilitator.room.cycle, facilitator.room.steps\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert "'textual'" not in out and "'spacy'" not in out


# -- votes ---------------------------------------------------------------------------------


def test_votes_stay_hidden_until_everyone_voted_then_reveal_stores_the_share() -> None:
    s = _room()
    assert not votes.everyone_voted(s)
    for pid in ("p0", "p1", "p2"):
        votes.set_priority(s, "o0", pid, "yes")
    votes.set_priority(s, "o1", "p0", "no")
    assert [p.id for p in votes.waiting_for(s)] == ["p1", "p2"]  # the absent one is not awaited
    votes.set_priority(s, "o1", "p1", "unsure")
    votes.set_priority(s, "o1", "p2", "yes")
    assert votes.everyone_voted(s) and not votes.is_revealed(s)
    assert votes.reveal(s) == 0.5 and s.priority_share == 0.5
    assert votes.is_revealed(s)
    first = votes.results(s)
    assert first[0].objective.id == "o0" and first[0].tally == {"yes": 3, "unsure": 0, "no": 0}
    assert first[1].share("unsure") == pytest.approx(1 / 3)
    with pytest.raises(KeyError):
        votes.set_priority(s, "o0", "nobody", "yes")


def test_dots_are_limited_per_participant() -> None:
    s = _room()
    assert votes.add_dots(s, "o0", "p0", 2) == 2
    assert votes.add_dots(s, "o1", "p0", 1) == 1
    assert votes.dots_left(s, "p0") == 0
    with pytest.raises(ValueError):
        votes.add_dots(s, "o1", "p0", 1)
    assert votes.add_dots(s, "o0", "p0", -2) == 0 and "p0" not in s.votes["o0"].dots
    assert votes.dots_left(s, "p0") == 2


def test_bars_and_change_since_the_session_followed() -> None:
    assert votes.bar(0.5, 4) == "██  "
    assert votes.bar(1 / 16, 2) == "▏ "
    assert votes.bar(2, 3) == "███"
    before = _room()
    before.priority_share = 0.4
    middle = Session(id="review", follows=before.id)  # a review votes nothing
    now = Session(id="next", follows=middle.id, priority_share=0.7)
    sessions = {s.id: s for s in (before, middle)}
    change = votes.change(now, sessions.get)
    assert change is not None and change.previous.id == before.id and change.points == 30.0
    assert votes.change(Session(priority_share=0.5), sessions.get) is None


# -- brainstorm ---------------------------------------------------------------------------


def test_author_prefix_and_promotion_to_objectives() -> None:
    s = _room(0)
    s.participants[1].name = "Hélène Vasseur"
    assert brainstorm.split_author("helene: Réduire les délais", s.participants) == (
        "p1",
        "Réduire les délais",
    )
    assert brainstorm.split_author("HV > Baisser les coûts", s.participants)[0] == "p1"
    assert brainstorm.split_author("Note: pas un nom", s.participants) == (
        None,
        "Note: pas un nom",
    )
    s.add_proposal("Réduire les délais de livraison", proposal_id="a")
    s.add_proposal("Délais de livraison : les réduire", proposal_id="b")
    s.add_proposal("Moderniser la GED", proposal_id="c")
    assert [g.ids for g in brainstorm.groups(s)] == [["a", "b"]]
    brainstorm.keep_apart(s, ["a", "b"])
    assert brainstorm.groups(s) == []
    merged = s.merge_proposals(["a", "b"], "Réduire les délais de livraison", merged_id="m")
    assert merged.id == "m"
    created = brainstorm.promote(s, [("m", "om"), ("c", "oc"), ("a", "oa")])
    assert [o.id for o in created] == ["om", "oc"]  # a merged proposal is not promoted
    assert s.objective("om").text == "Réduire les délais de livraison"
    assert brainstorm.unpromoted(s) == []


# -- alignment ----------------------------------------------------------------------------


def test_alignment_suggests_likely_parents_with_the_shared_words() -> None:
    s = demo_session()
    parents = [(p.id, p.text) for p in s.parents]
    best = alignment.suggest_parents(
        "Mettre Dermavel à la disposition des patients dès son AMM", parents
    )
    assert best[0].parent_id == "ps-lancements"
    assert best[0].shared == ("disposition", "patients")
    assert alignment.suggest_parents("Refaire l'intranet", parents) == []
    tree = alignment.branches(s)
    assert [o.id for o in tree.orphans] == ["obj-ged"]
    alignment.mark_independent(s, "obj-ged")
    assert alignment.branches(s).independent[0].id == "obj-ged"
    alignment.link(s, "obj-ged", "ps-qualite")
    tree = alignment.branches(s)
    assert not tree.orphans and not tree.independent
    assert "obj-ged" in [o.id for p, objs in tree.parents if p.id == "ps-qualite" for o in objs]


# -- decisions, actions, parking, wrap-up ---------------------------------------------------


def test_actions_need_an_owner_present_and_parking_blocks_the_wrap_up() -> None:
    s = _room()
    with pytest.raises(ValueError):
        wrapup.add_action(s, "a1", "Envoyer le compte rendu", "absent", "2026-04-01")
    action = wrapup.add_action(s, "a1", "Envoyer le compte rendu", "p1", "2026-04-01")
    assert action.owner == "p1" and action.due == "2026-04-01"
    wrapup.add_decision(s, "d1", "On garde trois objectifs")
    wrapup.park(s, "k1", "Définir une déviation majeure")
    items = wrapup.open_items(s)
    assert items.blocking and [p.id for p in items.parking] == ["k1"]
    with pytest.raises(ValueError):
        wrapup.close(s)
    wrapup.follow_up_parking(s, "k1", "p2", "Proposer une définition en avril")
    assert not wrapup.open_items(s).blocking
    wrapup.close(s)


# -- review and grading ---------------------------------------------------------------------


def test_review_progress_confidence_and_grades_on_carried_objectives() -> None:
    framing = demo_session()
    template = load_template("monthly-review")
    rev = cycle.start_follow_up(framing, template, session_id="rev1", date="2026-04-28")
    assert rev.follows == framing.id and rev.kind == "review"
    assert [o.id for o in rev.objectives] == [  # the draft and the dropped one stay behind
        o.id for o in framing.objectives if o.status == "retained"
    ]
    assert [st.kind for st in rev.agenda][:2] == ["intro", "review"]
    review.record_checkin(rev, "kr-qualite-1", "35", 7, date="2026-04-28")  # 42 → 25 jours
    checkin = rev.key_result("kr-qualite-1").last_checkin
    assert checkin is not None and checkin.progress == pytest.approx(7 / 17)
    review.record_checkin(rev, "kr-qualite-2", "73 %", 6, blockers=["GED en retard"])
    assert review.objective_progress(rev, rev.objective("obj-qualite")) == pytest.approx(
        (7 / 17 + 0.5) / 2
    )
    # Correcting a figure in the same review replaces the check-in.
    review.record_checkin(rev, "kr-qualite-1", "33", 7)
    assert len(rev.key_result("kr-qualite-1").checkins) == 1
    assert review.reviewed(rev) == (2, 11)  # the key results of the four retained objectives
    # Next month: a drop in confidence needs a comment.
    nxt = cycle.start_follow_up(rev, template, session_id="rev2")
    assert review.needs_comment(nxt, nxt.key_result("kr-qualite-1"), 5)
    with pytest.raises(ConfidenceCommentRequired):
        review.record_checkin(nxt, "kr-qualite-1", "30", 5)
    review.record_checkin(nxt, "kr-qualite-1", "30", 5, comment="Effectif réduit en mai")
    assert review.trend(nxt, nxt.key_result("kr-qualite-1")) == -2
    # Retrospective: grades, average per objective, committed vs aspirational.
    retro = cycle.start_follow_up(nxt, load_template("retrospective"), session_id="retro")
    retro.key_result("kr-qualite-1").set_grade(1.0)
    retro.key_result("kr-qualite-2").set_grade(0.6)
    retro.key_result("kr-qualite-3").set_grade(0.7)  # aspirational
    summary = review.grade_summary(retro)
    assert summary.per_objective["obj-qualite"] == pytest.approx(0.7667, abs=1e-3)
    assert summary.committed == pytest.approx(0.8) and summary.aspirational == pytest.approx(0.7)
    assert review.grade_gap(retro.key_result("kr-qualite-3")) == 0.0
    assert review.grade_gap(retro.key_result("kr-qualite-2")) == -0.4
    assert review.suggested_grade(retro.key_result("kr-qualite-1")) == 0.7


def test_parsing_what_the_room_types() -> None:
    assert [review.parse_grade(x) for x in ("0,7", ".7", "70 %", "1", "")] == [
        0.7,
        0.7,
        0.7,
        1.0,
        None,
    ]
    for bad in ("1,5", "abc", "-0.2", "<b>1</b>", "note 0,7"):
        with pytest.raises(ValueError):
            review.parse_grade(bad)
    assert review.parse_confidence("7/10") == 7 and review.parse_confidence("") is None
    with pytest.raises(ValueError):
        review.parse_confidence("11")
    assert review.split_blockers("GED en retard ; recrutement") == ["GED en retard", "recrutement"]


def test_step_options_come_from_the_template() -> None:
    s = demo_session()
    assert step_option(s, "brainstorm", "anonymous") is True
    assert step_option(s, "vote", "hide_votes_until_all") is True
    assert step_option(Session(), "vote", "dots_per_participant") == 3


def test_new_session_fields_survive_a_round_trip() -> None:
    s = _room()
    s.add_proposal("Réduire les délais", proposal_id="a")
    s.add_proposal("Réduire les coûts", proposal_id="b")
    brainstorm.keep_apart(s, ["a", "b"])
    brainstorm.promote(s, [("a", "oa")])
    kr = s.objective("o0").add_key_result("Passer de 10 à 20 clients", baseline="10", target="20")
    review.record_checkin(s, kr.id, "15", 5)
    again = Session.from_dict(s.to_dict())
    assert again.proposals[0].objective_id == "oa" and again.proposals[0].distinct == ["b"]
    assert again.key_result(kr.id).checkins[0].session_id == "s1"
    assert again.key_result(kr.id).checkins[0].progress == 0.5


def test_due_dates_as_the_room_types_them() -> None:
    from datetime import date

    today = date(2026, 3, 19)
    assert wrapup.parse_due("2026-04-03") == "2026-04-03"
    assert wrapup.parse_due("03/04/2026") == "2026-04-03"
    assert wrapup.parse_due("3.4.26") == "2026-04-03"
    assert wrapup.parse_due("3/4", today) == "2026-04-03"
    assert wrapup.parse_due("1/3", today) == "2027-03-01"
    for bad in ("demain", "31/02/2026", ""):
        with pytest.raises(ValueError):
            wrapup.parse_due(bad, today)


def test_the_share_counts_objectives_dropped_after_the_vote() -> None:
    s = demo_session()
    assert votes.share_counts(s) == (3, 6)
    assert s.priority_share == 0.5


def test_word_families_for_alignment() -> None:
    from facilitator.room.wording_keys import related

    for a, b in (("livraison", "livrer"), ("reduction", "reduire"), ("formation", "former"),
                 ("satisfaction", "satisfait")):  # fmt: skip
        assert related(a, b) and related(b, a)
    for a, b in (("client", "clinique"), ("compte", "competente"), ("qualite", "qualification")):
        assert not related(a, b)
    parents = [("p1", "Livrer plus vite nos clients partout en Europe"),
               ("p2", "Développer des équipes compétentes et engagées")]  # fmt: skip
    best = alignment.suggest_parents("Réduire les délais de livraison de 20 %", parents)
    assert [(s.parent_id, s.shared) for s in best] == [("p1", ("livraison",))]
