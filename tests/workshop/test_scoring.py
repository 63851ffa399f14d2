"""Every version gets the engine's scores: those saved without them are scored afterwards,
unless the wording changed or was scored meanwhile."""

from __future__ import annotations

from facilitator.workshop import Workshop
from facilitator.workshop.assessments import rule_title
from facilitator.workshop.scoring import assess_unscored, unscored
from tests.tui.fake_engine import FakeEngine


def test_versions_saved_without_scores_are_scored_and_stored(workshop: Workshop) -> None:
    oid = workshop.save_objective(None, "Améliorer la satisfaction client")  # engine not ready
    kid = workshop.add_key_result(oid, "Passer le NPS de 20 à 40 d'ici fin 2026")
    scored_oid = workshop.save_objective(None, "Livrer plus vite", scores={"overall": 80.0})
    assert [(u.objective_id, u.kr_id, u.n) for u in unscored(workshop.session)] == [
        (oid, None, 1),
        (oid, kid, 1),
    ]
    assert workshop.score_unscored(FakeEngine(ready=True)) == 2
    stored = workshop.store.load("s1")
    objective = stored.objective(oid)
    assert set(objective.versions[0].scores) == {"clarity", "ambition", "measurability", "overall"}
    assert objective.versions[0].findings == ["vague-verb"]
    assert objective.key_results[0].versions[0].scores
    assert stored.objective(scored_oid).versions[0].scores == {"overall": 80.0}  # left alone
    assert unscored(stored) == []


def test_a_verdict_on_a_wording_changed_meanwhile_is_not_stored(workshop: Workshop) -> None:
    oid = workshop.save_objective(None, "Améliorer la satisfaction client")
    found = assess_unscored(workshop.session, FakeEngine(ready=True))
    other = Workshop(workshop.store, "s1")
    other.restore_version(oid, None, 1, "restored")  # another front end adds v2 …
    assert workshop.store_scores(found) == 1  # … v1 is still v1: scored
    assert workshop.store_scores(found) == 0  # already scored: not twice
    assert not workshop.set_version_scores(oid, None, 1, "Autre texte", {"overall": 1.0})
    assert not workshop.set_version_scores(oid, None, 9, "Améliorer", {"overall": 1.0})


def test_rule_titles_in_the_language_asked_and_ids_kept_for_unknown_rules() -> None:
    assert rule_title("vague-verb", "fr") == "Verbe vague"
    assert rule_title("vague-verb", "en") == "Vague verb"
    assert rule_title("our-own-rule", "fr") == "our-own-rule"
