"""Workshop dates: read as the room types them, stored as ISO 8601, shown in the session's language.

    parse_date("04/12/2026")          → date(2026, 12, 4)    day before month (fr, en-GB)
    parse_date("4 décembre 2026")     → date(2026, 12, 4)    month names in French or English
    parse_date("December 4, 2026")    → date(2026, 12, 4)
    iso_date("04/12/2026")            → "2026-12-04"         what a session stores
    iso_date("fin du trimestre")      → "fin du trimestre"   not a date: kept as typed
    date_words("2026-12-04", "fr")    → "4 décembre 2026"    what the room and the client read
    date_words("2026-12-01", "fr")    → "1er décembre 2026"

A date typed before dates were stored ("04/12/2026" in an older session file) is shown in
words too: everything that shows a date goes through `date_words`, which parses first.

Headless, no dependency: the set-up screen, the review and the minutes share it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def _fold(text: str) -> str:
    """Lower case without accents: "Décembre" → "decembre"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _month_names() -> dict[str, int]:
    """Full names and abbreviations ("déc.", "Dec", "sept.", "janv."); an abbreviation two
    months share ("jui": juin or juillet) names neither."""
    names: dict[str, int] = {}
    shared: set[str] = set()
    for months in MONTHS.values():
        for number, name in enumerate(months, 1):
            folded = _fold(name)
            names[folded] = number
            for short in (folded[:3], folded[:4]):
                if names.get(short, number) != number:
                    shared.add(short)
                names.setdefault(short, number)
    for short in shared:
        del names[short]
    names["juil"] = 7
    return names


_MONTH_NUMBER = _month_names()
_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?")
_MONTH = r"([a-z]{3,9})\.?"
_DAY = r"(\d{1,2})(?:er|re|st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"{_DAY} {_MONTH},? (\d{{4}})")  # 4 décembre 2026, 4th Dec 2026
_MONTH_DAY = re.compile(rf"{_MONTH} {_DAY},? (\d{{4}})")  # December 4, 2026
_LEAD = re.compile(rf"^(?:(?:le|the|on)\s+)?(?:(?:{_WEEKDAYS})\.?,?\s+)?(?:(?:le|the)\s+)?")


def parse_date(text: str, lang: str = "fr", today: date | None = None) -> date | None:
    """The date `text` names, or None.

    ISO ("2026-12-04"); day, month, year with / . or - ("04/12/2026", "4.12.26"; a missing year
    is this year's); a day and a month name in French or English, with or without the weekday
    ("jeudi 4 décembre 2026", "1er déc. 2026", "4 December 2026", "December 4, 2026"). The day
    comes before the month, as in France and in British English; in English, "12/31/2026"
    (which can only be month first) is read as such.
    """
    raw = " ".join(text.split()).strip()
    if not raw:
        return None
    try:
        match = _ISO.fullmatch(raw)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = _NUMERIC.fullmatch(raw)
        if match:
            day, month = int(match[1]), int(match[2])
            if lang == "en" and month > 12 >= day:
                day, month = month, day
            if match[3]:
                year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            else:
                year = (today or date.today()).year
            return date(year, month, day)
        folded = _LEAD.sub("", _fold(raw))
        match = _DAY_MONTH.fullmatch(folded)
        if match:
            day, name, year = int(match[1]), match[2], int(match[3])
        else:
            match = _MONTH_DAY.fullmatch(folded)
            if not match:
                return None
            name, day, year = match[1], int(match[2]), int(match[3])
        number = _MONTH_NUMBER.get(name)
        return date(year, number, day) if number else None
    except ValueError:  # 31/02, month 13
        return None


def iso_date(text: str, lang: str = "fr", today: date | None = None) -> str:
    """`text` as an ISO date when it names one, else as typed (stripped): nothing is lost."""
    day = parse_date(text, lang, today)
    return day.isoformat() if day is not None else text.strip()


def date_words(value: str, lang: str = "fr") -> str:
    """A date in words in `lang` ("4 décembre 2026", "1er mai 2026", "4 December 2026"); a value
    that names no date comes back as it is ("fin du trimestre", "T3 2026")."""
    day = parse_date(value, lang) if value else None
    if day is None:
        return value
    months = MONTHS.get(lang, MONTHS["fr"])
    if lang == "en":
        return f"{day.day} {months[day.month - 1]} {day.year}"
    return f"{'1er' if day.day == 1 else day.day} {months[day.month - 1]} {day.year}"
