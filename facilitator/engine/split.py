"""The "split" rewrite: a draft that holds two ideas becomes two drafts, one idea each.

It cuts where the clarity rule "several-ideas" counts a second idea (`features`): a second
sentence ("Improve search. 8 tickets closed."), a ";", a coordinator followed by a predicate of
its own ("Déployer le CRM et réduire le temps de saisie"), or "et"/"and" between two targets
of their own measures ("Faire passer le NPS de 32 à 45 et le taux de réachat de 20 % à 30 %").
What the parts share is given to each one: the leading verb when the second part has none
("… et le taux de réachat …" → "Faire passer le taux de réachat …") and the draft's only
deadline ("… d'ici fin T2" is the deadline of both). No word is invented or dropped but the
joining word.
"""

from __future__ import annotations

import re

from facilitator.engine.context import Context
from facilitator.engine.extract.model import Deadline
from facilitator.engine.features import predicate_joins, target_joins, verb_positions

MAX_PARTS = 3
# The words that join the second part to the first, removed at the cut.
_JOINERS = frozenset(
    {";", ",", "et", "and", "ainsi", "que", "tout", "en", "as", "well", "puis", "then"}
    | {"plus", "+", "/", "&"}
)
_SENTENCE_END = re.compile(r"(?<=\w\w|.%)[.!?](?=\s+[A-ZÀ-Ý0-9])")
_TRAILING = " \t,;:."
_RESPECTIVELY = re.compile(r"\brespective?ly\b|\brespectivement\b", re.IGNORECASE)


def split_parts(ctx: Context) -> list[str]:
    """The draft's ideas as separate drafts (two or three), or [] when it holds one idea or
    cannot be cut cleanly (a part of fewer than two words)."""
    toks = ctx.toks
    text = ctx.cased
    if _RESPECTIVELY.search(text):
        return []  # "15 and 24 months, respectively": the figures go together
    deadline = ctx.ex.deadlines[0] if len(ctx.ex.deadlines) == 1 else None
    verbs = verb_positions(toks, ctx.hits)
    cuts: dict[int, int] = {}  # the cut's first character → where the next part starts
    for m in _SENTENCE_END.finditer(text):
        cuts[m.start()] = m.end()
    for i, j in predicate_joins(toks, verbs):
        # A new predicate in its base form ("et réduire", "and send"): "coded and tested",
        # "by improving …, and designing …" are one predicate's parts, not two drafts.
        if toks.infinitive is None or toks.infinitive[j]:
            cuts[_joiner_start(ctx, i)] = toks.idx[j]
    shared_verb = False
    for a, b in target_joins(toks, ctx.ex):
        joined = _coordinator(ctx, a.end, b.start)
        if joined is not None:
            cuts.setdefault(*joined)
            shared_verb = True
    if not cuts:
        return []
    spans, start = [], 0
    for cut in sorted(cuts)[: MAX_PARTS - 1]:
        spans.append((start, cut))
        start = cuts[cut]
    spans.append((start, len(text)))
    lead = _lead_verb(ctx, verbs, spans[0][1]) if shared_verb else ""
    parts = []
    for n, (s, e) in enumerate(spans):
        part = _without(text, s, e, deadline)
        if n and shared_verb and not _starts_with_verb(ctx, verbs, s):
            if not lead:
                return []  # "… et le taux de …" with no verb to share: not a draft of its own
            part = f"{lead} {part}"
        if deadline is not None:
            part = _with_deadline(part, deadline.text, at_start=not text[: deadline.start].strip())
        part = part.strip(_TRAILING)
        if len(part.split()) < 2:
            return []
        parts.append(part[0].upper() + part[1:])
    return parts if len(set(parts)) == len(parts) else []


def _joiner_start(ctx: Context, i: int) -> int:
    """The first character of the joining words that end at token `i` (", et", "; puis")."""
    toks = ctx.toks
    while i > 0 and toks.lower[i - 1] in _JOINERS:
        i -= 1
    return toks.idx[i]


def _coordinator(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """The "et"/"and" between two targets: (its first character, the next word's); None when
    a participle follows ("6 types coded and tested, with 100% coverage": one deliverable)."""
    toks = ctx.toks
    for i, low in enumerate(toks.lower):
        if start <= toks.idx[i] < end and low in ("et", "and", "&", ";") and i + 1 < len(toks):
            participle = toks.pos is not None and toks.pos[i + 1] in ("VERB", "AUX")
            if participle and toks.infinitive is not None and not toks.infinitive[i + 1]:
                return None
            return _joiner_start(ctx, i), toks.idx[i + 1]
    return None


def _lead_verb(ctx: Context, verbs: set[int], end: int) -> str:
    """The verbs the first part opens with ("Faire passer", "Grow"), to give the second part
    that has none; "" when the draft does not open with a verb."""
    toks = ctx.toks
    words = [i for i in toks.words() if toks.idx[i] < end]
    lead = []
    for i in words:
        if i not in verbs:
            break
        lead.append(i)
    if not lead:
        return ""
    return ctx.text[toks.idx[lead[0]] : toks.end(lead[-1])]


def _starts_with_verb(ctx: Context, verbs: set[int], start: int) -> bool:
    toks = ctx.toks
    first = next((i for i in toks.words() if toks.idx[i] >= start), None)
    return first is not None and first in verbs


def _without(text: str, start: int, end: int, deadline: Deadline | None) -> str:
    """text[start:end] without the draft's deadline, given back to every part afterwards."""
    part = text[start:end]
    if deadline is not None and start <= deadline.start and deadline.end <= end:
        part = text[start : deadline.start] + text[deadline.end : end]
    return re.sub(r"\s+", " ", part).strip(_TRAILING + " ")


def _with_deadline(part: str, deadline: str, *, at_start: bool) -> str:
    """The shared deadline where the draft had it: opening the sentence, or closing it."""
    if at_start:
        return f"{deadline}, {part[0].lower() + part[1:] if part[1:2].islower() else part}"
    return f"{part} {deadline}"
