"""The role of each figure: target, baseline ("contre 9 % en 2025"), scope ("sur 3 sites"),
condition ("sous 48 h"), and its comparator ("au moins", "under"), read from the words before
and after it.
"""

# Regular-expression tables read better unbroken.
# ruff: noqa: E501

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from facilitator.engine.extract.patterns import _ending, _ends_with, _hint
from facilitator.engine.extract.quantities import _CONDITION_BEFORE, _is_time

if TYPE_CHECKING:
    from facilitator.engine.extract.model import Quantity


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
    r"par rapport à|was|était|up from|down from|(?:en|in) (?:19|20)\d\d)(?: ?:| =)?"
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
_CONFIDENCE = re.compile(r"\b(?:confiance|confidence|probabilit[ée]|likelihood)\s?[:=]?\s?$")
_WINDOW_BEFORE = re.compile(r"\b(?:rolling|trailing|sliding|last|past) $")
_WINDOW_AFTER = re.compile(r"^ (?:glissante?s?|rolling|roulante?s?)\b")
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
    "up from",
    "down from",
    " en 19",
    " en 20",
    " in 19",
    " in 20",
)


_UP_HINT, _DOWN_HINT, _BASE_HINT = _hint(_UP_KEYS), _hint(_DOWN_KEYS), _hint(_BASE_KEYS)
_NOT_HINT = _hint(_NOT_KEYS)
_ANY_HINT = _hint(tuple(dict.fromkeys(_UP_KEYS + _DOWN_KEYS + _BASE_KEYS + _NOT_KEYS)))


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
        if q.kind == "percent" and _CONFIDENCE.search(near):
            q.role = "name"  # "(confiance : 60 %)": how sure the team is, not a target
            continue
        if q.kind == "duration" and (_WINDOW_BEFORE.search(near) or _WINDOW_AFTER.match(after)):
            # "measured over a rolling 30 days", "sur 3 mois glissants": the period the measure
            # covers, neither a target nor a deadline.
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
