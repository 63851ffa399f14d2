"""Choosing the proposals: `propose()` scores the library's measures against the objective and
keeps an outcome, a leading indicator and a counter-measure (experiments for a learning
objective), distinct from one another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.engine.context import Context
from facilitator.engine.features import first_word
from facilitator.engine.french import typography
from facilitator.engine.model import Proposal
from facilitator.engine.proposals.library import KINDS, MAX_PROPOSALS, MeasureError, _bundled
from facilitator.engine.proposals.reading import (
    _APOSTROPHE,
    _DETS,
    _MEANS,
    _flagged,
    _metric_article,
    _people,
    _read,
    _vague,
)
from facilitator.engine.proposals.wording import _de, _deadline, _fill, _who, _with_article

if TYPE_CHECKING:
    from facilitator.engine.proposals.library import Field, Library, Measure
    from facilitator.engine.proposals.reading import _Phrase, _Reading


def propose(ctx: Context, library: Library | None = None) -> list[Proposal]:
    """Two to four key results for the objective in `ctx`: an outcome first, a leading
    indicator and a counter-measure; experiment key results for a learning objective."""
    if library is None:
        found = _bundled()
        if isinstance(found, MeasureError):
            return []  # an edited library that no longer loads: the scores still come
        library = found
    r = _read(ctx, library.words)
    r.found_main = library.found(r.main, r.main_text)
    r.found_why = library.found(r.why, r.why_text) - r.found_main
    if _learning(r):
        return _experiments(r, library)
    return _measures(r, library)


def _learning(r: _Reading) -> bool:
    text = r.ctx.text.lower().translate(_APOSTROPHE).lstrip(" «“\"'-–—•*")
    text = re.sub(r"^(?:o\d+|objecti(?:f|ve)\s*\d*)\s*[:.)-]\s*", "", text)
    return text.startswith(r.words.learning[r.lang])


_WEIGHTS = {"outcome": (1.0, 2.0), "leading": (2.0, 1.0), "counter": (1.0, 1.0)}
_SAME_FIELD = 1.5  # a leading indicator or a counter-measure from the outcome's field
_GUARD = 3.0  # a counter-measure that watches a measure already chosen


def _scored(r: _Reading, m: Measure, field_score: int) -> float:
    """Its own keywords (the main clause counts most for a leading indicator, the "why" for an
    outcome), plus its field's: a measure of a field the objective is about is a candidate."""
    main = len(m.keywords & r.found_main)
    why = len(m.keywords & r.found_why)
    w_main, w_why = _WEIGHTS[m.kind] if r.has_purpose else (1.0, 1.0)
    return w_main * main + w_why * why + min(field_score, 4)


def _proposal(r: _Reading, m: Measure, values: Mapping[str, str]) -> Proposal | None:
    text = _fill(m.wording[r.lang], values)
    if "{" in text:
        return None  # a slot this objective cannot fill ({object} without a phrase)
    why = m.why[r.lang] if m.why else r.words.kinds[m.kind][r.lang]
    return Proposal(
        typography(text, r.lang),
        m.kind,
        typography(why, r.lang),
        m.source,  # a reference, in its own language
        m.key,
    )


class _Values:
    """The slots' values for one objective, the people ones per field (its default)."""

    def __init__(self, r: _Reading, obj: _Phrase | None) -> None:
        self.who = _who(r, "")
        self.base = {"deadline": _deadline(r)}
        if obj is not None:
            self.base["object"] = obj.bare
        self.lang = r.lang

    def of(self, f: Field) -> dict[str, str]:
        who = self.who or f.who[self.lang]
        return {**self.base, "who": who, "de_who": _de(who, self.lang)}


def _object(r: _Reading) -> _Phrase | None:
    for purpose in (False, True):
        for p in r.phrases:
            if p.purpose == purpose and not _people(r, p) and not _vague(r, p):
                return p
    return None


def _own_words(r: _Reading, purpose_outcome: bool) -> Proposal | None:
    """A key result in the objective's own words: the measure it names ("la part de marché en
    officine"), or the things it wants fewer of ("le nombre de retards de livraison")."""
    words, lang = r.words, r.lang
    own = words.own_words
    ordered = sorted(r.phrases, key=lambda p: not p.purpose)  # the "why" names the outcome
    for p in ordered:
        size = len(p.bare.split())
        if not p.direct or _people(r, p) or _flagged(r, p) or size > 8 or _complement(r, p):
            continue
        if size == 1 and not p.head_words.isdisjoint(words.generic_metric_nouns[lang]):
            continue  # "le temps", "price": too little to measure; "la rentabilité" will do
        article = _metric_article(r, p)
        if article is None:
            continue
        phrase = _with_article(r, p, article)
        hold = not p.purpose and not r.verb.isdisjoint(words.hold[lang])
        template = own["hold" if hold else "metric"][lang]
        target = _target(r, p)
        if target and not hold:
            template = re.sub(r"\bY\b", target, template, count=1)
        kind = "leading" if (not p.purpose and purpose_outcome) else "outcome"
        return _own(r, template, phrase, kind, "own-words/metric")
    kind = "leading" if purpose_outcome else "outcome"
    if r.verb.isdisjoint(words.down[lang]):
        if r.verb.isdisjoint(words.up[lang]):
            return None
        whole = _whole_object(r)
        if whole is None:
            return None
        return _own(r, own["count_up"][lang], whole, kind, "own-words/count")
    for p in r.phrases:
        if p.purpose or not p.direct or not p.plural or _people(r, p) or _vague(r, p):
            continue
        if _after_first_word(r, p):
            return _own(r, own["count"][lang], p.bare, kind, "own-words/count")
    return None


def _complement(r: _Reading, p: _Phrase) -> bool:
    """Is `p` the complement of a noun before it (« Modèles de notes prêts à l'emploi »)? Its
    measure would not be the draft's: not « les notes prêts »."""
    toks = r.ctx.toks
    before = p.start - 1
    while before >= 0 and toks.lower[before].translate(_APOSTROPHE) in _DETS[r.lang]:
        before -= 1
    if before < 1 or toks.lower[before].translate(_APOSTROPHE) not in ("de", "d'", "of"):
        return False
    # The French model tags a noun before « de » as an adjective as often as not (« modèles »).
    return toks.pos is not None and toks.pos[before - 1] in ("NOUN", "PROPN", "ADJ")


def _after_first_word(r: _Reading, p: _Phrase) -> bool:
    """Does `p` follow the draft's first word, its determiners apart? The things to have fewer
    of are the object of the verb that opens the draft ("Reduce delivery delays"), not of a
    verb further on ("… users can perform common tasks in less time")."""
    toks = r.ctx.toks
    first = first_word(toks)
    if first is None:
        return False
    between = range(first + 1, p.start)
    return all(toks.lower[k].translate(_APOSTROPHE) in _DETS[r.lang] for k in between)


def _whole_object(r: _Reading) -> str | None:
    """All the words after the verb, when they name things to have more of and nothing else
    ("Increase daily active users across platforms", « Augmenter les abonnés payants »): a
    count of them is the measure. Cut, it would change the measure (not "active users"), so
    it is taken whole or not at all: no verb, no figure, no means, no measure noun in it."""
    ctx, lang = r.ctx, r.lang
    toks = ctx.toks
    first = first_word(toks)
    if first is None or toks.pos is None or r.has_purpose:
        return None
    dated = {
        i for i in range(len(toks)) for d in ctx.ex.deadlines if d.start <= toks.idx[i] < d.end
    }
    span = [i for i in range(first + 1, len(toks)) if i not in dated]
    while span and not toks.text[span[-1]][0].isalnum():
        span.pop()
    if not span or span != list(range(span[0], span[-1] + 1)):
        return None  # nothing after the verb, or a date in the middle of it
    if any(
        toks.pos[i] in ("VERB", "AUX", "NUM") or toks.lower[i] in _MEANS[lang] for i in span
    ) or any(q.start >= toks.idx[span[0]] for q in ctx.ex.quantities):
        return None
    phrase = next((p for p in r.phrases if not p.purpose and p.direct), None)
    if phrase is None or not phrase.plural or _vague(r, phrase) or _flagged(r, phrase):
        return None
    if not phrase.head_words.isdisjoint(r.words.metric_nouns[lang]):
        return None  # "the number of …", « le taux de … »: a measure, not things to count
    lo, hi = ctx.chars(span[0], span[-1] + 1)
    text = ctx.text[lo:hi]
    # Counted, things take no article: "the number of users", « le nombre d'abonnés ».
    return re.sub(r"^(?:the|les|des)\s+", "", text, flags=re.IGNORECASE)


def _target(r: _Reading, p: _Phrase) -> str | None:
    """The objective's own target, when it is the level of the measure it names."""
    ex = r.ctx.ex
    if len(ex.targets) != 1 or ex.baselines:
        return None
    q = ex.targets[0]
    if q.relative or q.comparator or q.kind in ("placeholder", "zero", "multiplier"):
        return None
    if q.start > r.ctx.toks.idx[p.start]:
        return None  # the figure comes after the phrase: about something else
    return q.text


def _own(r: _Reading, template: str, phrase: str, kind: str, key: str) -> Proposal:
    own, lang = r.words.own_words, r.lang
    values = {"phrase": phrase, "de_phrase": _de(phrase, lang), "deadline": _deadline(r)}
    text = _fill(template, values)
    why = _fill(own["why"][lang], {"phrase": phrase})
    return Proposal(
        typography(text, lang),
        kind,
        typography(why, lang),
        typography(own["source"][lang], lang),
        key,
    )


@dataclass(slots=True)
class _Ranked:
    score: float
    field: Field
    measure: Measure


def _measures(r: _Reading, library: Library) -> list[Proposal]:
    fields = library.role("field")
    every = r.found_main | r.found_why
    field_scores = {f.name: len(f.keywords & every) for f in fields}
    # The measures of the fields the objective is about, and those of other fields that share
    # at least two of its keywords (one shared word is not enough), in the library's order.
    shared: dict[tuple[int, int], int] = {}
    for k in every:
        for place in library.by_keyword.get(k, ()):
            shared[place] = shared.get(place, 0) + 1
    positions = {place for place, count in shared.items() if count >= 2}
    for order, f in enumerate(fields):
        if field_scores[f.name]:
            positions.update((order, n) for n in range(len(f.measures)))
    ranked: list[_Ranked] = []
    for order, n in sorted(positions):
        f = fields[order]
        m = f.measures[n]
        score = _scored(r, m, field_scores[f.name])
        if score > 0:  # ties go to the field and the measure written first
            ranked.append(_Ranked(score - order * 1e-3 - n * 1e-5, f, m))
    values = _Values(r, _object(r))
    purpose_outcome = r.has_purpose and any(
        m.kind == "outcome" and m.keywords & r.found_why for f in fields for m in f.measures
    )
    own = _own_words(r, purpose_outcome)
    taken: set[str] = set()

    def best(kind: str, near: str = "") -> tuple[Proposal, _Ranked] | None:
        def rank(c: _Ranked) -> float:
            bonus = _SAME_FIELD if near and c.field.name == near else 0.0
            if kind == "counter" and library.guards[c.measure.key] & taken:
                bonus += _GUARD
            return c.score + bonus

        pool = [c for c in ranked if c.measure.kind == kind and c.measure.key not in taken]
        for c in sorted(pool, key=rank, reverse=True):
            if (p := _proposal(r, c.measure, values.of(c.field))) is not None:
                return p, c
        return None

    def general(kind: str) -> Proposal | None:
        """The general measures, for an objective no field's keywords match."""
        for f in library.role("fallback"):
            for m in f.measures:
                if m.kind == kind and (p := _proposal(r, m, values.of(f))) is not None:
                    return p
        return None

    first = best("outcome")
    near = first[1].field.name if first is not None else ""
    outcome = own if own is not None and own.kind == "outcome" else None
    if outcome is not None:  # the field the objective's own measure belongs to
        said = frozenset(re.findall(r"[\w'-]+", outcome.text.lower()))
        scores = {f.name: len(f.keywords & said) for f in fields}
        if any(scores.values()):
            near = max(scores, key=lambda n: (scores[n], field_scores[n]))
    elif first is not None:
        outcome = first[0]
    chosen = []
    for kind, mine in (("outcome", outcome), ("leading", None), ("counter", None)):
        if mine is None and kind == "leading" and own is not None and own.kind == "leading":
            mine = own
        if mine is None:
            found = best(kind, near)
            mine = found[0] if found is not None else general(kind)
        if mine is not None:
            chosen.append(mine)
            taken.add(mine.measure)
    # A fourth: the best outcome or leading indicator not yet chosen.
    extra = [
        c
        for c in (best("outcome", near), best("leading", near))
        if c is not None and not c[1].measure.keywords.isdisjoint(every)
    ]
    if extra and len(chosen) < MAX_PROPOSALS:
        more = max(
            extra, key=lambda c: c[1].score + (_SAME_FIELD if c[1].field.name == near else 0)
        )
        at = sum(1 for p in chosen if p.kind == "outcome")
        if more[0].kind == "leading":
            at += sum(1 for p in chosen if p.kind == "leading")
        chosen.insert(at, more[0])
    return _distinct(chosen)


def _experiments(r: _Reading, library: Library) -> list[Proposal]:
    f = library.role("learning")[0]
    values = _Values(r, _object(r)).of(f)
    found = r.found_main | r.found_why
    ranked = sorted(
        enumerate(f.measures), key=lambda t: (len(t[1].keywords & found), -t[0]), reverse=True
    )
    picks = [next(m for _, m in ranked if m.kind == k) for k in KINDS]
    rest = [m for _, m in ranked if m not in picks and m.kind != "counter"]
    if rest:
        picks.insert(2 if rest[0].kind == "leading" else 1, rest[0])
    out = [p for m in picks if (p := _proposal(r, m, values)) is not None]
    return _distinct(out)


def _distinct(proposals: list[Proposal]) -> list[Proposal]:
    seen: set[str] = set()
    out = []
    for p in proposals:
        if p.text not in seen:
            seen.add(p.text)
            out.append(p)
    return out[:MAX_PROPOSALS]


def people_named(ctx: Context) -> str:
    """The people the draft names, as a plural phrase ("les délégués", "new employees"), or ""
    when it names none: the rewrites measure what those people do."""
    library = _bundled()
    if isinstance(library, MeasureError):
        return ""
    return _who(_read(ctx, library.words), "")


def of_people(phrase: str, lang: str) -> str:
    """ "des délégués", "of new employees": the people after « la part » / "the share"."""
    return _de(phrase, lang)
