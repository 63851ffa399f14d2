"""Where a draft's own words start: after a short label ("T3 :", "R&D :"), at its predicate.

Read by the lexicon matcher (an opening word the tagger mistook for a noun is still the verb)
and by the features and scripts that look for the draft's verb.
"""

from __future__ import annotations

from facilitator.engine.tokens import Tokens


def draft_words(toks: Tokens) -> list[int]:
    """The draft's words after a short label before a colon ("T3 : lancement du produit",
    "R&D : déposer 4 brevets", "Objectif : « Être … »")."""
    words = toks.words()
    if ":" in toks.text[:6]:
        colon = toks.text.index(":")
        after = [w for w in words if w > colon]
        if after and colon <= 4:
            return after
    return words
