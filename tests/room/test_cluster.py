"""Clustering near-duplicate proposals: the tricky pairs the room actually types."""

from __future__ import annotations

import time

import pytest

from facilitator.room.cluster import CONTAINED, NUMBERS, THRESHOLD, best_wording, compare, group
from facilitator.room.wording_keys import key, numbers

SAME = [
    # accents and case
    ("Réduire les délais de livraison", "reduire les delais de livraison"),
    ("AMÉLIORER LA SATISFACTION CLIENT", "Améliorer la satisfaction client"),
    # another word order
    ("Délais de livraison : les réduire", "Réduire les délais de livraison"),
    ("Satisfaction client : l’améliorer", "Améliorer la satisfaction de nos clients"),
    ("Fidéliser nos clients grands comptes", "Fidéliser les grands comptes clients"),
    ("Reduce customer churn", "Reduce churn of our customers"),
    # singular / plural, a typo, spacing of a figure
    ("Réduire le délai de livraison", "Réduire les délais de livraisons"),
    ("Réduire les délais de livriason", "Réduire les délais de livraison"),
    ("Reduce churn by 20%", "Reduce churn by 20 %"),
    ("Ouvrir 3 nouveaux marchés", "Ouvrir trois nouveaux marchés"),
    ("Atteindre 1 500 000 € de CA", "Atteindre 1,5 M€ de CA"),
    # another verb for the same change (lexicons/<lang>/room/synonyms.tsv)
    ("Diminuer les délais de livraison", "Réduire les délais de livraison"),
    ("Cut delivery times", "Reduce delivery times"),
    ("Hausse du panier moyen", "Augmentation du panier moyen"),
]

DIFFERENT = [
    ("Réduire les délais", "Réduire les coûts"),
    ("Moderniser la GED", "Moderniser l'intranet"),
    ("Réussir le lancement de Dermavel", "Préparer le lancement de Dermavel"),
    ("Réduire les retards de libération des lots", "Libérer les lots sans retard"),
    # synonyms only of the same change: cutting is not raising
    ("Cut delivery times", "Raise delivery times"),
    ("Diminuer les délais de livraison", "Augmenter les délais de livraison"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_real_duplicates_are_grouped(a: str, b: str) -> None:
    verdict = compare(a, b)
    assert verdict.same, verdict
    assert verdict.score >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_same_subject_other_outcome_is_not_a_duplicate(a: str, b: str) -> None:
    assert not compare(a, b).same


def test_numbers_are_significant() -> None:
    verdict = compare(
        "Augmenter la satisfaction client de 20 %", "Augmenter la satisfaction client de 80 %"
    )
    assert not verdict.same
    assert verdict.reason == NUMBERS and verdict.detail == ("20%", "80%")
    assert verdict.score > 90  # the words alone would have grouped them
    assert not compare("Augmenter les ventes de 20 %", "Augmenter les ventes de 20 €").same
    assert not compare("Ouvrir 3 marchés", "Ouvrir des marchés").same


def test_a_short_proposal_inside_a_longer_one_is_not_the_same() -> None:
    verdict = compare("Réduire les coûts", "Réduire les coûts logistiques de nos entrepôts")
    assert not verdict.same and verdict.reason == CONTAINED
    assert verdict.detail == ("entrepot", "logistique")
    # Even when the fuzzy score alone would pass the threshold.
    close = compare("Réduire le turnover des équipes", "Réduire le turnover des équipes terrain")
    assert close.score >= THRESHOLD and not close.same and close.reason == CONTAINED


def test_keys_fold_accents_elisions_plurals_and_keep_numbers_apart() -> None:
    k = key("L’amélioration des délais d’achat de 2,5 %")
    assert k.words == ("amelioration", "delai", "achat")
    assert k.numbers == ("2.5%",)
    assert numbers("de 1.500 à 2 000 clients") == ("1500", "2000")


def test_groups_use_complete_linkage_and_respect_pairs_kept_apart() -> None:
    items = [
        ("a", "Réduire les délais de livraison"),
        ("b", "Satisfaction client : l'améliorer"),
        ("c", "Délais de livraison : les réduire"),
        ("d", "Améliorer la satisfaction de nos clients"),
        ("e", "Réduire les délais de livraison de 20 %"),
        ("f", "Réduire le délai de livraison"),
        ("g", "Moderniser la GED"),
    ]
    groups = group(items)
    assert [g.ids for g in groups] == [["a", "c", "f"], ["b", "d"]]
    assert groups[0].scores["a"] == 100.0
    kept = group(items, distinct=[frozenset(("a", "c"))])
    assert ["a", "c"] not in [g.ids for g in kept]
    assert all(not {"a", "c"} <= set(g.ids) for g in kept)


def test_merge_offers_the_fullest_wording_first() -> None:
    texts = ["Réduire les délais", "Réduire les délais de livraison", "Délais de livraison"]
    assert best_wording(texts) == 1


def test_two_hundred_proposals_group_in_well_under_a_second() -> None:
    subjects = ["délais", "coûts", "stocks", "retours", "litiges", "absences", "accidents"]
    items = [
        (str(i), f"Réduire les {subjects[i % 7]} de l'équipe {i // 7} de {i % 13} %")
        for i in range(200)
    ]
    start = time.perf_counter()
    group(items)
    assert time.perf_counter() - start < 1.0
