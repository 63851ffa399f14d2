"""`extract()`: one pass over a draft that finds its figures and deadlines and gives each
figure its role. It reads only the draft's words that some pattern needs (most drafts have
few), and tries each pattern only where it can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from facilitator.engine.extract.dates import (
    _DEADLINE_WORDS,
    _DELAY_END,
    _EVENT_WORDS,
    _NEXT_HINTS,
    _NOW_HINTS,
    _PERIOD_LEAD,
    _PERIOD_WORDS,
    _SPAN_WORDS,
    _YEARS_WORDS,
    _date_of,
    _day_month,
    _deadlines,
    _is_baseline_period,
)
from facilitator.engine.extract.model import Deadline, Extraction, Quantity
from facilitator.engine.extract.parts import _looks_like_verb
from facilitator.engine.extract.patterns import _HAS_DIGIT, lower_same_length
from facilitator.engine.extract.quantities import (
    _CAPITAL_NUMBER,
    _MULTIPLIER_STEM,
    _NAME_WORDS,
    _NUMBER_WORDS,
    _ONE_ANY,
    _TIMES_WORDS,
    _VERSION_OR_OWNER,
    _WORD_NUMBER,
    _ZERO_WORDS,
    MULTIPLIER,
    NAME_NUMBER,
    PLACEHOLDER,
    SCORE,
    ZERO,
    _followed_by_noun,
    _is_placeholder,
    _numbers,
    _read_number,
    _read_one,
    _with_unit,
    _zero_counts,
)
from facilitator.engine.extract.ranges import _RANGE_CUES, _merge_ranges
from facilitator.engine.extract.roles import _assign_roles
from facilitator.engine.labels import label_end
from facilitator.engine.numbers import (
    parse_digits,
    parse_words,
)

_ZERO_DIGIT = re.compile(r"0(?<![\d.,]0)(?![\d.,])")  # the literal first: re scans fast
_PLACEHOLDER_HINT = re.compile(r"\b[XYZN]")


_WORDS_RX = re.compile(r"[a-zà-ÿ]+")


def extract(text: str, lang: str, scope_nouns: frozenset[str] = frozenset()) -> Extraction:
    out = Extraction(text, lang=lang)
    # "KR2 : …", "1. …": a label's number counts nothing.
    begin = label_end(text)
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


def _start(q: Quantity) -> int:
    return q.start


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
