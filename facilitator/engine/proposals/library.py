"""The library of measures (`measures/*.toml`, data; format in its README): fields with their
keywords and measures, the shared words (`words.toml`), read and checked once. A broken file
is a MeasureError that names the file, the key and the problem.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.paths import data_dir

KINDS = ("outcome", "leading", "counter")
ROLES = ("field", "fallback", "learning")
LANGS = ("fr", "en")
SLOTS = frozenset({"deadline", "who", "de_who", "object"})
MAX_PROPOSALS = 4
WORDS_FILE = "words.toml"


class MeasureError(ValueError):
    """A measures file that cannot be used: "file: key: problem"."""


@dataclass(frozen=True, slots=True)
class Keyword:
    text: str  # as written: "déviation", "part de marché", "recrut*"
    pattern: re.Pattern[str] | None = None  # a phrase, looked for in the text
    first: str = ""  # …which cannot be there unless its first word is (a fast test)

    def found(self, words: frozenset[str], lowered: str) -> bool:
        if self.pattern is not None:
            return self.first in lowered and self.pattern.search(lowered) is not None
        if self.text.endswith("*"):
            return any(w.startswith(self.text[:-1]) for w in words)
        return self.text in words


@dataclass(frozen=True, slots=True)
class Measure:
    field: str
    id: str
    kind: str  # outcome | leading | counter
    wording: Mapping[str, str]  # lang → wording with {slots}
    keywords: frozenset[str]
    source: str
    why: Mapping[str, str] = dataclasses.field(default_factory=dict)
    guards: tuple[str, ...] = ()  # the measures (same field) this counter-measure watches
    key: str = ""  # "quality/deviation-closure-time"

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.field}/{self.id}")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    role: str  # field | fallback | learning
    title: Mapping[str, str]
    who: Mapping[str, str]
    keywords: frozenset[str]
    measures: tuple[Measure, ...]


@dataclass(frozen=True, slots=True)
class Words:
    kinds: Mapping[str, Mapping[str, str]]
    deadline: Mapping[str, str]
    own_words: Mapping[str, Mapping[str, str]]
    metric_nouns: Mapping[str, Mapping[str, str]]  # lang → noun → its article (French)
    generic_metric_nouns: Mapping[str, frozenset[str]]  # too general to stand alone
    people: Mapping[str, frozenset[str]]
    vague: Mapping[str, frozenset[str]]
    learning: Mapping[str, tuple[str, ...]]
    down: Mapping[str, frozenset[str]]
    up: Mapping[str, frozenset[str]]
    hold: Mapping[str, frozenset[str]]
    qualifiers: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class Library:
    fields: tuple[Field, ...]
    words: Words
    keywords: tuple[Keyword, ...]  # every keyword once, all fields together

    def measures(self) -> list[Measure]:
        return [m for f in self.fields for m in f.measures]

    def role(self, role: str) -> list[Field]:
        return [f for f in self.fields if f.role == role]

    @functools.cached_property
    def _single(self) -> frozenset[str]:
        return frozenset(k.text for k in self.keywords if k.pattern is None and "*" not in k.text)

    @functools.cached_property
    def _others(self) -> tuple[Keyword, ...]:  # phrases and prefixes
        return tuple(k for k in self.keywords if k.pattern is not None or "*" in k.text)

    def found(self, words: frozenset[str], lowered: str) -> frozenset[str]:
        """The keywords `words` (forms of a text's words) and `lowered` (the text) hold."""
        hits = set(self._single & words)
        hits.update(k.text for k in self._others if k.found(words, lowered))
        return frozenset(hits)

    @functools.cached_property
    def by_keyword(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """keyword → the (field, measure) positions among the "field" fields that hold it: an
        objective shares keywords with a few measures, so only those are looked at."""
        index: dict[str, list[tuple[int, int]]] = {}
        for order, f in enumerate(self.role("field")):
            for n, m in enumerate(f.measures):
                for k in m.keywords:
                    index.setdefault(k, []).append((order, n))
        return {k: tuple(v) for k, v in index.items()}

    @functools.cached_property
    def guards(self) -> dict[str, frozenset[str]]:
        return {m.key: frozenset(f"{m.field}/{g}" for g in m.guards) for m in self.measures()}


def load_library(folder: Path | None = None) -> Library:
    """Every field file of `folder` (the bundled `measures/` by default) and its `words.toml`;
    MeasureError names the file, the key and the problem."""
    folder = folder or data_dir("measures")
    words_path = folder / WORDS_FILE
    words = _read_words(words_path, _read_toml(words_path))
    fields = [
        _read_field(path, _read_toml(path))
        for path in sorted(folder.glob("*.toml"))
        if path.name != WORDS_FILE
    ]
    roles = {f.role for f in fields}
    for role in ("fallback", "learning"):
        if role not in roles:
            raise MeasureError(f'{folder}: no field with role = "{role}"')
    for f in fields:
        if f.role in ("fallback", "learning"):
            missing = [k for k in KINDS if not any(m.kind == k for m in f.measures)]
            if missing:
                raise MeasureError(f"{folder / f.name}.toml: measures: no {', '.join(missing)}")
    every: dict[str, Keyword] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name != WORDS_FILE:
            data = _read_toml(path)
            items = [data, *(m for m in data.get("measures", []) if isinstance(m, Mapping))]
            for item in items:
                for k in _keywords(item, str(path)):
                    every.setdefault(k.text, k)
    return Library(tuple(fields), words, tuple(every.values()))


@functools.cache
def _bundled() -> Library | MeasureError:
    try:
        return load_library()
    except MeasureError as error:  # the scores do not depend on it: they go on without
        logging.getLogger(__name__).warning("no key result proposals: %s", error)
        return error


def default_library() -> Library:
    """The bundled library, read once; MeasureError if a file is broken."""
    found = _bundled()
    if isinstance(found, MeasureError):
        raise found
    return found


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as error:
        raise MeasureError(f"{path}: cannot read ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise MeasureError(f"{path}: {error}") from error


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MeasureError(f"{where}: {key}: a non-empty string is needed")
    return value.strip()


def _by_lang(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> dict:
    value = data.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping) or set(value) != set(LANGS):
        raise MeasureError(f"{where}: {key}: a table with fr and en (and nothing else) is needed")
    out = {}
    for lang in LANGS:
        text = value[lang]
        if not isinstance(text, str) or not text.strip():
            raise MeasureError(f"{where}: {key}.{lang}: a non-empty string is needed")
        out[lang] = text.strip()
    return out


def _strings(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key)
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise MeasureError(f"{where}: {key}: a non-empty list of strings is needed")
    return [v.strip() for v in value]


def _keywords(data: Mapping[str, Any], where: str) -> tuple[Keyword, ...]:
    out = []
    for word in _strings(data, "keywords", where):
        if word != word.lower():
            raise MeasureError(f"{where}: keywords: '{word}' must be written in lower case")
        word = word.replace("’", "'")
        if re.search(r"[\s'-]", word.rstrip("*")):
            phrase = re.escape(word).replace(r"\ ", r"\s+")
            first = re.split(r"[\s'-]", word)[0]
            first += "'" if word[len(first) : len(first) + 1] == "'" else ""
            pattern = re.compile(rf"(?<![\w'-]){phrase}(?:s|x)?(?![\w-])")
            out.append(Keyword(word, pattern, first))
        else:
            out.append(Keyword(word))
    return tuple(out)


_SLOT = re.compile(r"\{([^{}]*)\}")
_PLACEHOLDER = re.compile(r"\b[XYN]\b")


def _check_wording(text: str, kind: str, where: str) -> None:
    slots = set(_SLOT.findall(text))
    if unknown := slots - SLOTS:
        raise MeasureError(f"{where}: unknown slot {{{sorted(unknown)[0]}}}; use {sorted(SLOTS)}")
    if re.search(r"\d", text):
        raise MeasureError(f"{where}: a digit: a proposal never gives a number, write X, Y or N")
    if not _PLACEHOLDER.search(text):
        raise MeasureError(f"{where}: no placeholder: write X, Y or N where the room puts figures")
    if kind != "counter" and "{deadline}" not in text:
        raise MeasureError(f"{where}: no {{deadline}}: an outcome or a leading indicator is dated")


def _read_field(path: Path, data: dict[str, Any]) -> Field:
    where = str(path)
    name = _text(data, "field", where)
    if name != path.stem:
        raise MeasureError(f"{where}: field: '{name}' must be the file's name ('{path.stem}')")
    role = data.get("role", "field")
    if role not in ROLES:
        raise MeasureError(f"{where}: role: '{role}' is not one of {list(ROLES)}")
    known = {"field", "role", "title", "who", "keywords", "measures"}
    if extra := set(data) - known:
        raise MeasureError(f"{where}: {sorted(extra)[0]}: unknown key; known: {sorted(known)}")
    title = _by_lang(data, "title", where)
    who = _by_lang(data, "who", where)
    keywords = frozenset(k.text for k in _keywords(data, where))
    raw = data.get("measures")
    if not isinstance(raw, list) or not raw:
        raise MeasureError(f"{where}: measures: at least one [[measures]] is needed")
    measures: list[Measure] = []
    for n, item in enumerate(raw):
        at = f"{where}: measures[{n}]"
        if not isinstance(item, Mapping):
            raise MeasureError(f"{at}: a table is needed")
        m_known = {"id", "kind", "fr", "en", "keywords", "source", "why", "guards"}
        if extra := set(item) - m_known:
            raise MeasureError(f"{at}: {sorted(extra)[0]}: unknown key; known: {sorted(m_known)}")
        mid = _text(item, "id", at)
        at = f"{where}: {mid}"
        if any(m.id == mid for m in measures):
            raise MeasureError(f"{at}: id used twice")
        kind = item.get("kind")
        if kind not in KINDS:
            raise MeasureError(f"{at}: kind: '{kind}' is not one of {list(KINDS)}")
        wording = {lang: _text(item, lang, at) for lang in LANGS}
        for lang, text in wording.items():
            _check_wording(text, kind, f"{at}: {lang}")
        guards = item.get("guards", [])
        if not isinstance(guards, list) or not all(isinstance(g, str) for g in guards):
            raise MeasureError(f"{at}: guards: a list of measure ids is needed")
        if guards and kind != "counter":
            raise MeasureError(f"{at}: guards: only a counter-measure guards other measures")
        measures.append(
            Measure(
                name,
                mid,
                kind,
                wording,
                frozenset(k.text for k in _keywords(item, at)),
                _text(item, "source", at),
                _by_lang(item, "why", at, required=False),
                tuple(guards),
            )
        )
    ids = {m.id for m in measures}
    for m in measures:
        if unknown := [g for g in m.guards if g not in ids]:
            raise MeasureError(f"{where}: {m.id}: guards: no measure '{unknown[0]}' in {name}")
    return Field(name, role, title, who, keywords, tuple(measures))


def _read_words(path: Path, data: dict[str, Any]) -> Words:
    where = str(path)

    def table(key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise MeasureError(f"{where}: [{key}] is needed")
        return value

    def word_sets(key: str) -> dict[str, frozenset[str]]:
        value = table(key)
        return {
            lang: frozenset(w.lower() for w in _strings(value, lang, f"{where}: {key}"))
            for lang in LANGS
        }

    kinds = {k: _by_lang(table("kinds"), k, f"{where}: kinds") for k in KINDS}
    own = table("own_words")
    own_words = {
        k: _by_lang(own, k, f"{where}: own_words")
        for k in ("metric", "hold", "count", "count_up", "why")
    }
    own_words["source"] = _by_lang(own, "source", f"{where}: own_words")
    nouns = table("metric_nouns")
    fr_nouns = nouns.get("fr")
    if not isinstance(fr_nouns, Mapping) or not all(
        isinstance(v, str) and v in ("le", "la", "les", "l'") for v in fr_nouns.values()
    ):
        raise MeasureError(f'{where}: metric_nouns.fr: a table of noun = "le|la|les|l\'"')
    metric_nouns = {
        "fr": {k.lower(): v for k, v in fr_nouns.items()},
        "en": {w.lower(): "" for w in _strings(nouns, "en", f"{where}: metric_nouns")},
    }
    learning = table("learning")
    direction = table("direction")

    def way(key: str) -> dict[str, frozenset[str]]:
        return {
            lang: frozenset(_strings(direction[key], lang, f"{where}: direction.{key}"))
            for lang in LANGS
        }

    return Words(
        kinds,
        _by_lang(data, "deadline", where),
        own_words,
        metric_nouns,
        word_sets("generic_metric_nouns"),
        word_sets("people"),
        word_sets("vague"),
        {
            lang: tuple(w.lower() for w in _strings(learning, lang, f"{where}: learning"))
            for lang in LANGS
        },
        way("down"),
        way("up"),
        way("hold"),
        word_sets("qualifiers"),
    )
