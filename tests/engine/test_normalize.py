import pytest

from facilitator.engine.labels import label_end
from facilitator.engine.normalize import MAX_CHARS, fold_accents, normalize


def test_no_break_spaces_become_spaces_and_offsets_point_back():
    text = "Réduire de 30\u202f% le délai\u00a0moyen"
    n = normalize(text)
    assert n.text == "réduire de 30 % le délai moyen"
    start = n.text.index("%")
    assert text[n.span(start, start + 1)[0]] == "%"
    s, e = n.span(n.text.index("délai"), n.text.index("délai") + 5)
    assert text[s:e] == "délai"


def test_controls_and_invisible_characters_are_dropped_and_spaces_collapsed():
    n = normalize("Augmenter\x00 le\x07  CA\u200b\r\n de 10 %\t")
    assert n.text == "augmenter le CA de 10 %"


def test_capitalised_first_word_is_lowered_but_acronyms_are_kept():
    assert normalize("Doubler les ventes").text == "doubler les ventes"
    assert normalize("NPS à 45").text == "NPS à 45"


def test_typographic_apostrophes_and_multiplication_sign():
    assert normalize("d’ici ×2").text == "d'ici x2"


def test_long_text_is_truncated_and_says_so():
    n = normalize("mot " * 10_000)
    assert n.truncated
    assert len(n.text) <= MAX_CHARS


def test_empty_and_blank():
    assert normalize("").text == ""
    assert normalize(" \u00a0\n\t").text == ""
    assert normalize("").span(0, 0) == (0, 0)


def test_lone_surrogates_and_emoji_do_not_break():
    n = normalize("Croissance 🚀 \ud800 forte")
    assert "\ud800" not in n.text
    assert "🚀" in n.text


def test_fold_accents():
    assert fold_accents("Réduire à zéro") == "Reduire a zero"


@pytest.mark.parametrize(
    ("text", "draft"),
    [
        ("KR1 : Atteindre 40 000 abonnés", "Atteindre"),
        ("KR 2 - Réduire le délai", "Réduire"),
        ("O1. Devenir la référence", "Devenir"),
        ("2) Former les managers", "Former"),
        ("- Cut churn", "Cut"),
        ("Q3-2026 : lancer l'offre", "Q3-2026"),  # a date, not a label
        ("-20 % de délai", "-20"),  # a sign, not a bullet
        ("1.5 M€ de CA", "1.5"),  # a decimal, not a numbered item
    ],
)
def test_a_label_or_bullet_is_told_from_the_draft(text, draft):
    assert text[label_end(text) :].startswith(draft)
