"""French or English, on texts as short as "Réduire le churn" or "Grow ARR".

Statistical detectors need sentences; OKR drafts are fragments. Function words, accents and verb
endings decide, and French wins a tie (the room is French first).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zà-ÿœæ']+")
_FR_ONLY = re.compile(r"[éèêàâçùûôîïœ]")
_FR_VERB = re.compile(r"^[a-zà-ÿ]{3,}(?:er|ir|re)$")
_EN_VERB = re.compile(r"^[a-z]{3,}(?:ize|ise|ate|ing)$")


def detect(text: str, fr_words: frozenset[str], en_words: frozenset[str]) -> str:
    fr, en = evidence(text, fr_words, en_words)
    return "en" if en > fr else "fr"


def mixed(text: str, fr_words: frozenset[str], en_words: frozenset[str]) -> bool:
    """Both languages are well represented: "Augmenter le NPS and reduce churn"."""
    # English evidence is its function words plus at most 0.75 for the first word: with fewer
    # than two such words it cannot reach 2, and most drafts are settled by this count alone.
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if sum(map(en_words.__contains__, words)) < 2:
        return False
    fr, en = _evidence(words, lowered, fr_words, en_words)
    return min(fr, en) >= 2 and min(fr, en) >= 0.4 * max(fr, en)


def evidence(text: str, fr_words: frozenset[str], en_words: frozenset[str]) -> tuple[float, float]:
    lowered = text.lower()
    return _evidence(_WORD.findall(lowered), lowered, fr_words, en_words)


def _evidence(
    words: list[str], lowered: str, fr_words: frozenset[str], en_words: frozenset[str]
) -> tuple[float, float]:
    if not words:
        return (0.0, 0.0)
    fr = sum(1.0 for w in words if w in fr_words or w.startswith(("d'", "l'", "qu'", "n'", "s'")))
    en = sum(1.0 for w in words if w in en_words)
    fr += 0.5 * len(_FR_ONLY.findall(lowered))
    first = words[0]
    if _FR_VERB.match(first) and first not in en_words:
        fr += 0.75
    if _EN_VERB.match(first) or first.endswith("'s"):
        en += 0.75
    return fr, en
