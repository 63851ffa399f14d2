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
    "KR-2 [Team] Publish …")."""
    words = toks.words()
    if ":" in toks.text[:6]:
        colon = toks.text.index(":")
        after = [w for w in words if w > colon]
        if after and colon <= 4:
            return after
    if words and (label := label_end(_opening_text(toks))):
        return [w for w in words if toks.idx[w] >= label] or words
    return words


def _opening_text(toks: Tokens, size: int = 40) -> str:
    """The draft's first characters, rebuilt from its tokens: enough to read a label."""
    out = ""
    for text, idx in zip(toks.text, toks.idx, strict=True):
        if idx >= size:
            break
        out += " " * (idx - len(out)) + text
    return out
