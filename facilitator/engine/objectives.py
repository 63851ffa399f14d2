"""Checks that judge an objective as an objective: a change that matters, for whom, in words.

Three ways an objective fails that word lists alone cannot see:
- a slogan: a few words and no verb ("Excellence opérationnelle", "Customer first") — nothing
  says what will change;
- a bare metric: a quantity verb on a business metric and nothing else ("Augmenter le CA de
  10 %", "Grow revenue") — a key result in disguise;
- a vague change: a vague verb on a few words ("Améliorer la qualité", "Improve quality") or
  on a buzzword ("Optimiser les synergies pour …") — neither what changes, nor for whom.
Each fires only on short drafts that say no "why": precision first, a long objective that names
its beneficiaries is left to the other rules.
"""

from __future__ import annotations

import re

from facilitator.engine.context import Context
from facilitator.engine.features import verb_positions
from facilitator.engine.inflect import DETERMINERS
from facilitator.engine.labels import label_end
from facilitator.engine.rules import Rule
from facilitator.engine.scripts import Span, script

# Without a tagger: a French infinitive ends so ("Devenir", "Fidéliser", "Réduire") …
_FR_VERB = re.compile(r"(?:er|ir|re|oir)$")
# … and an English word that can only be a noun or an adjective ends so ("Operational",
# "Excellence", "World-class"): a verbless English slogan is called only on such words.
_EN_NOT_VERB = re.compile(r"(?:al|ful|ous|ive|ic|ity|ness|ence|ance|ion|ship|ment|-class)$")


# Words that soften the verb they open ("Essayer de renforcer …"): the change is named after them.
_SOFTENERS = ("hedges", "contributory", "start-wording")
_LINKS = frozenset({"de", "d'", "à", "to"})


# The last draft's words (see `_words`): the three scripts below ask for them in turn. One tuple,
# read and replaced whole, so that threads assessing other drafts never mix two drafts' words.
_LAST_WORDS: tuple[Context | None, list[int]] = (None, [])


def _words(ctx: Context) -> list[int]:
    """The draft's words after its label and after a softener opening it (do not modify)."""
    global _LAST_WORDS
    last = _LAST_WORDS
    if last[0] is ctx:
        return last[1]
    words = _read_words(ctx)
    _LAST_WORDS = (ctx, words)
    return words


def _read_words(ctx: Context) -> list[int]:
    start = label_end(ctx.text)
    toks = ctx.toks
    words = [i for i in toks.words() if toks.idx[i] >= start]
    if words:
        for name in _SOFTENERS:
            for h in ctx.hits.get(name, ()):
                if h.start == words[0]:
                    words = [i for i in words if i >= h.end]
                    while words and toks.lower[words[0]] in _LINKS:
                        words = words[1:]
                    return words
    return words


def _has_verb(ctx: Context, words: list[int]) -> bool:
    toks = ctx.toks
    if verb_positions(toks, ctx.hits) & set(words):
        return True
    if toks.pos is not None:
        return any(toks.pos[i] in ("VERB", "AUX") for i in words)
    if ctx.lang == "fr":
        return any(_FR_VERB.search(toks.lower[i]) for i in words)
    # English without a tagger: only words that cannot be verbs make a slogan.
    return not all(
        _EN_NOT_VERB.search(toks.lower[i]) or toks.lower[i] in DETERMINERS for i in words
    )


@script("slogan")
def slogan(ctx: Context, rule: Rule) -> list[Span]:
    """An objective of at most `max` words with no verb."""
    words = _words(ctx)
    if not words or len(words) > rule.max:
        return []
    if _praise(ctx, words):
        return [(ctx.toks.idx[words[0]], ctx.toks.end(words[-1]), None)]
    if _has_verb(ctx, words) and not _motto(ctx, words):
        return []
    if len(words) > 1 and ctx.toks.lower[words[1]] in DETERMINERS:
        return []  # "Delight our customers": a word before a determiner is a verb
    return [(ctx.toks.idx[words[0]], ctx.toks.end(words[-1]), None)]


def _motto(ctx: Context, words: list[int]) -> bool:
    """A subject and its verb in three words at most, with no figure ("People matter",
    "Quality wins"): a motto states a value, no change to reach."""
    toks = ctx.toks
    return (
        len(words) <= 3
        and not ctx.ex.quantities
        and toks.pos is not None
        and toks.dep is not None
        and toks.pos[words[0]] in ("NOUN", "PROPN")
        and toks.dep[words[0]].startswith("nsubj")
        and not any(h.start == words[0] for name in _CHANGES for h in ctx.hits.get(name, ()))
    )


def _praise(ctx: Context, words: list[int]) -> bool:
    """ "Be awesome", "Be the best", "Être les meilleurs": a verb of being and only praise
    (`praise-words`): a wish, with nothing that says what changes or for whom."""
    toks = ctx.toks
    first = toks.lemma[words[0]] if toks.lemma is not None else toks.lower[words[0]]
    if first not in _BEING:
        return False
    praised = {i for h in ctx.hits.get("praise-words", ()) for i in range(h.start, h.end)}
    rest = [i for i in words[1:] if toks.lower[i] not in DETERMINERS]
    return bool(rest) and all(i in praised for i in rest)


# Verbs of being: what follows them is what the team would be, not what it would change.
_BEING = frozenset({"be", "become", "stay", "remain", "être", "devenir", "rester"})


# An opening noun that names a change or a task makes a terse key result, not a motto.
_CHANGES = ("change-nouns", "nominalisations", "nominal-heads", "hidden-verbs", "metric-nouns")


def _object_words(ctx: Context, words: list[int]) -> list[int]:
    """The words after the verb, without determiners and figures."""
    figures = [(q.start, q.end) for q in ctx.ex.quantities]
    toks = ctx.toks
    return [
        i
        for i in words[1:]
        if toks.lower[i] not in DETERMINERS
        and not any(s <= toks.idx[i] < e for s, e in figures)
        and toks.lower[i] not in ("de", "by", "of", "%", "à", "to")
    ]


def _first_is(ctx: Context, words: list[int], lexicon: str) -> bool:
    return any(h.start == words[0] for h in ctx.hits.get(lexicon, ()))


@script("bare_metric")
def bare_metric(ctx: Context, rule: Rule) -> list[Span]:
    """ "Augmenter le CA de 10 %": a quantity verb, a business metric, nothing for anyone."""
    if ctx.hits.get("why-markers"):
        return []
    words = _words(ctx)
    if len(words) < 2:
        return []
    if ctx.ex.targets and len(words) <= rule.extra.get("params", {}).get("max_with_target", 10):
        # "Atteindre un NPS de 50", "Taux de service à 98 %", "Raise $2M": a target is a number
        # to reach, and a short objective that holds one is a key result.
        return [(ctx.toks.idx[words[0]], ctx.toks.end(words[-1]), None)]
    if not ctx.hits.get("metric-nouns"):
        return []
    if not _first_is(ctx, words, "outcome-verbs") or _first_is(ctx, words, "vague-verbs"):
        return []
    if _first_is(ctx, words, "maintenance"):
        return []  # "Maintenir la marge" is judged by the maintenance rule
    rest = _object_words(ctx, words)
    metric_at = {h.start for h in ctx.hits["metric-nouns"]}
    if not rest or len(rest) > rule.max or rest[0] not in metric_at:
        return []
    return [(ctx.toks.idx[words[0]], ctx.toks.end(words[-1]), None)]


def _generic_object(ctx: Context, words: list[int]) -> list[Span]:
    """A verb whose whole object is the business ("Grow our customer base"), no why."""
    rest = _object_words(ctx, words)
    generic = {i for h in ctx.hits.get("generic-objects", ()) for i in range(h.start, h.end)}
    if ctx.hits.get("why-markers") or not rest or not all(i in generic for i in rest):
        return []
    if _first_is(ctx, words, "output-verbs"):
        return []  # "Launch the product": the activity is the problem, judged on its own
    return [(ctx.toks.idx[words[0]], ctx.toks.end(words[-1]), None)]


@script("vague_objective")
def vague_objective(ctx: Context, rule: Rule) -> list[Span]:
    """ "Améliorer la qualité": a vague verb on at most `max` words and no why, or on a buzzword
    ("Optimiser les synergies pour …"); any verb on the whole business and nothing more
    ("Grow the business", « Développer l'activité »)."""
    if not ctx.hits.get("vague-verbs") and not ctx.hits.get("generic-objects"):
        return []  # no vague verb anywhere, no generic object: nothing to find
    words = _words(ctx)
    if len(words) < 2:
        return []
    if not _first_is(ctx, words, "vague-verbs"):
        return _generic_object(ctx, words)
    if ctx.hits.get("why-markers") and not ctx.hits.get("buzzwords"):
        return []
    rest = _object_words(ctx, words)
    buzzword_object = bool(rest) and any(h.start == rest[0] for h in ctx.hits.get("buzzwords", ()))
    if not rest or (len(rest) > rule.max and not buzzword_object):
        return []  # "Optimiser les synergies pour …": a buzzword as the object is no clearer
    # The finding quotes the verb and its object ("Optimiser les synergies"), not the purpose.
    last = rest[0] if buzzword_object else words[-1]
    return [(ctx.toks.idx[words[0]], ctx.toks.end(last), None)]
