"""The "split" rewrite (issue 11, item 3) with the real models: a draft that holds two ideas
becomes two drafts, what they share (the opening verb, the only deadline) given to both, no
word dropped but the joining one; a draft that holds one idea is never split."""

from __future__ import annotations

import pytest

SPLITS = [
    (
        "fr",
        "key_result",
        "Déployer le nouveau CRM et réduire de 20 % le temps de saisie des commerciaux "
        "d'ici fin T2",
        [
            "Déployer le nouveau CRM d'ici fin T2",
            "Réduire de 20 % le temps de saisie des commerciaux d'ici fin T2",
        ],
    ),
    (
        "fr",
        "key_result",
        "Augmenter le CA de 20 % et la marge de 5 points d'ici fin 2026",
        ["Augmenter le CA de 20 % d'ici fin 2026", "Augmenter la marge de 5 points d'ici fin 2026"],
    ),
    (
        "fr",
        "objective",
        "Moderniser la GED et former les équipes aux bonnes pratiques",
        ["Moderniser la GED", "Former les équipes aux bonnes pratiques"],
    ),
    (
        "fr",
        "key_result",
        "Recruter 3 développeurs / lancer la v2 d'ici juin",
        ["Recruter 3 développeurs d'ici juin", "Lancer la v2 d'ici juin"],
    ),
    (
        "en",
        "key_result",
        "Improve search. 8 tickets closed.",
        ["Improve search", "8 tickets closed"],
    ),
    (
        "en",
        "objective",
        "Launch the new portal; reduce support calls by 20%",
        ["Launch the new portal", "Reduce support calls by 20%"],
    ),
]

ONE_IDEA = [
    ("en", "key_result", "Write and publish 3 guides by June"),
    ("fr", "key_result", "Rédiger et publier 3 guides d'ici juin"),
    ("en", "key_result", "Raise NPS from 32 to 45 while keeping CSAT above 4.5 by end of Q3"),
    ("fr", "key_result", "Réduire de 30 % le temps de traitement, de 10 à 7 jours, d'ici fin T3"),
    ("fr", "objective", "Rendre nos clients fidèles et fiers de nous recommander"),
]


@pytest.mark.parametrize(("lang", "kind", "draft", "parts"), SPLITS)
def test_two_ideas_become_two_drafts(engine, lang, kind, draft, parts):
    a = engine.assess(draft, kind, lang)
    splits = [x for x in a.alternatives if x.strategy == "split"]
    assert len(splits) == 1, [x.text for x in a.alternatives]
    split = splits[0]
    assert [text for text, _ in split.parts] == parts
    assert split.text == " / ".join(parts)
    # Each part holds one idea and is scored as the draft it will be.
    for text, scores in split.parts:
        again = engine.assess(text, kind, lang)
        assert "several-ideas" not in {f.rule for f in again.findings}, text
        assert scores.overall == again.scores.overall
    assert split.scores.clarity > a.scores.clarity
    assert split.to_dict()["parts"][1]["text"] == parts[1]


@pytest.mark.parametrize(("lang", "kind", "draft"), ONE_IDEA)
def test_one_idea_is_not_split(engine, lang, kind, draft):
    a = engine.assess(draft, kind, lang)
    assert not [x.text for x in a.alternatives if x.strategy == "split"]
