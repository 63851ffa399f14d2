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

from facilitator.engine.lexicon import LANGS, word_set, word_table
from facilitator.engine.normalize import label_end as _short_label_end
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
    # A range ("entre 200 et 300 visites", "10–15 %") is one quantity: `value` is its low end,
    # `low` and `high` its two ends; both None for a single figure.
    low: float | None = None
    high: float | None = None
    lead: int = -1  # where the words that qualify it start ("entre", "au plus", "sous"), if any
    noun: int = -1  # where a counted noun inside the unit starts ("300 visites par mois")


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
    # Added for ranges, thresholds and reference periods; the fields above keep their meaning
    # (`target` shows a range whole: "200–300 visites par mois").
    target_low: str | None = None  # "200 visites par mois" when the target is a range
    target_high: str | None = None  # "300 visites par mois"
    condition: str | None = None  # "sous 48 h", "within 2 sprints": a threshold on the way
    baseline_period: str | None = None  # "T2 2025" in "par rapport à T2 2025": no deadline

    def as_dict(self) -> dict[str, str | None]:
        return {
            "metric": self.metric,
            "baseline": self.baseline,
            "target": self.target,
            "unit": self.unit,
            "direction": self.direction,
            "deadline": self.deadline,
            "deadline_date": self.deadline_date,
            "target_low": self.target_low,
            "target_high": self.target_high,
            "condition": self.condition,
            "baseline_period": self.baseline_period,
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
    lang: str = ""
    # Dates that a baseline refers to ("vs Q2 2025", "contre 61 % en 2025"): not deadlines.
    periods: list[Deadline] = field(default_factory=list)
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


# Labels written out, and numbered ones: "Objective 2 :", "Objectif 1 -", "Key Result 3:",
# "Résultat clé 2 :", "KR-1.1 [Team]", "O-1-1 :". Their number counts nothing either.
_LONG_LABEL = re.compile(
    r"(?:[Oo]bjecti(?:ve|f)s?|[Kk]ey [Rr]esults?|[Rr][ée]sultats? [Cc]l[ée]s?|OKR|[Kk][Rr]|RC|O)"
    r"\s?[#-]?\s?\d{1,2}(?:[.-]\d{1,2})*(?:\s?[:.)]\s*|\s?[–—-]\s+|\s+(?=\[))"
)


# The first letters of those labels: one test rejects most drafts ("Réduire", "Optimiser").
_LABEL_STARTS = (
    *("Objecti", "objecti", "Key ", "key ", "Résultat", "résultat", "Resultat", "resultat"),
    *("OKR", "KR", "Kr", "kr", "RC", "O-", "O ", "O#"),
)
# Their first two letters, and a tag's ("[T"): one set look-up rejects most drafts.
_LABEL_PAIRS = frozenset(
    {p[:2] for p in _LABEL_STARTS}
    | {"[" + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
)
_TAG = re.compile(r"\[[^\]\d]{1,30}\]\s*")


def label_end(text: str) -> int:
    """Where the draft starts after its label and team tag ("KR1 : ", "Objective 2: ",
    "KR-1.1 [Distributors] ", "- "), else 0."""
    end = _short_label_end(text)
    return _long_label_end(text, end) if text[end : end + 2] in _LABEL_PAIRS else end


def _long_label_end(text: str, end: int) -> int:
    if text.startswith(_LABEL_STARTS, end) and (m := _LONG_LABEL.match(text, end)):
        end = m.end()
    if text.startswith("[", end) and (tag := _TAG.match(text, end)):
        end = tag.end()
    return end


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


def _word_tree(words: frozenset[str] | set[str]) -> str:
    """Any of `words` as a tree of their letters, for a pattern that then checks the word
    ends ("a(?:u|vant|head)?"): tried once at each position, not word by word."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = (
            branches[0]
            if len(branches) == 1 and "" not in node
            else ("(?:" + "|".join(branches) + ")")
        )
        return group + "?" if "" in node else group

    return pattern(tree)


# --- vocabulary --------------------------------------------------------------------------------
# Word lists are data, in lexicons/<lang>/extraction/ (one file per list, both languages read
# together). What stays here is tied to a pattern: the words a regular expression spells out,
# and the hint sets that say where such a pattern can match (edit one, edit the other).

_FOLDER = "extraction"

# Month name → its number, per language, in the order of lexicons/<lang>/extraction/months.tsv.
_MONTHS = {
    lang: {row["term"]: int(row["month"]) for row in word_table(lang, _FOLDER, "months")}
    for lang in LANGS
}
_MONTHS_FR, _MONTHS_EN = tuple(_MONTHS["fr"]), tuple(_MONTHS["en"])
_MONTH_NUM = _MONTHS["en"] | _MONTHS["fr"]
MONTH = r"(?:" + "|".join(sorted(_MONTHS_FR + _MONTHS_EN, key=len, reverse=True)) + r")\.?"
YEAR = r"(?:19|20)\d\d"
# Quarter and half-year tags: T3 (trimestre), Q3, S1 (semestre), H2, FY24, FY2026.
QTAG = r"(?:[tqsh][1-4]|fy ?(?:\d{4}|\d{2}))"
NUMDATE = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b"
DAYMONTH = rf"(?:\d{{1,2}}(?:er|st|nd|rd|th)?(?: of)? {MONTH}(?: {YEAR})?|{MONTH} \d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,? {YEAR})?)"
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
    r"(?:d'ici |avant |en |à )?mi-)"
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
_MORE = rf"{_CURRENT}|{_WEEK_NUMBER}|{_END_OF}|{_EVENT}|{_DAY_MONTH}|{_YEAR_SPAN}|{_OVER_YEARS}"
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
_SCOPE_PREP = (
    r"(?:sur|dans|de|des|en|in|across|within|over|for|pour|auprès de|chez|parmi|"
    r"among|at|aux|les|nos|ses|leurs|our|the|its|their|all|tous les|toutes les)"
)
# A threshold before a figure: at least (">=") or at most ("<="). The negations are tried first:
# "pas plus de 3", "no more than 5" are at most, "pas moins de 40", "no fewer than 40" at least.
_COMPARATOR_UP = re.compile(
    r"(?:\b(?:au moins|au minimum|minimum(?: de| of)?|plus de|supérieure?s? (?:ou égale?s? )?à|"
    r"au-delà de|au-dessus de|at least|more than|greater than|higher than|in excess of|"
    r"upwards of|over|above)|>=|=>|≥|>) ?$"
)
_COMPARATOR_DOWN = re.compile(
    r"(?:\b(?:moins de|au plus|au maximum|maximum(?: de| of)?|max\.?|"
    r"inférieure?s? (?:ou égale?s? )?à|sous(?: la barre (?:de|des)| les)?|en dessous de|"
    r"en deçà de|plafonnée?s? à|limitée?s? à|less than|under|below|at most|fewer than|"
    r"lower than|shorter than|smaller than|capped at|limited to)|<=|=<|≤|<) ?$"
)
_NOT_MORE = re.compile(
    r"\b(?:pas plus (?:de|d')|pas au-delà (?:de|d')|ne (?:pas )?dépass\w*(?: pas)?|"
    r"sans dépasser|n'exc[èé]d\w*(?: pas)?|(?:no|not) (?:more|higher|greater|longer) than|"
    r"not (?:to )?exceed(?:ing)?|not above|not over) ?$"
)
_NOT_LESS = re.compile(
    r"\b(?:pas moins (?:de|d')|(?:no|not) (?:less|fewer|lower|shorter) than|not below|"
    r"not under) ?$"
)
_BASELINE_BEFORE = re.compile(
    r"(?:actuellement|aujourd'hui|actuel(?:le)?s?|currently|today|current(?:ly)?|baseline|"
    r"point de départ|base|départ|niveau actuel|vs\.?|versus|contre|compared to|"
    r"par rapport à|was|était|(?:en|in) (?:19|20)\d\d)(?: ?:| =)?"
    # "currently stands at roughly 6 hours", "aujourd'hui en moyenne de 75 jours"
    r"(?: (?:de|d'environ|of|at|à|is|est|stands?|sits?|se situe|around|about|roughly|"
    r"approximately|environ|autour de|près de|en moyenne|on average|close to|nearly|near))* ?$"
)
_BASELINE_LABEL = re.compile(
    r"\b(?:actuel(?:le)?s?|aujourd'hui|current|today|baseline|de départ|de référence)\b[^,;:()]*:\s?$"
)
# "4 % aujourd'hui", "45 (baseline)"; not "2 % (currently 4 %)": that word dates the next figure.
_BASELINE_AFTER = re.compile(
    r"^ ?(?:\)|,)? ?\(?(?:aujourd'hui|actuellement|actuel|currently|today|now|"
    r"\(base|baseline|de base)\b(?! ?(?:[:=]|is|est|at|of|de|à)? ?[-+~≈<>≤≥$€£]?\d)"
)
_RANGE_FROM = ("de", "d'", "from", "depuis")
# What may stand between a baseline and its target: the baseline's date ("en 2024",
# "in FY 2021", "in calendar year 2021", "ce trimestre", "today"), then "à"/"to", then a threshold
# on the target ("de 14 jours à < 2 heures", "from 5 days to under 1 day").
_RANGE_TO = re.compile(
    r"^\s?(?:\(?(?:(?:en|in|at|au|à|on|for|pour|as of|fin|end of|the end of) )?"
    r"(?:(?:calendar |fiscal )?year |l'année |l'exercice |the )?(?:fy ?)?(?:[tqsh][1-4][ -]?)?"
    r"(?:19|20)\d\d\)?,? |\(?(?:(?:ce|cette|this|last|l'an) (?:trimestre|quarter|année|year|mois|"
    r"month|dernier|passé)|today|aujourd'hui|currently|actuellement|now)\)?,? )?"
    r"(?:à|a|to|->|→|=>|vers|jusqu'à)\s?"
    r"(?:(?:<=|>=|<|>|≤|≥|moins de|plus de|less than|more than|under|below|above|sous|"
    r"au moins|au plus|at least|at most|~|environ|about|around|approximately|près de) ?)?$"
)
_TO_WORDS = ("à", "a", "to", "->", "→", "=>", "vers", "jusqu'à")
_PLAIN_TO = frozenset(f"{a}{w}{b}" for w in _TO_WORDS for a in ("", " ") for b in ("", " "))


def _range_to(between: str) -> bool:
    """The words between a baseline and its target (see _RANGE_TO); the usual " à " at once."""
    return between in _PLAIN_TO or (len(between) < 48 and _RANGE_TO.match(between) is not None)


_DELTA_BEFORE = ("de", "by", "d'")
_APPROX = ("environ", "about", "around", "approximately", "roughly", "près de", "~")
_APPROX_END = _APPROX + tuple(a + " " for a in _APPROX)
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
_STOP_AFTER_YEAR = word_set(_FOLDER, "words-after-a-year")


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
        # an event: "ahead of launch", "prior to go-live"
        "ahead",
        "prior",
        "jusqu'au",
        "jusqu'à",
    ]
)
_SPAN_WORDS = frozenset(["sur", "pendant"])
_ARTICLES = frozenset(["le", "la", "du"])
_NOW_HINTS = frozenset(["this", "next", "ce", "cette", "prochain", "prochaine"])
_NEXT_HINTS = frozenset(["prochain", "prochaine"])
_YEARS_WORDS = frozenset(["ans", "années", "annees"])


@functools.lru_cache(maxsize=8)
def _deadline_start(now: bool, articles: bool, span: bool) -> re.Pattern[str]:
    """The words a deadline can start with: its lead ("d'ici", "by"), a month or period, a
    quarter tag ("t3", "fy26") or a number. Found by one scan rather than a walk over every word.
    The words of the current period ("this", "ce"; "le" only before "prochain") and of a span
    of years ("sur", "pendant") join only in drafts that have them: they are common words."""
    words = set(_DEADLINE_STARTS)
    if now:
        words |= (_NOW_WORDS | _NOW_WORDS_ALSO) - _ARTICLES
    if articles:
        words |= _ARTICLES
    if span:
        words |= _SPAN_WORDS
    return re.compile(
        r"(?<![\w'-])(?:"
        + _word_tree(words)
        + r"|fy[\w'-]*|[tqsh][1-4]|\d[\w'-]*)(?![\w'-])|(?<![\w'-])[tqsh][1-4](?=-\d)"  # "q3-2026"
    )


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
    for w in starts.finditer(lowered, start_at):
        start = w.start()
        if start < done:
            continue
        if lowered[start].isdigit():
            if not _DATE_DIGITS.match(lowered, start):
                continue  # "30 %", "15 jours": an amount, not a date
        elif now and w.group() in _NOW_START:
            # "this quarter", "le prochain trimestre": only the current or next period
            if m := _NOW.match(lowered, start):
                done = m.end()
                yield m
            continue
        elif (
            not date_words
            and not _HAS_DIGIT.search(lowered, start, start + 40)
            and not (events and w.group() in _MORE_STARTS)
        ):
            continue  # a lead word ("en", "by") with no date after it
        elif (
            span
            and w.group() in _SPAN_WORDS
            and not (_HAS_DIGIT.search(lowered, start, start + 30) or words & _YEARS_WORDS)
        ):
            continue  # "sur le site": no span of years
        m = _DEADLINE_CORE.match(lowered, start)
        if m is None and w.group() in _MORE_STARTS:
            m = _DEADLINE_MORE.match(lowered, start)
        if m:
            done = m.end()
            yield m


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
    out = Extraction(text, lang=lang)
    # "KR2 : …", "1. …": a label's number counts nothing.
    begin = _short_label_end(text)
    if text[begin : begin + 2] in _LABEL_PAIRS:  # label_end, inlined: it runs on every draft
        begin = _long_label_end(text, begin)
    taken: list[tuple[int, int]] = [(0, begin)] if begin else []

    def free(start: int, end: int) -> bool:
        return not taken or all(end <= s or start >= e for s, e in taken)

    digit = _HAS_DIGIT.search(text)
    has_digit = digit is not None
    # Cheap tests first: most of the big patterns cannot match a text without these. A deadline
    # starts at most a few words before its first digit or date word.
    lowered = lower_same_length(text)
    # The draft's words that some test below looks for (most drafts: a handful).
    words = _HINT_WORDS.intersection(_WORDS_RX.findall(lowered))
    date_words = not words.isdisjoint(_DEADLINE_WORDS)
    events = not words.isdisjoint(_EVENT_WORDS)
    if digit or date_words or events:
        # Substring positions can only come early (inside a longer word): still safe.
        anchor = digit.start() if digit else len(text)
        if date_words:
            anchor = min(anchor, *(lowered.find(w) for w in words & _DEADLINE_WORDS))
        if events:
            anchor = min(anchor, *(lowered.find(w) for w in words & _EVENT_WORDS))
        deadlines: Iterator[re.Match[str]] | tuple[()] = _deadlines(
            text, lowered, words, date_words, events, anchor
        )
    else:
        deadlines = ()
    periods = not words.isdisjoint(_PERIOD_WORDS)  # "par rapport à", "vs", "compared" …
    for m in deadlines:
        if m.group("alone") and not m.group("lead"):
            continue
        # "en 48 h" or "en 2 jours" is a delay, not a deadline; _RELATIVE only takes months+.
        if _DELAY_END.search(m.group()):
            continue
        if m.group("dm") and not _day_month(m.group("dm"), lang):
            continue  # "au 45/12": no date
        shown = text[m.start() : m.end()].strip()  # as typed: the match ran on lower case
        found = Deadline(m.start(), m.end(), shown, _date_of(m.group()))
        if periods and _is_baseline_period(lowered, m):  # "vs Q2 2025": the baseline's date
            found.text = _PERIOD_LEAD.sub("", shown)
            out.periods.append(found)
        else:
            out.deadlines.append(found)
        taken.append((m.start(), m.end()))

    maybe_name = has_digit and (
        not words.isdisjoint(_NAME_WORDS)
        or "/" in text
        or "365" in text
        or _CAPITAL_NUMBER.search(text) is not None
    )
    if has_digit and ("'s" in text or "’s" in text or text.count(".") > 1):
        # A version ("2.4.1") and a model that owns something ("the 8080's performance").
        for m in _VERSION_OR_OWNER.finditer(text):
            if free(m.start(), m.end()):
                out.quantities.append(Quantity(m.start(), m.end(), m.group(), None, role="name"))
                taken.append((m.start(), m.end()))
    for m in NAME_NUMBER.finditer(text) if maybe_name else ():
        if m.start() == begin and begin and _looks_like_verb(m.group().split()[0]):
            continue  # "[Team] Sign 5 distributors": a verb, not a name like "Windows 11"
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

    if not words.isdisjoint(_ONE_ANY):
        _read_one(text, lowered, words, lang, out, taken)

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
        # A range needs "entre"/"between", a dash, or a verb that counts ("signer 3 à 5 …").
        if not words.isdisjoint(_RANGE_CUES) or "-" in text or "–" in text or "—" in text:
            out.quantities = _merge_ranges(text, lowered, out.quantities)
    _assign_roles(lowered, out.quantities, scope_nouns)
    out.settle()
    if out.deadlines and out.baselines:
        # "contre 9 % en 2025": a date right after a baseline dates the baseline, not the target.
        base_ends = [q.end for q in out.baselines]
        kept: list[Deadline] = []
        for d in out.deadlines:
            if any(0 <= d.start - e <= 2 for e in base_ends):
                d.text = _PERIOD_LEAD.sub("", d.text)
                out.periods.append(d)
            else:
                kept.append(d)
        out.deadlines = kept
        out.has_deadline = bool(kept)
    return out


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


def _start(q: Quantity) -> int:
    return q.start


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


# Cheap substring tests that must pass before the end-anchored patterns are searched: those
# patterns try every start position of the window, and most quantities need none of them.
_UP_KEYS = (
    "moins",
    "plus",
    "least",
    "more",
    "over",
    "above",
    "min",
    ">",
    "≥",
    "sup",
    "delà",
    "dessus",
    "greater",
    "higher",
    "excess",
    "upwards",
)
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
    "deçà",
    "barre",
    "fewer",
    "sous",
    "plafonn",
    "limit",
    "lower",
    "shorter",
    "smaller",
    "capped",
)
_NOT_KEYS = ("pas ", "not ", "no ", "sans ", "n'ex", "dépass")
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
_NOT_HINT = _hint(_NOT_KEYS)
_ANY_HINT = _hint(tuple(dict.fromkeys(_UP_KEYS + _DOWN_KEYS + _BASE_KEYS + _NOT_KEYS)))


def _ends_with(window: str, words: tuple[str, ...]) -> bool:
    """`window` (lower case) ends with one of `words`, as a whole word, give or take a trailing
    space."""
    w = window.rstrip(" ")
    if not w.endswith(words):  # one C call rejects the usual case
        return False
    for word in words:  # a loop, not any(): no generator built on this hot path
        if w.endswith(word) and (len(w) == len(word) or not w[-len(word) - 1].isalnum()):
            return True
    return False


def _ending(window: str, words: tuple[str, ...]) -> str | None:
    """The one of `words` that `window` ends with (see `_ends_with`), the longest first."""
    w = window.rstrip(" ")
    if not w.endswith(words):
        return None
    found = [
        word
        for word in words
        if w.endswith(word) and (len(w) == len(word) or not w[-len(word) - 1].isalnum())
    ]
    return max(found, key=len) if found else None


def _comparator(near: str) -> tuple[str, int] | None:
    """At least (">=") or at most ("<=") from the words just before a figure, and where those
    words start in `near`; the negations first ("pas plus de" is at most)."""
    if _NOT_HINT.search(near):
        if m := _NOT_MORE.search(near):
            return "<=", m.start()
        if m := _NOT_LESS.search(near):
            return ">=", m.start()
    if _UP_HINT.search(near) and (m := _COMPARATOR_UP.search(near)):
        return ">=", m.start()
    if _DOWN_HINT.search(near) and (m := _COMPARATOR_DOWN.search(near)):
        return "<=", m.start()
    return None


def _without_approx(window: str) -> str:
    """`window` without the "about", "environ" it ends with ("from roughly 6 hours")."""
    w = window.rstrip(" ")
    if w.endswith(_APPROX):
        for approx in _APPROX:
            if w.endswith(approx):
                return w[: -len(approx)].rstrip(" ")
    return w


def _delta_before(window: str) -> bool:
    """ "augmenter de 20 %", "reduce by about 20%": the figure is a change, not a level.
    `window` is in lower case."""
    w = window.rstrip(" ")
    if w.endswith(_APPROX):
        w = _without_approx(w)
    return _ends_with(w, _DELTA_BEFORE)


def _assign_roles(lowered: str, qs: list[Quantity], scope_nouns: frozenset[str]) -> None:
    """Target, baseline, scope, condition … from the words around each figure (lower case)."""
    last = len(qs) - 1
    for i, q in enumerate(qs):
        if q.role in ("name", "year"):
            continue
        at = q.lead if q.lead >= 0 else q.start  # a range's words: "entre", "de", "between"
        before = lowered[max(0, at - 40) : at]
        near = before[-28:]
        after = lowered[q.end : q.end + 40]
        if _is_scope(near, after, q, scope_nouns):
            q.role = "scope"
            continue
        if q.kind == "duration" and _is_time(q.unit.lower()):
            word = _ending(near, _CONDITION_BEFORE)
            if word is not None:
                # "Résoudre 90 % des tickets sous 48 h", "within 2 sprints": a duration the
                # result must fit in (at most), not the target count.
                q.role, q.comparator = "condition", "<="
                q.lead = at - (len(near) - len(near.rstrip(" "))) - len(word)
                continue
        hinted = _ANY_HINT.search(near) is not None  # most figures have no such word nearby
        threshold = _comparator(near) if hinted else None
        if threshold is not None:
            q.comparator, q.lead = threshold[0], at - len(near) + threshold[1]
        if (
            (hinted and _BASE_HINT.search(near) and _BASELINE_BEFORE.search(near))
            or _BASELINE_AFTER.match(after)
            or (":" in before and _BASELINE_LABEL.search(before))
        ):
            q.role = "baseline"
        # The next figure, over the baseline's year ("from 1.37 in calendar year 2021 to 1.22").
        j = i + 1
        while j < last and qs[j].role == "year":
            j += 1
        nxt = qs[j] if j <= last else None
        between = lowered[q.end : nxt.start] if nxt is not None else ""
        if (
            nxt is not None
            and nxt.role not in ("name", "year")
            and _ends_with(
                _without_approx(near) if near.endswith(_APPROX_END) else near, _RANGE_FROM
            )
            and _range_to(between)
        ):
            q.role = "baseline"
            if not q.unit and nxt.unit:
                q.unit = nxt.unit
                if q.kind != "placeholder":
                    q.kind = nxt.kind
            continue
        # "réduire de plus de 20 %" is a change; in "pas plus de 3", "de" belongs to the threshold.
        change = near[: threshold[1]] if threshold is not None else near
        if q.role == "target" and _delta_before(change) and not _range_to(between):
            q.relative = q.relative or q.kind in ("percent", "points", "number", "money")


# --- ranges ------------------------------------------------------------------------------------

# Verbs that count or hold: after them "de 10 à 15" is a range ("recruter de 10 à 15 commerciaux",
# "maintenir le stock de 20 à 30 jours"); after any other, from a baseline to a target. A range
# is written low to high, so "de 12 à 8" is always a change.
_RANGE_VERBS = word_set(_FOLDER, "counting-verbs") | word_set(_FOLDER, "holding-verbs")
# The verbs that count, for "Hire one analyst" (see `_read_one`).
_COUNT_VERBS = word_set(_FOLDER, "counting-verbs")
_RANGE_OPEN = ("entre", "between")
_RANGE_CUES = _RANGE_VERBS | frozenset(_RANGE_OPEN)
_RANGE_AND = (" et ", " and ")
_RANGE_TO_WORDS = (" à ", " a ", " to ")
_RANGE_DASHES = ("-", "–", "—", " - ", " – ", " — ", " –", "– ")
_RANGE_KINDS = frozenset({"number", "percent", "money", "duration", "points", "placeholder"})
# Words that are no verb though they end like one ("nombre", "offre"): see `_verb`.
_NOT_VERBS = word_set(_FOLDER, "not-verbs")


def _merge_ranges(text: str, lowered: str, qs: list[Quantity]) -> list[Quantity]:
    """ "entre 200 et 300 visites par mois", "10–15 %", "recruter de 10 à 15 commerciaux":
    two figures that bound one target become one quantity with both ends and the unit."""
    n = len(qs)
    if all(qs[k + 1].start - qs[k].end > 5 for k in range(n - 1)):
        return qs  # no two figures close enough: the usual case
    out: list[Quantity] = []
    i = 0
    while i < n:
        a = qs[i]
        b = qs[i + 1] if i + 1 < n else None
        lead = _range_lead(text, lowered, a, b) if b is not None else None
        if b is None or lead is None:
            out.append(a)
            i += 1
            continue
        out.append(_range(text, a, b, lead))
        i += 2
    return out


def _range_lead(text: str, lowered: str, a: Quantity, b: Quantity) -> int | None:
    """Where the range made of `a` and `b` starts (its "entre", "between", "de" …), or None
    when they are no range."""
    if a.kind not in _RANGE_KINDS or a.role == "name" or b.role in ("name", "year"):
        return None
    if b.kind not in _RANGE_KINDS and b.kind != "score":
        return None
    if b.start - a.end > 5 or (a.unit and b.unit and a.kind != b.kind):
        return None
    between = lowered[a.end : b.start]
    before = lowered[max(0, a.start - 12) : a.start]
    if between in _RANGE_AND:  # only after "entre" / "between": "10 et 15 %" alone is two
        for word in _RANGE_OPEN:
            if before.endswith(word + " "):
                return a.start - len(word) - 1
        return None
    if a.role == "year":
        return None  # "2025-2026", "2025 à 2026": a period
    if a.value is not None and b.value is not None and _scaled(a, b) >= b.value:
        return None  # "de 12 à 8", "12%-8%": a change
    if between in _RANGE_DASHES:
        return a.start
    if between not in _RANGE_TO_WORDS:
        return None
    # "de X à Y", "from X to Y", "X à Y" go from a baseline to a target ("faire passer le taux
    # de 2 % à 3 %", "NPS de 30 à 45", "Increase NPS 30 to 45") unless the verb counts or
    # holds: "recruter de 10 à 15 commerciaux", "signer 3 à 5 distributeurs".
    begin = label_end(text)
    first = _FIRST_WORD.match(text, begin)
    if first and first.group().lower() in _OPENER_WORDS and (op := _OPENER.match(text, begin)):
        first = _FIRST_WORD.match(text, op.end())
    if not first or first.group().lower() not in _RANGE_VERBS:
        return None
    w = before.rstrip(" ")
    last = w[w.rfind(" ") + 1 :]
    return a.start - (len(before) - len(w)) - len(last) if last in _RANGE_FROM else a.start


def _scaled(a: Quantity, b: Quantity) -> float:
    """The low end's value in the high end's unit: "1,5 à 2 M€" is 1.5 M€."""
    assert a.value is not None
    if a.unit or not b.unit:
        return a.value
    scale = _SCALE.get(b.unit.split()[0].rstrip("€$"))
    return a.value * scale if scale else a.value


def _range(text: str, a: Quantity, b: Quantity, lead: int) -> Quantity:
    if a.unit and a.unit != b.unit:
        low = a.text
    else:
        low = text[a.start : (a.noun if a.noun >= 0 else a.end - len(a.unit))].rstrip()
    value = _scaled(a, b) if a.value is not None else None
    return Quantity(
        a.start,
        b.end,
        f"{low}–{b.text}",
        value,
        b.unit or a.unit,
        b.kind if b.unit or b.kind != "number" else a.kind,
        relative=a.relative or b.relative,
        low=value,
        high=b.value,
        lead=lead,
        noun=b.noun,
    )


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


# --- parts -------------------------------------------------------------------------------------

# Words stripped from the ends of an extracted metric ("le taux de" → "taux"). Word sets, not a
# regular expression: an end-anchored pattern tries every position of the text.
# Punctuation is the same in both languages: it stays here.
_LEAD_WORDS = word_set(_FOLDER, "metric-lead-words") | frozenset(["~", ":", ",", "-"])
_TRAIL_WORDS = word_set(_FOLDER, "metric-trail-words") | frozenset([":", "=", ">", "<", "≥", "≤"])
_TRAIL_PAIRS = word_set(_FOLDER, "metric-trail-pairs")


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
        if target.high is not None:
            low, _, high = target.text.partition("–")
            unit = target.unit
            if unit and not low.endswith(unit) and high.endswith(unit):
                number = high[: len(high) - len(unit)]
                low += number[len(number.rstrip()) :] + unit  # "38" + "%", "200" + " visites"
            parts.target_low, parts.target_high = low, high
    if baseline:
        # "de 4 à 2 jours": the baseline borrows the target's unit.
        # ("$ k" is in "$250k", "/5" in "3,1 / 5")
        compact = baseline.text.replace(" ", "")
        shown = baseline.unit and not all(u in compact for u in baseline.unit.split())
        parts.baseline = f"{baseline.text} {baseline.unit}" if shown else baseline.text
    if ex.deadlines:
        parts.deadline = ex.deadlines[-1].text
        parts.deadline_date = ex.deadlines[-1].date
    if ex.periods:
        parts.baseline_period = ex.periods[0].text
    condition = next((q for q in ex.quantities if q.role == "condition"), None)
    if condition is not None and ex.targets:  # alone, the duration is the target itself
        parts.condition = text[
            max(condition.lead, 0) if condition.lead >= 0 else condition.start : condition.end
        ]
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
        high = target.high if target.high is not None else target.value
        if target.value > baseline.value:
            return "up"
        if high < baseline.value:
            return "down"
        return "hold"  # the same level, or a range around the baseline
    if target and target.comparator and not target.relative:
        # "au plus 10 minutes", "under 2%": at most, down; "au moins 40", "≥ 40": at least, up.
        # For a change ("réduire de plus de 20 %") the threshold bounds its size: the verb says.
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


# The metric is the whole noun phrase naming what is measured, up to a natural boundary (the
# figures, "de X à Y", the deadline, a purpose, the end). A longer one is cut at most at this
# many words, and only where a phrase ends: after a content word and before a preposition,
# a relative pronoun or a conjunction ("part des clients | qui renouvellent …").
METRIC_MAX_WORDS = 16


def _metric(text: str, ex: Extraction) -> str | None:
    """The measured thing: the words between the verb and the first figure or date."""
    # Where each figure or date starts, its qualifying words included ("entre", "au plus").
    stops = sorted(
        [q.lead if 0 <= q.lead < q.start else q.start for q in ex.quantities if q.role != "name"]
        + [d.start for d in ex.deadlines]
        + [d.start for d in ex.periods]
    )
    begin = label_end(text)  # "KR1 : …": the label is no part of the metric
    if stops and stops[0] <= begin + 1:
        # "95 % des demandes traitées sous 48 h": the metric follows the first figure.
        return _join(_after(text, ex, stops))
    at = begin
    first_word = _FIRST_WORD.match(text, begin)
    low = first_word.group().lower() if first_word else ""
    if low in _OPENER_WORDS and (opener := _OPENER.match(text, begin)):
        at = opener.end()  # "mettre en place …", "essayer de réduire …"
        first_word = _FIRST_WORD.match(text, at)
        low = first_word.group().lower() if first_word else ""
    verb = bool(first_word and _looks_like_verb(low))
    start = first_word.end() if first_word and verb else at
    if low in _CAUSATIVE_WORDS and (causative := _CAUSATIVE.match(text, at)):
        start = causative.end()  # "faire passer le taux …", "faire baisser les retards …"
    if verb and (second := _AND_VERB.match(text, start)) and _verb(second.group(1), ex.lang):
        start = second.end()  # "Attract and retain top talent"
    chunk = text[start : stops[0] if stops else len(text)]
    if _CHUNK_HINT.search(chunk) and (end := _CHUNK_END.search(chunk)):
        chunk = chunk[: end.start()]
    words = _trim(_one_idea(chunk, ex.lang).split())
    if stops and (
        not words
        # "Post significant 15% gains …": the adjective right before the figure qualifies
        # the noun after it
        or (words[-1].lower() in _NOT_A_METRIC and chunk.rstrip().endswith(words[-1]))
        or (
            # "Resolve 90% of tickets": a first word we did not know as a verb, then "of …"
            len(words) == 1
            and not verb
            and start == begin
            and _OF_AFTER.match(text, _first_mark(ex, stops[0])[0])
        )
    ):
        # "Réduire de 30 % les déviations qualité", "Deliver strong 20% growth": the metric
        # comes after the figure.
        tail = _after(text, ex, stops, dates_from_start=True)
        if tail and not _modifiers_only(tail):
            return _join(tail)
    if not words or _modifiers_only(words):
        return None
    if len(words) == 1 and len(words[0]) <= 4 and words[0].islower():
        return None
    return _join(words)


def _modifiers_only(words: list[str]) -> bool:
    """A few adjectives and nothing they qualify ("strong"; "forte croissance" is no such)."""
    return len(words) <= 3 and _NOT_A_METRIC.issuperset(map(str.lower, words))


def _one_idea(chunk: str, lang: str) -> str:
    """`chunk` up to a second idea: "culture qualité | et accélérer …", "…, rally the teams"."""
    if "," not in chunk and " et " not in chunk and " and " not in chunk and " o" not in chunk:
        return chunk
    for m in _SECOND_IDEA.finditer(chunk):
        if _verb(m.group(1), lang) and chunk[: m.start()].strip():
            return chunk[: m.start()]
    return chunk


def _first_mark(ex: Extraction, stop: int) -> tuple[int, int, bool]:
    """The figure or date that starts at `stop`: where it ends, where the words after it start
    ("300 | visites par mois"), and whether it is a date."""
    for q in ex.quantities:
        if q.role != "name" and (q.lead if 0 <= q.lead < q.start else q.start) == stop:
            return q.end, q.noun if q.noun >= 0 else q.end, False
    d = next(d for d in ex.deadlines + ex.periods if d.start == stop)
    return d.end, d.end, True


def _after(
    text: str, ex: Extraction, stops: list[int], dates_from_start: bool = False
) -> list[str]:
    """The words after the first figure, up to the next figure or date. After a date that
    opens the words left to read ("Shorten the year-end close") they start with the date."""
    stop = stops[0]
    end, after, date = _first_mark(ex, stop)
    later = [s for s in stops if s >= end and s > stop]
    if dates_from_start and date and text[end : later[0] if later else len(text)].strip():
        after = stop  # the date is a word of the phrase that goes on after it
    tail = text[after : later[0] if later else len(text)]
    if _CHUNK_HINT.search(tail) and (cut := _ENDS.search(tail)):
        tail = tail[: cut.start()]
    return _trim(_one_idea(tail, ex.lang).split())


def _join(words: list[str]) -> str | None:
    """The metric's words, cut where a phrase ends if they are more than METRIC_MAX_WORDS."""
    if not words:
        return None
    if len(words) > METRIC_MAX_WORDS:
        cut = next(
            (
                k
                for k in range(METRIC_MAX_WORDS, 0, -1)
                if _starts_phrase(words[k]) and words[k - 1].lower() not in _NO_END
            ),
            None,
        )
        if cut is None:  # no phrase boundary: at least never end on a function word
            cut = next(
                (k for k in range(METRIC_MAX_WORDS, 0, -1) if words[k - 1].lower() not in _NO_END),
                METRIC_MAX_WORDS,
            )
        words = _trim(words[:cut])
    return " ".join(words) or None


def _verb(word: str, lang: str) -> bool:
    """A word that opens a second idea: an infinitive in French, a common verb in English."""
    w = word.lower()
    if w in _COMMON_VERBS:
        return True
    return lang == "fr" and len(w) > 4 and w.endswith(("er", "ir", "re")) and w not in _NOT_VERBS


def _starts_phrase(word: str) -> bool:
    w = word.lower()
    return w in _PHRASE_STARTS or w.startswith(("d'", "qu'", "l'"))


_OPENER_WORDS = frozenset(
    [
        "mettre",
        "mise",
        "mettons",
        "mettez",
        "set",
        "roll",
        "carry",
        "scale",
        "look",
        "put",
        "commencer",
        "continuer",
        "chercher",
        "viser",
        "essayer",
        "tenter",
        "start",
        "try",
        "continue",
        "aim",
        "seek",
        "strive",
    ]
)
_CAUSATIVE_WORDS = frozenset(["faire", "fait", "faisons"])
_SECOND_IDEA = re.compile(r"(?:,| (?:et|and|ou|or|&)) ([\w'-]+)")
_AND_VERB = re.compile(r" (?:et|and|ou|or|&) ([\w'-]+)")
_OF_AFTER = re.compile(r" (?:of|de|des|du|d')\b")
# Prepositions, relative pronouns and conjunctions: a phrase can end before one.
_PHRASE_STARTS = word_set(_FOLDER, "phrase-starts")
# Words a metric never ends on: the words above, determiners, possessives.
_NO_END = (
    _PHRASE_STARTS
    | _LEAD_WORDS
    | _TRAIL_WORDS
    | frozenset(["l'", "d'", "qu'", "leur", "leurs", "their", "his", "her", "this", "these"])
    | frozenset(["those", "ce", "cet", "cette", "ces", "chaque", "each", "every", "tous", "all"])
)
# Words that cannot be a metric on their own: they qualify one ("strong", "forte").
_NOT_A_METRIC = word_set(_FOLDER, "not-a-metric")
_PURPOSE = re.compile(r"\b(?:pour|afin|so that|in order|grâce|through|via|en vue)\b|[;(]")
# Words that end a metric wherever it is read (after its figure too): a comparison, a deadline's
# lead, a second action ("tout en optimisant", "while growing").
_ENDS = re.compile(
    r"\bpour(?= [a-zà-ÿ]+(?:er|ir|re)\b)|\b(?:afin|so that|in order to|par rapport|relative to|"
    r"versus|vs\b|compar(?:é|ée|és|ées|ed|ing)s? (?:à|au|aux|with|to)|tout en|while|whilst|"
    r"d'ici|until|jusqu'au)\b|(?<![\w-])(?:avant|before)(?![\w-])|[;(]"
)
_CHUNK_END = re.compile(_PURPOSE.pattern + "|" + _ENDS.pattern)  # before the figure: both
# Without one of these, neither pattern can match (they start with a look-behind or a \b, which
# keeps re from scanning ahead fast): most chunks are rejected by this one search.
_CHUNK_HINT = _hint(
    (
        "pour",
        "afin",
        "so that",
        "in order",
        "grâce",
        "through",
        "via",
        "en vue",
        "par rapport",
        "relative",
        "versus",
        "vs",
        "compar",
        "tout en",
        "while",
        "whilst",
        "d'ici",
        "until",
        "jusqu'au",
        "avant",
        "before",
        ";",
        "(",
    )
)
# Words before the verb that name no metric: "mettre en place", "essayer de", "start to".
_OPENER = re.compile(
    r"(?:(?:mettre|mise|mettons|mettez) (?:en place|en œuvre|en oeuvre|à jour|en ligne)|"
    r"(?:set|roll|carry|scale|look|put) (?:up|out|into|in place)|"
    r"(?:commencer|continuer|chercher|viser) à|(?:essayer|tenter) d[e']|"
    r"(?:start|try|continue|aim|seek|strive) to) ?",
    re.IGNORECASE,
)


_FIRST_WORD = re.compile(r"[\w'-]+")
_CAUSATIVE = re.compile(r"(?:faire|fait|faisons) [\w-]+(?:er|ir|re)\b", re.IGNORECASE)


_COMMON_VERBS = word_set(_FOLDER, "common-verbs")
_FIRST_WORD_VERBS = word_set(_FOLDER, "first-word-verbs")


def _looks_like_verb(word: str) -> bool:
    w = word.lower()
    if w in _COMMON_VERBS:
        return True
    return (
        w.endswith(("er", "ir", "re", "ize", "ise", "ate"))
        or bool(_UP_WORDS.match(w) or _DOWN_WORDS.match(w) or _HOLD_WORDS.match(w))
        or w in _FIRST_WORD_VERBS
    )


# Every word `extract` looks for in a draft: it keeps only these of the draft's words.
_HINT_WORDS = frozenset().union(
    _DEADLINE_WORDS,
    _EVENT_WORDS,
    _NOW_HINTS,
    _NEXT_HINTS,
    _SPAN_WORDS,
    _YEARS_WORDS,
    _PERIOD_WORDS,
    _NAME_WORDS,
    _NUMBER_WORDS,
    _ONE_ANY,
    _TIMES_WORDS,
    _ZERO_WORDS,
    _RANGE_CUES,
)
