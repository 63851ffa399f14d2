"""Reading numbers as a French or English draft writes them.

"1 500 000 €", "1,5 M€", "2,5k€", "vingt-cinq", "30 %" — spaCy's tokenizer splits or glues these
in ways its `like_num` does not follow, so numbers are read from the text. Figures in digits are
read by `facilitator.numbers`, the reader a key result's progress uses too (re-exported here for
the extractor); this module adds the numbers written in words.
"""

from __future__ import annotations

import re

from facilitator.numbers import DIGITS, parse_digits

__all__ = ["DIGITS", "NUMBER_WORDS", "WORD_NUMBER", "parse_digits", "parse_words"]

_FR_UNITS = {
    "zéro": 0,
    "zero": 0,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "cents": 100,
    "mille": 1000,
}
_EN_UNITS = {
    "zero": 0,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
# "un", "une" and "one" are left out on purpose: "une nouvelle plateforme" is not a target.
NUMBER_WORDS = {**_FR_UNITS, **_EN_UNITS, "et": -1, "and": -1}

_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w not in ("et", "and")), key=len, reverse=True))
# One number word, or several joined by hyphens/spaces ("vingt-cinq", "quatre-vingt-dix",
# "twenty-five", "cent vingt"); "et" only inside ("vingt et un" is left to the digits).
# "One million", « un million »: one is a number before a scale word only.
_ONE_BEFORE_SCALE = r"(?:one|un|a)(?= (?:millions?|milliards?|billions?|thousand)\b)"
WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:{_ONE_BEFORE_SCALE}|(?:{_WORD})(?:(?:-| |-et-| et )(?:{_WORD}))*)(?![\w-])",
    re.IGNORECASE,
)
_ONE = frozenset({"one", "un", "a"})


def parse_words(text: str) -> float | None:
    """'vingt-cinq' → 25, 'quatre-vingt-dix' → 90, 'two hundred' → 200, 'zéro' → 0."""
    total = 0
    current = 0
    for word in re.split(r"[- ]+", text.lower()):
        value = 1 if word in _ONE else NUMBER_WORDS.get(word)
        if value is None:
            return None
        if value == -1:
            continue
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total += current
                current = 0
        elif word in ("vingt", "vingts") and current == 4:  # quatre-vingt(s)
            current = 80
        else:
            current += value
    return float(total + current)
