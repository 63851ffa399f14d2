"""French typography in built texts (issue 13, item 14): elision before an inserted name, the
no-break space before a colon, units written once, attendance without "Présent(e)"."""

from __future__ import annotations

import re
from types import SimpleNamespace

from rich.console import Console

from facilitator.locales import t, texts
from facilitator.minutes.labels import labels_for
from facilitator.room.review import span, with_unit
from facilitator.session import KeyResult
from facilitator.terminal_report import render_assessment
from facilitator.typography import format_message


def test_de_elides_before_a_vowel_or_a_mute_h_and_not_otherwise() -> None:
    assert t("fr", "vote.not_yet", names="Amina").endswith(" en attente d’Amina")
    assert t("fr", "vote.not_yet", names="Bruno").endswith(" en attente de Bruno")
    assert t("fr", "vote.next_voter", name="Hélène") == "Au tour d’Hélène"
    assert t("fr", "vote.next_voter", name="Élodie") == "Au tour d’Élodie"
    assert format_message("la {x}", "fr", {"x": "hausse"}) == "la hausse"  # aspirated h
    assert format_message("De {x} à {y}", "fr", {"x": "avril", "y": "mai"}) == "D’avril à mai"
    assert format_message("de {n} points", "fr", {"n": 8}) == "de 8 points"
    assert format_message("idée {x}", "fr", {"x": "Amina"}) == "idée Amina"  # not a little word
    assert t("en", "vote.not_yet", names="Amina").endswith("Amina")  # English: unchanged


def test_every_french_template_elides_its_little_word_before_a_name() -> None:
    """A template with "de {…}", "que {…}", "le {…}" … never prints "de Amina"."""
    checked = 0
    for key, text in texts("fr", "").items():
        for little in ("de {", "que {", "le {", "la {"):
            found = re.search(rf"(?<!\w){re.escape(little)}", text)  # "exemple {" is no "le {"
            if found is None:
                continue
            at = found.start()
            field = text[at + len(little) - 1 : text.index("}", at) + 1]
            name = field.strip("{}").split(":")[0].split("!")[0]
            values = {part.split("}")[0].split(":")[0].split("!")[0]: "x"
                      for part in text.split("{")[1:] if part.split("}")[0]}  # fmt: skip
            values[name] = "Amina"
            shown = t("fr", key, **values)
            assert not re.search(rf"(?<!\w){little[:-1]}Amina", shown), (key, shown)
            checked += 1
    assert checked >= 3


def test_minutes_labels_elide_too() -> None:
    L = labels_for("fr")
    assert L("generated", generator="facilitator", date="1er avril 2026").endswith(
        "le 1er avril 2026."
    )
    assert "d’8" not in L("votes.dots", dots="8 points")


def test_review_and_tracking_show_a_unit_once() -> None:
    kr = KeyResult(baseline="4 %", target="2 %", unit="%")
    assert span(kr) == "4 % → 2 %"
    assert span(KeyResult(baseline="4", target="2", unit="%")) == "4\u00a0% → 2\u00a0%"
    assert span(KeyResult(baseline="", target="50", unit="clients")) == "? → 50 clients"
    assert with_unit("42 jours", "jours") == "42 jours"


def _finding() -> SimpleNamespace:
    return SimpleNamespace(
        rule="vague-verb", level="warning", dimension="clarity", start=0, end=9,
        text="Optimiser", message="Verbe vague", rationale="Un verbe précis se mesure",
        source="Doerr", suggestions=["Réduire"],
    )  # fmt: skip


def _assessment(lang: str) -> SimpleNamespace:
    scores = SimpleNamespace(clarity=50, ambition=60, measurability=40, overall=50)
    return SimpleNamespace(
        lang=lang, notices=[], normalized="Optimiser le flux", text="Optimiser le flux",
        findings=[_finding()], scores=scores, parts={}, kind="objective",
        key_result_proposals=(), key_result_hint=None, rewrite=None, alternatives=(),
    )  # fmt: skip


def test_the_score_report_puts_a_no_break_space_before_colons_in_french_only() -> None:
    console = Console(record=True, width=200, highlight=False)
    render_assessment(_assessment("fr"), console)  # type: ignore[arg-type]
    text = console.export_text()
    assert "Pourquoi\u00a0: Un verbe précis" in text and "Suggestions\u00a0: Réduire" in text
    assert "«\u00a0Optimiser\u00a0»" in text and "Pourquoi:" not in text
    console = Console(record=True, width=200, highlight=False)
    render_assessment(_assessment("en"), console)  # type: ignore[arg-type]
    text = console.export_text()
    assert "Why: Un verbe" in text and "“Optimiser”" in text


def test_attendance_says_yes_or_no_not_present_e() -> None:
    fr = labels_for("fr")
    assert (fr["presence"], fr["present"], fr["absent"]) == ("Présence", "Oui", "Non")
    assert all("(e)" not in value for value in fr.table.values())
