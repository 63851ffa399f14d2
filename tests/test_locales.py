"""The interface's texts as data (issue 12, item 3): the catalogues in locales/ agree across
languages, every key the code writes as a literal exists, and the one lookup's contract holds
(fallback, plurals, French spacing)."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.locales import (
    LANGS,
    CatalogueError,
    Entry,
    catalogue,
    french_spacing,
    language,
    read_file,
    t,
    texts,
)
from facilitator.paths import data_dir

PACKAGE = Path(__file__).resolve().parents[1] / "facilitator"
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$")


def _forms(entry: Entry) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry.values())


def _fields(entry: Entry) -> set[str]:
    """The placeholders' names of every form of `entry`."""
    return {
        name.split(".")[0].split("[")[0]
        for text in _forms(entry)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }


def _shape(entry: Entry) -> str | list[str]:
    return "text" if isinstance(entry, str) else sorted(entry)


def test_every_key_exists_in_every_language_with_the_same_placeholders_and_forms() -> None:
    french = catalogue("fr")
    for lang in LANGS:
        table = catalogue(lang)
        assert table.keys() == french.keys(), sorted(table.keys() ^ french.keys())
        for key, entry in table.items():
            assert _shape(entry) == _shape(french[key]), (lang, key)
            assert _fields(entry) == _fields(french[key]), (lang, key)
            assert all(text.strip() for text in _forms(entry)), (lang, key)


def test_every_language_has_the_same_files() -> None:
    folders = [data_dir("locales") / lang for lang in LANGS]
    names = [sorted(p.name for p in folder.glob("*.toml")) for folder in folders]
    assert all(n == names[0] for n in names) and names[0]


def _calls(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, key) for every literal key in a module: `t(lang, "k")`, `self.tr("k")`, a
    binding's description `Binding(key, action, "k")`, a palette entry `("cmd.k", callback)`,
    and the minutes' labels `L["k"]`, `L("k")`, `L.n("k", n)` (keys under "minutes.")."""
    for node in ast.walk(tree):
        literal: ast.expr | None = None
        prefix = ""
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "t" and len(node.args) >= 2:
                literal = node.args[1]
            elif name == "tr" and node.args:
                literal = node.args[0]
            elif name == "Binding" and len(node.args) >= 3:
                literal = node.args[2]
            elif name in ("L", "n") and node.args and _is_labels(func):
                literal, prefix = node.args[0], "minutes."
        elif isinstance(node, ast.Subscript) and _is_labels(node.value):
            literal, prefix = node.slice, "minutes."
        elif isinstance(node, ast.Tuple) and node.elts:
            first = node.elts[0]
            if isinstance(first, ast.Constant) and str(first.value).startswith("cmd."):
                literal = first
        value = literal.value if isinstance(literal, ast.Constant) else None
        if isinstance(value, str) and KEY.match(prefix + value):
            yield getattr(node, "lineno", 0), prefix + value
        yield from _table_keys(node)


_KEY_NAME = re.compile(r"(^|_)keys?$", re.IGNORECASE)
"""A name that holds keys: `key`, `tier_key`, `TITLE_KEY`, `STATUS_KEYS`."""


def _table_keys(node: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, key) for every key the code picks at run time from keys it writes as literals:
    the value given to a name that holds keys (`key = "a.b" if … else "a.c"`,
    `TITLE_KEY = "vote.title"`, `STATUS_KEYS = {"draft": "obj.status.draft", …}`,
    `done_key="obj.retained"`), and the table a loop takes its `key` from
    (`for selector, key in (("#t", "tr.title"), …)`)."""
    targets: list[ast.expr] = []
    source: ast.AST
    if isinstance(node, ast.keyword) and node.arg and _KEY_NAME.search(node.arg):
        source = node.value  # done_key="obj.retained"
    elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        source = node.value
    elif isinstance(node, ast.For):
        targets, source = [node.target], node.iter
    else:
        return
    names = [n for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if targets and not any(_KEY_NAME.search(n.id) for n in names):
        return
    for inner in ast.walk(source):
        if (
            isinstance(inner, ast.Constant)
            and isinstance(inner.value, str)
            and KEY.match(inner.value)
        ):
            yield inner.lineno, inner.value


def _is_labels(node: ast.expr) -> bool:
    """`L`, `labels`, `self.labels`, `L.n`: the minutes' Labels by the names the code uses."""
    if isinstance(node, ast.Attribute):
        return node.attr in ("labels", "n") and _is_labels_owner(node.value)
    return isinstance(node, ast.Name) and node.id in ("L", "labels")


def _is_labels_owner(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in ("L", "labels", "self", "m")


def test_every_literal_key_in_the_code_is_in_the_catalogues() -> None:
    known = catalogue("fr")
    missing, checked = [], 0
    for path in sorted(PACKAGE.rglob("*.py")):
        # The minutes' labels are looked up without their "minutes." (`labels[key]`).
        relative = "minutes." if path.parent.name == "minutes" else ""
        for line, key in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            checked += 1
            if key not in known and relative + key not in known:
                missing.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {key}")
    assert not missing, "\n".join(missing)
    assert checked > 500


def _built_keys(tree: ast.AST) -> Iterator[int]:
    """The lines of `t(lang, f"…")` and `self.tr(f"…")`: a key the catalogue test cannot see."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        index = {"t": 1, "tr": 0}.get(name)
        args = node.args
        if index is not None and len(args) > index and isinstance(args[index], ast.JoinedStr):
            yield node.lineno


def test_no_key_is_built_with_an_f_string() -> None:
    built = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE.parent)
        lines = _built_keys(ast.parse(path.read_text(encoding="utf-8")))
        built += [f"{name}:{line}" for line in lines]
    assert not built, "\n".join(built)


def test_a_missing_key_falls_back_to_french_then_to_the_key() -> None:
    assert t("en", "no.such.key") == "no.such.key"
    assert t("de", "wb.saved", n=2) == "Version 2 enregistrée"
    assert t("en-GB", "dialog.cancel") == "Cancel" and language("EN") == "en"
    assert t("fr", "wb.saved") == "Version {n} enregistrée"  # not formatted without values
    assert t("fr", "wb.saved", other=1) == "Version {n} enregistrée"  # a bad value: as written


def test_plurals_follow_the_count_french_0_and_1_are_singular() -> None:
    topics = [t("fr", "minutes.n.topic", count=n) for n in (0, 1, 2)]
    assert topics == ["0 sujet", "1 sujet", "2 sujets"]
    assert [t("en", "minutes.n.topic", count=n) for n in (0, 1, 2)] == [
        "0 topics",
        "1 topic",
        "2 topics",
    ]


def test_no_text_hedges_its_plural_with_a_bracketed_ending() -> None:
    """Issues 13 (item 14) and 15: a client, trainer or participant reads "2 tentatives", never
    "tentative(s)", "Présent(e)" or "attempt(s)"; a count is a plural table chosen by `count`,
    or follows a noun that does not inflect ("tentatives : 2")."""
    bracketed = re.compile(r"\w\((s|e|x|es|les)\)", re.IGNORECASE)
    hedged = [
        f"{lang} {key}: {text}"
        for lang in LANGS
        for key, entry in catalogue(lang).items()
        for text in _forms(entry)
        if bracketed.search(text)
    ]
    assert not hedged, "\n".join(hedged)


@pytest.mark.parametrize(
    ("key", "values", "expected"),
    [
        ("tr.state.done", {"count": 1}, ("✓ réussi en 1 tentative", "✓ passed in 1 attempt")),
        ("tr.state.done", {"count": 2}, ("✓ réussi en 2 tentatives", "✓ passed in 2 attempts")),
        (
            "training.report.summary.after",
            {"count": 0},
            ("0 exercice réussi seulement", "0 exercises passed only"),
        ),
        (
            "wrapup.can_close_warnings",
            {"count": 2},
            ("Rien ne bloque, mais 2 points", "Nothing blocks, but 2 points"),
        ),
    ],
)
def test_a_counted_text_agrees_with_its_count_in_both_languages(
    key: str, values: dict[str, int], expected: tuple[str, str]
) -> None:
    french, english = expected
    assert t("fr", key, **values).startswith(french)
    assert t("en", key, **values).startswith(english)


def test_french_spacing_is_added_where_a_translator_typed_plain_spaces() -> None:
    assert french_spacing("Note : « oui » ; 30 % ! Non ?") == (
        "Note\u00a0: «\u00a0oui\u00a0»\u202f; 30\u202f%\u00a0! Non\u00a0?"
    )
    assert french_spacing("a\u00a0: b") == "a\u00a0: b"  # already typeset: unchanged
    assert t("fr", "minutes.summary.retained", retained=1, total=2).startswith(
        "Objectifs retenus\u00a0: "
    )
    assert t("en", "minutes.summary.retained", retained=1, total=2).startswith(
        "Objectives retained: "
    )


@pytest.mark.parametrize(
    "text",
    ["10:30", "{a}:{b}", "https://example.org/a?b=1", "ctrl+s", "F5", "3,1%", "«r»", "a ?b"],
)
def test_french_spacing_leaves_what_has_no_plain_space_before_its_sign(text: str) -> None:
    assert french_spacing(text) == text.replace(" ?", "\u00a0?")


def test_every_french_text_of_every_area_is_typeset_and_keeps_its_placeholders() -> None:
    """The TUI's, the trainer's and the report's texts too (issue 13: "Pourquoi:"): no plain
    space is left before : ; ! ? % or inside « », and typesetting changes no placeholder."""
    plain = re.compile(r" [:;!?%]|« | »")
    for path in sorted((data_dir("locales") / "fr").glob("*.toml")):
        raw = read_file(path)
        for key, entry in read_file(path, typeset=True).items():
            for text in _forms(entry):
                assert not plain.search(text), (path.name, key, text)
            assert _fields(entry) == _fields(raw[key]), (path.name, key)
    assert t("fr", "room.form.hint").startswith("Entrée\u00a0: ")
    assert t("fr", "report.empty") == "Texte vide\u00a0: rien à évaluer."
    assert t("en", "room.form.hint").startswith("Enter: ")


def test_minutes_labels_are_the_catalogue_texts_without_their_prefix() -> None:
    assert texts("en", "minutes.")["summary"] == "Executive summary"
    assert "n.topic" not in texts("en", "minutes.")  # plural tables are looked up with t()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('"a.b" = 3\n', "a text or a table"),
        ('"a.b" = { one = "x" }\n', "a text or a table"),
        ('"a.b" = "x\n', "ui.toml"),
    ],
)
def test_a_bad_catalogue_file_is_named_with_its_key(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "ui.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError, match=problem):
        read_file(path)
