"""French replacements of English words read as French: an English compound keeps its number
(« des nouvelles landing pages » → « des nouvelles pages de destination »), and a word inside a
longer English name is left alone rather than half translated (« Lead Time for Changes »)."""

import pytest


@pytest.mark.parametrize(
    ("draft", "rewrite"),
    [
        (
            "80 % des nouvelles landing pages utilisent le modèle",
            "80 % des nouvelles pages de destination utilisent le modèle",
        ),
        ("Créer une landing page", "Créer une page de destination"),
        ("Réduire le lead time de 14 à 7 jours", "Réduire le délai de 14 à 7 jours"),
    ],
)
def test_a_replacement_agrees_with_the_english_compound_it_replaces(engine, draft, rewrite):
    a = engine.assess(draft, "key_result", lang="fr")
    assert a.rewrite is not None and a.rewrite.text == rewrite


def test_a_word_inside_an_english_name_is_not_half_translated(engine):
    a = engine.assess("Réduire le Lead Time for Changes de 14 jours à 2 heures", "key_result", "fr")
    assert a.rewrite is None or "délai for" not in a.rewrite.text
    [finding] = [f for f in a.findings if f.rule == "anglicism"]
    assert finding.suggestions == []  # still flagged: the room may rename it
