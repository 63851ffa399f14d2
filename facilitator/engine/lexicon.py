"""Word lists as data: loading `lexicons/<lang>/<name>.tsv` and matching them on tokens.

A lexicon file is tab-separated with a header line:

    term    alternatives    pos    forms    note    source

`alternatives` are plainer wordings separated by " | " (best first); `pos` optionally restricts
the match to a part of speech when the parser ran (VERB, NOUN …); `forms` lists irregular
inflections the generator below cannot guess ("mis | mise" for "mettre"). Lines starting with
"#" are comments. A consultant edits these files in any spreadsheet or text editor.
"""

from __future__ import annotations

import csv
import functools
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.engine.normalize import fold_accents
from facilitator.engine.opening import draft_words
from facilitator.engine.tokens import Tokens
from facilitator.paths import data_dir

COLUMNS = ("term", "alternatives", "pos", "forms", "note", "source")


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    alternatives: tuple[str, ...] = ()
    pos: str = ""
    forms: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    lexicon: str = ""
    line: int = 0


@dataclass(slots=True)  # not frozen: built for every match, and frozen dataclasses build slowly
class Hit:
    """A lexicon entry found at tokens [start, end)."""

    entry: Entry
    start: int
    end: int


def read_lexicon(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc}); save it as UTF-8") from exc
    rows = [
        (n, row)
        for n, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), start=1)
        if row and not row[0].startswith("#") and any(c.strip() for c in row)
    ]
    if not rows:
        return entries
    header_line, header = rows[0]
    if tuple(h.strip() for h in header[:1]) != ("term",):
        raise LexiconError(
            f"{path}:{header_line}: the first line must be the header "
            f"'{chr(9).join(COLUMNS)}' (tab-separated)"
        )
    names = [h.strip() for h in header]
    unknown = [h for h in names if h not in COLUMNS]
    if unknown:
        raise LexiconError(
            f"{path}:{header_line}: unknown column(s) {unknown}; allowed: {', '.join(COLUMNS)}"
        )
    for line, row in rows[1:]:
        if len(row) > len(names):
            raise LexiconError(
                f"{path}:{line}: {len(row)} columns but the header has {len(names)}; "
                "check for a stray tab"
            )
        values = dict(zip(names, (c.strip() for c in row), strict=False))
        term = values.get("term", "")
        if not term:
            raise LexiconError(f"{path}:{line}: field 'term' is empty")
        entries.append(
            Entry(
                term=term,
                alternatives=_split(values.get("alternatives", "")),
                pos=values.get("pos", "").upper(),
                forms=_split(values.get("forms", "")),
                note=values.get("note", ""),
                source=values.get("source", ""),
                lexicon=path.stem,
                line=line,
            )
        )
    return entries


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


# --- the engine's own word lists -----------------------------------------------------------------
# Words the engine's code reads to understand a draft (determiners, prepositions, verbs that
# count, month names …), as opposed to the lexicons above, which are matched on drafts and feed
# rules. They live in subfolders of `lexicons/<lang>/` named for what reads them
# (`extraction/`, `morphology/`, `proposals/`), which the matcher never loads. Each is read once
# per process (cached) when the module that needs it is imported: no cost per draft.

LANGS = ("fr", "en")


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header line, as {column: value}; lines starting
    with "#" are comments; a missing file has no rows."""
    if not path.is_file():
        return []
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return []
    reader = csv.reader(lines, delimiter="\t")
    header = [h.strip() for h in next(reader)]
    return [dict(zip(header, (c.strip() for c in row), strict=False)) for row in reader if row]


@functools.cache
def word_table(lang: str, folder: str, name: str) -> tuple[dict[str, str], ...]:
    """The rows of the bundled `lexicons/<lang>/<folder>/<name>.tsv`, in file order."""
    return tuple(read_table(data_dir("lexicons") / lang / folder / f"{name}.tsv"))


@functools.cache
def word_set(folder: str, name: str, langs: tuple[str, ...] = LANGS) -> frozenset[str]:
    """The words (first column) of `lexicons/<lang>/<folder>/<name>.tsv` for each of `langs`,
    together: most of the engine's reading does not depend on the draft's language, since a
    French draft may hold English words ("run rate", "go-live"). A language without the file
    adds nothing; a list no language has is an error, so that a misspelt name fails at import."""
    words: set[str] = set()
    found = False
    for lang in langs:
        path = data_dir("lexicons") / lang / folder / f"{name}.tsv"
        found = found or path.is_file()
        words.update(next(iter(row.values())) for row in read_table(path))
    if not found:
        raise LexiconError(f"no word list {folder}/{name}.tsv under lexicons/{{{','.join(langs)}}}")
    return frozenset(words)


# --- inflection -----------------------------------------------------------------------------
# The lexical tier has no lemmatiser (and the reduced English pipeline has none either), so each
# lexicon word is expanded once, at load, into the forms a draft is likely to use.

_FR_ER = (
    "e",
    "es",
    "ons",
    "ez",
    "ent",
    "é",
    "ée",
    "és",
    "ées",
    "ant",
    "er",
    "era",
    "erons",
    "eront",
    "erait",
    "eraient",
    "ait",
    "aient",
)
_FR_IR = ("is", "it", "issons", "issez", "issent", "i", "ie", "ies", "issant", "ira", "irait")
_FR_UIRE = ("is", "it", "ite", "its", "ites", "isons", "isez", "isent", "isant", "ira", "irait")
_FR_INDRE = ("s", "t", "te", "ts", "tes", "gnons", "gnez", "gnent", "gnant", "dra", "drait")


# "essayer de" must match "essayer d'optimiser" without a lemmatiser.
_ELIDED = {
    "de": "d'",
    "le": "l'",
    "la": "l'",
    "que": "qu'",
    "se": "s'",
    "ne": "n'",
    "je": "j'",
    "me": "m'",
    "te": "t'",
    "jusque": "jusqu'",
    "lorsque": "lorsqu'",
    "puisque": "puisqu'",
}


def inflect(word: str, lang: str) -> set[str]:
    w = word.lower()
    forms = {w}
    if " " in w or not w.isalpha():
        return forms
    if lang == "fr":
        if w in _ELIDED:
            return forms | {_ELIDED[w]}
        forms |= {w + "s", w + "x", w + "e", w + "es"}
        if w.endswith("al"):
            forms.add(w[:-2] + "aux")
        if w.endswith("er"):
            stem = w[:-2]
            forms |= {stem + s for s in _FR_ER}
            if stem.endswith("c"):
                forms |= {stem[:-1] + "ç" + s for s in ("ons", "ant", "ait", "aient")}
            if stem.endswith("g"):
                forms |= {stem + "e" + s for s in ("ons", "ant", "ait", "aient")}
        elif w.endswith("ir"):
            forms |= {w[:-2] + s for s in _FR_IR}
        elif w.endswith("uire"):
            forms |= {w[:-2] + s for s in _FR_UIRE}
        elif w.endswith("indre"):
            forms |= {w[:-3] + s for s in _FR_INDRE}
    else:
        forms |= {w + "s", w + "es", w + "ed", w + "ing", w + "d"}
        if w.endswith("e"):
            forms |= {w[:-1] + "ing", w + "d", w + "s"}
        if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
            forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


_ALSO = {"VERB": "AUX"}  # "être", "avoir" and modal verbs are tagged AUX
# What the tagger calls a draft's opening verb when the sentence has no subject to show it is one
# ("Help improve …", "Publie 3 guides", "Pilote le programme"). A noun takes no object, so an
# opening word with one is the verb; one without stays a noun ("Test coverage", "Pilote du …").
_MISTAKEN_OPENING = frozenset({"NOUN", "PROPN", "ADJ"})
_OBJECTS = frozenset({"obj", "dobj", "iobj", "xcomp", "ccomp"})


@dataclass(slots=True)
class _Pattern:
    entry: Entry
    lexicon: str
    words: list[str]  # lemmas as written in the lexicon
    forms: list[frozenset[str]]  # per word: every surface form accepted without a lemmatiser
    pos: tuple[str, ...]  # parts of speech the first word may have when the parser ran

    @property
    def size(self) -> int:
        return len(self.words)


# An opening word's one-word entries, and its longer entries by their second word.
_Opening = tuple[list[_Pattern] | None, dict[str, list[_Pattern]] | None]


@dataclass(slots=True)
class LexiconIndex:
    """All entries of some lexicons, indexed by the forms of their first word.

    Built once per tier; `find` runs on every keystroke, so it is written for speed: a token
    only meets the patterns whose first word can be that token.
    """

    lang: str
    by_first: dict[str, list[_Pattern]] = field(default_factory=dict)  # one-word entries
    # Longer entries, by their first word then their second: most drafts' common words ("de",
    # "the") then meet no pattern at all.
    by_pair: dict[str, dict[str, list[_Pattern]]] = field(default_factory=dict)
    # Every word that can open an entry → its one-word entries and its longer entries by second
    # word (either may be None): `find` reads both in one lookup per token.
    openers: dict[str, tuple[_Opening, ...]] = field(default_factory=dict)

    def add(self, entries: Iterable[Entry], tokenize: Callable[[str], Sequence[str]]) -> None:
        for entry in entries:
            words = [w.lower() for w in tokenize(entry.term)]
            if not words:
                continue
            inflected = [inflect(w, self.lang) for w in words]
            if entry.forms:
                inflected[0] |= {f.lower() for f in entry.forms}
            forms = [_with_unaccented(f) for f in inflected]
            pos = (entry.pos, _ALSO[entry.pos]) if entry.pos in _ALSO else (entry.pos,)
            pattern = _Pattern(entry, entry.lexicon, words, forms, pos if entry.pos else ())
            firsts = forms[0] | {words[0]}
            if len(words) == 1:
                for key in firsts:
                    self.by_first.setdefault(key, []).append(pattern)
                continue
            for first in firsts:
                nexts = self.by_pair.setdefault(first, {})
                for second in forms[1] | {words[1]}:
                    nexts.setdefault(second, []).append(pattern)
        self.openers = {
            word: ((self.by_first.get(word), self.by_pair.get(word)),)
            for word in self.by_first.keys() | self.by_pair.keys()
        }

    def find(self, toks: Tokens) -> dict[str, list[Hit]]:
        """Longest non-overlapping matches of each lexicon, left to right, in one pass.

        A pattern reached through a token's form or lemma already matches on its first word;
        only the parser's part of speech and the following words remain to check.
        """
        hits: dict[str, list[Hit]] = {}
        free_from: dict[str, int] = {}  # per lexicon: the first token not yet matched
        lower, pos = toks.lower, toks.pos
        lemma = toks.lemma or lower  # without a lemmatiser, a word is its own lemma
        openers = self.openers
        n = len(lower)
        opening = -1  # the draft's first word, found when a verb entry needs it
        for i in range(n):
            word, lem = lower[i], lemma[i]
            # Most words open no entry: one dictionary lookup and on to the next.
            opens = openers.get(word)
            if lem is not word and lem != word:
                by_lemma = openers.get(lem)
                if by_lemma is not None:
                    opens = by_lemma if opens is None else opens + by_lemma
            if opens is None:
                continue
            candidates: list[_Pattern] = []
            for found, nexts in opens:
                if found:
                    candidates += found
                if nexts and i + 1 < n:
                    after = lower[i + 1]
                    found = nexts.get(after)
                    if found:
                        candidates += found
                    if lemma[i + 1] != after:
                        found = nexts.get(lemma[i + 1])
                        if found:
                            candidates += found
            if not candidates:
                continue
            best: dict[str, Hit] = {}
            for p in candidates:
                name = p.lexicon
                end = i + len(p.words)
                if end > n or free_from.get(name, 0) > i:
                    continue
                current = best.get(name)
                if current is not None and end <= current.end:
                    continue
                if p.pos and pos is not None and pos[i] not in p.pos:
                    # The parser ran: "pilote" the noun is no vague verb, unless it opens the
                    # draft, where an OKR puts its verb.
                    if "VERB" not in p.pos or pos[i] not in _MISTAKEN_OPENING:
                        continue
                    if opening < 0:
                        opening = next(iter(draft_words(toks)), n)
                    if i != opening or not _takes_object(toks, i):
                        continue
                if end - i > 2 and not _rest_matches(lower, toks.lemma, i, p):
                    continue
                best[name] = Hit(p.entry, i, end)
            for name, hit in best.items():
                hits.setdefault(name, []).append(hit)
                free_from[name] = hit.end
        return hits


def _takes_object(toks: Tokens, i: int) -> bool:
    head, dep = toks.head, toks.dep
    if head is None or dep is None:
        return False
    return any(head[j] == i and dep[j] in _OBJECTS for j in range(i + 1, min(len(dep), i + 8)))


def _with_unaccented(forms: set[str]) -> frozenset[str]:
    """The forms and the same forms typed without accents: many drafts are typed on keyboards
    or phones that make accents slow (« Ameliorer la qualite »), and a coach reads them as the
    same words. Folding the lexicon once, at load, costs nothing per keystroke; the finding still
    quotes the draft's own characters (a hit is a span of its tokens)."""
    return frozenset(forms | {fold_accents(f) for f in forms})


def _rest_matches(lower: list[str], lemma: list[str] | None, i: int, p: _Pattern) -> bool:
    for k in range(2, len(p.words)):
        j = i + k
        if lower[j] not in p.forms[k] and (lemma is None or lemma[j] != p.words[k]):
            return False
    return True


# --- domain packs ---------------------------------------------------------------------------
# `lexicons/domains/<name>.toml`: the acronyms one audience reads without help (a pharmaceutical
# room knows AMM and GMP, a software team CI and SLO), each spelled out in French and English.
# Selected by name (`Engine(domains=["pharma"])`), a pack silences its acronyms like a session
# glossary, in drafts of either language.

DOMAINS = "domains"  # the folder under lexicons/
_DOMAIN_LANGS = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Domain:
    name: str
    title: dict[str, str]  # per language
    terms: dict[str, dict[str, str]]  # acronym → {language: the term spelled out}
    source: str = ""

    def glossary(self, lang: str) -> dict[str, str]:
        """Acronym → its spelled-out form in `lang` (the other language's when missing)."""
        other = next(code for code in _DOMAIN_LANGS if code != lang)
        return {t: d.get(lang) or d.get(other, "") for t, d in self.terms.items()}


def domain_names(lexicons_dir: Path) -> list[str]:
    return sorted(p.stem for p in (lexicons_dir / DOMAINS).glob("*.toml"))


def read_domain(path: Path) -> Domain:
    """A domain pack; LexiconError names the file and the field at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(
            f"{path}: cannot read the domain pack ({exc}); save it as UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: invalid TOML: {exc}") from exc
    title = data.get("title", {})
    if not isinstance(title, dict) or not all(
        isinstance(title.get(lang), str) and title[lang].strip() for lang in _DOMAIN_LANGS
    ):
        raise LexiconError(
            f'{path}: field \'title\' needs both languages: {{ fr = "…", en = "…" }}'
        )
    terms = data.get("terms")
    if not isinstance(terms, dict) or not terms:
        raise LexiconError(f"{path}: table [terms] is missing or empty")
    out: dict[str, dict[str, str]] = {}
    for term, spelled in terms.items():
        if not isinstance(spelled, dict) or set(spelled) - set(_DOMAIN_LANGS):
            raise LexiconError(
                f'{path}: term \'{term}\': write {{ fr = "…", en = "…" }} (fr and en only)'
            )
        values = {k: v.strip() for k, v in spelled.items() if isinstance(v, str) and v.strip()}
        if len(values) != len(spelled) or not values:
            raise LexiconError(f"{path}: term '{term}': each language needs a non-empty text")
        out[term.strip()] = values
    unknown = set(data) - {"title", "terms", "source"}
    if unknown:
        raise LexiconError(
            f"{path}: unknown field(s) {sorted(unknown)}; allowed: title, terms, source"
        )
    return Domain(path.stem, dict(title), out, str(data.get("source", "")))


def load_domain(lexicons_dir: Path, name: str) -> Domain:
    path = lexicons_dir / DOMAINS / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(domain_names(lexicons_dir)) or "none"
        raise LexiconError(f"unknown domain pack '{name}' (available: {known})")
    return read_domain(path)
