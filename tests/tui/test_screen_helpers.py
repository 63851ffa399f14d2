"""The Textual-free helpers the screens call (the workshop service's text cleaning,
suggestions, scores and step texts; the timer's display) and the TUI's two languages."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from facilitator.session import Session
from facilitator.tui.i18n import MESSAGES, t
from facilitator.tui.timer_display import clock
from facilitator.workshop import session_from_template, step_texts
from facilitator.workshop.assessments import apply_suggestion, can_accept, score_delta
from facilitator.workshop.checks import clean
from facilitator.workshops import list_templates


def finding(start, end, text, suggestions, action="replace"):
    return SimpleNamespace(rule="r", start=start, end=end, text=text, action=action,
                           suggestions=suggestions)  # fmt: skip


def test_both_languages_have_the_same_messages_and_placeholders():
    assert MESSAGES["fr"].keys() == MESSAGES["en"].keys()
    for key, french in MESSAGES["fr"].items():
        fields = set(re.findall(r"{(\w+)[!:}]", french))
        assert fields == set(re.findall(r"{(\w+)[!:}]", MESSAGES["en"][key])), key


def test_a_missing_key_or_value_shows_a_readable_text():
    assert t("en", "no.such.key") == "no.such.key"
    assert t("fr", "wb.saved") == "Version {n} enregistrée"  # not formatted without values
    assert t("de", "wb.saved", n=2) == "Version 2 enregistrée"  # unknown language: French


def test_clean_turns_no_break_spaces_and_line_breaks_into_spaces():
    assert clean("30\u202f%\u00a0de\r\nplus") == "30 % de plus"
    assert clean("a\nb", single_line=False) == "a\nb"


@pytest.mark.parametrize(
    ("text", "f", "expected"),
    [
        ("Améliorer la qualité", finding(0, 9, "Améliorer", ["augmenter"]), "Augmenter la qualité"),
        ("Essayer de réduire les coûts", finding(0, 10, "Essayer de", [""], "remove"),
         "Réduire les coûts"),
        ("Nous allons essayer de réduire", finding(12, 22, "essayer de", [""], "remove"),
         "Nous allons réduire"),
        ("Réduire vraiment, les coûts", finding(8, 16, "vraiment", [""], "remove"),
         "Réduire, les coûts"),
    ],
)  # fmt: skip
def test_apply_suggestion(text, f, expected):
    assert apply_suggestion(text, f) == expected


def test_only_replacements_and_removals_can_be_accepted():
    assert can_accept(finding(0, 1, "x", ["y"]))
    assert not can_accept(finding(0, 1, "x", ["De X à Y ?"], "ask"))
    assert not can_accept(finding(0, 1, "x", []))


def test_clock_counts_down_then_up():
    assert clock(15 * 60) == "15:00"
    assert clock(59.2) == "01:00"
    assert clock(-75) == "-01:15"
    assert clock(3 * 3600 + 5) == "3:00:05"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_template_makes_a_session_whose_steps_have_their_script(lang):
    for template in list_templates(lang):
        session = session_from_template(template, lang)
        assert session.template == template.id and session.lang == lang
        assert [s.planned_minutes for s in session.agenda] == [s.minutes for s in template.steps]
        for i, step in enumerate(template.steps):
            texts = step_texts(session, i, lang)
            assert texts.title == step.title.get(lang)
            assert texts.script and texts.instruction


def test_step_texts_follow_the_language_and_survive_an_unknown_template():
    template = list_templates("fr")[0]
    session = session_from_template(template, "fr")
    assert step_texts(session, 0, "en").title == template.steps[0].title.en
    session.template = "no-such-template"
    assert step_texts(session, 0, "en").title == session.agenda[0].title


def test_score_delta_between_versions():
    objective = Session().add_objective("a", {"overall": 60.0})
    objective.add_version("b", {"overall": 85.0})
    objective.add_version("c", {})
    assert score_delta(objective, 1) is None
    assert score_delta(objective, 2) == 25
    assert score_delta(objective, 3) is None
