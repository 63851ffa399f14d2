"""The minutes after the objective's life (issue 13, item 2): retained objectives with their key
results and owners, dropped and merged ones apart with who decided and when, and the "no
objective retained yet" sentence only when it is true."""

from __future__ import annotations

from datetime import UTC, date, datetime

from facilitator.minutes import content, markdown
from facilitator.room import cycle, votes
from facilitator.room import objectives as life
from facilitator.session import AgendaStep, Participant, Session
from facilitator.workshops import load_template

T0 = datetime(2026, 3, 19, 11, 30, tzinfo=UTC)
NONE_RETAINED = "Aucun objectif n’est encore retenu"


def text(session: Session) -> str:
    """The Markdown minutes with French no-break spaces read as plain ones."""
    md = markdown.render(content.build(session, today=date(2026, 3, 19)))
    return md.replace("\u00a0", " ").replace("\u202f", " ")


def voted(lang: str = "fr") -> Session:
    s = Session(id="s1", lang=lang, title="Cadrage T2", facilitator="Claire Martin")
    s.participants += [
        Participant(id="ml", name="Marc Lefort"),
        Participant(id="ir", name="Isabelle Roche"),
    ]
    o1 = s.add_objective("Livrer nos clients plus vite", id="o1", owner="ml")
    o1.add_key_result("Réduire le délai de livraison de 10 à 4 jours", id="k1", owner="ir")
    o2 = s.add_objective("Réduire les délais de livraison", id="o2")
    o2.add_key_result("Passer de 60 % à 90 % de commandes complètes", id="k2", owner="ml")
    s.add_objective("Moderniser la GED", id="o3")
    s.add_objective("Certifier le site de Lyon ISO 9001", id="o4")
    for pid in ("ml", "ir"):
        for oid, answer in (("o1", "yes"), ("o2", "unsure"), ("o3", "no"), ("o4", "yes")):
            votes.set_priority(s, oid, pid, answer)
    votes.reveal(s)
    return s


def test_before_any_decision_the_sentence_is_true() -> None:
    md = text(voted())
    assert f"{NONE_RETAINED} ; 4 en cours de rédaction" in md
    assert md.count("**Statut :** En cours de rédaction") == 4


def test_retained_objectives_with_key_results_owners_and_who_decided() -> None:
    s = voted()
    life.merge(s, "o2", "o1", by="ml", at=T0)
    life.retain_set(s, life.vote_outcome(s), by="Claire Martin", at=T0)  # o1 and o4; o3 dropped
    md = text(s)
    assert NONE_RETAINED not in md
    assert "Objectifs retenus : 2 sur 4 examinés" in md
    assert "### Objectif 1 — Livrer nos clients plus vite" in md
    assert "### Objectif 2 — Certifier le site de Lyon ISO 9001" in md
    assert "**Responsable :** Marc Lefort" in md
    assert "**Statut :** Retenu par Claire Martin le 19 mars 2026" in md
    # the merged objective's key result now belongs to O1, with its owner
    rows = [line.split("|")[1:-1] for line in md.splitlines() if line.startswith("| RC1.")]
    assert [(r[1].strip(), r[5].strip()) for r in rows] == [
        ("Réduire le délai de livraison de 10 à 4 jours", "Isabelle Roche"),
        ("Passer de 60 % à 90 % de commandes complètes", "Marc Lefort"),
    ]
    assert "**Objectifs fusionnés dans celui-ci :** « Réduire les délais de livraison »" in md
    dropped = md[md.index("### Objectifs écartés") :]
    assert "- Moderniser la GED *— écarté par Claire Martin le 19 mars 2026*" in dropped
    assert "### Objectifs fusionnés dans un autre" in dropped
    merged = (
        "- Réduire les délais de livraison *— fusionné dans O1 par Marc Lefort le 19 mars 2026*"
    )
    assert merged in dropped
    assert "Objectif 3" not in md  # neither the dropped nor the merged one is numbered


def test_the_same_in_english() -> None:
    s = voted("en")
    life.merge(s, "o2", "o1", by="ml", at=T0)
    life.retain_set(s, ["o1"], by="ir", at=T0)
    md = text(s)
    assert "No objective retained yet" not in md
    assert "Objectives retained: 1 of 4 considered" in md
    assert "**Status:** Retained by Isabelle Roche on 19 March 2026" in md
    assert "- Moderniser la GED *— dropped by Isabelle Roche on 19 March 2026*" in md
    merged = "- Réduire les délais de livraison *— merged into O1 by Marc Lefort on 19 March 2026*"
    assert merged in md


def test_all_dropped_is_not_called_nothing_drafted() -> None:
    s = voted()
    for oid in ("o1", "o2", "o3", "o4"):
        life.drop(s, oid, by="ml", at=T0)
    md = text(s)
    assert "Aucun objectif retenu : 4 objectifs examinés, tous écartés." in md
    assert NONE_RETAINED not in md and "n’a encore été rédigé" not in md


def test_a_review_after_a_session_that_retained_nothing_says_so() -> None:
    framing = voted()
    review = cycle.start_follow_up(framing, load_template("monthly-review"), session_id="r1")
    assert review.objectives == []
    md = text(review)
    assert md.count("La session précédente n’a retenu aucun objectif") == 2  # summary, objectives
    life.retain(framing, "o4", by="ml", at=T0)
    review = cycle.start_follow_up(framing, load_template("monthly-review"), session_id="r2")
    md = text(review)
    assert "### Objectif 1 — Certifier le site de Lyon ISO 9001" in md
    assert "**Statut :** Retenu par Marc Lefort le 19 mars 2026" in md


def test_old_decisions_without_who_or_when_read_as_before() -> None:
    s = voted()
    s.objective("o3").status = "dropped"  # as the demo and files from before store it
    md = text(s)
    assert "- Moderniser la GED\n" in md


def test_proposals_left_open_are_listed_so_that_no_idea_is_lost() -> None:
    s = Session(id="s1", lang="fr", title="Cadrage")
    a, b = s.add_proposal("Idée A"), s.add_proposal("Idée B")
    s.add_proposal("Idée C")  # never acted on
    s.merge_proposals([a.id, b.id], "Idée A+B")
    s.drop_proposal(s.add_proposal("Idée D").id)
    drafted = s.add_proposal("Idée E")
    drafted.objective_id = s.add_objective("Idée E, rédigée").id
    md = text(s)
    # Every idea is counted once: merged, dropped, drafted as an objective or (here, C) open.
    assert "5 propositions recueillies : 2 fusionnées, 1 écartée, 1 devenue objectif." in md
    heading = "### Propositions restées ouvertes (ni rédigées, ni regroupées, ni écartées)"
    section = md.split(heading)
    assert len(section) == 2
    left = section[1].split("###")[0]
    assert "- Idée C" in left
    for other in ("Idée A", "Idée D", "Idée E"):  # merged, dropped, drafted: listed elsewhere
        assert other not in left


def test_a_step_the_room_moved_past_is_skipped_not_zero_minutes() -> None:
    s = Session(id="s1", lang="fr", title="Cadrage")
    s.agenda = [
        AgendaStep(id="a", kind="intro", title="Ouverture", planned_minutes=10),
        AgendaStep(id="b", kind="break", title="Pause", planned_minutes=15),
        AgendaStep(id="c", kind="vote", title="Vote", planned_minutes=20),
    ]
    s.agenda[0].status, s.agenda[0].actual_seconds = "done", 720.0
    s.agenda[1].status = "done"  # moved past without its timer running
    s.agenda[2].status, s.agenda[2].actual_seconds = "running", 300.0
    md = text(s)
    assert "| 2 | Pause | 15 | — |   | Passée |" in md
    assert "| 1 | Ouverture | 10 | 12 | +2 | Terminée |" in md
    # The pause counts in the plan, not in the time spent nor the gap.
    assert "| **Total** | **45** | **17** | **+2** |" in md
