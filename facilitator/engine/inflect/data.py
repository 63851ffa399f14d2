"""The morphology tables of `lexicons/<lang>/morphology/`, read once per language: nouns and
their genders, adjectives, conjugation patterns by ending, irregular English verbs, verb
frames, quantity words with their directions, a/an exceptions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from facilitator.engine.lexicon import read_table
from facilitator.paths import data_dir


@dataclass(slots=True)
class _Data:
    nouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # singular → (gender, plural)
    singular: dict[str, str] = field(default_factory=dict)  # listed plural → singular
    adjectives: dict[str, tuple[str, str]] = field(default_factory=dict)  # m → (f, m plural)
    adjectives_back: dict[str, str] = field(default_factory=dict)  # f or m plural → m
    endings: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # longest first
    frames: dict[str, tuple[str, str]] = field(default_factory=dict)
    quantity_nouns: dict[str, str] = field(default_factory=dict)  # lower-case word → direction
    quantity_verbs: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, tuple[str, str]] = field(default_factory=dict)  # base → (past, part.)
    articles: list[tuple[str, str]] = field(default_factory=list)  # longest start first


_FOLDER = "morphology"  # lexicons/<lang>/morphology/: this module's data and word lists


@functools.cache
def _data(lang: str) -> _Data:
    folder = data_dir("lexicons") / lang / _FOLDER
    d = _Data()
    for row in read_table(folder / "nouns.tsv"):
        word, plural = row["word"].lower(), row.get("plural", "")
        plural = word if plural == "=" else plural or _regular_plural(word)
        d.nouns[word] = (row.get("gender", ""), plural)
        d.singular[plural] = word
    for row in read_table(folder / "adjectives.tsv"):
        word = row["word"].lower()
        d.adjectives[word] = (row["feminine"], row["plural"])
        d.adjectives_back[row["feminine"]] = word
        d.adjectives_back[row["plural"]] = word
    if lang == "fr":
        endings = [(row["ending"], row) for row in read_table(folder / "verbs.tsv")]
        d.endings = sorted(endings, key=lambda e: -len(e[0]))
    for row in read_table(folder / "frames.tsv"):
        d.frames[row["verb"]] = (row.get("object", ""), row.get("infinitive", ""))
    for row in read_table(folder / "quantities.tsv"):
        target = d.quantity_verbs if row.get("pos") == "VERB" else d.quantity_nouns
        target[row["word"].lower()] = row.get("direction", "any") or "any"
    for row in read_table(folder / "verbs.tsv") if lang == "en" else ():
        d.irregular[row["base"]] = (row["past"], row["participle"])
    for row in read_table(folder / "articles.tsv"):
        d.articles.append((row["start"].lower(), row["article"]))
    d.articles.sort(key=lambda a: -len(a[0]))
    return d


def _regular_plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "au", "eu")) and word not in ("pneu", "bleu"):
        return word + "x"
    if word.endswith("al") and word not in ("festival", "carnaval", "bal", "récital", "chacal"):
        return word[:-2] + "aux"
    return word + "s"
