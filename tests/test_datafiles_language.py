"""The shared checks of hand-written data files speak the reader's language (issue 15, item 7):
the same problem at the same file:line: field in French and in English, with its fix; English
where the caller knows no language (templates, facilitator.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from facilitator.datafiles import (
    Check,
    Locator,
    check_choice,
    check_id,
    check_unknown_keys,
    declared_language,
    read_toml,
)
from facilitator.training import check_pack, packs_dir
from facilitator.workshops import check_template

NBSP, NNBSP = "\u00a0", "\u202f"
TEXT = 'id = "Mon Pack"\nlang = "fr"\nkind = "spots"\ntitel = "x"\n'


def _problems(lang: str) -> list[str]:
    data = tomllib.loads(TEXT)
    check = Check("pack.toml", Locator(TEXT), lang)
    check_id(data, "", "pack", check, "fr-1-reperer")
    check_choice(data, "kind", ("spot", "reword"), "", "kind", check)
    check_unknown_keys(data, ("id", "lang", "kind", "title"), "", check)
    return [str(p) for p in check.problems]


def test_ids_choices_and_unknown_keys_in_english() -> None:
    assert _problems("en") == [
        "pack.toml:1: id: 'Mon Pack' is not a valid id: use lower-case letters, digits and "
        'hyphens, e.g. id = "fr-1-reperer"',
        'pack.toml:3: kind: unknown kind "spots"; did you mean "spot"? allowed: spot, reword',
        'pack.toml:4: titel: warning: unknown key "titel" (ignored, likely a typo); '
        'did you mean "title"? known keys: id, lang, kind, title',
    ]


def test_ids_choices_and_unknown_keys_in_french() -> None:
    assert _problems("fr") == [
        f"pack.toml:1: id: 'Mon Pack' n’est pas un id valide{NBSP}: utilisez des minuscules sans "
        'accents, des chiffres et des traits d’union, par exemple id = "fr-1-reperer"',
        f"pack.toml:3: kind: valeur inconnue pour kind{NBSP}: «{NBSP}spots{NBSP}»{NNBSP}; "
        f"vouliez-vous dire «{NBSP}spot{NBSP}»{NBSP}? valeurs possibles{NBSP}: spot, reword",
        f"pack.toml:4: titel: attention{NBSP}: clé inconnue «{NBSP}titel{NBSP}» (ignorée, sans "
        f"doute une faute de frappe){NNBSP}; vouliez-vous dire «{NBSP}title{NBSP}»{NBSP}? "
        f"clés connues{NBSP}: id, lang, kind, title",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", 'missing: give the exercise an id, e.g. id = "a-b"'),
        ("fr", f'manquant{NBSP}: donnez un id à l’exercice, par exemple id = "a-b"'),
    ],
)
def test_a_missing_id_names_what_needs_one(lang: str, expected: str) -> None:
    check = Check("f.toml", Locator(""), lang)
    check_id({}, "exercises[2]", "exercise", check, "a-b")
    assert [(p.field, p.message) for p in check.problems] == [("exercises[2].id", expected)]


def test_a_toml_syntax_error_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('title = "a"\ntitle = "b"\n', encoding="utf-8")
    (english,) = read_toml(path)[2]
    (french,) = read_toml(path, lang="fr")[2]
    assert (english.line, english.field) == (french.line, french.field) == (2, "(syntax)")
    assert english.message == (
        "TOML syntax error: Cannot overwrite a value (column 12); this key is already set "
        "above in the same table or step; keep only one"
    )
    assert french.message == (
        f"erreur de syntaxe TOML{NBSP}: Cannot overwrite a value (colonne 12){NNBSP}; cette clé "
        f"est déjà donnée plus haut dans la même table ou étape{NNBSP}; n’en gardez qu’une"
    )


def test_a_file_that_cannot_be_read_in_either_language(tmp_path: Path) -> None:
    for lang, start in (("en", "not a regular file"), ("fr", "pas un fichier ordinaire")):
        (problem,) = read_toml(tmp_path, lang=lang)[2]
        assert (problem.line, problem.field) == (1, "(file)")
        assert problem.message.startswith(start) and ".toml" in problem.message


def test_the_language_a_file_declares_even_when_tomllib_refuses_it(tmp_path: Path) -> None:
    assert declared_language('id = "x"\nlang = "fr"\n[[exercises]]\n') == "fr"
    assert declared_language('[[exercises]]\nlang = "fr"\n') == "en"  # not top-level
    assert declared_language('lang = "de"\n') == "en"  # no catalogue: English
    path = tmp_path / "p.toml"
    path.write_text('lang = "fr"\ntitle = "pas fermé\n', encoding="utf-8")
    (problem,) = read_toml(path, lang=None)[2]
    assert problem.line == 2 and problem.message.startswith("erreur de syntaxe TOML")


def test_a_french_pack_that_is_not_toml_is_answered_in_french(tmp_path: Path) -> None:
    text = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8")
    path = tmp_path / "fr-1-reperer.toml"
    path.write_text(text.replace("level = 1", "level = = 1", 1), encoding="utf-8")
    (own,) = check_pack(path, lang=None)
    (english,) = check_pack(path, lang="en")
    assert own.message.startswith("erreur de syntaxe TOML") and own.line == english.line
    assert english.message.startswith("TOML syntax error")


def test_a_warning_is_tagged_in_its_language(tmp_path: Path) -> None:
    text = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8")
    path = tmp_path / "fr-1-reperer.toml"
    path.write_text("auteur = 1\n" + text, encoding="utf-8")
    french = [str(p) for p in check_pack(path, lang="fr")]
    english = [str(p) for p in check_pack(path, lang="en")]
    assert f"{path}:1: auteur: attention{NBSP}: clé inconnue «{NBSP}auteur{NBSP}»" in french[0]
    assert f'{path}:1: auteur: warning: unknown key "auteur"' in english[0]


def test_templates_keep_their_english(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('id = "Bad Id"\n', encoding="utf-8")
    messages = [p.message for p in check_template(path)]
    assert any(m.startswith("'Bad Id' is not a valid id: use lower-case letters") for m in messages)
