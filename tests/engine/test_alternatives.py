"""Alternatives: rewrites that fix a draft's main problem, as data with their examples
(rules/rewrites.toml), each scored like the draft (issue 11, item 3)."""

from pathlib import Path

import pytest

from facilitator.engine.alternatives import StrategyError, load_strategies
from facilitator.paths import data_dir

STRATEGIES = load_strategies(data_dir("rules") / "rewrites.toml")
EXAMPLES = [(s.id, e) for s in STRATEGIES.values() for e in s.examples]


def test_every_strategy_has_examples_in_both_languages():
    for strategy in STRATEGIES.values():
        assert {e.lang for e in strategy.examples} == {"fr", "en"}, strategy.id


@pytest.mark.parametrize(("sid", "example"), EXAMPLES, ids=lambda x: getattr(x, "draft", x))
def test_each_strategy_example_gets_its_alternative(engine, sid, example):
    a = engine.assess(example.draft, example.kind, lang=example.lang)
    mine = [alt for alt in a.alternatives if alt.strategy == sid]
    assert [alt.text for alt in mine] == [example.shape], [alt.text for alt in a.alternatives]
    [alt] = mine
    assert alt.scores.overall > a.scores.overall and alt.changed and alt.why


@pytest.mark.parametrize(
    ("draft", "lang", "content"),
    [
        ("Améliorer la satisfaction client", "fr", ["satisfaction", "client"]),
        ("Réduire les retards de livraison", "fr", ["retards", "livraison"]),
        ("Augmenter la part de marché en officine", "fr", ["part de marché", "officine"]),
        ("Improve customer retention", "en", ["customer retention"]),
        ("Reduce average page load time", "en", ["page load time"]),
    ],
)
def test_a_weak_key_result_gains_twenty_points_and_keeps_its_words(engine, draft, lang, content):
    a = engine.assess(draft, "key_result", lang=lang)
    best = a.alternatives[0]
    assert best.scores.overall >= a.scores.overall + 20
    assert all(word in best.text for word in content), best.text
    assert " X " in f"{best.text} " and "Y" in best.text  # the room sets the figures


def test_an_alternative_that_drops_a_hedge_asks_the_room(engine):
    a = engine.assess("Essayer de réduire le délai de livraison", "key_result", lang="fr")
    assert a.alternatives and all("Essayer de" in " ".join(x.questions) for x in a.alternatives)


def test_a_good_draft_gets_no_alternative(engine):
    a = engine.assess("Passer le NPS de 32 à 45 d'ici fin 2026", "key_result", lang="fr")
    assert list(a.alternatives) == []


def test_alternatives_wait_for_the_full_pass(engine):
    a = engine.assess("Améliorer la satisfaction client", "key_result", lang="fr", tier="lexical")
    assert list(a.alternatives) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('[[strategy]]\nid = "magic"\nkinds = ["objective"]\n', "id"),
        ('[[strategy]]\nid = "add-target"\nkinds = ["goal"]\n', "kinds"),
        (
            '[[strategy]]\nid = "add-target"\nkinds = ["key_result"]\nchanged = { fr = "x" }\n',
            "changed",
        ),
    ],
)
def test_a_bad_strategies_file_names_the_file_and_the_field(tmp_path: Path, body, field):
    path = tmp_path / "rewrites.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(StrategyError) as err:
        load_strategies(path)
    assert str(path) in str(err.value) and f"'{field}'" in str(err.value)


@pytest.mark.parametrize(
    ("draft", "lang", "used"),
    [
        ("Launch the app and grow revenue", "en", "who use the app every"),
        ("Publish average and tail latency measurements", "en", "use the average and tail latency"),
        ("Lancer une plateforme publique et opposable dès 2027", "fr", "la plateforme publique et"),
        ("Mise en place du portail fournisseurs", "fr", "utilisent le portail fournisseurs"),
    ],
)
def test_activity_to_outcome_names_the_whole_thing_and_stops_at_the_next_action(
    engine, draft, lang, used
):
    alternatives = engine.assess(draft, "key_result", lang).alternatives
    [alt] = [a for a in alternatives if a.strategy == "activity-to-outcome"]
    assert used in alt.text, alt.text


@pytest.mark.parametrize(
    ("draft", "lang"),
    [("Lancer 5 nouvelles fonctionnalités", "fr"), ("Deliver five benchmarks", "en")],
)
def test_a_count_of_deliverables_is_not_turned_into_a_measure_of_use(engine, draft, lang):
    a = engine.assess(draft, "key_result", lang)
    assert all(alt.strategy != "activity-to-outcome" for alt in a.alternatives)
