"""Text normalisation that keeps a map back to the original characters.

Text typed or pasted in the room can hold anything. The engine judges a normalised copy (one kind
of space, one kind of apostrophe, no control characters) so that the same objective always looks
the same to it, while every finding still points at the characters the participant typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from facilitator.engine.labels import label_end

# Longer drafts are judged on their first MAX_CHARS characters: an objective is a sentence,
# and spaCy's cost grows with length. The engine reports the truncation as a finding.
MAX_CHARS = 2000

_SPACES = {
    "\u00a0",  # no-break space (Textual inputs drop it when typed, keep it when pasted)
    "\u202f",  # narrow no-break space, French typography before % and €
    "\u2007",
    "\u2009",
    "\u200a",
    "\u2002",
    "\u2003",
    "\u3000",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\u2028",
    "\u2029",
}
_REPLACE = {
    "\u2019": "'",  # typographic apostrophe: "d’ici" and "d'ici" must match the same rules
    "\u2018": "'",
    "\u02bc": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",  # minus sign
    "\u00d7": "x",  # "×2" is a multiplier like "x2"
    "\u2026": "…",
}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@dataclass(slots=True)  # read-only by convention: frozen dataclasses build three times slower
class Normalized:
    """The normalised text and, for each of its characters, the index in the original."""

    text: str
    offsets: tuple[int, ...]  # empty when `identity`: each character maps to itself
    original: str
    truncated: bool = False
    identity: bool = False  # every offset maps to itself (typed text: the common case)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original text."""
        if self.identity:
            start = min(max(start, 0), len(self.text))
            return (start, min(max(end, start), len(self.text)))
        if not self.offsets:
            return (0, 0)
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return (self.offsets[start], self.offsets[last] + 1)


def _is_dropped(ch: str) -> bool:
    if ch in _INVISIBLE:
        return True
    cat = unicodedata.category(ch)
    # Control characters, lone surrogates and non-characters carry no meaning for the coach.
    return cat in ("Cc", "Cs", "Co") or ch in ("\ufffe", "\uffff")


# Anything that changes the text's length: white space to fold, characters to drop. A single
# character class (every white space but " " is in it) lets re scan fast; doubled, leading and
# trailing spaces are tested apart. A superset is safe: the slow path handles any text.
_NEEDS_SLOW_PATH = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f"
    "\u205f\u2060\u3000\ud800-\udfff\ue000-\uf8ff\ufeff\ufffe\uffff]"
)


def _needs_slow_path(text: str) -> bool:
    return (
        "  " in text
        or text[:1] == " "
        or text[-1:] == " "
        or _NEEDS_SLOW_PATH.search(text) is not None
    )


_TRANSLATE = str.maketrans(_REPLACE)
_TO_REPLACE = re.compile("[" + "".join(_REPLACE) + "]")


def normalize(text: str, max_chars: int = MAX_CHARS) -> Normalized:
    """Fold spaces, apostrophes and dashes; drop control characters; collapse white space.

    A capitalised first word is lower-cased for the parser: spaCy's French model tags
    "Réduire" or "Doubler" at the start of a sentence as proper nouns (measured on this model).
    Offsets are unchanged by that, so spans still point at the original text.
    """
    if len(text) < max_chars and not _needs_slow_path(text):
        # The common case, typed text: same length, so every offset maps to itself.
        # Every character to replace is outside ASCII.
        folded = (
            text if text.isascii() or not _TO_REPLACE.search(text) else text.translate(_TRANSLATE)
        )
        fast = _lower_first_word(folded)
        return Normalized(fast, (), text, False, identity=True)
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch in _SPACES or ch == " " or (_is_dropped(ch) and ch not in _INVISIBLE):
            pending_space = bool(out)
            continue
        if ch in _INVISIBLE:
            continue
        if len(out) + pending_space >= max_chars:
            break
        if pending_space:
            out.append(" ")
            offsets.append(i - 1)
            pending_space = False
        out.append(_REPLACE.get(ch, ch))
        offsets.append(i)
    truncated = bool(offsets) and len(out) + 1 >= max_chars and len(text) > offsets[-1] + 1
    if truncated and " " in out:
        # Cut at a word boundary: half a word would be judged as a misspelling.
        cut = len(out) - out[::-1].index(" ") - 1
        del out[cut:], offsets[cut:]
    normalized = "".join(out)
    normalized = _lower_first_word(normalized)
    return Normalized(normalized, tuple(offsets), text, truncated)


def _lower_first_word(text: str) -> str:
    """Lower-case a first word written "Capitalised" (not an acronym like "NPS"), after a label
    if there is one ("KR1 : Atteindre 40 000 abonnés"): capitalised, "Atteindre 40" would read
    as a name like "Windows 11", and spaCy tags such verbs as proper nouns. Not where the
    capital is what ends the label ("KR1.3 Ship …"): the draft must start at the same place."""
    start = label_end(text)
    m = _FIRST_WORD.match(text, start)
    if m and len(m.group()) > 1 and m.group()[1:].islower():
        first = text[start].lower()
        if len(first) == 1:  # "İ" lower-cases to two characters: offsets would shift
            lowered = text[:start] + first + text[start + 1 :]
            return lowered if label_end(lowered) == start else text
    return text


_FIRST_WORD = re.compile(r"[^\W\d_][\w'-]*")


def fold_accents(text: str) -> str:
    """ "Réduire" → "reduire": for fuzzy comparisons, never for display."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
