"""Key results proposed for an objective: two to four candidates, made of the objective's own
words and of a library of measures per field (`measures/*.toml`, data; format in its README).

For every objective the full pass proposes at least one outcome (what the objective wants to
change), one leading indicator (what moves first, and what the team acts on) and one
counter-measure (Doerr's paired key results: speed against quality, an effect against its side
effect), each with visible placeholders (X, Y, N, "fin T4"): never a number the objective did
not give. A learning objective ("Vérifier que…", "Understand whether…") gets experiment key
results instead: interviews, a test, a go/no-go decision by a date, a time box.

The objective is read with the engine's tokens (parts of speech, lemmas) and parts (deadline,
target). A noun phrase is taken whole or not at all, so that a proposal never quotes a cut
phrase ("part des clients qui renouvellent leur") nor a bare adjective ("strong"); the keywords
of the main clause count most for leading indicators, those of its "why" ("pour que…", "so
that…") for outcomes.
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

from facilitator.engine.context import Context
from facilitator.engine.french import typography
from facilitator.engine.lexicon import word_set, word_table
from facilitator.engine.model import Proposal
from facilitator.paths import data_dir

KINDS = ("outcome", "leading", "counter")
ROLES = ("field", "fallback", "learning")
LANGS = ("fr", "en")
SLOTS = frozenset({"deadline", "who", "de_who", "object"})
MAX_PROPOSALS = 4
WORDS_FILE = "words.toml"


class MeasureError(ValueError):
    """A measures file that cannot be used: "file: key: problem"."""


# --- the library -------------------------------------------------------------------------------


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
        k: _by_lang(own, k, f"{where}: own_words") for k in ("metric", "hold", "count", "why")
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
        {
            lang: frozenset(_strings(direction["down"], lang, f"{where}: direction.down"))
            for lang in LANGS
        },
        {
            lang: frozenset(_strings(direction["hold"], lang, f"{where}: direction.hold"))
            for lang in LANGS
        },
        word_sets("qualifiers"),
    )


# --- reading the objective -----------------------------------------------------------------------


_FOLDER = "proposals"  # lexicons/<lang>/proposals/: the words this module reads


def _determiners(lang: str, carried: bool | None = None) -> frozenset[str]:
    """lexicons/<lang>/proposals/determiners.tsv: all of them, or those (not) carried over."""
    rows = word_table(lang, _FOLDER, "determiners")
    return frozenset(
        r["term"] for r in rows if carried is None or (r["carried"] == "yes") == carried
    )


_DETS = {lang: _determiners(lang) for lang in LANGS}
# Determiners that do not carry over to a proposal: they point at something outside it.
_DROP_DETS = {lang: _determiners(lang, carried=False) for lang in LANGS}
# Prepositions inside a noun phrase: "délais de livraison", "quality of our products".
_NP_PREPS = {"fr": frozenset(["de", "d'", "des", "du"]), "en": frozenset(["of"])}
# …and these, only before a bare noun: "part de marché en officine", "times in our branches".
_NP_PREPS_BARE = {"fr": frozenset(["en"]), "en": frozenset(["in"])}
_MEANS = {"fr": frozenset(["grâce", "via", "par"]), "en": frozenset(["through", "via", "by"])}
_FUNCTION = {lang: word_set(_FOLDER, "function-words", (lang,)) for lang in LANGS}
_NOUN_POS = frozenset(["NOUN", "PROPN"])
_SKIP_LEXICONS = frozenset(
    ["buzzwords", "anglicisms", "pompous-words", "intensifiers", "vague-quantifiers"]
)
_APOSTROPHE = str.maketrans({"’": "'", "‘": "'"})
_VOWELS = tuple("aeiouyàâäéèêëîïôöûüœæh")


@dataclass(slots=True)
class _Phrase:
    start: int  # token span [start, end)
    end: int
    text: str  # as written, determiners included
    bare: str  # without its determiners
    dets: list[str]  # lower case
    head: int  # token index of the head noun
    head_words: frozenset[str]  # its forms and lemma, singular ones too
    plural: bool
    purpose: bool  # in the objective's "why"
    direct: bool  # right after its verb, not in a complement ("dans les délais", "on time")


@dataclass(slots=True)
class _Reading:
    """What the proposals need to know about one objective."""

    ctx: Context
    lang: str
    words: Words
    main: frozenset[str] = frozenset()  # word forms of the main clause
    why: frozenset[str] = frozenset()  # …and of its purpose clause
    main_text: str = ""
    why_text: str = ""
    phrases: list[_Phrase] = dataclasses.field(default_factory=list)
    verb: frozenset[str] = frozenset()  # the main verb's forms
    has_purpose: bool = False
    found_main: frozenset[str] = frozenset()  # the library's keywords in the main clause
    found_why: frozenset[str] = frozenset()  # …and in the purpose clause only


def _forms(word: str, lemma: str | None) -> set[str]:
    low = word.lower().translate(_APOSTROPHE)
    out = {low}
    if lemma:
        out.add(lemma.lower())
    if len(low) > 3 and low[-1] in "sx" and low[-2] not in "sx":
        out.add(low[:-1])
    return out


def _read(ctx: Context, words: Words) -> _Reading:
    toks, lang = ctx.toks, ctx.lang
    r = _Reading(ctx, lang, words)
    n = len(toks)
    lemma = toks.lemma
    skip = _figure_tokens(ctx)
    split = _purpose_at(ctx)
    r.has_purpose = split < n
    main: set[str] = set()
    why: set[str] = set()
    for i in range(n):
        (main if i < split else why).update(_forms(toks.text[i], lemma[i] if lemma else None))
    r.main, r.why = frozenset(main), frozenset(why)
    cut = toks.idx[split] if split < n else len(ctx.text)
    low = ctx.text.lower().translate(_APOSTROPHE)
    r.main_text, r.why_text = low[:cut], low[cut:]
    first = next((i for i in toks.words() if i not in skip), None)
    if first is not None:
        verb = next(
            (
                i
                for i in range(first, min(split, n))
                if toks.pos is not None and toks.pos[i] in ("VERB", "AUX")
            ),
            first,
        )
        r.verb = frozenset(_forms(toks.text[verb], lemma[verb] if lemma else None))
        means = next((i for i in range(first + 1, split) if toks.lower[i] in _MEANS[lang]), split)
        r.phrases = _noun_phrases(r, first + 1, means, skip, False) + _noun_phrases(
            r, split + 1, n, skip, True
        )
    return r


def _figure_tokens(ctx: Context) -> set[int]:
    """Tokens inside a figure or a date: no part of a noun phrase."""
    spans = [(q.start, q.end) for q in ctx.ex.quantities] + [
        (d.start, d.end) for d in ctx.ex.deadlines + ctx.ex.periods
    ]
    if not spans:
        return set()
    toks = ctx.toks
    return {i for i in range(len(toks)) if any(s <= toks.idx[i] < e for s, e in spans)}


def _purpose_at(ctx: Context) -> int:
    """The token that opens the objective's "why" ("pour que", "so that", "to delight"), or
    the number of tokens when it has none."""
    toks, lang = ctx.toks, ctx.lang
    low, pos = toks.lower, toks.pos
    n = len(toks)
    for i in range(1, n - 1):
        w, nxt = low[i], low[i + 1]
        if lang == "fr":
            if w == "afin" or (w == "pour" and nxt in ("que", "qu'", "qu’")):
                return i
            if w == "pour" and (
                (pos is not None and pos[i + 1] in ("VERB", "AUX"))
                or (pos is None and re.fullmatch(r"[a-zàâéèêîôûç-]+(?:er|ir|re)", nxt))
            ):
                return i
        else:
            if (w == "so" and nxt == "that") or (w == "in" and nxt == "order"):
                return i
            if w == "to" and pos is not None and pos[i + 1] == "VERB" and pos[i] == "PART":
                return i
    return n


def _noun_phrases(r: _Reading, begin: int, end: int, skip: set[int], purpose: bool) -> list:
    out: list[_Phrase] = []
    i = begin
    while i < end:
        found = _phrase_at(r, i, end, skip, purpose) if i not in skip else None
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def _is_noun(r: _Reading, i: int) -> bool:
    toks = r.ctx.toks
    word = toks.text[i]
    low = toks.lower[i].translate(_APOSTROPHE)
    if not word[:1].isalnum():
        return False
    if low in _DETS[r.lang] or low in _FUNCTION[r.lang] or low in _NP_PREPS[r.lang]:
        return False
    if len(word) > 1 and word.isupper():
        return True  # an acronym: CRM, AMM, BPF
    forms = _forms(word, toks.lemma[i] if toks.lemma else None)
    if not forms.isdisjoint(r.words.people[r.lang]) or not forms.isdisjoint(
        r.words.metric_nouns[r.lang]
    ):
        return True  # "satisfaction client": the tagger reads "client" as an adverb
    if toks.pos is None:  # the reduced pipeline: word lists only
        return not re.search(r"(?:ly|ing|ed)$", low) and low not in r.words.down[r.lang]
    return toks.pos[i] in _NOUN_POS


def _is_modifier(r: _Reading, i: int) -> bool:
    toks = r.ctx.toks
    if toks.pos is None or not toks.text[i][:1].isalnum():
        return False
    if toks.lower[i] in r.words.qualifiers[r.lang] or toks.lower[i] in _FUNCTION[r.lang]:
        return False  # "strong": praise, not a measure
    pos = toks.pos[i]
    if pos == "ADJ":
        return toks.lower[i] not in _DETS[r.lang] and toks.lower[i] not in ("tout", "tous")
    return pos == "VERB" and toks.dep is not None and toks.dep[i] == "amod"


def _attached_hyphen(r: _Reading, i: int, end: int) -> bool:
    toks = r.ctx.toks
    return (
        toks.text[i] == "-"
        and 0 < i < end - 1
        and toks.idx[i] == toks.end(i - 1)
        and toks.idx[i + 1] == toks.end(i)
    )


def _phrase_at(r: _Reading, i: int, end: int, skip: set[int], purpose: bool) -> _Phrase | None:
    toks, lang = r.ctx.toks, r.lang
    start = i
    dets: list[str] = []
    while i < end and toks.lower[i].translate(_APOSTROPHE) in _DETS[lang] and i not in skip:
        dets.append(toks.lower[i].translate(_APOSTROPHE))
        i += 1
    while i < end and toks.lower[i] in r.words.qualifiers[lang]:
        i += 1  # "strong revenue" → "revenue"
    body = i
    while i < end and i not in skip and _is_modifier(r, i) and not _is_noun(r, i):
        i += 1  # "nouveau CRM", "late deliveries"
    if i >= end or i in skip or not _is_noun(r, i) or toks.lower[i] in r.words.qualifiers[lang]:
        return None
    nouns = [i]
    i += 1

    def run(i: int) -> int:
        while i < end and i not in skip:
            if _is_noun(r, i):
                nouns.append(i)
            elif not (_is_modifier(r, i) or _attached_hyphen(r, i, end)):
                break
            i += 1
        return i

    i = run(i)
    first_chunk = list(nouns)
    for _ in range(2):  # up to two complements: "part de marché en officine"
        if i >= end or i in skip:
            break
        prep = toks.lower[i].translate(_APOSTROPHE)
        if prep in _NP_PREPS[lang]:
            k = i + 1
            while k < end and toks.lower[k].translate(_APOSTROPHE) in _DETS[lang]:
                k += 1
        elif prep in _NP_PREPS_BARE[lang]:
            k = i + 1
            if lang == "en" and k < end and toks.lower[k] in ("our", "the"):
                k += 1
        else:
            break
        while k < end and k not in skip and _is_modifier(r, k) and not _is_noun(r, k):
            k += 1
        if k >= end or k in skip or not _is_noun(r, k):
            break
        nouns.append(k)
        i = run(k + 1)
    # The head: French puts it first ("délais de livraison"), English last ("delivery times").
    head = first_chunk[0] if lang == "fr" else first_chunk[-1]
    last = i - 1
    bare = r.ctx.text[toks.idx[body] : toks.end(last)]
    text = f"{' '.join(dets)} {bare}" if dets else bare
    text = text.replace("l' ", "l'").replace("d' ", "d'")
    low, lemma = toks.lower[head], toks.lemma[head] if toks.lemma else None
    plural = low[-1:] in ("s", "x") and (lemma is None or lemma.lower() != low)
    before = start - 1
    while before > 0 and before in skip:
        before -= 1  # "Réduire de 5 % les coûts": the figure stands between verb and object
    prep = toks.lower[before].translate(_APOSTROPHE) if before >= 0 else ""
    direct = (
        before < 0
        or prep in ("de", "d'")  # "95 % de satisfaction client"
        or not (
            (toks.pos is not None and toks.pos[before] == "ADP")
            or (toks.pos is None and prep in _FUNCTION[lang])
        )
    )
    return _Phrase(
        body,
        i,
        " ".join(text.split()),
        " ".join(bare.split()),
        dets,
        head,
        frozenset(_forms(toks.text[head], lemma)),
        plural,
        purpose,
        direct,
    )


def _flagged(r: _Reading, p: _Phrase) -> bool:
    """A phrase with a buzzword, an anglicism or an intensifier in it: not quoted back."""
    for name in _SKIP_LEXICONS:
        for hit in r.ctx.hits.get(name, ()):
            if hit.start < p.end and p.start < hit.end:
                return True
    return False


def _people(r: _Reading, p: _Phrase) -> bool:
    return not p.head_words.isdisjoint(r.words.people[r.lang])


def _vague(r: _Reading, p: _Phrase) -> bool:
    return (
        not p.head_words.isdisjoint(r.words.vague[r.lang])
        or _flagged(r, p)
        or len(p.bare.split()) > 8
    )


def _metric_article(r: _Reading, p: _Phrase) -> str | None:
    """The head's article when the head names a measure ("" in English), else None."""
    nouns = r.words.metric_nouns[r.lang]
    for form in sorted(p.head_words):
        if form in nouns:
            return nouns[form]
    return None


# --- wording -----------------------------------------------------------------------------------


def _de(phrase: str, lang: str) -> str:
    """ "de" before a French noun phrase, contracted: des clients, du délai, d'agents."""
    if lang != "fr":
        return f"of {phrase}"
    low = phrase.lower()
    if low.startswith("les "):
        return "des " + phrase[4:]
    if low.startswith("le "):
        return "du " + phrase[3:]
    if low.startswith(("des ", "la ", "l'", "l’")):
        return phrase if low.startswith("des ") else "de " + phrase
    return ("d'" if low.startswith(_VOWELS) else "de ") + phrase


def _plural(word: str, lang: str) -> str:
    if word[-1:] in ("s", "x", "z"):
        return word
    if lang == "fr" and word.endswith(("eau", "eu")):
        return word + "x"
    if lang == "fr" and word.endswith("al"):
        return word[:-2] + "aux"
    if lang == "en" and word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _who(r: _Reading, default: str) -> str:
    """The people the objective serves, as a plural phrase ("nos clients", "patients"): a noun
    phrase about them, else people named in a complement ("la confiance des prescripteurs")."""
    toks = r.ctx.toks
    people = r.words.people[r.lang]
    heads = sorted((p for p in r.phrases if _people(r, p)), key=lambda p: not p.purpose)
    found = [(p.head, p.dets[-1] if p.dets else "", p) for p in heads]
    for p in sorted(r.phrases, key=lambda p: not p.purpose):
        for k in range(p.head + 1, p.end):
            lemma = toks.lemma[k] if toks.lemma else None
            if _is_noun(r, k) and not _forms(toks.text[k], lemma).isdisjoint(people):
                det = toks.lower[k - 1].translate(_APOSTROPHE)
                found.append((k, det if det in _DETS[r.lang] else "", p))
    for head, det, p in found:
        # The noun and the adjectives that qualify it: "small clinics", "talents clés".
        near = range(p.start, head) if r.lang == "en" else range(head + 1, p.end)
        mods = [k for k in near if _is_modifier(r, k) and _qualifies(toks, k, head)]
        if r.lang == "en":
            words = [toks.text[k] for k in mods] + [toks.text[head]]
        else:
            mods = [k for n, k in enumerate(mods) if k == head + 1 + n]  # right after it
            words = [toks.text[head]] + [toks.text[k] for k in mods]
        low = toks.lower[head]
        lemma = toks.lemma[head].lower() if toks.lemma else low
        if not (low[-1:] in ("s", "x") and lemma != low):
            words = [_plural(w, r.lang) for w in words]
        if r.lang == "fr":
            det = det if det in ("les", "nos") else "les"
        else:
            det = "our" if det == "our" else ""
        return " ".join([det, *words]).strip() if det else " ".join(words)
    return default


def _qualifies(toks: Any, k: int, head: int) -> bool:
    return (
        toks.dep is not None
        and toks.head is not None
        and toks.dep[k] == "amod"
        and (toks.head[k] == head)
    )


def _with_article(r: _Reading, p: _Phrase, article: str) -> str:
    """The phrase with a determiner that reads on its own: "leurs délais" → "les délais"."""
    det = p.dets[-1] if p.dets else ""
    keep = det and det not in _DROP_DETS[r.lang]
    if r.lang == "en":
        return p.text if keep else p.bare
    if keep:
        return p.text if len(p.dets) == 1 else " ".join([det, p.bare])
    if p.plural:
        return f"les {p.bare}"
    if p.bare.lower().startswith(_VOWELS) or article == "l'":
        return f"l'{p.bare}"
    return f"{article or 'le'} {p.bare}"


def _deadline(r: _Reading) -> str:
    deadlines = r.ctx.ex.deadlines
    if deadlines:
        text = _LEAD.sub("", deadlines[-1].text).strip()
        if text:
            return text
    return r.words.deadline[r.lang]


_LEAD = re.compile(
    r"^(?:d['’]ici (?:à )?(?:la |le |l['’])?|avant (?:le |la |l['’])?|au plus tard (?:le |en )?|"
    r"pour |en |au |dès |by (?:the )?|before (?:the )?|until |no later than |in |at (?:the )?|"
    r"due |within )",
    re.IGNORECASE,
)


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), template)


# --- choosing ----------------------------------------------------------------------------------


def propose(ctx: Context, library: Library | None = None) -> list[Proposal]:
    """Two to four key results for the objective in `ctx`: an outcome first, a leading
    indicator and a counter-measure; experiment key results for a learning objective."""
    if library is None:
        found = _bundled()
        if isinstance(found, MeasureError):
            return []  # an edited library that no longer loads: the scores still come
        library = found
    r = _read(ctx, library.words)
    r.found_main = library.found(r.main, r.main_text)
    r.found_why = library.found(r.why, r.why_text) - r.found_main
    if _learning(r):
        return _experiments(r, library)
    return _measures(r, library)


def _learning(r: _Reading) -> bool:
    text = r.ctx.text.lower().translate(_APOSTROPHE).lstrip(" «“\"'-–—•*")
    text = re.sub(r"^(?:o\d+|objecti(?:f|ve)\s*\d*)\s*[:.)-]\s*", "", text)
    return text.startswith(r.words.learning[r.lang])


_WEIGHTS = {"outcome": (1.0, 2.0), "leading": (2.0, 1.0), "counter": (1.0, 1.0)}
_SAME_FIELD = 1.5  # a leading indicator or a counter-measure from the outcome's field
_GUARD = 3.0  # a counter-measure that watches a measure already chosen


def _scored(r: _Reading, m: Measure, field_score: int) -> float:
    """Its own keywords (the main clause counts most for a leading indicator, the "why" for an
    outcome), plus its field's: a measure of a field the objective is about is a candidate."""
    main = len(m.keywords & r.found_main)
    why = len(m.keywords & r.found_why)
    w_main, w_why = _WEIGHTS[m.kind] if r.has_purpose else (1.0, 1.0)
    return w_main * main + w_why * why + min(field_score, 4)


def _proposal(r: _Reading, m: Measure, values: Mapping[str, str]) -> Proposal | None:
    text = _fill(m.wording[r.lang], values)
    if "{" in text:
        return None  # a slot this objective cannot fill ({object} without a phrase)
    why = m.why[r.lang] if m.why else r.words.kinds[m.kind][r.lang]
    return Proposal(
        typography(text, r.lang),
        m.kind,
        typography(why, r.lang),
        m.source,  # a reference, in its own language
        m.key,
    )


class _Values:
    """The slots' values for one objective, the people ones per field (its default)."""

    def __init__(self, r: _Reading, obj: _Phrase | None) -> None:
        self.who = _who(r, "")
        self.base = {"deadline": _deadline(r)}
        if obj is not None:
            self.base["object"] = obj.bare
        self.lang = r.lang

    def of(self, f: Field) -> dict[str, str]:
        who = self.who or f.who[self.lang]
        return {**self.base, "who": who, "de_who": _de(who, self.lang)}


def _object(r: _Reading) -> _Phrase | None:
    for purpose in (False, True):
        for p in r.phrases:
            if p.purpose == purpose and not _people(r, p) and not _vague(r, p):
                return p
    return None


def _own_words(r: _Reading, purpose_outcome: bool) -> Proposal | None:
    """A key result in the objective's own words: the measure it names ("la part de marché en
    officine"), or the things it wants fewer of ("le nombre de retards de livraison")."""
    words, lang = r.words, r.lang
    own = words.own_words
    ordered = sorted(r.phrases, key=lambda p: not p.purpose)  # the "why" names the outcome
    for p in ordered:
        size = len(p.bare.split())
        if not p.direct or _people(r, p) or _flagged(r, p) or size > 8:
            continue
        if size == 1 and not p.head_words.isdisjoint(words.generic_metric_nouns[lang]):
            continue  # "le temps", "price": too little to measure; "la rentabilité" will do
        article = _metric_article(r, p)
        if article is None:
            continue
        phrase = _with_article(r, p, article)
        hold = not p.purpose and not r.verb.isdisjoint(words.hold[lang])
        template = own["hold" if hold else "metric"][lang]
        target = _target(r, p)
        if target and not hold:
            template = re.sub(r"\bY\b", target, template, count=1)
        kind = "leading" if (not p.purpose and purpose_outcome) else "outcome"
        return _own(r, template, phrase, kind, "own-words/metric")
    if r.verb.isdisjoint(words.down[lang]):
        return None
    for p in r.phrases:
        if p.purpose or not p.direct or not p.plural or _people(r, p) or _vague(r, p):
            continue
        kind = "leading" if purpose_outcome else "outcome"
        return _own(r, own["count"][lang], p.bare, kind, "own-words/count")
    return None


def _target(r: _Reading, p: _Phrase) -> str | None:
    """The objective's own target, when it is the level of the measure it names."""
    ex = r.ctx.ex
    if len(ex.targets) != 1 or ex.baselines:
        return None
    q = ex.targets[0]
    if q.relative or q.comparator or q.kind in ("placeholder", "zero", "multiplier"):
        return None
    if q.start > r.ctx.toks.idx[p.start]:
        return None  # the figure comes after the phrase: about something else
    return q.text


def _own(r: _Reading, template: str, phrase: str, kind: str, key: str) -> Proposal:
    own, lang = r.words.own_words, r.lang
    values = {"phrase": phrase, "de_phrase": _de(phrase, lang), "deadline": _deadline(r)}
    text = _fill(template, values)
    why = _fill(own["why"][lang], {"phrase": phrase})
    return Proposal(
        typography(text, lang),
        kind,
        typography(why, lang),
        typography(own["source"][lang], lang),
        key,
    )


@dataclass(slots=True)
class _Ranked:
    score: float
    field: Field
    measure: Measure


def _measures(r: _Reading, library: Library) -> list[Proposal]:
    fields = library.role("field")
    every = r.found_main | r.found_why
    field_scores = {f.name: len(f.keywords & every) for f in fields}
    # The measures of the fields the objective is about, and those of other fields that share
    # at least two of its keywords (one shared word is not enough), in the library's order.
    shared: dict[tuple[int, int], int] = {}
    for k in every:
        for place in library.by_keyword.get(k, ()):
            shared[place] = shared.get(place, 0) + 1
    positions = {place for place, count in shared.items() if count >= 2}
    for order, f in enumerate(fields):
        if field_scores[f.name]:
            positions.update((order, n) for n in range(len(f.measures)))
    ranked: list[_Ranked] = []
    for order, n in sorted(positions):
        f = fields[order]
        m = f.measures[n]
        score = _scored(r, m, field_scores[f.name])
        if score > 0:  # ties go to the field and the measure written first
            ranked.append(_Ranked(score - order * 1e-3 - n * 1e-5, f, m))
    values = _Values(r, _object(r))
    purpose_outcome = r.has_purpose and any(
        m.kind == "outcome" and m.keywords & r.found_why for f in fields for m in f.measures
    )
    own = _own_words(r, purpose_outcome)
    taken: set[str] = set()

    def best(kind: str, near: str = "") -> tuple[Proposal, _Ranked] | None:
        def rank(c: _Ranked) -> float:
            bonus = _SAME_FIELD if near and c.field.name == near else 0.0
            if kind == "counter" and library.guards[c.measure.key] & taken:
                bonus += _GUARD
            return c.score + bonus

        pool = [c for c in ranked if c.measure.kind == kind and c.measure.key not in taken]
        for c in sorted(pool, key=rank, reverse=True):
            if (p := _proposal(r, c.measure, values.of(c.field))) is not None:
                return p, c
        return None

    def general(kind: str) -> Proposal | None:
        """The general measures, for an objective no field's keywords match."""
        for f in library.role("fallback"):
            for m in f.measures:
                if m.kind == kind and (p := _proposal(r, m, values.of(f))) is not None:
                    return p
        return None

    first = best("outcome")
    near = first[1].field.name if first is not None else ""
    outcome = own if own is not None and own.kind == "outcome" else None
    if outcome is not None:  # the field the objective's own measure belongs to
        said = frozenset(re.findall(r"[\w'-]+", outcome.text.lower()))
        scores = {f.name: len(f.keywords & said) for f in fields}
        if any(scores.values()):
            near = max(scores, key=lambda n: (scores[n], field_scores[n]))
    elif first is not None:
        outcome = first[0]
    chosen = []
    for kind, mine in (("outcome", outcome), ("leading", None), ("counter", None)):
        if mine is None and kind == "leading" and own is not None and own.kind == "leading":
            mine = own
        if mine is None:
            found = best(kind, near)
            mine = found[0] if found is not None else general(kind)
        if mine is not None:
            chosen.append(mine)
            taken.add(mine.measure)
    # A fourth: the best outcome or leading indicator not yet chosen.
    extra = [
        c
        for c in (best("outcome", near), best("leading", near))
        if c is not None and not c[1].measure.keywords.isdisjoint(every)
    ]
    if extra and len(chosen) < MAX_PROPOSALS:
        more = max(
            extra, key=lambda c: c[1].score + (_SAME_FIELD if c[1].field.name == near else 0)
        )
        at = sum(1 for p in chosen if p.kind == "outcome")
        if more[0].kind == "leading":
            at += sum(1 for p in chosen if p.kind == "leading")
        chosen.insert(at, more[0])
    return _distinct(chosen)


def _experiments(r: _Reading, library: Library) -> list[Proposal]:
    f = library.role("learning")[0]
    values = _Values(r, _object(r)).of(f)
    found = r.found_main | r.found_why
    ranked = sorted(
        enumerate(f.measures), key=lambda t: (len(t[1].keywords & found), -t[0]), reverse=True
    )
    picks = [next(m for _, m in ranked if m.kind == k) for k in KINDS]
    rest = [m for _, m in ranked if m not in picks and m.kind != "counter"]
    if rest:
        picks.insert(2 if rest[0].kind == "leading" else 1, rest[0])
    out = [p for m in picks if (p := _proposal(r, m, values)) is not None]
    return _distinct(out)


def _distinct(proposals: list[Proposal]) -> list[Proposal]:
    seen: set[str] = set()
    out = []
    for p in proposals:
        if p.text not in seen:
            seen.add(p.text)
            out.append(p)
    return out[:MAX_PROPOSALS]
