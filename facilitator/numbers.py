"""Reading numbers as French and English write them: the one reader of figures in text.

The engine finds and reads the figures of a draft with `DIGITS` and `parse_digits`; a key
result's progress reads its baseline, target and check-in values with `parse_number`. Both read
digits the same way, so "de 1.500 à 3.000 clients" means fifteen hundred to three thousand
wherever it is read:

* thousands are grouped by a space, a no-break space (U+00A0), a narrow no-break space (U+202F,
  French typography), a thin space, an apostrophe (Swiss "1'500"), a dot or a comma;
* one dot or comma followed by exactly three digits groups thousands in the language that
  groups with it ("1.500" in French, "1,500" in English) and is a decimal mark otherwise
  ("1,500" in French and "1.500" in English are one and a half), unless the number starts with
  0 ("0.500" is a half: nobody groups thousands after a zero);
* with both marks the last one is the decimal mark ("1.234,5", "1,234.5");
* one mark repeated groups thousands ("1.500.000", "1,500,000"), in groups of three.

A leaf module: no spaCy, nothing from the rest of facilitator.
"""

from __future__ import annotations

import math
import re
from typing import Any

GROUP_SPACES = " \u00a0\u202f\u2009'\u2019"
"""Characters that group thousands between digits besides a dot or a comma."""

_GROUP = "[" + re.escape(GROUP_SPACES) + ".,]"

DIGITS = re.compile(
    rf"(?<![\w.,/-])[-+]?\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d+)?(?![\d])"
    r"|(?<![\w.,/-])[-+]?\d+(?:[.,]\d+)?(?![\d])"
)
"""A number in running text, grouped or not: "1 500 000", "1.500", "1,500", "2,5", "-3".

Not right after a letter, a slash or a hyphen ("T3", "31/12", "COVID-19" are not amounts);
`parse_digits` reads what it matches."""

_THOUSANDS_MARK = {"fr": ".", "en": ","}
_NO_SPACES = str.maketrans(dict.fromkeys(GROUP_SPACES, None))
_SIGNS = {"-": -1.0, "\u2212": -1.0, "+": 1.0}


def parse_digits(text: str, lang: str) -> float | None:
    """The value of one written number (a sign, digits and separators), or None.

    '1 500 000' → 1500000, '2,5' → 2.5, '1,500' → 1500 in English and 1.5 in French, '1.500' →
    1500 in French and 1.5 in English, '1.500,5' and '1,500.5' → 1500.5, '-1 500' → -1500.
    A trailing mark is punctuation ("4." at the end of a sentence). None when the separators
    cannot be read ("1.50.0", "1,50,000").
    """
    body = text.strip()
    sign = 1.0
    if body[:1] in _SIGNS:
        sign, body = _SIGNS[body[0]], body[1:].lstrip()
    value = _unsigned(body.translate(_NO_SPACES).rstrip(".,"), lang)
    return None if value is None else sign * value


def _unsigned(body: str, lang: str) -> float | None:
    if body.isdecimal():
        return float(body)  # the common case: "30", "2026"
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if decimal == "," else ","
        body = body.replace(group, "").replace(decimal, ".")
    elif commas > 1 or dots > 1:
        groups = body.split("," if commas else ".")
        if not _thousands(groups):
            return None
        body = "".join(groups)
    elif commas or dots:
        mark = "," if commas else "."
        head, tail = body.split(mark)
        grouped = mark == _THOUSANDS_MARK.get(lang) and _thousands([head, tail])
        body = head + tail if grouped else f"{head}.{tail}"
    try:
        return float(body)
    except ValueError:
        return None


def _thousands(groups: list[str]) -> bool:
    """Whether digits split at a mark read as thousands: 1 to 3 digits, then groups of 3."""
    head = groups[0]
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in groups[1:])


# A space (of any kind) or an apostrophe between digits groups thousands only before exactly
# three digits: "1 500 000" is one number, "4 5" two.
_SPACED_GROUP = re.compile(rf"(?<=\d)[\s{re.escape(GROUP_SPACES)}]+(?=\d{{3}}(?!\d))")
_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212])?\s*(?P<digits>\d[\d.,]*)"
    r"(?:\s*(?P<mult>k|K|M|Md|Mds|Mrd|G|millions?|milliards?|thousands?)(?![A-Za-zÀ-ÿ]))?"
)
_MULTIPLIERS = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "M": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "Md": 1e9,
    "Mds": 1e9,
    "Mrd": 1e9,
    "G": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
}


def parse_number(value: Any, lang: str = "fr") -> float | None:
    """The one number in `value` ("4 %", "1 500 000 €", "2,5k€", "-3", 12), or None.

    A multiplier after the digits counts ("10 M€", "3 Md€", "2,5k"); a unit or a word does not
    ("50kg", "12 Mois"). None when there is no number or more than one ("de 4 à 2 %",
    "10-15 %", "31/12/2026"): a key result's progress is computed from it, and a wrong figure
    on a projected screen is worse than none.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    matches = list(_NUMBER.finditer(_SPACED_GROUP.sub("", value.strip())))
    if len(matches) != 1:
        return None
    match = matches[0]
    number = parse_digits(match["digits"], lang)
    if number is None:
        return None
    if match["mult"]:
        number *= _MULTIPLIERS[match["mult"]]
    return -number if match["sign"] in ("-", "\u2212") else number
