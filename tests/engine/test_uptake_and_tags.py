"""How the adoption rewrite says people take up a thing (a tool is used every week, a training
completed, a process followed), and the draft's tags left out of every rewrite."""

import pytest

from facilitator.engine.alternatives import untagged


@pytest.mark.parametrize(
    ("draft", "kind", "lang", "says"),
    [
        ("Launch the app", "objective", "en", "use the app every week"),
        ("Introduce a new employee onboarding process", "key_result", "en", "who follow the new"),
        ("publish new expense tool", "key_result", "en", "who use the new expense tool every"),
        ("launch new training for the sales team", "objective", "en", "complete the new training"),
        ("Déployer le nouveau processus d'achat", "key_result", "fr", "qui appliquent le nouveau"),
        (
            "Lancer la plateforme de formation",
            "key_result",
            "fr",
            "qui utilisent la plateforme de formation chaque",
        ),
    ],
)
def test_each_kind_of_thing_is_taken_up_its_own_way(engine, draft, kind, lang, says):
    a = engine.assess(draft, kind, lang)
    [alt] = [x for x in a.alternatives if x.strategy == "activity-to-outcome"]
    assert says in alt.text, alt.text


@pytest.mark.parametrize(
    ("draft", "lang"),
    [
        ("Implement new waste collection routes", "en"),
        ("publish average and tail latency measurements", "en"),
        ("Déployer la garantie de retour d'urgence", "fr"),
    ],
)
def test_a_thing_no_one_uses_every_week_is_not_measured_by_its_weekly_use(engine, draft, lang):
    a = engine.assess(draft, "key_result", lang)
    assert "activity-to-outcome" not in {x.strategy for x in a.alternatives}


def test_a_rewrite_leaves_the_drafts_tags_out_and_keeps_its_blanks():
    text = "[What should change, and for whom], by defining the PR strategy [DevRel] (COMMITTED)"
    assert untagged(text) == "[What should change, and for whom], by defining the PR strategy"
    assert untagged("Audit logs (connections, queries)") == "Audit logs (connections, queries)"


def test_an_alternative_built_from_a_tagged_draft_has_no_tag(engine):
    a = engine.assess("Regression test platform [INFRA]", "key_result", "en")
    assert a.alternatives and all("[INFRA]" not in x.text for x in a.alternatives)
