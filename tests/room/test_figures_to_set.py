"""Key results whose figures are still to set ("de X % à Y %"): the room's review shows "cible à
fixer" instead of "? → ?", the wrap-up warns about them without blocking, and the minutes print
"à fixer" where a figure is still owed, never a stray "X"."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from facilitator.minutes import export_session
from facilitator.room import review, wrapup
from facilitator.session import KeyResult, Session


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("X", True),
        ("Y %", True),
        ("N jours", True),
        ("[valeur]", True),
        ("…", True),
        ("?", True),
        ("42", False),
        ("25 jours", False),
        ("", False),
        ("Xavier", False),  # a word that starts with X is not a placeholder
    ],
)
def test_placeholder_figures(value: str, placeholder: bool) -> None:
    assert review.is_placeholder(value) is placeholder


def session_with(lang: str = "fr") -> tuple[Session, KeyResult, KeyResult, KeyResult]:
    s = Session(id="s1", lang=lang, title="Cadrage")
    o = s.add_objective("Livrer nos clients plus vite", id="o1", status="retained")
    set_ = o.add_key_result(
        "Réduire le délai de livraison de 10 à 4 jours",
        id="k1",
        owner="Anne",
        baseline="10",
        target="4",
        unit="jours",
    )
    typed = o.add_key_result(
        "Faire passer le taux de service de X % à Y %",
        id="k2",
        owner="Anne",
        baseline="X",
        target="Y",
        unit="%",
    )
    worded = o.add_key_result(
        "Faire passer les commandes complètes de 60 % à X %",
        findings=["kr-placeholder"],
        id="k3",
        owner="Anne",
        baseline="60",
        unit="%",
    )
    return s, set_, typed, worded


def test_which_key_results_still_owe_a_figure() -> None:
    s, set_, typed, worded = session_with()
    assert not review.figures_to_set(set_)
    assert review.figures_to_set(typed) and review.target_to_set(typed)
    assert review.figures_to_set(worded) and review.target_to_set(worded)
    # Without a target, neither typed nor in the wording: the engine's verdict says so.
    no_target = s.objective("o1").add_key_result("Suivre les délais", findings=["kr-no-target"])
    assert review.figures_to_set(no_target)
    # A known target with an unknown baseline: only the baseline is owed.
    half = s.objective("o1").add_key_result("Réduire à 4 jours", baseline="X", target="4")
    assert review.figures_to_set(half) and not review.target_to_set(half)


def test_the_wrapup_warns_without_blocking() -> None:
    s, _, typed, worded = session_with()
    items = wrapup.open_items(s)
    assert [kr.id for _, kr in items.figures_to_set] == [typed.id, worded.id]
    assert not items.blocking
    assert items.warnings >= 2
    wrapup.close(s)  # the facilitator may close knowingly


@pytest.mark.parametrize(("lang", "to_set"), [("fr", "à fixer"), ("en", "to set")])
def test_the_minutes_print_the_figures_still_owed(tmp_path: Path, lang: str, to_set: str) -> None:
    s, *_ = session_with(lang)
    doc = docx.Document(str(export_session(s, tmp_path / "minutes.docx")))
    cells = {
        row.cells[1].text.split(" (")[0]: [c.text for c in row.cells[2:4]]
        for table in doc.tables
        for row in table.rows
        if len(row.cells) > 4
    }
    assert cells["Réduire le délai de livraison de 10 à 4 jours"] == ["10 jours", "4 jours"]
    assert cells["Faire passer le taux de service de X % à Y %"] == [to_set, to_set]
    assert cells["Faire passer les commandes complètes de 60 % à X %"] == ["60\u00a0%", to_set]
    body = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "X\u00a0%" not in body and "Y\u00a0%" not in body
