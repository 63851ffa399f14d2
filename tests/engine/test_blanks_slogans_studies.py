"""The rewrites that leave a blank for the room (a slogan, an activity with no measure), the one
that turns a study into the decision it is for, and how the engine reads a blank (issue 11)."""

import pytest


@pytest.mark.parametrize(
    ("draft", "lang", "topic"),
    [
        ("OKR 2 : Produit prêt pour production", "fr", "Produit prêt pour production"),
        ("Code health.", "en", "Code health"),
        ("Be the best", "en", "Be the best"),
    ],
)
def test_a_slogan_keeps_its_words_and_asks_what_should_change(engine, draft, lang, topic):
    a = engine.assess(draft, "objective", lang=lang)
    [alt] = [x for x in a.alternatives if x.strategy == "slogan-to-change"]
    assert alt.text.startswith(topic)  # the room's words, as written, label and "." left out
    assert "[" in alt.text and alt.text.endswith("]")
    [question] = alt.questions
    assert topic in question and question.rstrip().endswith("?")
    # The blank still counts against it: the room has not said what changes yet.
    assert "objective-blank" in {r for lowered in alt.scores.explain.values() for r, _ in lowered}
    assert a.scores.overall < alt.scores.overall < 100


def test_a_blank_is_flagged_and_a_tag_is_not(engine):
    blank = engine.assess("[What should change, and for whom], by hiring", "objective", "en")
    [finding] = [f for f in blank.findings if f.rule == "objective-blank"]
    assert finding.text == "[What should change, and for whom]"
    for tagged in ("Launch gitbase-spark-connector [DR]", "Grow the community [DevRel]"):
        a = engine.assess(tagged, "objective", "en")
        assert "objective-blank" not in {f.rule for f in a.findings}, tagged


def test_words_inside_a_blank_are_not_the_drafts_wording(engine):
    # "should" in the coach's blank is no conditional mood of the room's.
    a = engine.assess("[What should change, and for whom], by hiring", "objective", "en")
    assert "conditional-mood" not in {f.rule for f in a.findings}


def test_a_blank_that_lists_choices_is_one_idea(engine):
    text = "Decide what to do about the latency by end of Q4, from N [tests, scans or interviews]"
    a = engine.assess(text, "key_result", "en")
    assert "several-ideas" not in {f.rule for f in a.findings}
    listed = engine.assess("Cut churn by 2 points, grow upsell, and open 3 offices", "key_result")
    assert "several-ideas" in {f.rule for f in listed.findings}


@pytest.mark.parametrize(
    ("draft", "lang", "kept"),
    [
        ("assess Colossus latency", "en", "about Colossus latency by [date]"),
        ("Analyser les causes des retards de livraison", "fr", "aux causes des retards"),
    ],
)
def test_a_study_becomes_the_decision_it_is_for(engine, draft, lang, kept):
    a = engine.assess(draft, "key_result", lang=lang)
    [alt] = [x for x in a.alternatives if x.strategy == "learning-to-decision"]
    assert kept in alt.text and "N [" in alt.text
    assert alt.scores.overall > a.scores.overall


def test_a_french_study_of_an_action_gets_no_decision_that_would_not_read(engine):
    # « la suite à donner à migrer le SI » is not French: no such rewrite.
    a = engine.assess("Étudier la faisabilité de migrer le SI", "key_result", "fr")
    assert "learning-to-decision" not in {x.strategy for x in a.alternatives}


def test_la_suite_a_donner_is_good_french_and_suite_a_is_not(engine):
    fine = engine.assess("Décider de la suite à donner au portail d'ici juin 2027", "key_result")
    assert "improper-usage" not in {f.rule for f in fine.findings}
    wrong = engine.assess("Suite à la réunion, réduire les retards de 10 %", "key_result", "fr")
    assert "improper-usage" in {f.rule for f in wrong.findings}


def test_an_objective_put_to_use_keeps_its_deadline_and_its_people(engine):
    a = engine.assess("launch new training for the sales team by March 2027", "objective", "en")
    [alt] = [x for x in a.alternatives if x.strategy == "activity-to-outcome"]
    assert "sales teams" in alt.text and alt.text.endswith("by March 2027")


def test_quotes_around_the_whole_draft_present_it_and_quote_no_one(engine):
    # A published example written inside quotes is still the draft's own wording.
    a = engine.assess("Objectif : « Être excellents pour nos utilisateurs. »", "objective", "fr")
    assert "objective-effort" in {f.rule for f in a.findings} and a.scores.overall <= 60
    # A quoted phrase inside a draft stays the customer's.
    quoted = engine.assess("Réduire le « time to market » de 20 % d'ici fin 2027", "key_result")
    assert "anglicism" not in {f.rule for f in quoted.findings}


@pytest.mark.parametrize(
    ("draft", "lang"), [("Work hard on projects", "en"), ("Me remettre au sport", "fr")]
)
def test_an_effort_objective_is_blocking_and_not_kept_as_a_heading(engine, draft, lang):
    a = engine.assess(draft, "objective", lang=lang)
    assert a.scores.overall <= 60
    # "Work hard on projects: [what should change …]" keeps the effort as the headline: a coach
    # would not show it, so the slogan's rewrite does not answer an effort.
    assert "slogan-to-change" not in {x.strategy for x in a.alternatives}


def test_a_written_out_label_without_a_number_is_left_out(engine):
    a = engine.assess("Objective: Code health", "objective", "en")
    [alt] = [x for x in a.alternatives if x.strategy == "slogan-to-change"]
    assert alt.text == "Code health: [what should change, and for whom]"
