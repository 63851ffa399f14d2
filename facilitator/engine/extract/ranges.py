"""Ranges: "entre 200 et 300 visites", "10–15 %", "recruter de 10 à 15 commerciaux" make one
quantity with a low and a high end; "de 12 à 8" is a change, not a range.
"""

from __future__ import annotations

from facilitator.engine.extract.model import Quantity
from facilitator.engine.extract.parts import _FIRST_WORD, _OPENER, _OPENER_WORDS
from facilitator.engine.extract.quantities import _RANGE_VERBS, _SCALE
from facilitator.engine.extract.roles import _RANGE_FROM
from facilitator.engine.labels import label_end

_RANGE_OPEN = ("entre", "between")
_RANGE_CUES = _RANGE_VERBS | frozenset(_RANGE_OPEN)
_RANGE_AND = (" et ", " and ")
_RANGE_TO_WORDS = (" à ", " a ", " to ")
_RANGE_DASHES = ("-", "–", "—", " - ", " – ", " — ", " –", "– ")
_RANGE_KINDS = frozenset({"number", "percent", "money", "duration", "points", "placeholder"})


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
