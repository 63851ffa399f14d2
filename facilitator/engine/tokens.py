"""A flat, read-only view of a spaCy Doc that both tiers share.

The lexical tier has only the tokenizer's output; the full pass adds lemmas, parts of speech and
the dependency parse. Rules read this view, never the Doc, so one rule serves both tiers (and the
reduced English pipeline, which has no tagger): where `lemma` is None the rule falls back to forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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

    def __len__(self) -> int:
        return len(self.text)

    def end(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def words(self) -> list[int]:
        """Indexes of tokens that count as words (not punctuation or symbols)."""
        return [i for i, t in enumerate(self.text) if any(c.isalnum() for c in t)]


def from_doc(doc: Any, parsed: bool) -> Tokens:
    text = [t.text for t in doc]
    toks = Tokens(text=text, lower=[t.lower() for t in text], idx=[t.idx for t in doc])
    if parsed:
        # spaCy lemmatises acronyms oddly ("NPS" → "np"): keep them as written.
        toks.lemma = [t.lower_ if t.is_upper else t.lemma_.lower() for t in doc]
        toks.pos = [t.pos_ for t in doc]
        toks.dep = [t.dep_ for t in doc]
        toks.head = [t.head.i for t in doc]
        toks.mood = ["Cnd" if "Cnd" in t.morph.get("Mood") else "" for t in doc]
        toks.infinitive = [
            t.pos_ == "VERB" and ("Inf" in t.morph.get("VerbForm") or t.tag_ in ("VB", "VBP"))
            for t in doc
        ]
    return toks
