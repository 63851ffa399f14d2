"""Grading follows the instruction (issue 15, item 3): with the real engine, an answer that
ignores what the exercise asks for does not pass, and the right answer still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.engine import Engine
from facilitator.training import check_pack, grade_text, load_pack
from facilitator.training.criteria import describe, says_why


def _exercise(pack: str, exercise: str):  # type: ignore[no-untyped-def]
    return load_pack(pack).exercise(exercise)


def test_two_objectives_without_their_reasons_do_not_pass(engine: Engine) -> None:
    ex = _exercise("fr-2-reformuler", "scinder-qualite-couts")
    assert "sa raison" in ex.instructions
    bare = grade_text(engine, ex, "Rendre nos produits irréprochables\nProduire moins cher")
    assert not bare.passed
    labels = [c.label for c, ok in zip(ex.criteria, bare.checks, strict=True) if not ok]
    assert labels == [describe("has_why", "fr")]
    one_reason = grade_text(
        engine,
        ex,
        "Rendre nos produits irréprochables pour que nos clients nous gardent\nProduire moins cher",
    )
    assert not one_reason.passed  # each objective needs its own reason
    both = grade_text(
        engine,
        ex,
        "Rendre nos produits irréprochables pour que nos clients nous gardent\n"
        "Produire moins cher pour rester compétitifs",
    )
    assert both.passed


def test_two_english_objectives_without_their_reasons_do_not_pass(engine: Engine) -> None:
    ex = _exercise("en-2-rewording", "split-quality-costs")
    bare = grade_text(engine, ex, "Make our products flawless\nProduce at a lower cost")
    assert not bare.passed
    good = grade_text(
        engine,
        ex,
        "Make our products flawless so that customers come back\n"
        "Produce at a lower cost to stay ahead of our competitors",
    )
    assert good.passed


def test_a_rewrite_that_drops_the_deadline_does_not_pass(engine: Engine) -> None:
    ex = _exercise("fr-1-reperer", "trouver-et-corriger-kr")
    assert "d'ici fin juin" in ex.draft
    dropped = grade_text(engine, ex, "Faire passer le nombre de clients actifs de 1 200 à 1 500")
    assert not dropped.passed
    kept = grade_text(
        engine, ex, "Faire passer le nombre de clients actifs de 1 200 à 1 500 d'ici fin juin"
    )
    assert kept.passed


def test_a_rewrite_that_drops_the_baseline_does_not_pass(engine: Engine) -> None:
    ex = _exercise("fr-3-resultats-cles", "cible-manquante")
    draft_grade = grade_text(engine, ex, ex.draft)
    assert not draft_grade.passed
    without = ex.model_answer.replace("de 6 % ", "")
    assert without != ex.model_answer
    assert not grade_text(engine, ex, without).passed
    assert grade_text(engine, ex, ex.model_answer).passed


def test_for_our_customers_is_not_a_why(engine: Engine) -> None:
    ex = _exercise("fr-2-reformuler", "sans-pourquoi")
    assert "pourquoi" in ex.instructions
    who = grade_text(engine, ex, "Réduire le temps d'attente en agence pour nos clients")
    assert not who.passed
    why = grade_text(
        engine,
        ex,
        "Réduire le temps d'attente en agence pour que nos clients soient reçus à l'heure",
    )
    assert why.passed
    en = _exercise("en-2-rewording", "no-why")
    assert not grade_text(engine, en, "Cut waiting times in our branches for our customers").passed


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Réduire l'attente pour nos clients", "fr", False),
        ("Réduire l'attente au service de nos clients", "fr", False),
        ("Automatiser la facturation grâce à un nouvel outil", "fr", False),
        ("Préparer le lancement pour le premier trimestre", "fr", False),
        ("Réduire l'attente pour que nos clients soient reçus à l'heure", "fr", True),
        ("Produire moins cher pour rester compétitifs", "fr", True),
        ("Faire revenir nos clients pour les garder", "fr", True),
        ("Ouvrir l'entrepôt afin d’être livrés en 24 h", "fr", True),
        ("Rendre nos produits irréprochables parce qu'ils font notre nom", "fr", True),
        ("Cut waiting times for our customers", "en", False),
        ("Automate invoicing thanks to a new tool", "en", False),
        ("Cut waiting times so that we see every customer on time", "en", True),
        ("Modernise the warehouse system to cut late deliveries", "en", True),
    ],
)
def test_says_why(text: str, lang: str, expected: bool) -> None:
    assert says_why(text, lang) is expected


def test_check_warns_when_no_criterion_keeps_the_deadline(tmp_path: Path, engine: Engine) -> None:
    pack = tmp_path / "mini.toml"
    pack.write_text(
        """\
id = "mini"
lang = "fr"
title = "Mini"
description = "Un pack minuscule."

[[exercises]]
id = "un"
title = "Un"
kind = "key_result"
skill = "baseline-deadline"
level = 1
instructions = "Ajoutez le point de départ et la cible."
draft = "Augmenter le nombre de clients actifs d'ici fin juin"
criteria = ["measurable", "has_baseline"]
hints = ["De combien ?"]
model_answer = "Faire passer le nombre de clients actifs de 1 200 à 1 500 d'ici fin juin"
explanation = "Un point de départ et une cible."
""",
        encoding="utf-8",
    )
    problems = check_pack(pack, engine)
    assert [(p.field, p.is_error) for p in problems] == [("exercises[1].criteria", False)]
    assert '"has_deadline"' in problems[0].message
