"""A flat, read-only view of a spaCy Doc that both tiers share.

The lexical tier has only the tokenizer's output; the full pass adds lemmas, parts of speech and
the dependency parse. Rules read this view, never the Doc, so one rule serves both tiers (and the
reduced English pipeline, which has no tagger): where `lemma` is None the rule falls back to forms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_WORDLIKE = re.compile(r"\w")


@dataclass(slots=True)
class Tokens:
    text: list[str]
    lower: list[str]
    idx: list[int]  # start character of each token in the normalised text
    lemma: list[str] | None = None
    pos: list[str] | None = None
    dep: list[str] | None = None
    head: list[int] | None = None
    mood: list[str] | None = None  # "Cnd" for a French conditional ("serait"), else ""
    infinitive: list[bool] | None = None  # a verb's base form: a new predicate after "et"
    _words: list[int] | None = None

    def __len__(self) -> int:
        return len(self.text)

    def end(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def words(self) -> list[int]:
        """Indexes of tokens that count as words (not punctuation or symbols)."""
        if self._words is None:
            self._words = [
                i
                for i, t in enumerate(self.text)
                if t[0].isalnum() or t[-1].isalnum() or _WORDLIKE.search(t)
            ]
        return self._words


# spaCy's attributes, read in one call per Doc, column by column: creating a Token object for
# each word and reading its attributes one by one cost more than the rest of this module.
_ATTRS = ("ORTH", "IDX", "LEMMA", "POS", "DEP", "HEAD", "MORPH", "TAG")
_HALF = 1 << 63  # to_array returns unsigned integers: a head before its token wraps around
_WRAP = 1 << 64
_CACHE_LIMIT = 100_000  # strings kept; a long session should not grow the caches forever


class _Strings(dict[int, str]):
    """One vocabulary's string hashes → strings, and lemma hashes → lower-case lemmas."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store  # held, so that its id() cannot be reused while cached
        self.lowered: dict[int, str] = {}

    def __missing__(self, key: int) -> str:
        value = self[key] = self.store[key]
        return value

    def lower(self, key: int) -> str:
        value = self.lowered.get(key)
        if value is None:
            value = self.lowered[key] = self[key].lower()
        return value


_caches: dict[int, _Strings] = {}  # id(vocab.strings) → its cache; one per language loaded
_verb_forms: dict[tuple[int, int], tuple[str, bool]] = {}  # (morph, tag) → (mood, infinitive)


def from_doc(doc: Any, parsed: bool) -> Tokens:
    if not parsed:
        text = [t.text for t in doc]
        return Tokens(text=text, lower=[w.lower() for w in text], idx=[t.idx for t in doc])
    store = doc.vocab.strings
    strings = _caches.get(id(store))
    if strings is None or len(strings) > _CACHE_LIMIT:
        strings = _caches[id(store)] = _Strings(store)
    orth, idx, lemma, pos, dep, head, morph, tag = doc.to_array(_attr_ids()).T.tolist()
    lowered, lower = strings.lowered.get, strings.lower
    string = strings.__getitem__  # map() over it: faster than a comprehension's subscripts
    text = list(map(string, orth))
    low = list(map(str.lower, text))
    pos = list(map(string, pos))
    mood = [""] * len(text)
    infinitive = [False] * len(text)
    for i, p in enumerate(pos):
        if p == "VERB" or p == "AUX":
            mood[i], base = _verb_form(morph[i], tag[i], strings)
            infinitive[i] = p == "VERB" and base
    return Tokens(
        text=text,
        lower=low,
        idx=idx,
        # spaCy lemmatises acronyms oddly ("NPS" → "np"): keep them as written.
        # The lowered-lemma cache read inline; a miss (or an empty lemma) goes through lower().
        lemma=[
            w_low if w.isupper() else lowered(h) or lower(h)
            for w, w_low, h in zip(text, low, lemma, strict=True)
        ],
        pos=pos,
        dep=list(map(string, dep)),
        head=[i + h - _WRAP if h >= _HALF else i + h for i, h in enumerate(head)],
        mood=mood,
        infinitive=infinitive,
    )


@functools.cache
def _attr_ids() -> list[int]:
    from spacy.attrs import IDS  # here, not at the top: importing spaCy slows the lexical tier

    return [IDS[name] for name in _ATTRS]


def _verb_form(morph: int, tag: int, strings: _Strings) -> tuple[str, bool]:
    """("Cnd" for a conditional, else ""; whether the verb is in its base form)."""
    known = _verb_forms.get((morph, tag))
    if known is None:
        features = set(strings[morph].split("|")) if morph else set()
        known = (
            "Cnd" if "Mood=Cnd" in features else "",
            "VerbForm=Inf" in features or strings[tag] in ("VB", "VBP"),
        )
        _verb_forms[(morph, tag)] = known
    return known
