"""A version's note names the coach's rules by their titles in the session's language and says
a removal in words (issue 13, item 13): in what the workbench stores, and in the minutes of a
session stored before with rule ids and an empty « »."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.locales import t
from facilitator.minutes import content, markdown
from facilitator.minutes.history_notes import accepted_note, readable_note, rewrite_note
from facilitator.session import Session

REMOVED_FR = "suggestion acceptée (formulation hésitante) : « Essayer d' » supprimé"


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_an_accepted_suggestion_is_noted_with_the_rules_title():
    assert plain(accepted_note("fr", "hedge", "Essayer d'", "")) == REMOVED_FR
    assert (
        plain(accepted_note("fr", "vague-comparative", "plus", "de 20 %"))
        == "suggestion acceptée (adverbe de comparaison sans chiffre) : « plus » → « de 20 % »"
    )
    assert accepted_note("en", "hedge", "Try to", "") == (
        "accepted suggestion (hedged wording): “Try to” removed"
    )
    assert plain(rewrite_note("fr", ["hedge"])) == "réécriture acceptée (formulation hésitante)"


def test_an_unknown_rule_keeps_its_id():
    assert "(gone-rule)" in accepted_note("fr", "gone-rule", "a", "b")


@pytest.mark.parametrize("wrap", ["", "note.undone", "note.redone"])
def test_a_note_stored_before_reads_as_a_new_one(wrap):
    stored = t("fr", "note.accepted", rule="hedge", old="Essayer d'", new="")
    if wrap:
        stored = t("fr", wrap, note=stored)
    fixed = plain(readable_note("fr", stored))
    assert fixed.endswith(REMOVED_FR)
    assert "hedge" not in fixed and "« »" not in fixed
    # A note already readable is left as it is.
    assert readable_note("fr", readable_note("fr", stored)) == readable_note("fr", stored)


def test_a_note_keeps_the_language_it_was_written_in():
    stored = t("en", "note.accepted", rule="hedge", old="Try to", new="")
    assert readable_note("fr", stored) == "accepted suggestion (hedged wording): “Try to” removed"
    assert readable_note("fr", "enregistrée") == "enregistrée"
    rewrite = plain(readable_note("fr", t("fr", "note.rewrite", rules="hedge, vague-comparative")))
    assert rewrite == (
        "réécriture acceptée (formulation hésitante, adverbe de comparaison sans chiffre)"
    )


def test_the_minutes_print_an_old_note_with_titles():
    s = Session(id="s1", lang="fr", title="Cadrage")
    o = s.add_objective("Essayer de réduire les délais", id="o1")
    old = t("fr", "note.accepted", rule="hedge", old="Essayer de", new="")
    o.add_version("Réduire les délais", note=old)
    o.add_version("Essayer de réduire les délais", note=t("fr", "note.undone", note=old))
    md = plain(markdown.render(content.build(s, today=date(2026, 3, 19))))
    assert "suggestion acceptée (formulation hésitante) : « Essayer de » supprimé" in md
    assert "annulé : suggestion acceptée (formulation hésitante)" in md
    assert "(hedge)" not in md and "« »" not in md
