"""Additions (« … d'ici [date] », "{match} by [date]"): placed inside the sentence, before its
final punctuation, and a deadline before a purpose clause.
"""

from __future__ import annotations

import re

_DEADLINE_LEAD = re.compile(
    r"^(?:d'ici|d’ici|avant|au plus tard|pour fin|fin|en (?:T[1-4]|Q[1-4]|\d{4})|by|before|"
    r"no later than|until|in (?:Q[1-4]|H[12]|\d{4})|within)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\s(?:pour que|pour |afin d['’]|afin de|afin que|so that|in order to)", re.IGNORECASE
)
# A full stop before a lower-case word closes an abbreviation (« etc. sur nos sites »).
_SENTENCE_END = re.compile(r"[.!?](?=\s*$|\s+[^\w]|\s+[A-ZÀ-Ý0-9])|;(?=\s|$)|…(?=\s*$)")
_TRAILING_TAGS = re.compile(r"(?:\s*\[[^\]]*\])+\s*$")


def is_addition(suggestion: str) -> bool:
    """ "… d'ici [date]": words to add to the sentence, not to put in the span's place."""
    return suggestion.startswith(("… ", "... ")) and len(suggestion) > 2


def looks_like_deadline(words: str) -> bool:
    return bool(_DEADLINE_LEAD.match(words.strip())) and bool(
        re.search(r"\d|T[1-4]|Q[1-4]|trimestre|quarter|semestre|année|year|mois|month", words)
    )


def place_addition(text: str, after: int, addition: str) -> str:
    """`text` with `addition` placed inside the sentence that goes on at `after`: before its final
    punctuation (and trailing [tags]); a deadline also goes before a purpose clause."""
    addition = addition.strip()
    m = _SENTENCE_END.search(text, after)
    pos = m.start() if m else len(text.rstrip())
    tags = _TRAILING_TAGS.search(text[:pos])
    if tags and tags.start() >= after:
        pos = tags.start()
    if looks_like_deadline(addition) or _DEADLINE_LEAD.match(addition):
        purpose = _PURPOSE.search(text, after, pos)
        if purpose:
            pos = purpose.start()
    head = text[:pos].rstrip()
    if head.endswith((",", ";")) and not text[pos:].strip():
        head = head[:-1].rstrip()
    rest = text[pos:]
    sep = "" if not rest or rest[0] in ".!?;,)…" else " "
    if rest and rest[0] in "…":
        sep = " "
    return f"{head} {addition}{sep}{rest.lstrip()}" if sep else f"{head} {addition}{rest}"


def fit_addition(lang: str, matched: str, suggestion: str) -> str:
    """A template that writes the matched words then adds to them ("{match} by {deadline}"):
    the addition goes inside the sentence, not after its full stop."""
    if matched and suggestion.startswith(matched) and len(suggestion) > len(matched):
        addition = suggestion[len(matched) :]
        if _SENTENCE_END.search(matched) or _TRAILING_TAGS.search(matched):
            return place_addition(matched, 0, addition)
    return suggestion
