"""Reading fixes found on the second round of real drafts: a label in brackets, a day written
out in words, a count of things an action was done to ("tickets traités")."""

import pytest

from facilitator.engine.labels import label_end


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("(KR1) Create a user survey", "Create a user survey"),
        ("(O2) Grow the community", "Grow the community"),
        ("(see below) grow the community", "(see below) grow the community"),
        ("KR1.3 Ship the billing API", "Ship the billing API"),
        ("KR 2.1 Reduce churn", "Reduce churn"),
        ("1.3 Ship the billing API", "Ship the billing API"),
        ("1.3 million users", "1.3 million users"),
        ("Objective 2 Launch the portal", "Launch the portal"),
    ],
)
def test_a_label_in_brackets_is_a_label(text, rest):
    assert text[label_end(text) :] == rest


@pytest.mark.parametrize(
    ("text", "deadline", "date"),
    [
        (
            "Launch the new dashboard by April fifteenth 2027",
            "by April fifteenth 2027",
            "2027-04-15",
        ),
        ("Cut churn to 2% by the first of May 2027", "by the first of May 2027", "2027-05-01"),
        ("Cut churn to 2% by May twenty-first, 2027", "by May twenty-first, 2027", "2027-05-21"),
    ],
)
def test_a_day_written_out_is_part_of_the_deadline(engine, text, deadline, date):
    a = engine.assess(text, "key_result", "en")
    assert a.parts["deadline"] == deadline and a.parts["deadline_date"] == date


@pytest.mark.parametrize(
    ("text", "lang", "measure"),
    [
        (
            "KR1 : Nombre de tickets traités par le support client",
            "fr",
            "le nombre de tickets traités",
        ),
        (
            "Increase the number of tickets resolved by the support team",
            "en",
            "the number of tickets resolved",
        ),
    ],
)
def test_what_was_done_to_the_things_counted_stays_in_the_measure(engine, text, lang, measure):
    a = engine.assess(text, "key_result", lang)
    [alt] = [x for x in a.alternatives if x.strategy == "add-target"]
    assert measure in alt.text


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        ("Reach one million followers by June 2027", "en", "one million"),
        ("Atteindre un million d'abonnés d'ici juin 2027", "fr", "un million"),
        ("Launch a new platform by June 2027", "en", None),
        ("Des millions de patients traités", "fr", None),
    ],
)
def test_one_million_is_a_number_and_one_alone_is_not(engine, text, lang, target):
    assert engine.assess(text, "key_result", lang).parts["target"] == target
