"""A flat, read-only view of a spaCy Doc that both tiers share.

The lexical tier has only the tokenizer's output; the full pass adds lemmas, parts of speech and
the dependency parse. Rules read this view, never the Doc, so one rule serves both tiers (and the
reduced English pipeline, which has no tagger): where `lemma` is None the rule falls back to forms.
"""

from __future__ import annotations

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


def from_doc(doc: Any, parsed: bool) -> Tokens:
    # One pass over the Doc: each `for t in doc` creates Token objects, the main cost here.
    text: list[str] = []
    idx: list[int] = []
    if not parsed:
        for t in doc:
            text.append(t.text)
            idx.append(t.idx)
        return Tokens(text=text, lower=[w.lower() for w in text], idx=idx)
    lemma: list[str] = []
    pos: list[str] = []
    dep: list[str] = []
    head: list[int] = []
    mood: list[str] = []
    infinitive: list[bool] = []
    for t in doc:
        word = t.text
        text.append(word)
        idx.append(t.idx)
        # spaCy lemmatises acronyms oddly ("NPS" → "np"): keep them as written.
        lemma.append(word.lower() if word.isupper() else t.lemma_.lower())
        p = t.pos_
        pos.append(p)
        dep.append(t.dep_)
        head.append(t.head.i)
        if p in ("VERB", "AUX"):
            morph = t.morph
            mood.append("Cnd" if "Cnd" in morph.get("Mood") else "")
            base = "Inf" in morph.get("VerbForm") or t.tag_ in ("VB", "VBP")
            infinitive.append(p == "VERB" and base)
        else:
            mood.append("")
            infinitive.append(False)
    return Tokens(
        text=text,
        lower=[w.lower() for w in text],
        idx=idx,
        lemma=lemma,
        pos=pos,
        dep=dep,
        head=head,
        mood=mood,
        infinitive=infinitive,
    )
