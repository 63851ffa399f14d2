"""Every operation of the workshop service: it is saved, it returns what it created, and a
wrong input is refused with an error naming the field, nothing written."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from facilitator.session import AgendaStep, Session
from facilitator.store import SessionStore
from facilitator.workshop import (
    InvalidInput,
    ObjectiveError,
    UnknownItem,
    Workshop,
    WorkshopError,
    create_follow_up,
    create_from_template,
)
from facilitator.workshop.accepted import Accepted
from facilitator.workshops import load_template


def stored(workshop: Workshop) -> Session:
    return workshop.store.load(workshop.session_id)


@contextmanager
def refused(
    workshop: Workshop, error: type[WorkshopError], field: str | None = None
) -> Iterator[None]:
    """The operation run inside must be refused with `error` (naming `field`) and leave the
    session's file as it was."""
    before = workshop.store.path(workshop.session_id).read_bytes()
    with pytest.raises(error) as raised:
        yield
    if field is not None:
        assert getattr(raised.value, "field", None) == field
    assert workshop.store.path(workshop.session_id).read_bytes() == before


# -- creating sessions ----------------------------------------------------------------------


def test_a_session_is_created_from_a_template_with_its_agenda(store: SessionStore) -> None:
    template = load_template("codir-framing")
    session = create_from_template(store, template, "fr", title="Cadrage 2026")
    assert store.load(session.id).title == "Cadrage 2026"
    assert [s.id for s in session.agenda] == [s.id for s in template.steps]


def test_a_follow_up_carries_the_retained_objectives_over(
    store: SessionStore, workshop: Workshop
) -> None:
    oid = workshop.save_objective(None, "Réduire les retards de livraison")
    workshop.retain_objective(oid, by="ml")
    review = next(t for t in _templates() if t.kind == "review")
    follow = create_follow_up(store, "s1", review)
    assert follow.follows == "s1" and store.load(follow.id).objectives


def _templates() -> list[Any]:
    from facilitator.workshops import list_templates

    return list_templates("fr")


# -- set-up ---------------------------------------------------------------------------------


def test_participants_are_added_renamed_marked_and_removed(workshop: Workshop) -> None:
    pid = workshop.add_participant(" Paul\u00a0Durand ", "DAF", "Finance")
    assert stored(workshop).participant(pid).name == "Paul Durand"
    workshop.update_participant(pid, "Paul D.", "DAF")
    workshop.mark_present(pid, False)
    person = stored(workshop).participant(pid)
    assert (person.name, person.team, person.present) == ("Paul D.", "", False)
    workshop.remove_participant(pid)
    assert all(p.id != pid for p in stored(workshop).participants)
    with refused(workshop, InvalidInput, "name"):
        workshop.add_participant("  ")
    with refused(workshop, UnknownItem):
        workshop.update_participant("nobody", "X")


def test_details_language_parents_glossary_and_export_folder(workshop: Workshop) -> None:
    assert workshop.set_details({"title": "Cadrage", "place": "Lyon"}) == ["place"]
    workshop.set_language("en")
    parent = workshop.add_parent("Gagner des parts de marché")
    workshop.define_term("KAM", "Key account manager")
    workshop.remember_export_folder("/tmp/cr")
    s = stored(workshop)
    assert (s.place, s.lang, s.glossary["KAM"]) == ("Lyon", "en", "Key account manager")
    assert s.extra["last_export_dir"] == "/tmp/cr"
    oid = workshop.save_objective(None, "Croître")
    workshop.link_objective(oid, parent)
    workshop.remove_parent(parent)
    workshop.remove_term("KAM")
    s = stored(workshop)
    assert s.objective(oid).parent_id is None and "KAM" not in s.glossary
    with refused(workshop, InvalidInput, "budget"):
        workshop.set_details({"budget": "1 M€"})
    with refused(workshop, InvalidInput, "lang"):
        workshop.set_language("de")


# -- agenda ---------------------------------------------------------------------------------


def test_agenda_moves_timers_and_suspension(workshop: Workshop) -> None:
    workshop.store.update(
        "s1",
        lambda s: setattr(
            s,
            "agenda",
            [
                AgendaStep(id="a", kind="brainstorm", title="A", planned_minutes=10),
                AgendaStep(id="b", kind="vote", title="B", planned_minutes=10),
            ],
        ),
    )
    workshop.reload()

    def running() -> bool:
        step = stored(workshop).step
        return step is not None and step.running

    workshop.start_timer()
    assert running()
    assert workshop.suspend_timer() and not running()
    assert workshop.resume_timer() and running()
    workshop.pause_timer()
    workshop.extend_step(5)
    assert stored(workshop).agenda[0].extra_minutes == 5
    workshop.next_step()
    assert stored(workshop).current_step == 1
    workshop.previous_step()
    workshop.goto_step(1)
    assert stored(workshop).current_step == 1
    with refused(workshop, InvalidInput, "index"):
        workshop.goto_step(7)
    with refused(workshop, InvalidInput, "minutes"):
        workshop.extend_step(0)


# -- ideas ----------------------------------------------------------------------------------


def test_proposals_are_added_edited_merged_kept_apart_dropped_and_promoted(
    workshop: Workshop,
) -> None:
    a = workshop.add_proposal("Livrer plus vite", author="ml")
    b = workshop.add_proposal("Livrer plus rapidement")
    c = workshop.add_proposal("Former les équipes")
    workshop.edit_proposal(c, "Former les équipes terrain", author="jd")
    workshop.keep_apart(a, [c])
    merged = workshop.merge_proposals([a, b], "Livrer plus vite nos clients")
    workshop.drop_proposal(c)
    workshop.restore_proposal(c)
    created = workshop.promote_proposals([merged, c], note="brainstorm")
    s = stored(workshop)
    assert [o.text for o in s.objectives] == [
        "Livrer plus vite nos clients",
        "Former les équipes terrain",
    ]
    assert [o.id for o in s.objectives] == created
    assert {p.id: p.status for p in s.proposals}[a] == "merged"
    assert c in next(p for p in s.proposals if p.id == a).distinct
    with refused(workshop, InvalidInput, "text"):
        workshop.add_proposal(" \n ")
    with refused(workshop, UnknownItem):
        workshop.add_proposal("Idée", author="nobody")
    with refused(workshop, InvalidInput, "proposal_ids"):
        workshop.merge_proposals([a], "Seul")
    with refused(workshop, InvalidInput, "proposal"):
        workshop.restore_proposal(c)


# -- votes ----------------------------------------------------------------------------------


def test_votes_dots_reveal_and_hide(workshop: Workshop) -> None:
    o1 = workshop.save_objective(None, "Livrer plus vite")
    workshop.set_priority(o1, "ml", "yes")
    workshop.set_priority(o1, "jd", "yes")
    assert workshop.add_dots(o1, "ml", 2) == 2
    assert workshop.reveal_votes() == 1.0
    assert stored(workshop).votes[o1].revealed
    workshop.hide_votes()
    assert not stored(workshop).votes[o1].revealed
    with refused(workshop, InvalidInput, "answer"):
        workshop.set_priority(o1, "ml", "maybe")
    with refused(workshop, InvalidInput, "delta"):
        workshop.add_dots(o1, "ml", 2)
    with refused(workshop, UnknownItem):
        workshop.set_priority("gone", "ml", "yes")


# -- objectives -----------------------------------------------------------------------------


def test_the_objectives_life_with_undo(workshop: Workshop) -> None:
    o1 = workshop.save_objective(None, "Livrer plus vite")
    o2 = workshop.save_objective(None, "Former les équipes")
    o3 = workshop.save_objective(None, "Former nos équipes")
    workshop.retain_objective(o1, by="ml")
    assert stored(workshop).objective(o1).status == "retained"
    record = workshop.merge_objective(o3, o2, by="ml")
    assert stored(workshop).objective(o3).merged_into == o2
    workshop.undo_objective_change(record)
    assert stored(workshop).objective(o3).status == "draft"
    workshop.reopen_objective(o1)
    workshop.drop_objective(o2, by="ml")
    workshop.move_objective(o3, -2)
    assert [o.id for o in stored(workshop).objectives] == [o3, o1, o2]
    workshop.retain_set([o1], by="ml")
    assert stored(workshop).objective(o3).status == "dropped"
    workshop.delete_objective(o3)
    assert all(o.id != o3 for o in stored(workshop).objectives)
    workshop.mark_independent(o1)
    assert stored(workshop).objective(o1).independent
    workshop.link_objective(o1, "p1")
    assert stored(workshop).objective(o1).parent_id == "p1"
    with refused(workshop, ObjectiveError):
        workshop.move_objective(o1, -1)
    with refused(workshop, UnknownItem):
        workshop.link_objective(o1, "nowhere")


# -- the room's log -------------------------------------------------------------------------


def test_decisions_actions_and_the_parking_lot(workshop: Workshop) -> None:
    d = workshop.add_decision("On garde trois objectifs")
    a = workshop.add_action("Envoyer le CR", "ml", "3/4")
    p = workshop.park("Budget formation")
    s = stored(workshop)
    assert s.actions[0].due == "2026-04-03" and s.decisions[0].id == d
    workshop.update_action(a, "Envoyer le compte rendu", "jd", "2026-04-10")
    workshop.set_action_done(a, True)
    workshop.follow_up_parking(p, "ml", "En parler au CODIR")
    workshop.set_parking_resolved(p, True)
    s = stored(workshop)
    assert (s.actions[0].owner, s.actions[0].done) == ("jd", True)
    assert s.parking[0].has_follow_up and s.parking[0].resolved
    workshop.remove_entry("decisions", d)
    assert not stored(workshop).decisions
    with refused(workshop, InvalidInput, "due"):
        workshop.add_action("Relancer", "ml", "bientôt")
    with refused(workshop, InvalidInput, "owner"):
        workshop.add_action("Relancer", "ab", "3/4")  # Anne is away
    with refused(workshop, InvalidInput, "kind"):
        workshop.remove_entry("ideas", p)  # type: ignore[arg-type]


def test_the_wrapup_closes_only_once_the_parking_lot_is_followed_up(workshop: Workshop) -> None:
    workshop.store.update(
        "s1",
        lambda s: s.agenda.append(
            AgendaStep(id="w", kind="wrapup", title="Clôture", planned_minutes=10)
        ),
    )
    workshop.reload()
    p = workshop.park("Budget")
    with refused(workshop, InvalidInput, "parking"):
        workshop.close_wrapup()
    workshop.follow_up_parking(p, "ml", "CODIR de mai")
    workshop.close_wrapup()
    assert stored(workshop).agenda[0].status == "done"


# -- review, grading, retrospective ---------------------------------------------------------


def test_checkins_grades_commitment_and_retro_lines(workshop: Workshop) -> None:
    oid = workshop.save_objective(None, "Livrer plus vite")
    kid = workshop.save_key_result(
        oid,
        None,
        "Passer de 80 % à 95 % de livraisons à l'heure",
        fields={"baseline": "80", "target": "95", "unit": "%"},
    )
    workshop.record_checkin(kid, "90", 7, blockers=["Transporteur"])
    checkin = stored(workshop).key_result(kid).last_checkin
    assert checkin is not None and checkin.date == "2026-03-19"
    assert checkin.progress == pytest.approx(2 / 3, abs=0.01)
    workshop.set_grade(kid, 0.7)
    workshop.set_committed(kid, True)
    workshop.add_retro_line("worked", "Le rythme")
    workshop.add_retro_line("to_change", "Les salles")
    workshop.remove_retro_line("worked", 0)
    s = stored(workshop)
    assert (s.key_result(kid).grade, s.key_result(kid).committed) == (0.7, True)
    assert (s.worked, s.to_change) == ([], ["Les salles"])
    with refused(workshop, InvalidInput, "grade"):
        workshop.set_grade(kid, 1.5)
    with refused(workshop, InvalidInput, "confidence"):
        workshop.record_checkin(kid, "91", 11)
    with refused(workshop, InvalidInput, "list"):
        workshop.add_retro_line("dreams", "Plus de café")


# -- the workbench --------------------------------------------------------------------------


def test_versions_fields_final_restore_and_working_drafts(workshop: Workshop) -> None:
    assert workshop.keep_working_draft("objective:new:new", "Livrer pl")
    oid = workshop.save_objective(
        None,
        "Livrer plus vite",
        scores={"overall": 40.0},
        findings=["vague"],
        note="saisi",
        drafts_done=["objective:new:new"],
    )
    workshop.save_objective(oid, "Livrer 95 % des commandes à l'heure d'ici fin 2026")
    workshop.mark_final(oid, None, 2)
    assert stored(workshop).objective(oid).final_version == 2
    assert workshop.restore_version(oid, None, 1, "restauré") == 3
    kid = workshop.add_key_result(oid, "95 % à l'heure", note="proposé")
    workshop.correct_key_result(oid, kid, {"owner": "ml", "target": "95"}, ["owner"])
    s = stored(workshop)
    objective = s.objective(oid)
    assert [v.n for v in objective.versions] == [1, 2, 3]
    assert objective.versions[0].scores == {"overall": 40.0}
    assert s.extra["working_drafts"] == {}
    kr = objective.key_result(kid)
    assert (kr.owner, kr.target, kr.extra["edited_fields"]) == ("ml", "95", ["owner"])
    with refused(workshop, InvalidInput, "colour"):
        workshop.correct_key_result(oid, kid, {"colour": "blue"}, [])
    with refused(workshop, InvalidInput, "text"):
        workshop.save_objective(oid, "")


def test_an_accepted_change_is_undone_and_redone_as_new_versions(workshop: Workshop) -> None:
    oid = workshop.save_objective(None, "Livrer plus vite")
    workshop.save_objective(oid, "Livrer 95 % à l'heure", note="réécrit")
    change = Accepted(
        "wording",
        "réécrit",
        before=1,
        after=2,
        before_text="Livrer plus vite",
        after_text="Livrer 95 % à l'heure",
    )
    workshop.undo_accepted(oid, None, change, "annulé")
    assert stored(workshop).objective(oid).text == "Livrer plus vite"
    workshop.redo_accepted(oid, None, change, "rétabli")
    assert [v.note for v in stored(workshop).objective(oid).versions][-2:] == ["annulé", "rétabli"]


def test_the_service_is_headless() -> None:
    """A participants' web page runs it without Textual (nor spaCy, until a suggestion is
    applied)."""
    code = "import sys, facilitator.workshop; print(' '.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {name.split(".")[0] for name in loaded} & {"textual", "spacy"}
