"""How lexicon entries meet a draft's words: typed without accents, and at an opening verb the
tagger mistook for a noun (issue 10)."""

import pytest


def _findings(engine, text, lang, kind="objective"):
    return {(f.rule, f.text) for f in engine.assess(text, lang=lang, kind=kind).findings}


@pytest.mark.parametrize("tier", ["full", "lexical"])
def test_a_draft_typed_without_accents_meets_the_same_entries(engine, tier):
    """« Ameliorer la qualite » is « Améliorer la qualité » typed fast; the finding quotes the
    draft's own letters."""
    accented = {
        f.rule for f in engine.assess("Améliorer la qualité", lang="fr", tier=tier).findings
    }
    bare = engine.assess("Ameliorer la qualite", lang="fr", tier=tier).findings
    assert "vague-verb" in accented
    assert accented == {f.rule for f in bare}
    assert ("vague-verb", "Ameliorer") in {(f.rule, f.text) for f in bare}


def test_an_unaccented_phrase_matches_word_by_word(engine):
    assert ("nominalisation", "Mise a jour") in _findings(
        engine, "Mise a jour du referentiel", "fr"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Help improve onboarding for new hires",
        "Help reduce churn in the SMB segment",
        "KR2: Help grow the community",
    ],
)
def test_an_opening_verb_read_as_a_noun_is_still_the_verb(engine, text):
    assert ("contributory-wording", "Help") in _findings(engine, text, "en")


def test_an_opening_noun_without_an_object_stays_a_noun(engine):
    rules = {rule for rule, _ in _findings(engine, "Help desk response time under 2 hours", "en")}
    assert "contributory-wording" not in rules
