"""The training content (issue 15, item 8): English packs written for English-speaking managers
rather than translated from the French ones, a legal duty kept at 100 % as a health metric in the
pharmaceutical packs, and answer choices shown in an order of each trainee's own."""

from __future__ import annotations

import re
from itertools import permutations

import pytest

from facilitator.engine import Engine
from facilitator.training import Exercise, grade_text, list_packs
from facilitator.training.shuffle import choice_order

# -- choices in an order of each trainee's own -------------------------------------------------


@pytest.mark.parametrize("count", range(6))
def test_the_order_is_a_permutation_of_the_choices(count: int) -> None:
    order = choice_order("anne-martin-1a2b3c4d", "en-1-spot-the-problem/escape-hatch", count)
    assert sorted(order) == list(range(count))


def test_the_same_trainee_sees_the_same_order_on_every_visit() -> None:
    first = choice_order("sam-0f0f0f0f", "fr-1-reperer/deux-idees", 4)
    assert all(
        choice_order("sam-0f0f0f0f", "fr-1-reperer/deux-idees", 4) == first for _ in range(5)
    )
    # Pinned: an order must not change with the Python version or between releases, or the
    # letters a trainee noted yesterday would point at other answers today.
    assert choice_order("sam", "pack/exercise", 3) == (1, 0, 2)
    assert choice_order("anne", "pack/exercise", 3) == (2, 0, 1)


def test_different_trainees_get_different_orders() -> None:
    trainees = [f"trainee-{n}" for n in range(40)]
    orders = {choice_order(t, "en-4-pharma/supplier-audits", 3) for t in trainees}
    assert orders == set(permutations(range(3)))  # every order is dealt out
    # The right answer (whatever its place in the pack) lands on every letter for someone.
    assert {order.index(0) for order in orders} == {0, 1, 2}


def test_one_trainee_gets_different_orders_across_exercises() -> None:
    exercises = [f"en-1-spot-the-problem/exercise-{n}" for n in range(12)]
    assert len({choice_order("sam", e, 3) for e in exercises}) > 1


# -- English scenarios of their own ------------------------------------------------------------

_THOUSANDS = {
    "en": re.compile(r"(?<=\d),(?=\d{3}\b)"),
    "fr": re.compile(r"(?<=\d)[ \u202f\xa0](?=\d{3}\b)"),
}


def figures(exercise: Exercise) -> frozenset[str]:
    """The numbers of the draft and the model answer ("1,200" and "1 200" alike, "7.2" and "7,2"
    alike): a translated case keeps them, a scenario of its own has its own."""
    text = _THOUSANDS[exercise.lang].sub("", f"{exercise.draft} {exercise.model_answer}")
    return frozenset(n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", text))


def _exercises(lang: str) -> list[Exercise]:
    return [e for p in list_packs() if p.lang == lang for e in p.exercises]


def test_at_least_thirty_english_scenarios_are_not_the_french_ones() -> None:
    french_figures = {figures(e) for e in _exercises("fr") if figures(e)}
    french_drafts = {e.draft.casefold() for e in _exercises("fr")}
    english = _exercises("en")
    own = [e for e in english if figures(e) not in french_figures]
    assert len(own) >= 30, sorted(e.key for e in english if e not in own)
    # Nothing is simply copied over either (figures-only drafts, say).
    assert not {e.draft.casefold() for e in english} & french_drafts


def test_english_exercises_each_set_their_own_scene() -> None:
    """Scenarios for English-speaking managers name their setting: a context, or instructions
    that say whose objective it is."""
    english = _exercises("en")
    contexts = [e for e in english if e.context]
    assert len(contexts) >= 25
    texts = {e.context for e in contexts}
    assert len(texts) == len(contexts)  # one setting per exercise, not one pasted everywhere


# -- a legal duty is a health metric at 100 %, never a key result below it ---------------------

_LEGAL_DEADLINE = re.compile(r"\b15 (?:days|jours)\b")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?) ?%")


def _pharma() -> list[Exercise]:
    return [e for p in list_packs() if "pharma" in p.id for e in p.exercises]


def test_no_pharma_key_result_targets_the_legal_reporting_duty() -> None:
    for ex in _pharma():
        for line in ex.model_answer.splitlines():
            if _LEGAL_DEADLINE.search(line):
                assert all(float(p.replace(",", ".")) == 100 for p in _PERCENT.findall(line)), (
                    ex.key,
                    line,
                )


@pytest.mark.parametrize(
    ("lang", "health_metric"),
    [
        ("en", "Maintain 100% of serious cases reported within 15 days (health metric)."),
        ("fr", "Maintenir 100 % des cas graves déclarés sous 15 jours (indicateur de santé)."),
    ],
)
def test_pharmacovigilance_keeps_the_duty_as_a_health_metric_and_says_why(
    lang: str, health_metric: str, engine: Engine
) -> None:
    ex = next(e for e in _pharma() if e.lang == lang and e.id == "pharmacovigilance")
    assert health_metric in ex.explanation
    assert "15" in ex.context and "15" in ex.instructions  # the duty is stated up front
    assert not _LEGAL_DEADLINE.search(ex.model_answer)  # the key result measures something else
    # Writing the duty itself as "maintain 100 %" is upkeep, not a key result: it does not pass.
    upkeep = {
        "en": "Maintain 100% of serious cases reported within 15 days from 99% by the end of June",
        "fr": "Maintenir 100 % des cas graves déclarés sous 15 jours contre 99 % d'ici fin juin",
    }[lang]
    assert not grade_text(engine, ex, upkeep).passed
    assert grade_text(engine, ex, ex.model_answer).passed


def test_gmp_training_compliance_is_a_health_metric_too() -> None:
    ex = next(e for e in _pharma() if e.id == "formation-conformite")
    assert "Maintenir 100 % des formations BPF à jour (indicateur de santé)." in ex.explanation
    assert not _PERCENT.search(ex.model_answer)
