"""Deadlines and dates: the patterns that find "d'ici fin 2026", "by Q3", "this quarter",
"avant le lancement", "sur 2027-2031"; the fast search that tries them only where a deadline can
start; and the ISO date each one pins down (the end of the period it names).
"""

# Regular-expression tables read better unbroken.
# ruff: noqa: E501

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator

from facilitator.engine.extract.patterns import _FOLDER, _HAS_DIGIT, _word_tree
from facilitator.engine.lexicon import LANGS, word_table
from facilitator.engine.numbers import WORD_NUMBER

# Month name → its number, per language, in the order of lexicons/<lang>/extraction/months.tsv.
_MONTHS = {
    lang: {row["term"]: int(row["month"]) for row in word_table(lang, _FOLDER, "months")}
    for lang in LANGS
}
_MONTHS_FR, _MONTHS_EN = tuple(_MONTHS["fr"]), tuple(_MONTHS["en"])
_MONTH_NUM = _MONTHS["en"] | _MONTHS["fr"]
# A whole word: "10 Mar" is no date in "10 Marketing Ambassadors".
MONTH = (
    r"(?:" + "|".join(sorted(_MONTHS_FR + _MONTHS_EN, key=len, reverse=True)) + r")(?:\.|(?![\w-]))"
)
YEAR = r"(?:19|20)\d\d"
# Quarter and half-year tags: T3 (trimestre), Q3, S1 (semestre), H2, FY24, FY2026.
QTAG = r"(?:[tqsh][1-4]|fy ?(?:\d{4}|\d{2}))"
NUMDATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b"
# A day written out in English: "by April fifteenth", "the first of May", "May twenty-first".
_ORDINAL_WORDS = [
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth"),
]
_ORDINAL_DAYS = {w: n for n, w in enumerate(_ORDINAL_WORDS, 1)} | {"thirtieth": 30}
_ORDINAL_DAYS |= {
    f"{tens}-{w}": base + n
    for tens, base in (("twenty", 20), ("thirty", 30))
    for n, w in enumerate(_ORDINAL_WORDS[:9], 1)
}
ORDINAL = "(?:" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + ")"
_ORDINAL_IN = re.compile(rf"\b{ORDINAL}\b")
DAYMONTH = (
    rf"(?:\d{{1,2}}(?:er|st|nd|rd|th)?(?: of)? {MONTH}(?: {YEAR})?"
    rf"|{MONTH} \d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,? {YEAR})?"
    rf"|(?:the )?{ORDINAL} of {MONTH}(?: {YEAR})?|{MONTH} (?:the )?{ORDINAL}\b(?:,? {YEAR})?)"
)
PERIOD = (
    r"(?:l'année|l'annee|(?:de )?l'exercice|(?:du |de )?trimestre|(?:du |de )?semestre|"
    r"(?:de )?l'été|the (?:year|quarter|half|semester|month|fiscal year|summer)|year-end|"
    r"(?:l'|cette |this |next |the next |le prochain |ce )(?:année|trimestre|semestre|year|quarter|"
    r"half|mois|month)|prochain trimestre|mi-" + YEAR + "|"
    r"(?:le |au |the )?(?:printemps|été|automne|hiver|spring|summer|autumn|fall|winter)(?: "
    + YEAR
    + ")?|no[eë]l|christmas|la rentrée|les congés d'été|"
    # "le troisième trimestre", "the second half", "Q3" written out
    r"(?:the |le |du |au )?(?:premier|1er|deuxième|second|seconde|2e|troisième|3e|quatrième|4e|"
    r"first|third|fourth|1st|2nd|3rd|4th) (?:trimestre|semestre|quarter|half))"
)
_LEAD = (
    r"(?:d'ici (?:à )?(?:la |le |l')?(?:fin (?:de |du |d')?)?|avant (?:le |la |l'|fin (?:de |du )?)?|"
    r"au plus tard (?:le |en |fin )?|(?:à |a )?fin (?:de |du |d')?|en |au |pour (?:fin )?|dès |début |"
    r"by (?:the )?(?:end (?:of (?:the )?)?)?|before (?:the )?(?:end of )?|until |no later than |in |"
    r"(?:at |by )?(?:the )?end (?:of (?:the )?)?|during |within (?:the )?|due |for |"
    # "in early April", "by mid-March", "by late 2026", "d'ici mi-avril": a part of the month
    r"(?:(?:in|by|before|until|d'ici|avant) (?:the )?)?(?:early|mid|late)[ -]|"
    r"(?:d'ici |avant |en |à )?mi-|"
    # "Cible 2025 : 35 %", "Target 2026: 1,000": the year the target is for.
    r"(?:cible|target) |"
    # An event named by its month: "lors de la campagne d'octobre", "in the October survey".
    r"lors (?:de la |du |de l'|des )(?:[\w-]+ ){1,2}(?:de |d')|(?:in|at|during) the (?="
    + MONTH
    + r" [a-z])"
    r")"
)
# The current or the next period, which needs no lead: "this quarter", "ce trimestre",
# "(sur) le prochain trimestre", "l'année prochaine" ("this year's report" names a report).
# Where its first word is, it is tried on its own (see `_deadlines`): no other part of
# DEADLINE starts with those words. Its empty groups stand for DEADLINE's.
_CURRENT = (
    r"(?:(?:this|next|ce|cette|le prochain|la prochaine) "
    r"(?:fiscal year|quarter|year|half|semester|month|sprint|trimestre|semestre|année|annee|mois|"
    r"exercice)|(?:le |au |du )(?:trimestre|semestre|sprint|mois) prochain|"
    r"l'(?:année|annee|exercice) prochaine?|l'an prochain)(?:-ci)?(?!['’]s|[\w-])"
)
_NOW = re.compile(rf"{_CURRENT}(?P<lead>)(?P<alone>)(?P<dm>)")
_NOW_WORDS = frozenset(["this", "next", "ce", "cette", "le", "la", "du", "l'année", "l'annee"])
_NOW_WORDS_ALSO = frozenset(["l'exercice", "l'an"])
_NOW_START = _NOW_WORDS | _NOW_WORDS_ALSO
# The end of a period without "the": "by end of year", "fin d'année", "end of quarter". Alone
# (no lead) not after "de"/"of": "la clôture de fin d'année" is a process, not a date.
_END_OF = (
    r"(?:(?:(?:d'ici|avant|by|before|until|at) (?:la |the )?|(?<!de )(?<!of )(?<!d')(?<!the ))"
    r"(?:fin|end) (?:of (?:the )?|d'|de l'|de la |du |de )(?:fiscal year|year|quarter|half|"
    r"semester|année|annee|an|trimestre|semestre|exercice)\b"
    # "the previous year"; "the end of year review", "la fin d'année bonus": a process, a name
    r"(?! (?:précédente?|passée?|dernière|dernier|previous|prior|last|review|close|closing|"
    r"report|reporting|party|bonus|inventory|clôture|bilan|inventaire|prime|soirée|fête)\b)"
    r"|(?:d'ici|avant|by|before|until|at) (?:la |the )?(?:fin|end) (?:of (?:the )?|du |de la |de )"
    r"(?:month|sprint|mois))"
)
# A numbered week or sprint: "by Week 10", "d'ici la semaine 12", "before the end of sprint 4".
_WEEK_NUMBER = (
    r"(?:(?:by|before|until|no later than|d'ici|avant|pour|jusqu'à) (?:la |le |the )?"
    r"(?:(?:fin|end) (?:de la |du |de |of (?:the )?)?)?|(?:fin|end) (?:de la |du |de |of (?:the )?)?)"
    r"(?:week|semaine|sprint|itération|iteration) \d{1,2}\b"
)
# An event that dates the result: "before launch", "by automation ship date", "avant la mise en
# production", "d'ici le lancement".
_EVENT = (
    r"(?:before|by|ahead of|prior to|at|avant|d'ici|dès) (?:the |le |la |l'|our |notre )?"
    r"(?:(?:[\w-]+ ){0,2}(?:ship|launch|release|go-live|due) date|launch|go-live|go live|ga|"
    r"general availability|lancement|mise en (?:production|ligne|service)|sortie)(?![\w-])"
)
# A day and a month without the year, after a lead that makes it a date: "au 30/06",
# "avant le 15/09", "until 6/30" ("by 3/4", "au 1/3" are fractions: no "by", two digits last).
_DAY_MONTH = (
    r"(?:au|avant le|d'ici (?:le |au )?|jusqu'au|before|until|no later than|due) "
    r"(?P<dm>\d{1,2}/\d\d)(?![/\d])"
)
# A span of years: "sur 2027-2031", "over 2025–2027", "sur la période 2024-2027".
_YEAR_SPAN = (
    r"(?:sur|over|pour|for|during|pendant)(?: la période| the period)? "
    + YEAR
    + r" ?[-–—] ?"
    + YEAR
    + r"\b"
)
# "sur 5 ans", "sur trois années": a plan's horizon ("sur 12 mois glissants" is a window).
_OVER_YEARS = (
    r"sur (?:\d+|"
    + WORD_NUMBER.pattern.replace("(?<![\\w-])", "").replace("(?![\\w-])", "")
    + r") (?:ans|années|annees)\b(?! glissant)"
)
_RELATIVE = (
    r"(?:d'ici|dans|sous|en|within|in|(?:over|in|within) the (?:next|coming)|dans les|au cours des"
    r"|sur les) (?:\d+|"
    + WORD_NUMBER.pattern.replace("(?<![\\w-])", "").replace("(?![\\w-])", "")
    + r") (?:prochain(?:e)?s )?"
    r"(?:mois|ans|années|annees|trimestres|semestres|months?|years?|quarters?)\b"
    # "within 3 months of signup", "dans les 3 mois suivant l'inscription": a window
    r"(?! (?:of|after|following|from|since|suivant|suivants|après|à compter|à partir))"
)
# The lead ("d'ici", "avant", "by the end of" …) is tried once per position, then the date
# itself; a month or a year alone only counts with a lead ("en 2026", not "CA 2026").
_CORE = (
    rf"(?P<lead>{_LEAD})?(?:{NUMDATE}|{DAYMONTH}|{QTAG}(?:[ -]{YEAR})?\b|{MONTH} {YEAR}\b"
    rf"|(?P<alone>{MONTH}\b|{YEAR}\b))"
    rf"|(?:d'ici(?: à)?|avant|by|before|at) (?:la |the )?(?:fin |end )(?:de |du |d'|of (?:the )?)?"
    rf"{PERIOD}"
    rf"|(?:d'ici|avant|by|before|en|in|au|pour|during|within|au cours(?: de)?) {PERIOD}\b"
    rf"|\b(?:eoy|eoq|year-end)\b(?: {YEAR})?"
    rf"|{_RELATIVE}"
)
# A date left for the room to fill, as the coach's proposals write it: "d'ici [date]".
_BLANK_DATE = r"(?:d'ici|avant|by|before|until) (?:le |the )?\[(?:date|échéance|deadline)\]"
_MORE = (
    rf"{_CURRENT}|{_WEEK_NUMBER}|{_END_OF}|{_EVENT}|{_DAY_MONTH}|{_YEAR_SPAN}|{_OVER_YEARS}"
    rf"|{_BLANK_DATE}"
)
DEADLINE = re.compile(rf"(?<![\w'])(?:{_CORE}|{_MORE})")
# The same in two parts: the second only starts with a few lead words (see `_deadlines`), so
# most positions are spared it. The empty groups stand for the other part's.
_DEADLINE_CORE = re.compile(rf"(?<![\w'])(?:{_CORE})(?P<dm>)")
_DEADLINE_MORE = re.compile(rf"(?<![\w'])(?:{_MORE})(?P<lead>)(?P<alone>)")
_MORE_STARTS = frozenset(
    [
        *("by", "before", "until", "no", "due", "at", "ahead", "prior", "for", "over", "during"),
        *("d'ici", "avant", "pour", "jusqu'à", "jusqu'au", "fin", "end", "dès", "au"),
        *("sur", "pendant"),
    ]
)


# Words without which no deadline pattern can match (digits aside): the hint's vocabulary.
_DEADLINE_WORDS = frozenset(
    [
        *_MONTH_NUM,
        # relative deadlines: "d'ici trois ans", "within two quarters"
        "ans",
        "années",
        "annees",
        "years",
        "trimestres",
        "semestres",
        "quarters",
        "fin",
        "end",
        "année",
        "annee",
        "trimestre",
        "semestre",
        "year",
        "quarter",
        "été",
        "summer",
        "mois",
        "month",
        "months",
        "eoy",
        "eoq",
        "noël",
        "noel",
        "christmas",
        "printemps",
        "automne",
        "hiver",
        "spring",
        "autumn",
        "fall",
        "winter",
        "rentrée",
        "congés",
        "l'année",
        "l'été",
        "exercice",
        "half",
        "semester",
        "mi",
        # "ce sprint", "l'an prochain"
        "sprint",
        "prochain",
    ]
)
# The words of an event that dates a result ("before launch", "avant la mise en production"):
# without one of these, a lead word needs a date word or a digit after it.
_EVENT_WORDS = frozenset(
    [
        *("launch", "lancement", "ship", "release", "live", "ga", "availability", "production"),
        *("ligne", "service", "sortie", "date"),
    ]
)
_DELAY_END = re.compile(r"\d ?(?:h|heures?|jours?|j|days?|hours?)$")


# Every deadline starts with one of these words, a digit or a quarter tag ("t3", "fy24"):
# DEADLINE is tried only there, not at every position of the draft.
_DEADLINE_STARTS = frozenset(
    [
        *_MONTH_NUM,
        "d'ici",
        "avant",
        "au",
        "à",
        "a",
        "fin",
        "en",
        "pour",
        "dès",
        "début",
        "cible",
        "target",
        "by",
        "before",
        "until",
        "no",
        "in",
        "at",
        "the",
        "end",
        "during",
        "within",
        "due",
        "for",
        "dans",
        "sous",
        "over",
        "eoy",
        "eoq",
        "year-end",
        # an event: "ahead of launch", "prior to go-live"
        "ahead",
        "prior",
        "jusqu'au",
        "jusqu'à",
        "lors",
    ]
)
_SPAN_WORDS = frozenset(["sur", "pendant"])
_ARTICLES = frozenset(["le", "la", "du"])
_NOW_HINTS = frozenset(["this", "next", "ce", "cette", "prochain", "prochaine"])
_NEXT_HINTS = frozenset(["prochain", "prochaine"])
_YEARS_WORDS = frozenset(["ans", "années", "annees"])


@functools.lru_cache(maxsize=8)
def _deadline_start(now: bool, articles: bool, span: bool) -> tuple[re.Pattern[str], ...]:
    """The words a deadline can start with: its lead ("d'ici", "by"), a month or period, a
    quarter tag ("t3", "fy26") or a number. Found by one scan rather than a walk over every word.
    The words of the current period ("this", "ce"; "le" only before "prochain") and of a span
    of years ("sur", "pendant") join only in drafts that have them: they are common words.

    Two patterns, the word in group 1: the first for the text's start, the second for a word
    after the character that ends the one before. That character comes first so that re skips
    from one to the next; a look-behind first would be tried at every character."""
    words = set(_DEADLINE_STARTS)
    if now:
        words |= (_NOW_WORDS | _NOW_WORDS_ALSO) - _ARTICLES
    if articles:
        words |= _ARTICLES
    if span:
        words |= _SPAN_WORDS
    word = (
        r"((?:"
        + _word_tree(words)
        + r"|fy[\w'-]*|[tqsh][1-4]|\d[\w'-]*)(?![\w'-])|[tqsh][1-4](?=-\d))"  # "q3-2026"
    )
    return re.compile(word), re.compile(r"[^\w'-]" + word)


def _start_words(
    starts: tuple[re.Pattern[str], ...], lowered: str, start_at: int
) -> Iterator[tuple[int, str]]:
    """Where each word of `starts` begins in `lowered` from `start_at` (a word's start), and
    the word."""
    first, after_gap = starts
    pos = start_at - 1  # the space before the word at `start_at`
    if start_at == 0:
        pos = 0
        if m := first.match(lowered):
            pos = m.end()
            yield 0, m.group(1)
    for m in after_gap.finditer(lowered, pos):
        yield m.start(1), m.group(1)


_DEADLINE_START = _deadline_start(False, False, False)
# A number can start a deadline only as a year, a numeric date or a day before a month.
_DATE_DIGITS = re.compile(rf"(?:19|20)\d\d\b|\d{{1,4}}[/-]\d|\d{{1,2}}(?:er|st|nd|rd|th)? {MONTH}")


def _deadlines(
    text: str, lowered: str, words: frozenset[str], date_words: bool, events: bool, anchor: int
) -> Iterator[re.Match[str]]:
    """What DEADLINE.finditer(text) finds, trying the pattern only where a deadline can start.

    `words`: the draft's words (lower case), which say which start words to look for.
    `date_words`: the draft has a month or period word; without one, a deadline needs digits
    (or, after "before", "avant" …, an event word: `events`).
    `anchor`: the first digit or date word; a deadline's lead starts at most a few words before.
    """
    now = date_words and not words.isdisjoint(_NOW_HINTS)
    articles = now and not words.isdisjoint(_NEXT_HINTS)
    span = not words.isdisjoint(_SPAN_WORDS)
    starts = _deadline_start(now, articles, span) if now or span else _DEADLINE_START
    done = 0
    start_at = lowered.rfind(" ", 0, max(0, anchor - 40)) + 1  # at a word's start
    for start, word in _start_words(starts, lowered, start_at):
        if start < done:
            continue
        if lowered[start].isdigit():
            if not _DATE_DIGITS.match(lowered, start):
                continue  # "30 %", "15 jours": an amount, not a date
        elif now and word in _NOW_START:
            # "this quarter", "le prochain trimestre": only the current or next period
            if m := _NOW.match(lowered, start):
                done = m.end()
                yield m
            continue
        elif (
            not date_words
            and not _HAS_DIGIT.search(lowered, start, start + 40)
            and not (events and word in _MORE_STARTS)
        ):
            continue  # a lead word ("en", "by") with no date after it
        elif (
            span
            and word in _SPAN_WORDS
            and not (_HAS_DIGIT.search(lowered, start, start + 30) or words & _YEARS_WORDS)
        ):
            continue  # "sur le site": no span of years
        m = _DEADLINE_CORE.match(lowered, start)
        if m is None and word in _MORE_STARTS:
            m = _DEADLINE_MORE.match(lowered, start)
        if m:
            done = m.end()
            yield m


# A date right after these words is the period a baseline refers to, not a deadline:
# "par rapport à T2 2025", "vs Q2 2025", "compared with end of 2025", "(base T1 2025)".
# Words without which no date is a baseline's period (the draft's words, lower case).
_PERIOD_WORDS = frozenset(
    [
        "rapport",
        "vs",
        "versus",
        "contre",
        "relative",
        "against",
        "than",
        "base",
        "baseline",
        "référence",
        "reference",
        "compared",
        "comparing",
        "comparé",
        "comparée",
        "comparés",
        "comparées",
        "comparativement",
    ]
)
_BASELINE_PERIOD = re.compile(
    r"(?:(?:\bpar rapport|\bcompar(?:é|ée|és|ées|ativement|ed|ing)s?|\brelative)"
    r" (?:à |a |au |aux |with |to |against )|\bvs\.? ?|\bversus |\bcontre |\bagainst "
    r"|(?<!later )(?<!earlier )(?<!sooner )\bthan )"
    r"(?:(?:le |la |l'|les |the )?(?:fin |début |end |start |beginning )?"
    r"(?:de |du |d'|des |of (?:the )?)?)?(?:in |en |au |à |at )?$"
    r"|(?:^|[(,;:] ?|\b)(?:base(?:line)?|référence|reference)(?: ?: ?| )$"
)


_PERIOD_LEAD = re.compile(r"^(?:en|in|au|à|a|at|the|for|pour) ", re.IGNORECASE)


def _is_baseline_period(lowered: str, m: re.Match[str]) -> bool:
    window = lowered[max(0, m.start() - 32) : m.start()]
    return _BASELINE_PERIOD.search(window + (m.group("lead") or "")) is not None


_MONTH_IN = re.compile(r"\b(" + "|".join(sorted(_MONTH_NUM, key=len, reverse=True)) + r")\b")
_DAY_BEFORE = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?(?: of)? $")
_DAY_AFTER = re.compile(r"\.? (\d{1,2})(?:st|nd|rd|th)?\b")


_YEAR_IN = re.compile(YEAR + r"\b")
_NUMDATE_IN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_ISODATE_IN = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FY_IN = re.compile(r"fy ?(\d{4}|\d{2})")
_QUARTER_IN = re.compile(r"\b([tqsh])([1-4])\b")


@functools.lru_cache(maxsize=1024)  # the same few deadlines come back draft after draft
def _date_of(text: str) -> str | None:
    low = text.lower()
    if "th" in low or "st" in low or "nd" in low or "rd" in low:
        low = _ORDINAL_IN.sub(lambda m: str(_ORDINAL_DAYS[m.group()]), low)
    if "/" in low and (m := _NUMDATE_IN.search(low)):
        y = int(m.group(3))
        return _safe_date(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))
    if "-" in low and (m := _ISODATE_IN.search(low)):
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if "fy" in low and (fy := _FY_IN.search(low)):
        y = int(fy.group(1))
        return f"{y + 2000 if y < 100 else y}-12-31"
    years = _YEAR_IN.findall(low)
    if not years:
        return None
    year = int(years[-1])  # "sur 2027-2031": the span's end
    q = _QUARTER_IN.search(low)
    if q:
        n = int(q.group(2))
        last = n * 3 if q.group(1) in "tq" else min(n, 2) * 6
        return _safe_date(year, last, calendar.monthrange(year, last)[1])
    month = _MONTH_IN.search(low)
    if month:
        num = _MONTH_NUM[month.group(1)]
        day = _DAY_BEFORE.search(low, 0, month.start()) or _DAY_AFTER.match(low, month.end())
        if day:
            return _safe_date(year, num, int(day.group(1)))
        return _safe_date(year, num, calendar.monthrange(year, num)[1])
    if "mi-" in low:
        return f"{year}-06-30"
    return f"{year}-12-31"


def _day_month(text: str, lang: str) -> bool:
    """ "30/06" is a day and a month (in English "6/30" too)."""
    a, b = (int(n) for n in text.split("/"))
    return (1 <= a <= 31 and 1 <= b <= 12) or (lang == "en" and 1 <= a <= 12 and 1 <= b <= 31)


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        calendar.monthrange(year, month)
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None
