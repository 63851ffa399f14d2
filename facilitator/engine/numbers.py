"""Reading numbers as a French or English draft writes them.

"1 500 000 €", "1,5 M€", "2,5k€", "vingt-cinq", "30 %" — spaCy's tokenizer splits or glues these
in ways its `like_num` does not follow (see the design guide), so numbers are read from the text.
"""

from __future__ import annotations

import re

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
WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:{_WORD})(?:(?:-| |-et-| et )(?:{_WORD}))*(?![\w-])", re.IGNORECASE
)

# Digits with French or English grouping: "1 500 000", "1.500", "1,500", "2,5", "1.5".
DIGITS = re.compile(
    r"(?<![\w.,/-])[-+]?\d{1,3}(?:(?: |\.|,)\d{3})+(?:[.,]\d+)?(?![\d])"
    r"|(?<![\w.,/-])[-+]?\d+(?:[.,]\d+)?(?![\d])"
)


_GROUPED = re.compile(r"-?\d{1,3}([.,])\d{3}(?:\1\d{3})*")


def parse_digits(text: str, lang: str) -> float | None:
    """'1 500 000' → 1500000, '2,5' → 2.5, '1,500' → 1500 in English, 1.5 in French,
    '1.500' → 1500 in French, 1.5 in English, '1.500,5' → 1500.5, '1,500.5' → 1500.5."""
    if text.isdigit():
        return float(text)  # the common case: "30", "2026"
    s = text.replace(" ", "").lstrip("+")
    groups = _GROUPED.fullmatch(s)
    if groups:
        sep = groups.group(1)
        # "1.500" is 1500 in French, "1,500" is 1500 in English; the other reading is a decimal.
        if (sep == "." and lang == "fr") or (sep == "," and lang == "en") or s.count(sep) > 1:
            s = s.replace(sep, "")
    if "," in s and "." in s:
        # Both separators: the last one is the decimal mark, the other groups thousands
        # ("1,500.5" in English, "1.500,5" in French).
        group = "," if s.rfind(".") > s.rfind(",") else "."
        s = s.replace(group, "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """'vingt-cinq' → 25, 'quatre-vingt-dix' → 90, 'two hundred' → 200, 'zéro' → 0."""
    total = 0
    current = 0
    for word in re.split(r"[- ]+", text.lower()):
        value = NUMBER_WORDS.get(word)
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
