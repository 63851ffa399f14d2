"""What a coach's reading of the proposals found (classes, each with drafts of our own): a month
read inside a word, a blank date the room fills, the draft's tags and labels left in a
proposal, a verb alone kept as the means."""

import pytest

from facilitator.engine.alternatives import untagged


@pytest.mark.parametrize(
    ("text", "deadline", "date"),
    [
        ("Onboard 10 Marketing Ambassadors", None, None),
        ("Recruit 5 Juniors in sales", None, None),
        ("Ship the portal by 10 Mar 2027", "by 10 Mar 2027", "2027-03-10"),
        ("Ship the portal by June 3rd, 2027", "by June 3rd, 2027", "2027-06-03"),
        ("Take churn from X to Y by [date]", "by [date]", None),
    ],
)
def test_a_month_is_a_whole_word_and_a_blank_date_is_a_deadline(engine, text, deadline, date):
    a = engine.assess(text, "key_result", "en")
    assert a.parts["deadline"] == deadline and a.parts["deadline_date"] == date


def test_the_coach_leaves_the_date_to_the_room(engine):
    a = engine.assess("Améliorer la satisfaction client", "key_result", "fr")
    first = a.alternatives[0]
    assert first.text == "Faire passer la satisfaction client de X à Y d'ici [date]"
    assert engine.assess(first.text, "key_result", "fr").parts["deadline"] == "d'ici [date]"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Ship X (ASPIRATIONAL/LEARNING) soon", "Ship X soon"),
        ("Ship X () soon", "Ship X soon"),
        ("Take [measure] from X to Y", "Take [measure] from X to Y"),
    ],
)
def test_status_tags_and_empty_brackets_are_not_wording(text, clean):
    assert untagged(text) == clean


def test_the_plain_wording_drops_the_draft_s_label(engine):
    a = engine.assess("KR2: Significantly increase sales", "key_result", "en")
    plain = [x.text for x in a.alternatives if x.strategy == "plain-words"]
    assert plain == ["Increase sales"]


@pytest.mark.parametrize(
    ("text", "lang"), [("Ship by 10 Mar 2027", "en"), ("Livrer d'ici fin mars 2027", "fr")]
)
def test_a_verb_alone_is_no_means(engine, text, lang):
    a = engine.assess(text, "key_result", lang)
    assert all(x.strategy != "activity-as-means" for x in a.alternatives)


@pytest.mark.parametrize(
    ("text", "lang", "verb"),
    [
        ("Ship the redesigned payment form", "en", "who complete the redesigned payment form"),
        ("Déployer le nouveau formulaire de réclamation", "fr", "qui remplissent le nouveau"),
    ],
)
def test_a_form_is_filled_in_not_used_every_week(engine, text, lang, verb):
    a = engine.assess(text, "key_result", lang)
    assert verb in a.alternatives[0].text


@pytest.mark.parametrize(
    ("text", "lang", "means"),
    [
        ("Refonte de l'application mobile", "fr", "en refaisant l'application mobile"),
        ("Development of the design specification", "en", "by developing the design spec"),
    ],
)
def test_an_action_written_as_a_noun_is_a_verb_again(engine, text, lang, means):
    a = engine.assess(text, "key_result", lang)
    assert means in a.alternatives[0].text


def test_a_rollout_of_a_tool_reads_its_object_after_of(engine):
    a = engine.assess("Rollout of the new CRM", "key_result", "en")
    assert "who use the new CRM every week" in a.alternatives[0].text


@pytest.mark.parametrize("text", ["Mach Repackage for Windows builds", "Gradle Build migration"])
def test_a_name_s_first_word_is_not_put_in_the_gerund(engine, text):
    a = engine.assess(text, "key_result", "en")
    assert not any("maching" in x.text or "gradling" in x.text for x in a.alternatives)


def test_a_role_is_filled_not_used_every_week(engine):
    a = engine.assess("Launch the role of staked Content Curators", "key_result", "en")
    assert all("every week" not in x.text for x in a.alternatives)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Améliorer le nouveau dashboard commercial", "Améliorer le nouveau tableau de bord"),
        ("Lancer le nouvel onboarding client", "Lancer le nouvel accueil client"),
    ],
)
def test_a_french_swap_after_a_leading_adjective_keeps_it(engine, text, plain):
    a = engine.assess(text, "key_result", "fr")
    assert any(x.text.startswith(plain) for x in a.alternatives if x.strategy == "plain-words")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Lancer le nouvel onboarding client d'ici juin 2027",
            "en lançant le nouvel accueil client",
        ),
        ("Livrer feature X", "qui utilisent la fonctionnalité X"),
    ],
)
def test_a_rewrite_makes_the_safe_swaps_in_the_words_it_keeps(engine, text, kept):
    a = engine.assess(text, "key_result", "fr")
    assert kept in a.alternatives[0].text
