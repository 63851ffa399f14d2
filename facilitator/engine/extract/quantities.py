"""Figures in a draft: numbers written in digits or words, percentages, money, durations,
scores ("4,5/5"), multipliers ("doubler", "x2"), zero ("zéro incident"), placeholders ("X %"),
names that hold a number ("ISO 27001", "Windows 11"), and the units and counted nouns after
them ("300 visites par mois").

Over 500 lines: each reader is small, but they share the unit and scale patterns and the
word lists that say where a figure can be; split further, they would import each other.
"""

# Regular-expression tables read better unbroken.
# ruff: noqa: E501

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from facilitator.engine.extract.model import Quantity
from facilitator.engine.extract.patterns import _FOLDER, _ending, _hint
from facilitator.engine.lexicon import word_set
from facilitator.engine.numbers import (
    DIGITS,
    NUMBER_WORDS,
    WORD_NUMBER,
    parse_digits,
)

if TYPE_CHECKING:
    from facilitator.engine.extract.model import Extraction


# Units glued to or following a number.
_UNIT = (
    r"(?:%|pts?\b|points?\b|p\.p\.|pp\b|[kKM]€|Md€|Mds€|€|\$|£|k\$|M\$|"
    r"(?:euros?|dollars?|EUR|USD|GBP)\b|"
    r"(?:k|K|M|Md|Mds|Mrd|bn|B|m)(?= ?(?:€|\$|£|euros?|EUR|USD)|\b)|"
    r"(?:millions?|milliards?|billions?|thousand|mille)\b(?: d'euros| de dollars| euros| dollars)?|"
    r"(?:(?:working |business |calendar )?(?:jours?|days?)(?: ouvrés| ouvrables| calendaires)?|"
    r"j|h|heures?|hours?|hrs?|min|minutes?|sec|secondes?|seconds?|ms|s(?![\w'’])|"
    r"semaines?|weeks?|sprints?|itérations?|iterations?|mois|months?|ans|années|years?)\b)"
)
# "150 leads par mois", "3 releases / week": a rate is part of the unit.
_PER = r"(?: ?(?:par|per|/|a|an|each) ?(?:jour|semaine|mois|an|année|trimestre|day|week|month|year|quarter)\b)"
_TIME_UNITS = {
    "j",
    "jour",
    "jours",
    "h",
    "heure",
    "heures",
    "hour",
    "hours",
    "hr",
    "hrs",
    "min",
    "minute",
    "minutes",
    "sec",
    "seconde",
    "secondes",
    "second",
    "seconds",
    "ms",
    "s",
    "day",
    "days",
    "semaine",
    "semaines",
    "week",
    "weeks",
    "sprint",
    "sprints",
    "itération",
    "itérations",
    "iteration",
    "iterations",
    "release",  # "within one release": a release cycle
    "releases",
}
_UNIT_AFTER = re.compile(rf" ?{_UNIT}(?: ?{_UNIT})?{_PER}?")
_PER_AFTER = re.compile(_PER)
# A currency in a unit ("k€", "millions d'euros", "USD"); not the "eur" of "heures".
_MONEY_UNIT = re.compile(r"[€$£]|\b(?:euros?|dollars?|eur|usd|gbp)\b")
_SCALE = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "m": 1e6,
    "Md": 1e9,
    "Mds": 1e9,
    "Mrd": 1e9,
    "bn": 1e9,
    "B": 1e9,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "thousand": 1e3,
    "mille": 1e3,
}

MULTIPLIER = re.compile(
    r"(?<![\w])(?:x ?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)? ?x(?![\w])|"
    r"(?:doubl|tripl|quadrupl|décupl|decupl)(?:ements?|er|é|ée|és|ées|e|es|ons|ez|ent|ant|ing|ed|d)?|"
    r"double|triple|quadruple|"
    r"(?:divis(?:er|é|ée|és|ées|e|ons|ant)|divided|cut|reduced?) (?:par|by) (?:\d+(?![\d.,%]| ?%)|deux|trois|"
    r"quatre|cinq|dix|two|three|four|five|ten|half)|"
    r"halv(?:e|ed|ing)|in half|de moitié|by half|(?:\d+|two|three)-fold|"
    r"by (?:a|one) (?:third|quarter|fifth)|d'un (?:tiers|quart|cinquième))(?![\w])"
)
ZERO = re.compile(r"(?<![\w])(?:z[ée]ro|0|aucune?|no|nul(?:le)?)(?= (?!de\b|d'|of\b)[\w'])")
PLACEHOLDER = re.compile(r"(?<![\w])(?:X{1,3}|Y|Z|N{1,2})(?![\w])(?: ?%| ?€| ?pts?\b)?")
SCORE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) ?(?:/ ?|sur |out of )(5|10|20|100)(?![\d/])")
NAME_NUMBER = re.compile(
    r"(?<![\w])(?:24/7|7/7|24h/24|24 ?h ?/ ?24|365 ?j(?:ours)?|"
    r"(?:ISO|IEC|NF|EN|RGPD|GDPR|SOC|PCI|HDS|BPF|GMP|ICH|IFRS|ISAE|"
    r"versions?|releases?|norme|standard|niveau de maturité|phase|étape|lot|vague|wave|stage|"
    r"sprint|article|chapitre|chapter|annexe|appendix|v|V|ligne|line|n°|no\.|numéro|number|"
    r"bâtiment|building|salle|room|étage|floor|batch|gate|porte|quai|dock|plan|horizon|top)"
    r"(?: |-)?\d+(?:[.:-]\d+)*(?: ?/ ?\d+)?"
    # A capitalised name followed by a number: "Windows 11", "Office 365", "Horizon 2030".
    r"|(?:[A-Z][a-z]+|i[A-Z][a-z]+) \d+(?:\.\d+)?(?! ?(?:%|€|k€|M€|pts?\b|[.,]\d)))"
    r"(?![\w])"
)
_VERSION_OR_OWNER = re.compile(
    r"(?<![\w.,])(?:\d+\.\d{1,2}\.\d{1,3}(?![\d.])|\d+(?=['’]s\b))(?![\w])"
)


_CONDITION_BEFORE = (
    "sous",
    "en moins de",
    "en",
    "within",
    "in under",
    "in less than",
    "in",
    "under",
    "dans les",
    "dans un délai de",
    "avec un délai de",
    "d'un délai de",
    "avec",
    "en maximum",
    "max",
    "moins de",
    "less than",
    "en moins d'",
    "dans un délai d'",
)


_STOP_AFTER_YEAR = word_set(_FOLDER, "words-after-a-year")


# NAME_NUMBER needs one of these words (lower-cased), a "/" ("24/7"), "365" or a capital
# right before a number ("ISO 27001", "Windows 11"): most drafts have none, and the pattern,
# which starts with a look-behind, would otherwise be tried at every character.
_NAME_WORDS = frozenset(
    [
        "version",
        "versions",
        "release",
        "releases",
        "norme",
        "standard",
        "niveau",
        "phase",
        "étape",
        "lot",
        "vague",
        "wave",
        "stage",
        "sprint",
        "article",
        "chapitre",
        "chapter",
        "annexe",
        "appendix",
        "v",
        "ligne",
        "line",
        "n",
        "no",
        "numéro",
        "number",
        "bâtiment",
        "building",
        "salle",
        "room",
        "étage",
        "floor",
        "batch",
        "gate",
        "porte",
        "quai",
        "dock",
        "plan",
        "horizon",
        "top",
    ]
)
# A capital before a number ("Windows 11", "ISO 27001", "V2"), not a quarter tag ("T3", "Q2").
# The capital comes first in the pattern, so re scans for it fast.
_CAPITAL_NUMBER = re.compile(r"[A-Z](?:[a-z]+ |[A-Z]+[ -]?|(?<=V)[ -]?)\d")
# The draft's words that may start or hold a number written out; "one million" counts.
_NUMBER_WORDS = (frozenset(NUMBER_WORDS) - {"et", "and"}) | {
    *("million", "millions", "milliard", "milliards", "billion", "billions"),
}


# Word beginnings without which MULTIPLIER cannot match (besides "x2"/"2x", tested apart).
_MULTIPLIER_STEMS = (
    "doubl",
    "tripl",
    "quadrupl",
    "décupl",
    "decupl",
    "divi",
    "cut",
    "reduc",
    "halv",
    "half",
    "moiti",
    "fold",
    "tiers",
    "quart",
    "third",
    "quarter",
    "fifth",
)
_MULTIPLIER_STEM = _hint(_MULTIPLIER_STEMS)
_ZERO_WORDS = frozenset({"zéro", "zero", "aucun", "aucune", "nul", "nulle"})


_WORD_NUMBER = re.compile(WORD_NUMBER.pattern)  # on the lower-cased draft: no IGNORECASE


_DIGIT_RUN = re.compile(r"\d+")  # faster to scan for than "[-+]?\d+": a sign is looked at apart


# "10-15": the high end of a range after a hyphen (DIGITS refuses a number glued to a hyphen);
# not after a year ("2025-2026" is a period, "T3-2026" a quarter).
_RANGE_LOW_END = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d-)\d{1,4}(?:[.,]\d+)? ?%?-$")
_RANGE_HIGH_END = re.compile(r"\d{1,3}(?:(?: |\.|,)\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?(?!\d)")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """What DIGITS.finditer(text) finds: DIGITS starts with a look-behind, which keeps re from
    skipping ahead to the digits, so the digits are found first and DIGITS is tried there."""
    done = 0
    for c in _DIGIT_RUN.finditer(text):
        start = c.start()
        signed = start > 0 and text[start - 1] in "+-"
        if signed:
            start -= 1
        if start < done:
            continue
        if (
            signed
            and text[start] == "-"
            and _RANGE_LOW_END.search(text, max(0, start - 8), start + 1)
        ):
            m = _RANGE_HIGH_END.match(text, start + 1)  # "10-15 %", "24-48 h": a range
        else:
            m = DIGITS.match(text, start)
            if m is None and signed:  # "J+5": the sign belongs to the word before
                m = DIGITS.match(text, start + 1)
        if m:
            done = m.end()
            yield m


_CURRENCY_BEFORE = re.compile(r"(?<![\w$£€])(?:US|CA|AU|A)?([$£€]) ?$")
_YEAR_DASH_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d ?[-–—/] ?$")
_ARTICLE_BEFORE = re.compile(r"(?:\bthe|\bla|\ble|l'|\bdu|\bin|\ben|\bfor|\bpour) $", re.I)


def _read_number(
    text: str,
    start: int,
    end: int,
    raw: str,
    lang: str,
    out: Extraction,
    taken: list[tuple[int, int]],
) -> None:
    after = text[end : end + 1]
    if after.isalpha() and after not in "x" and not _UNIT_AFTER.match(text, end):
        return  # "5G", "3D", "B2B": a name, not an amount
    if after == "-" and text[end + 1 : end + 2].isalpha():
        return  # "30-day readmission rate", "a 5-point scale": a qualifier
    value = parse_digits(raw, lang)
    q = _with_unit(text, Quantity(start, end, raw, value), lang)
    if (
        start
        and (text[start - 1] in "$£€" or (start > 1 and text[start - 2] in "$£€"))
        and (cur := _CURRENCY_BEFORE.search(text, max(0, start - 4), start))
    ):
        # "$1 million", "£2.5M": the currency comes first; the amount is money all the same.
        symbol = cur.group(1)
        q.start = cur.start()
        q.text = text[q.start : q.end]
        q.unit = f"{symbol} {q.unit}" if q.unit and symbol not in q.unit else q.unit or symbol
        q.kind = "money"
    if (
        len(raw) == 4
        and raw[:2] in ("19", "20")
        and raw.isdigit()
        and not q.unit
        and (
            _reads_as_year(text, q.end)
            or _ARTICLE_BEFORE.search(text, 0, start)
            or _YEAR_DASH_BEFORE.search(text, max(0, start - 7), start)  # "2025–2026"
        )
    ):
        q.role = "year"
    out.quantities.append(q)
    taken.append((q.start, q.end))


# "300 visites par mois", "3 releases / week": a counted noun and a rate make a unit (a rate);
# a counted noun alone does not ("40 000 abonnés": the target is 40 000, the metric "abonnés").
_COUNTED_RATE = re.compile(rf" ([a-zà-ÿ][\w'-]+)(?: [a-zà-ÿ][\w'-]*){{0,2}}?{_PER}")
_NOT_COUNTED = word_set(_FOLDER, "not-counted")


def _with_unit(text: str, q: Quantity, lang: str) -> Quantity:
    m = _UNIT_AFTER.match(text, q.end) or _PER_AFTER.match(text, q.end)
    if (
        m is None
        and (c := _COUNTED_RATE.match(text, q.end)) is not None
        and c.group(1) not in _NOT_COUNTED
        and not c.group(1).startswith(("l'", "d'"))
    ):
        q.noun = c.start(1)
        q.unit = text[c.start(1) : c.end()]
        q.end = c.end()
        q.text = text[q.start : q.end]
    elif m:
        unit = m.group().strip()
        q.unit = unit
        q.end = m.end()
        q.text = text[q.start : q.end]
        low = unit.lower()
        head = unit.split()[0] if unit else ""
        scale = _SCALE.get(head.rstrip("€$"))
        if scale and q.value is not None:
            q.value *= scale
        if "%" in unit:
            q.kind = "percent"
        elif _MONEY_UNIT.search(low) or low.rstrip("€$ ") in ("k", "m", "md", "mds"):
            q.kind = "money"
        elif _is_time(low) or low.split()[0] in (
            "mois",
            "month",
            "months",
            "ans",
            "années",
            "year",
            "years",
        ):
            q.kind = "duration"
        elif low.startswith(("pt", "point", "p.p", "pp")):
            q.kind = "points"
            q.relative = True  # "gagner 3 points": a change, whatever the starting level
    before = text[max(0, q.start - 1) : q.start]
    if (before in "+-" and before) or q.text[:1] in "+-":
        q.relative = True
    return q


def _is_time(unit: str) -> bool:
    """ "h", "jours ouvrés", "working days": a duration unit, whatever its qualifier."""
    return any(word in _TIME_UNITS for word in unit.split())


_NEXT_WORD = re.compile(r" ([a-zà-ÿ']+)")
_NOUN_NEXT = re.compile(r" (?!de\b|et\b|and\b|of\b|à\b|to\b)[a-zà-ÿ]{3,}")
_WORD_NEXT = re.compile(r" [a-zà-ÿ]{3,}")


def _reads_as_year(text: str, end: int) -> bool:
    nxt = _NEXT_WORD.match(text, end)
    # "2026 pour …", "Faire de 2026 l'année de …": a year; "2026 clients": a count.
    return not nxt or nxt.group(1) in _STOP_AFTER_YEAR or nxt.group(1).startswith(("l'", "d'"))


def _followed_by_noun(text: str, end: int) -> bool:
    return bool(_NOUN_NEXT.match(text, end))


def _zero_counts(text: str, m: re.Match[str]) -> bool:
    word = m.group().lower()
    if word in ("no", "aucun", "aucune", "nul", "nulle"):
        # "aucun incident", "zero defects" are targets; "no" only in "no more than …" style
        # sentences is too weak to count, and "aucun" must be followed by a noun.
        if word == "no":
            return False
        return bool(_WORD_NEXT.match(text, m.end()))
    return True


# One of a time unit is a figure: "within one week", "sous une semaine", "to one hour"; "a"
# and "un" only after the words of a threshold ("within a day", "en moins d'une heure").
_ONE_BEFORE = re.compile(r"(?<![\w-])(one|an?|une?) (?:business |working )?$")
# "at least once", "twice a year", "une fois par mois": a count all the same.
_TIMES = re.compile(
    r"(?<![\w'-])(?:(once|twice|thrice)(?= (?:a|an|per|every|each) (?:day|week|month|quarter|"
    r"year|sprint|release|semester|half|fortnight|business day|working day)\b)|"
    r"(une fois)(?= (?:par|tous les|toutes les|chaque) (?:jour|semaine|mois|trimestre|an|année|"
    r"sprint|semestre|quinzaine|release|version)s?\b)|"
    r"(?<=at least )(once|twice)\b|(?<=au moins )(une fois)\b)"
)
# "Hire one analyst", "run one workshop": "one" after a verb that counts.
_ONE_COUNTED = re.compile(r"(?<![\w'-])one (?!of\b|or\b|and\b|more\b|another\b)[a-z]")
_ONE_WORDS = frozenset(["one", "once", "twice", "thrice", "fois"])
# Without a time unit word, "a"/"un" need not be looked at: most drafts have none.
# (singular: "one", "un" come before "week", "jour"; "jours" has a number before it)
_ONE_UNITS = frozenset(
    [
        *("hour", "day", "week", "minute", "second", "sprint", "release", "iteration", "heure"),
        *("jour", "journée", "semaine", "seconde", "itération"),
    ]
)
_TIMES_VALUE = {"once": 1.0, "une fois": 1.0, "twice": 2.0, "thrice": 3.0}
_TIMES_WORDS = frozenset(["once", "twice", "thrice", "fois"])
_ONE_ANY = _ONE_WORDS | _ONE_UNITS


def _read_one(
    text: str,
    lowered: str,
    words: frozenset[str],
    lang: str,
    out: Extraction,
    taken: list[tuple[int, int]],
) -> None:
    """ "within one week", "at least once", "Hire one analyst": a figure written as a word that
    NUMBER_WORDS leaves out ("un", "une", "one" are mostly articles)."""
    found: list[Quantity] = []
    for unit in words & _ONE_UNITS:  # found from the unit: a scan for "a" would be slow
        at = lowered.find(unit)
        while at > 1:
            end = at + len(unit)
            if (
                lowered[at - 1] == " "
                and lowered[at - 2].isalpha()  # "30 jours": no word before
                and (m := _ONE_BEFORE.search(lowered, max(0, at - 18), at))
                and not lowered[end : end + 1].isalnum()
            ):
                start = m.start(1)
                if m.group(1) == "one" or _ending(
                    lowered[max(0, start - 28) : start], _CONDITION_BEFORE
                ):
                    # "within one week", "en moins d'une heure"; not "une semaine de formation"
                    unit_text = text[m.end(1) + 1 : end]
                    found.append(Quantity(start, end, text[start:end], 1.0, unit_text, "duration"))
            at = lowered.find(unit, end)
    for m in _TIMES.finditer(lowered) if not words.isdisjoint(_TIMES_WORDS) else ():
        value = _TIMES_VALUE[m.group()]
        found.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], value))
    if lang == "en" and "one " in lowered:
        for m in _ONE_COUNTED.finditer(lowered):
            before = lowered[max(0, m.start() - 16) : m.start()].split()
            if before and before[-1] in _COUNT_VERBS:
                found.append(
                    Quantity(m.start(), m.start() + 3, text[m.start() : m.start() + 3], 1.0)
                )
    for q in found:
        if all(q.end <= s or q.start >= e for s, e in taken):
            out.quantities.append(q)
            taken.append((q.start, q.end))


_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+ $")


def _is_placeholder(text: str, m: re.Match[str]) -> bool:
    if any(c in m.group() for c in "%€") or "pt" in m.group():
        return True
    if _CAPITALISED_BEFORE.search(text, 0, m.start()):
        return False  # "Gen Z", "Plan X": a name
    if m.start() == 0 and re.match(r" [a-zà-ÿ]", text[m.end() :]):
        return True  # "N nouveaux partenaires signés"
    before = text[max(0, m.start() - 12) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    return bool(
        re.search(
            r"(?:\bde|\bà|\bfrom|\bto|\bby|\bpar|\batteindre|\breach|\bsur|\bof|\bd'|\bentre|"
            r"\bbetween)\s?$",
            before,
        )
        or re.match(r"\s?(?:%|€|à\b|to\b|pts?\b|jours?\b|days?\b|clients?\b|customers?\b)", after)
    )


# Verbs that count or hold: after them "de 10 à 15" is a range ("recruter de 10 à 15 commerciaux",
# "maintenir le stock de 20 à 30 jours"); after any other, from a baseline to a target. A range
# is written low to high, so "de 12 à 8" is always a change.
_RANGE_VERBS = word_set(_FOLDER, "counting-verbs") | word_set(_FOLDER, "holding-verbs")
# The verbs that count, for "Hire one analyst" (see `_read_one`).
_COUNT_VERBS = word_set(_FOLDER, "counting-verbs")
