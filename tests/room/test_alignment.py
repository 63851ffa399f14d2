"""Alignment suggestions compare what objectives are about, not the verbs of change or the small
words every objective uses: a shared verb alone never suggests a parent."""

from __future__ import annotations

import pytest

from facilitator.room.alignment import IGNORED, suggest_parents

FR_PARENTS = [
    ("couts", "Réduire nos coûts de production"),
    ("europe", "Livrer plus vite nos clients partout en Europe"),
    ("securite", "Zéro accident sans exception sur nos sites"),
]
EN_PARENTS = [
    ("costs", "Reduce our production costs"),
    ("europe", "Grow revenue in Europe"),
    ("safety", "Become the safest plant without any accident"),
]


@pytest.mark.parametrize(
    ("parents", "text"),
    [
        (FR_PARENTS, "Réduire de 30 % les déviations qualité sans retard"),
        (FR_PARENTS, "Augmenter le taux de réponse aux appels d'ici fin 2026"),
        (EN_PARENTS, "Reduce customer churn from 8% to 4%"),
        (EN_PARENTS, "Increase the share of answered calls to 95% without new hires"),
    ],
)
def test_a_shared_verb_or_small_word_alone_suggests_no_parent(parents, text) -> None:
    assert suggest_parents(text, parents) == []


@pytest.mark.parametrize(
    ("parents", "text", "parent", "shared"),
    [
        (FR_PARENTS, "Réduire les délais de livraison aux clients de 20 %", "europe",
         ("livraison", "clients")),
        (FR_PARENTS, "Réduire les accidents du travail sans arrêt de ligne", "securite",
         ("accidents",)),
        (FR_PARENTS, "Diminuer le coût de production d'un lot de 12 %", "couts",
         ("coût", "production")),
        (EN_PARENTS, "Increase revenue in Germany by 20%", "europe", ("revenue",)),
        (EN_PARENTS, "Cut workplace accidents to zero without stopping lines", "safety",
         ("accidents",)),
    ],
)  # fmt: skip
def test_the_parent_sharing_the_subject_is_suggested_with_those_words(
    parents, text, parent, shared
) -> None:
    best = suggest_parents(text, parents)
    assert best[0].parent_id == parent
    assert best[0].shared == shared


def test_the_ignored_words_come_from_the_lexicons_of_both_languages() -> None:
    assert {"reduire", "reduction", "san", "reduce", "without"} <= IGNORED  # folded, singular
    assert "livraison" not in IGNORED and "customer" not in IGNORED
