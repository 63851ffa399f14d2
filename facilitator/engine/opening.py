"""Where a draft's own words start: after a short label ("T3 :", "R&D :"), at its predicate.

Read by the lexicon matcher (an opening word the tagger mistook for a noun is still the verb)
and by the features and scripts that look for the draft's verb.
"""

from __future__ import annotations

from facilitator.engine.labels import label_end
from facilitator.engine.tokens import Tokens


def draft_words(toks: Tokens) -> list[int]:
    """The draft's words after a short label before a colon ("T3 : lancement du produit",
    "R&D : déposer 4 brevets", "Objectif : « Être … »") or a numbered one ("KR1.3 Ship …",
    "KR-2 [Team] Publish …"), and after a deadline that opens it ("By Q3, ship …")."""
    words = toks.words()
    if ":" in toks.text[:6]:
        colon = toks.text.index(":")
        after = [w for w in words if w > colon]
        if after and colon <= 4:
            return after
    if not words:
        return words
    start = label_end(_opening_text(toks))
    if start:
        words = [w for w in words if toks.idx[w] >= start] or words
    return _after_when(toks, words)


# A deadline that opens the draft before a comma: "D'ici la fin du sprint, automatiser …",
# "By Q3 2027, ship …". Its first word, and a word of a period (or a figure) inside it.
# (The extraction's deadline patterns cannot be used here: they read the word lists, which
# read this module.)
_WHEN_OPENS = frozenset(
    {"d'", "d’", "d'ici", "d’ici", "sur", "avant", "dès", "pendant", "au", "en", "ce", "cette"}
    | {"by", "before", "within", "over", "during", "in", "this", "next", "until"}
)
_PERIODS = frozenset(
    {"trimestre", "semestre", "sprint", "mois", "année", "an", "semaine", "fin", "cycle"}
    | {"quarter", "half", "year", "month", "week", "end", "sprint", "cycle"}
)


def _after_when(toks: Tokens, words: list[int]) -> list[int]:
    first = words[0]
    if toks.lower[first] not in _WHEN_OPENS:
        return words
    comma = next((k for k in range(first, min(first + 9, len(toks))) if toks.text[k] == ","), None)
    if comma is None:
        return words
    period = any(
        toks.lower[k] in _PERIODS or any(c.isdigit() for c in toks.text[k])
        for k in range(first, comma)
    )
    after = [w for w in words if w > comma]
    return after if period and after else words


def _opening_text(toks: Tokens, size: int = 60) -> str:
    """The draft's first characters, rebuilt from its tokens: enough to read a label."""
    out = ""
    for text, idx in zip(toks.text, toks.idx, strict=True):
        if idx >= size:
            break
        out += " " * (idx - len(out)) + text
    return out
