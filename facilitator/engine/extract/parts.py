"""The parts of a key result, read from an extraction: metric, baseline, target, unit,
direction, deadline, condition ("sous 48 h") and baseline period ("vs T2 2025").

The metric is the noun phrase between the verb and the first figure ("Passer le taux de
réclamation de 4 % à 2 %" → "taux de réclamation"), trimmed of function words at both ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.engine.extract.patterns import _FOLDER, _hint
from facilitator.engine.labels import label_end
from facilitator.engine.lexicon import word_set

if TYPE_CHECKING:
    from facilitator.engine.extract.model import Extraction, Quantity


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


# Words that are no verb though they end like one ("nombre", "offre"): see `_verb`.
_NOT_VERBS = word_set(_FOLDER, "not-verbs")


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
