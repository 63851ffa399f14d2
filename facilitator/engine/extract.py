"""Extract before judging: quantities, deadlines and the parts of a key result.

"Passer le taux de réclamation de 4 % à 2 % d'ici fin 2026" → metric "taux de réclamation",
baseline 4 %, target 2 %, direction down, deadline 2026-12-31. Everything here works on the
normalised text with regular expressions, so it runs in the lexical tier (every keystroke) as
well as in the full pass, and gives the same answer in both.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from facilitator.engine.normalize import label_end
from facilitator.engine.numbers import (
    DIGITS,
    NUMBER_WORDS,
    WORD_NUMBER,
    parse_digits,
    parse_words,
)

Role = Literal[
    "target", "baseline", "scope", "name", "year", "deadline", "condition", "approx-base"
]


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None  # None for a placeholder ("X %")
    unit: str = ""
    kind: str = "number"  # number|percent|money|duration|score|multiplier|zero|placeholder
    role: Role = "target"
    relative: bool = False  # "augmenter de 20 %", "+15 pts": a change, not a level
    comparator: str = ""  # ">=" for "au moins 20", "<=" for "moins de 5"


@dataclass(slots=True)
class Deadline:
    start: int
    end: int
    text: str
    date: str | None  # ISO date when the text pins one down


@dataclass(slots=True)
class Parts:
    metric: str | None = None
    baseline: str | None = None
    target: str | None = None
    unit: str | None = None
    direction: str | None = None  # up | down | hold
    deadline: str | None = None
    deadline_date: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "metric": self.metric,
            "baseline": self.baseline,
            "target": self.target,
            "unit": self.unit,
            "direction": self.direction,
            "deadline": self.deadline,
            "deadline_date": self.deadline_date,
        }


class PartsView(Mapping[str, "str | None"]):
    """The parts of a key result as a read-only mapping, computed when first read."""

    def __init__(self, extraction: Extraction) -> None:
        self._extraction = extraction
        self._data: dict[str, str | None] | None = None

    def _dict(self) -> dict[str, str | None]:
        if self._data is None:
            self._data = self._extraction.parts.as_dict()
        return self._data

    def __getitem__(self, key: str) -> str | None:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __eq__(self, other: object) -> bool:
        return dict(self) == other if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._dict())


@dataclass(slots=True)
class Extraction:
    text: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    _parts: Parts | None = None
    _metric: str | None = None
    _metric_known: bool = False
    # Derived once the roles are known (see `settle`): every rule reads them.
    targets: list[Quantity] = field(init=False)
    baselines: list[Quantity] = field(init=False)
    figures: list[Quantity] = field(init=False)  # amounts, not names/scope/years/dates
    measurable: bool = False
    has_baseline: bool = False
    has_deadline: bool = False

    @property
    def metric(self) -> str | None:
        """The measured thing ("taux de réclamation"), worked out once, on first use."""
        if not self._metric_known:
            self._metric, self._metric_known = _metric(self.text, self), True
        return self._metric

    @property
    def parts(self) -> Parts:
        """Metric, baseline, target … — worked out on first use: per keystroke, often never."""
        if self._parts is None:
            self._parts = _parts(self.text, self)
        return self._parts

    def settle(self) -> None:
        self.targets, self.baselines, self.figures = targets, baselines, figures = [], [], []
        condition = False
        for q in self.quantities:
            role = q.role
            if role == "target":
                targets.append(q)
            elif role == "baseline":
                baselines.append(q)
            elif role == "condition":
                condition = True
            else:
                continue
            figures.append(q)
        self.measurable = bool(targets) or condition
        self.has_baseline = bool(baselines)
        self.has_deadline = bool(self.deadlines)


_Tree = dict[str, "_Tree"]


def _hint(keys: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of `keys`, written as a tree of their letters ("a(?:bove|u…)"):
    re tries a flat list of words one by one at every position, a tree once."""
    tree: _Tree = {}
    for key in keys:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        if "" in node:
            return ""  # a key ends here: for a search, longer keys add nothing
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(pattern(tree))


# --- vocabulary --------------------------------------------------------------------------------

_MONTHS_FR = (
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
)
_MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
_MONTH_NUM = (
    {m: i for i, m in enumerate(_MONTHS_EN[:12], start=1)}
    | {
        m: i
        for i, m in enumerate(
            (
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ),
            start=1,
        )
    }
    | {
        "fevrier": 2,
        "aout": 8,
        "decembre": 12,
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
MONTH = r"(?:" + "|".join(sorted(_MONTHS_FR + _MONTHS_EN, key=len, reverse=True)) + r")\.?"
YEAR = r"(?:19|20)\d\d"
# Quarter and half-year tags: T3 (trimestre), Q3, S1 (semestre), H2, FY24, FY2026.
QTAG = r"(?:[tqsh][1-4]|fy ?(?:\d{4}|\d{2}))"
NUMDATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b"
DAYMONTH = rf"(?:\d{{1,2}}(?:er)? {MONTH}(?: {YEAR})?|{MONTH} \d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,? {YEAR})?)"
PERIOD = (
    r"(?:l'année|l'annee|(?:de )?l'exercice|(?:du |de )?trimestre|(?:du |de )?semestre|"
    r"(?:de )?l'été|the (?:year|quarter|half|semester|month|fiscal year|summer)|year-end|"
    r"(?:l'|cette |this |next |the next |le prochain |ce )(?:année|trimestre|semestre|year|quarter|"
    r"half|mois|month)|prochain trimestre|mi-" + YEAR + "|"
    r"(?:le |au |the )?(?:printemps|été|automne|hiver|spring|summer|autumn|fall|winter)(?: "
    + YEAR
    + ")?|no[eë]l|christmas|la rentrée|les congés d'été)"
)
_LEAD = (
    r"(?:d'ici (?:à )?(?:la |le |l')?(?:fin (?:de |du |d')?)?|avant (?:le |la |l'|fin (?:de |du )?)?|"
    r"au plus tard (?:le |en |fin )?|(?:à |a )?fin (?:de |du |d')?|en |au |pour (?:fin )?|dès |début |"
    r"by (?:the )?(?:end of (?:the )?)?|before (?:the )?(?:end of )?|until |no later than |in |"
    r"(?:at |by )?(?:the )?end of (?:the )?|during |within (?:the )?|due |for )"
)
_RELATIVE = (
    r"(?:d'ici|dans|sous|en|within|in|over the next|in the next|dans les|au cours des) "
    r"(?:\d+|" + WORD_NUMBER.pattern.replace("(?<![\\w-])", "").replace("(?![\\w-])", "") + r") "
    r"(?:mois|ans|années|annees|trimestres|semestres|months?|years?|quarters?)\b"
)
# The lead ("d'ici", "avant", "by the end of" …) is tried once per position, then the date
# itself; a month or a year alone only counts with a lead ("en 2026", not "CA 2026").
DEADLINE = re.compile(
    rf"(?<![\w'])(?:"
    rf"(?P<lead>{_LEAD})?(?:{NUMDATE}|{DAYMONTH}|{QTAG}(?:[ -]{YEAR})?\b|{MONTH} {YEAR}\b"
    rf"|(?P<alone>{MONTH}\b|{YEAR}\b))"
    rf"|(?:d'ici|avant|by|before|at) (?:la |the )?(?:fin |end )(?:de |du |d'|of (?:the )?)?{PERIOD}"
    rf"|(?:d'ici|avant|by|before|en|in|au|pour) {PERIOD}\b"
    rf"|\b(?:eoy|eoq|year-end)\b(?: {YEAR})?"
    rf"|{_RELATIVE}"
    rf")"
)

# Units glued to or following a number.
_UNIT = (
    r"(?:%|pts?\b|points?\b|p\.p\.|pp\b|[kKM]€|Md€|Mds€|€|\$|£|k\$|M\$|"
    r"(?:euros?|dollars?|EUR|USD|GBP)\b|"
    r"(?:k|K|M|Md|Mds|Mrd|bn|B|m)(?= ?(?:€|\$|£|euros?|EUR|USD)|\b)|"
    r"(?:millions?|milliards?|billions?|thousand|mille)\b(?: d'euros| de dollars| euros| dollars)?|"
    r"(?:(?:working |business |calendar )?(?:jours?|days?)(?: ouvrés| ouvrables| calendaires)?|"
    r"j|h|heures?|hours?|hrs?|min|minutes?|sec|secondes?|seconds?|ms|"
    r"semaines?|weeks?|mois|months?|ans|années|years?)\b)"
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
    "day",
    "days",
    "semaine",
    "semaines",
    "week",
    "weeks",
}
_UNIT_AFTER = re.compile(rf" ?{_UNIT}(?: ?{_UNIT})?{_PER}?")
_PER_AFTER = re.compile(_PER)
_MONEY = ("€", "$", "£", "euro", "dollar", "eur", "usd", "gbp")
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
    r"(?:doubl|tripl|quadrupl|décupl|decupl)(?:er|é|ée|és|ées|e|es|ons|ez|ent|ant|ing|ed|d)?|"
    r"double|triple|quadruple|"
    r"(?:divis(?:er|é|ée|és|ées|e|ons|ant)|divided|cut|reduced?) (?:par|by) (?:\d+|deux|trois|"
    r"quatre|cinq|dix|two|three|four|five|ten|half)|"
    r"halv(?:e|ed|ing)|in half|de moitié|by half|(?:\d+|two|three)-fold|"
    r"by (?:a|one) (?:third|quarter|fifth)|d'un (?:tiers|quart|cinquième))(?![\w])"
)
ZERO = re.compile(r"(?<![\w])(?:z[ée]ro|0|aucune?|no|nul(?:le)?)(?= (?!de\b|d'|of\b)[\w'])")
PLACEHOLDER = re.compile(r"(?<![\w])(?:X{1,3}|Y|Z|N{1,2})(?![\w])(?: ?%| ?€| ?pts?\b)?")
SCORE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) ?(?:/|sur |out of )(5|10|20|100)(?![\d/])")
NAME_NUMBER = re.compile(
    r"(?<![\w])(?:24/7|7/7|24h/24|24 ?h ?/ ?24|365 ?j(?:ours)?|"
    r"(?:ISO|IEC|NF|EN|RGPD|GDPR|SOC|PCI|HDS|BPF|GMP|ICH|IFRS|ISAE|"
    r"version|release|norme|standard|niveau de maturité|phase|étape|lot|vague|wave|stage|"
    r"sprint|article|chapitre|chapter|annexe|appendix|v|V|ligne|line|n°|no\.|numéro|number|"
    r"bâtiment|building|salle|room|étage|floor|batch|gate|porte|quai|dock|plan|horizon|top)"
    r"(?: |-)?\d+(?:[.:-]\d+)*(?: ?/ ?\d+)?"
    # A capitalised name followed by a number: "Windows 11", "Office 365", "Horizon 2030".
    r"|(?:[A-Z][a-z]+|i[A-Z][a-z]+) \d+(?:\.\d+)?(?! ?(?:%|€|k€|M€|pts?\b|[.,]\d)))"
    r"(?![\w])"
)
_SCOPE_PREP = (
    r"(?:sur|dans|de|des|en|in|across|within|over|for|pour|auprès de|chez|parmi|"
    r"among|at|aux|les|nos|ses|leurs|our|the|its|their|all|tous les|toutes les)"
)
_COMPARATOR_UP = re.compile(
    r"(?:au moins|au minimum|minimum|plus de|supérieure? à|au-delà de|at least|more than|"
    r"over|above|minimum of|>=|≥|>) ?$"
)
_COMPARATOR_DOWN = re.compile(
    r"(?:moins de|au plus|au maximum|maximum|max\.?|inférieure? à|sous la barre de|en dessous de|"
    r"less than|under|below|at most|no more than|fewer than|maximum of|<=|≤|<) ?$"
)
_BASELINE_BEFORE = re.compile(
    r"(?:actuellement|aujourd'hui|actuel(?:le)?s?|currently|today|current(?:ly)?|baseline|"
    r"point de départ|base|départ|niveau actuel|vs\.?|versus|contre|compared to|"
    r"par rapport à|was|était|(?:en|in) (?:19|20)\d\d)(?: ?:| de| of| at| à| is| est| =)? ?$"
)
_BASELINE_LABEL = re.compile(
    r"\b(?:actuel(?:le)?s?|aujourd'hui|current|today|baseline|de départ|de référence)\b[^,;:()]*:\s?$"
)
_BASELINE_AFTER = re.compile(
    r"^ ?(?:\)|,)? ?\(?(?:aujourd'hui|actuellement|actuel|currently|today|now|"
    r"\(base|baseline|de base)\b"
)
_RANGE_FROM = ("de", "d'", "from", "depuis")
_RANGE_TO = re.compile(
    r"^\s?(?:\(?(?:en|in) (?:19|20)\d\d\)?,? )?(?:à|a|to|->|→|=>|vers|jusqu'à)\s?$"
)
_DELTA_BEFORE = ("de", "by", "d'")
_APPROX = ("environ", "about", "around", "approximately", "roughly", "près de", "~")
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
)
_DOWN_WORDS = re.compile(
    r"\b(?:réduire|réduit|réduction|diminuer|diminution|baisser|baisse|abaisser|limiter|"
    r"raccourcir|diviser|divisé|éliminer|supprimer|descendre|ramener|passer sous|"
    r"reduce|decrease|lower|cut|shorten|halve|eliminate|drop|minimi[sz]e|limit|bring down)"
)
_UP_WORDS = re.compile(
    r"\b(?:augmenter|augmentation|accroître|accroitre|hausse|hausser|relever|élever|doubler|"
    r"tripler|gagner|atteindre|porter|passer à|dépasser|croître|croitre|multiplier|"
    r"increase|grow|raise|boost|lift|double|triple|reach|achieve|exceed|gain|attain|hit)"
)
_HOLD_WORDS = re.compile(
    r"\b(?:maintenir|maintien|conserver|rester|stabiliser|garder|préserver|"
    r"maintain|keep|sustain|remain|stay|hold|preserve)"
)
_STOP_AFTER_YEAR = {
    "et",
    "pour",
    "and",
    "for",
    "de",
    "avec",
    "with",
    "afin",
    "to",
    "vs",
    "contre",
    "par",
    "by",
    "en",
    "in",
    "sur",
    "on",
    "à",
    "at",
    "au",
    "dans",
    "ou",
    "or",
}


# --- extraction --------------------------------------------------------------------------------


_HAS_DIGIT = re.compile(r"\d")
_ZERO_DIGIT = re.compile(r"0(?<![\d.,]0)(?![\d.,])")  # the literal first: re scans fast
_PLACEHOLDER_HINT = re.compile(r"\b[XYZN]")
# NAME_NUMBER needs one of these words (lower-cased), a "/" ("24/7"), "365" or a capital
# right before a number ("ISO 27001", "Windows 11"): most drafts have none, and the pattern,
# which starts with a look-behind, would otherwise be tried at every character.
_NAME_WORDS = frozenset(
    [
        "version",
        "release",
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
_NUMBER_WORDS = frozenset(NUMBER_WORDS) - {"et", "and"}


_WORDS_RX = re.compile(r"[a-zà-ÿ]+")
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
        "mi",
    ]
)
_DELAY_END = re.compile(r"\d ?(?:h|heures?|jours?|j|days?|hours?)$")
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
    ]
)
# The words a deadline can start with: its lead ("d'ici", "by"), a month or period, a quarter
# tag ("t3", "fy26") or a number. Found by one scan rather than a walk over every word.
_DEADLINE_START = re.compile(
    r"(?<![\w'-])(?:"
    + "|".join(re.escape(w) for w in sorted(_DEADLINE_STARTS, key=len, reverse=True))
    + r"|fy[\w'-]*|[tqsh][1-4]|\d[\w'-]*)(?![\w'-])|(?<![\w'-])[tqsh][1-4](?=-\d)"  # "q3-2026"
)
# A number can start a deadline only as a year, a numeric date or a day before a month.
_DATE_DIGITS = re.compile(rf"(?:19|20)\d\d\b|\d{{1,4}}[/-]\d|\d{{1,2}}(?:er|st|nd|rd|th)? {MONTH}")


def _deadlines(text: str, lowered: str, date_words: bool, anchor: int) -> Iterator[re.Match[str]]:
    """What DEADLINE.finditer(text) finds, trying the pattern only where a deadline can start.

    `date_words`: the draft has a month or period word; without one, a deadline needs digits.
    `anchor`: the first digit or date word; a deadline's lead starts at most a few words before.
    """
    done = 0
    start_at = lowered.rfind(" ", 0, max(0, anchor - 40)) + 1  # at a word's start
    for w in _DEADLINE_START.finditer(lowered, start_at):
        start = w.start()
        if start < done:
            continue
        if lowered[start].isdigit():
            if not _DATE_DIGITS.match(lowered, start):
                continue  # "30 %", "15 jours": an amount, not a date
        elif not date_words and not _HAS_DIGIT.search(lowered, start, start + 40):
            continue  # a lead word ("en", "by") with no date after it
        m = DEADLINE.match(lowered, start)
        if m:
            done = m.end()
            yield m


_WORD_NUMBER = re.compile(WORD_NUMBER.pattern)  # on the lower-cased draft: no IGNORECASE


_DIGIT_RUN = re.compile(r"\d+")  # faster to scan for than "[-+]?\d+": a sign is looked at apart


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
        m = DIGITS.match(text, start)
        if m is None and signed:  # "J+5": the sign belongs to the word before
            m = DIGITS.match(text, start + 1)
        if m:
            done = m.end()
            yield m


def lower_same_length(text: str) -> str:
    """The draft in lower case, character for character, so positions stay valid.

    The case-insensitive patterns run on this copy: IGNORECASE doubles the cost of Python's re.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ" → "i̇"): keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def extract(text: str, lang: str, scope_nouns: frozenset[str] = frozenset()) -> Extraction:
    out = Extraction(text)
    # "KR2 : …", "1. …": a label's number counts nothing.
    taken: list[tuple[int, int]] = [(0, begin)] if (begin := label_end(text)) else []

    def free(start: int, end: int) -> bool:
        return not taken or all(end <= s or start >= e for s, e in taken)

    digit = _HAS_DIGIT.search(text)
    has_digit = digit is not None
    # Cheap tests first: most of the big patterns cannot match a text without these. A deadline
    # starts at most a few words before its first digit or date word.
    lowered = lower_same_length(text)
    words = set(_WORDS_RX.findall(lowered))
    date_words = not words.isdisjoint(_DEADLINE_WORDS)
    if digit or date_words:
        # Substring positions can only come early (inside a longer word): still safe.
        anchor = digit.start() if digit else len(text)
        if date_words:
            anchor = min(anchor, *(lowered.find(w) for w in words & _DEADLINE_WORDS))
        deadlines: Iterator[re.Match[str]] | tuple[()] = _deadlines(
            text, lowered, date_words, anchor
        )
    else:
        deadlines = ()
    for m in deadlines:
        if m.group("alone") and not m.group("lead"):
            continue
        # "en 48 h" or "en 2 jours" is a delay, not a deadline; _RELATIVE only takes months+.
        if _DELAY_END.search(m.group()):
            continue
        shown = text[m.start() : m.end()].strip()  # as typed: the match ran on lower case
        out.deadlines.append(Deadline(m.start(), m.end(), shown, _date_of(m.group())))
        taken.append((m.start(), m.end()))

    maybe_name = has_digit and (
        not words.isdisjoint(_NAME_WORDS)
        or "/" in text
        or "365" in text
        or _CAPITAL_NUMBER.search(text) is not None
    )
    for m in NAME_NUMBER.finditer(text) if maybe_name else ():
        if free(m.start(), m.end()):
            out.quantities.append(Quantity(m.start(), m.end(), m.group(), None, role="name"))
            taken.append((m.start(), m.end()))

    maybe_score = has_digit and ("/" in text or "sur " in lowered or "out of" in lowered)
    for m in SCORE.finditer(text) if maybe_score else ():
        if free(m.start(), m.end()):
            value = parse_digits(m.group(1), lang)
            q = Quantity(m.start(), m.end(), m.group(), value, f"/{m.group(2)}", "score")
            out.quantities.append(q)
            taken.append((m.start(), m.end()))

    maybe_multiplier = ("x" in lowered and has_digit) or bool(_MULTIPLIER_STEM.search(lowered))
    for m in MULTIPLIER.finditer(lowered) if maybe_multiplier else ():
        if free(m.start(), m.end()):
            shown = text[m.start() : m.end()]
            q = Quantity(m.start(), m.end(), shown, None, "x", "multiplier", relative=True)
            out.quantities.append(q)
            taken.append((m.start(), m.end()))

    for m in _numbers(text) if has_digit else ():
        if free(m.start(), m.end()):
            _read_number(text, m.start(), m.end(), m.group(), lang, out, taken)

    for m in _WORD_NUMBER.finditer(lowered) if not words.isdisjoint(_NUMBER_WORDS) else ():
        if not free(m.start(), m.end()):
            continue
        value = parse_words(m.group())
        if value is None:
            continue
        q = _with_unit(text, Quantity(m.start(), m.end(), text[m.start() : m.end()], value), lang)
        if value == 0 or q.unit or _followed_by_noun(text, q.end):
            if value == 0:
                q.kind = "zero"
            out.quantities.append(q)
            taken.append((q.start, q.end))

    maybe_zero = not words.isdisjoint(_ZERO_WORDS) or ("0 " in text and _ZERO_DIGIT.search(text))
    for m in ZERO.finditer(lowered) if maybe_zero else ():
        if free(m.start(), m.end()) and _zero_counts(text, m):
            shown = text[m.start() : m.end()]
            out.quantities.append(Quantity(m.start(), m.end(), shown, 0.0, kind="zero"))
            taken.append((m.start(), m.end()))

    maybe_placeholder = ("X" in text or "Y" in text or "Z" in text or "N" in text) and (
        _PLACEHOLDER_HINT.search(text)
    )
    for m in PLACEHOLDER.finditer(text) if maybe_placeholder else ():
        if free(m.start(), m.end()) and _is_placeholder(text, m):
            q = _with_unit(text, Quantity(m.start(), m.end(), m.group(), None), lang)
            q.kind = "placeholder"  # "N jours" stays a placeholder whatever its unit
            out.quantities.append(q)
            taken.append((m.start(), m.end()))

    if len(out.quantities) > 1:
        out.quantities.sort(key=_start)
    _assign_roles(lowered, out.quantities, scope_nouns)
    out.settle()
    if out.deadlines and out.baselines:
        # "contre 9 % en 2025": a date right after a baseline dates the baseline, not the target.
        base_ends = [q.end for q in out.baselines]
        out.deadlines = [
            d for d in out.deadlines if not any(0 <= d.start - e <= 2 for e in base_ends)
        ]
        out.has_deadline = bool(out.deadlines)
    return out


def _start(q: Quantity) -> int:
    return q.start


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
        len(raw) == 4
        and raw[:2] in ("19", "20")
        and raw.isdigit()
        and not q.unit
        and (_reads_as_year(text, q.end) or _ARTICLE_BEFORE.search(text, 0, start))
    ):
        q.role = "year"
    out.quantities.append(q)
    taken.append((q.start, q.end))


def _with_unit(text: str, q: Quantity, lang: str) -> Quantity:
    m = _UNIT_AFTER.match(text, q.end) or _PER_AFTER.match(text, q.end)
    if m:
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
        elif any(c in low for c in _MONEY) or low.rstrip("€$ ") in ("k", "m", "md", "mds"):
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
            r"(?:\bde|\bà|\bfrom|\bto|\bby|\bpar|\batteindre|\breach|\bsur|\bof|\bd')\s?$", before
        )
        or re.match(r"\s?(?:%|€|à\b|to\b|pts?\b|jours?\b|days?\b|clients?\b|customers?\b)", after)
    )


# Cheap substring tests that must pass before the end-anchored patterns are searched: those
# patterns try every start position of the window, and most quantities need none of them.
_UP_KEYS = ("moins", "plus", "least", "more", "over", "above", "min", ">", "≥", "sup", "delà")
_DOWN_KEYS = (
    "moins",
    "plus",
    "less",
    "under",
    "below",
    "most",
    "max",
    "<",
    "≤",
    "inf",
    "dessous",
    "barre",
    "fewer",
)
_BASE_KEYS = (
    "actuel",
    "aujourd",
    "current",
    "today",
    "baseline",
    "départ",
    "base",
    "vs",
    "versus",
    "contre",
    "compared",
    "rapport",
    "was",
    "était",
    " en 19",
    " en 20",
    " in 19",
    " in 20",
)


_UP_HINT, _DOWN_HINT, _BASE_HINT = _hint(_UP_KEYS), _hint(_DOWN_KEYS), _hint(_BASE_KEYS)
_ANY_HINT = _hint(tuple(dict.fromkeys(_UP_KEYS + _DOWN_KEYS + _BASE_KEYS)))  # one search


def _ends_with(window: str, words: tuple[str, ...]) -> bool:
    """`window` (lower case) ends with one of `words`, as a whole word, give or take a trailing
    space."""
    w = window.rstrip(" ")
    if not w.endswith(words):  # one C call rejects the usual case
        return False
    return any(
        w.endswith(word) and (len(w) == len(word) or not w[-len(word) - 1].isalnum())
        for word in words
    )


def _delta_before(window: str) -> bool:
    """ "augmenter de 20 %", "reduce by about 20%": the figure is a change, not a level.
    `window` is in lower case."""
    w = window.rstrip(" ")
    if w.endswith(_APPROX):
        for approx in _APPROX:
            if w.endswith(approx):
                w = w[: -len(approx)].rstrip(" ")
                break
    return _ends_with(w, _DELTA_BEFORE)


def _assign_roles(lowered: str, qs: list[Quantity], scope_nouns: frozenset[str]) -> None:
    """Target, baseline, scope, condition … from the words around each figure (lower case)."""
    for i, q in enumerate(qs):
        if q.role in ("name", "year"):
            continue
        before = lowered[max(0, q.start - 40) : q.start]
        near = before[-28:]
        after = lowered[q.end : q.end + 40]
        if _is_scope(near, after, q, scope_nouns):
            q.role = "scope"
            continue
        if (
            q.kind == "duration"
            and _is_time(q.unit.lower())
            and _ends_with(near, _CONDITION_BEFORE)
        ):
            q.role = "condition"
            continue
        hinted = _ANY_HINT.search(near) is not None  # most figures have no such word nearby
        if hinted and _UP_HINT.search(near) and _COMPARATOR_UP.search(near):
            q.comparator = ">="
        elif hinted and _DOWN_HINT.search(near) and _COMPARATOR_DOWN.search(near):
            q.comparator = "<="
        if (
            (hinted and _BASE_HINT.search(near) and _BASELINE_BEFORE.search(near))
            or _BASELINE_AFTER.match(after)
            or (":" in before and _BASELINE_LABEL.search(before))
        ):
            q.role = "baseline"
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        between = lowered[q.end : nxt.start] if nxt is not None else ""
        if (
            nxt is not None
            and nxt.role not in ("name", "year")
            and _RANGE_TO.match(between)
            and _ends_with(near, _RANGE_FROM)
        ):
            q.role = "baseline"
            if not q.unit and nxt.unit:
                q.unit = nxt.unit
                if q.kind != "placeholder":
                    q.kind = nxt.kind
            continue
        if q.role == "target" and _delta_before(near) and not _RANGE_TO.match(between):
            q.relative = q.relative or q.kind in ("percent", "points", "number", "money")


_SCOPE_NOUN = re.compile(
    r" (?:nouv\w+ |new |autres? |other |principa\w+ |main |grand\w* |key )?([\w-]+)"
)
_SCOPE_BEFORE = re.compile(rf"(?:^|\W){_SCOPE_PREP}\s?$")


def _is_scope(before: str, after: str, q: Quantity, scope_nouns: frozenset[str]) -> bool:
    """ "sur 5 territoires", "dans nos 3 usines": the number says where, not how much."""
    if q.kind not in ("number",) or q.unit or q.value is None:
        return False
    noun = _SCOPE_NOUN.match(after)
    if not noun or noun.group(1).lower() not in scope_nouns:
        return False
    return bool(_SCOPE_BEFORE.search(before))


_MONTH_IN = re.compile(r"\b(" + "|".join(sorted(_MONTH_NUM, key=len, reverse=True)) + r")\b")
_DAY_BEFORE = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)? $")
_DAY_AFTER = re.compile(r"\.? (\d{1,2})\b")


_YEAR_IN = re.compile(YEAR + r"\b")
_NUMDATE_IN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_ISODATE_IN = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FY_IN = re.compile(r"fy ?(\d{4}|\d{2})")
_QUARTER_IN = re.compile(r"\b([tqsh])([1-4])\b")


@functools.lru_cache(maxsize=1024)  # the same few deadlines come back draft after draft
def _date_of(text: str) -> str | None:
    low = text.lower()
    if "/" in low and (m := _NUMDATE_IN.search(low)):
        y = int(m.group(3))
        return _safe_date(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))
    if "-" in low and (m := _ISODATE_IN.search(low)):
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if "fy" in low and (fy := _FY_IN.search(low)):
        y = int(fy.group(1))
        return f"{y + 2000 if y < 100 else y}-12-31"
    year_m = _YEAR_IN.search(low)
    if year_m is None:
        return None
    year = int(year_m.group())
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


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        calendar.monthrange(year, month)
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None


# --- parts -------------------------------------------------------------------------------------

# Words stripped from the ends of an extracted metric ("le taux de" → "taux"). Word sets, not a
# regular expression: an end-anchored pattern tries every position of the text.
_LEAD_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "notre",
        "nos",
        "votre",
        "vos",
        "leur",
        "leurs",
        "son",
        "sa",
        "ses",
        "ce",
        "cette",
        "ces",
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "its",
        "of",
        "by",
        "from",
        "to",
        "à",
        "au",
        "aux",
        "en",
        "sur",
        "on",
        "in",
        "environ",
        "about",
        "around",
        "approximately",
        "roughly",
        "quasiment",
        "~",
        ":",
        ",",
        "-",
    ]
)
_TRAIL_WORDS = frozenset(
    [
        "de",
        "d'",
        "du",
        "des",
        "à",
        "au",
        "by",
        "from",
        "to",
        "of",
        "at",
        "sur",
        "pour",
        "for",
        "en",
        "in",
        "sous",
        "under",
        "within",
        "dans",
        "on",
        ":",
        "=",
        ">",
        "<",
        "≥",
        "≤",
        "about",
        "around",
        "environ",
        "approximately",
        "the",
        "la",
        "le",
        "les",
        "l'",
        "vs",
        "contre",
        "actuellement",
        "currently",
        "aujourd'hui",
        "today",
        "actuel",
        "current",
        "above",
        "below",
        "over",
    ]
)
_TRAIL_PAIRS = frozenset(
    {
        "au moins",
        "at least",
        "moins de",
        "plus de",
        "less than",
        "more than",
        "près de",
        "jusqu'à",
        "up to",
        "autour de",
    }
)


def _trim(words: list[str]) -> list[str]:
    """Drop function words and punctuation from both ends of a metric."""
    start, end = 0, len(words)
    while start < end:
        w = words[start].lower()
        if w in _LEAD_WORDS or " ".join(words[start : start + 2]).lower() in _TRAIL_PAIRS:
            start += 2 if w not in _LEAD_WORDS else 1
        elif w.startswith(("l'", "d'")) and len(w) > 2:
            words[start] = words[start][2:]
        else:
            break
    while end > start:
        w = words[end - 1].lower().rstrip(",:;(-")
        if not w or w in _TRAIL_WORDS:
            end -= 1
        elif end - 2 >= start and " ".join(words[end - 2 : end]).lower() in _TRAIL_PAIRS:
            end -= 2
        else:
            words[end - 1] = words[end - 1].rstrip(",:;(-")
            break
    return words[start:end]


def _parts(text: str, ex: Extraction) -> Parts:
    parts = Parts()
    targets = ex.targets or [q for q in ex.quantities if q.role == "condition"]
    target = targets[-1] if targets else None
    baseline = ex.baselines[0] if ex.baselines else None
    if target:
        parts.target = _fmt_target(target)
        parts.unit = target.unit or (baseline.unit if baseline else "") or None
    if baseline:
        # "de 4 à 2 jours": the baseline borrows the target's unit.
        shown = baseline.unit and baseline.unit not in baseline.text
        parts.baseline = f"{baseline.text} {baseline.unit}" if shown else baseline.text
    if ex.deadlines:
        parts.deadline = ex.deadlines[-1].text
        parts.deadline_date = ex.deadlines[-1].date
    parts.direction = _direction(text, target, baseline)
    parts.metric = ex.metric
    return parts


def _fmt_target(q: Quantity) -> str:
    if q.comparator == ">=" and not q.text.startswith(("≥", ">")):
        return "≥ " + q.text
    if q.comparator == "<=" and not q.text.startswith(("≤", "<")):
        return "≤ " + q.text
    return q.text


def _direction(text: str, target: Quantity | None, baseline: Quantity | None) -> str | None:
    if target and baseline and target.value is not None and baseline.value is not None:
        if target.value > baseline.value:
            return "up"
        if target.value < baseline.value:
            return "down"
        return "hold"
    if target and target.comparator:
        return "up" if target.comparator == ">=" else "down"
    if target and target.text.startswith("-"):
        return "down"
    if target and target.text.startswith("+"):
        return "up"
    text = text.lower()  # the word lists are lower case: no IGNORECASE, which is slow in re
    if _HOLD_WORDS.search(text):
        return "hold"
    down = _DOWN_WORDS.search(text)
    up = _UP_WORDS.search(text)
    if down and (not up or down.start() < up.start()):
        return "down"
    if up:
        return "up"
    if target and target.kind in ("zero", "multiplier"):
        return (
            "down" if re.search(r"divi|halv|half|moitié|z[ée]ro|aucun", target.text, re.I) else "up"
        )
    return None


def _metric(text: str, ex: Extraction) -> str | None:
    """The measured thing: the words between the verb and the first figure or date."""
    stops = sorted(
        [q.start for q in ex.quantities if q.role not in ("name",)]
        + [d.start for d in ex.deadlines]
    )
    begin = label_end(text)  # "KR1 : …": the label is no part of the metric
    first_word = _FIRST_WORD.match(text, begin)
    if stops and stops[0] <= begin + 1:
        # "95 % des demandes traitées sous 48 h": the metric follows the first figure.
        ends = {q.start: q.end for q in ex.quantities} | {d.start: d.end for d in ex.deadlines}
        first_end = ends.get(stops[0], stops[0])
        later = [s for s in stops if s >= first_end]
        chunk = text[first_end : later[0] if later else len(text)]
    else:
        start = first_word.end() if first_word and _looks_like_verb(first_word.group()) else begin
        causative = _CAUSATIVE.match(text, begin)
        if causative:  # "faire passer le taux …", "faire baisser les retards …"
            start = causative.end()
        chunk = text[start : stops[0] if stops else len(text)]
    chunk = _PURPOSE.split(chunk)[0]
    words = _trim(chunk.split())
    if not words or (len(words) == 1 and len(words[0]) <= 4 and words[0].islower()):
        if stops and not words:
            # "Réduire de 30 % les déviations qualité": the metric comes after the figure.
            first_end = max([q.end for q in ex.quantities if q.start == stops[0]] or [stops[0]])
            later = [s for s in stops if s > first_end]
            tail = _trim(text[first_end : later[0] if later else len(text)].split())
            return " ".join(tail[:8]) or None
        return None
    return " ".join(words[:8])


_PURPOSE = re.compile(r"\b(?:pour|afin|so that|in order|grâce|through|via|en vue)\b|[;(]")


_FIRST_WORD = re.compile(r"[\w'-]+")
_CAUSATIVE = re.compile(r"(?:faire|fait|faisons) [\w-]+(?:er|ir|re)\b", re.IGNORECASE)


_COMMON_VERBS = {
    "improve",
    "deploy",
    "implement",
    "enhance",
    "launch",
    "build",
    "ship",
    "hire",
    "deliver",
    "create",
    "develop",
    "publish",
    "release",
    "reach",
    "achieve",
    "get",
    "keep",
    "make",
    "ensure",
    "expand",
    "boost",
    "drive",
    "secure",
    "sign",
    "train",
    "close",
    "open",
    "migrate",
    "reduce",
    "increase",
    "raise",
    "lower",
    "grow",
    "cut",
    "double",
    "triple",
    "halve",
    "move",
    "bring",
}


def _looks_like_verb(word: str) -> bool:
    w = word.lower()
    if w in _COMMON_VERBS:
        return True
    return (
        w.endswith(("er", "ir", "re", "ize", "ise", "ate"))
        or bool(_UP_WORDS.match(w) or _DOWN_WORDS.match(w) or _HOLD_WORDS.match(w))
        or w
        in {
            "passer",
            "faire",
            "get",
            "make",
            "cut",
            "grow",
            "keep",
            "sell",
            "win",
            "hit",
            "double",
            "halve",
            "move",
            "bring",
            "take",
            "run",
            "ship",
            "launch",
            "hire",
            "have",
        }
    )
