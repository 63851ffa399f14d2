"""Activity → outcome: a draft that puts something in people's hands ("Déployer le nouveau
CRM d'ici juin", "Launch the redesigned checkout flow") becomes a measure of its use, with the
activity kept as what is measured ("Faire passer de X % à Y % la part des utilisateurs visés
qui utilisent le nouveau CRM chaque semaine d'ici juin").

Only what the draft says is kept: its object (up to where it says where, for whom, when or why)
and its deadline; the rest is a placeholder the room fills in. The verbs and the words that end
an object are data (`lexicons/<lang>/proposals/adoption-verbs.tsv`, `object-stops.tsv`); the
wordings are the strategy's templates in `rules/rewrites.toml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from facilitator.engine.context import Context
from facilitator.engine.features import first_word
from facilitator.engine.inflect import contract_fr
from facilitator.engine.inflect.french import fr_gender
from facilitator.engine.lexicon import word_table
from facilitator.engine.numbers import NUMBER_WORDS
from facilitator.engine.proposals import of_people, people_named
from facilitator.engine.tokens import Tokens

MAX_OBJECT_WORDS = 8
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöûüœh]", re.IGNORECASE)
# A phrase of only these names no thing. In French, not "no noun": the French model tags nouns
# as adjectives after an article (« une plateforme publique » → ADJ ADJ); the English one does
# not, and an English object needs a noun.
_NOUNS = frozenset({"NOUN", "PROPN", "X"})
_NOT_A_THING = frozenset({"VERB", "AUX", "ADV", "PRON", "ADP", "SCONJ", "CCONJ", "PART"})
# What a determiner of the draft becomes before the object of "use": the object is now a known
# thing (« un portail » → « le portail », "a portal" → "the portal").
_DEFINITE = {
    "fr": {"un": "le", "une": "la", "des": "les", "du": "le", "d'un": "le", "d'une": "la"},
    "en": {"a": "the", "an": "the", "some": "the"},
}


_KEPT = {
    "fr": frozenset({"le", "la", "les", "l'", "l’", "notre", "nos", "ce", "cette", "ces"}),
    "en": frozenset({"the", "our", "their", "its", "this", "these", "your"}),
}
"""Determiners the object keeps as they are."""


def adoption_text(
    ctx: Context, templates: Mapping[str, str], default_deadline: str, default_users: str
) -> str | None:
    """The draft reworded as a measure of the use of what it delivers, from `templates[lang]`
    ({object}, {deadline}: the draft's or `default_deadline`, {when}: the draft's or nothing,
    {of_users}: the people the draft names, else `default_users`; {use}, {use_base},
    {often}: how people take up this kind of thing, `adoption-uses.tsv`); None
    when the draft does not start with an adoption verb or noun followed by something usable."""
    template = templates.get(ctx.lang)
    found = _object_span(ctx, "adoption-verbs")
    if template is None or found is None:
        return None
    start, end, det = found
    # The kind of thing is read without where it is put: "the guide on the training portal".
    bare = _object_text(ctx, start, end, det)
    obj = _object_text(ctx, start, _place_end(ctx, end), det)
    when = ctx.ex.deadlines[-1].text if ctx.ex.deadlines else ""
    users = people_named(ctx) or default_users
    use = _uptake(ctx.lang, bare)
    if use is _uses(ctx.lang)["*"] and not _usable(ctx.lang, bare):
        return None  # a cron job, collection routes: no one "uses" them every week
    text = template.replace("{use}", use["verb"]).replace("{use_base}", use["base"])
    text = text.replace("{often}", use.get("often") or "")
    text = text.replace("{object}", obj).replace("{when}", when)
    text = text.replace("{deadline}", when or default_deadline)
    text = text.replace("{of_users}", of_people(users, ctx.lang)).replace("{users}", users)
    if ctx.lang == "fr":
        text = contract_fr(text)
    return re.sub(r"\s+", " ", text).strip()


def opening_object(ctx: Context, table: str) -> str | None:
    """The object of the verb (or noun) of `table` (`lexicons/<lang>/proposals/<table>.tsv`)
    that opens the draft, as written, with a definite article ("the portal"); None when the
    draft does not open with one, or names no single thing after it."""
    found = _object_span(ctx, table)
    return None if found is None else _object_text(ctx, *found)


def _object_text(ctx: Context, start: int, end: int, det: str) -> str:
    first, last = ctx.chars(start, end)
    named = ctx.text[first:last]  # as written: « mobile-first », not the tokens joined by spaces
    if not det and ctx.toks.pos is not None and ctx.toks.pos[start] == "VERB":
        return named  # an action takes no article: "replacing the writing mode"
    return _with_article(ctx.lang, det, named)


def _object_span(ctx: Context, table: str) -> tuple[int, int, str] | None:
    """(first token, end token, the draft's determiner or "") of the object of the verb of
    `table` that opens the draft."""
    toks, lang = ctx.toks, ctx.lang
    first = first_word(toks)
    if first is None:
        return None
    at = _opening_at(ctx, first, table)
    if at is None:
        return _before_participle(ctx, first, table)
    i, form = at
    det = ""
    low = toks.lower
    if form == "noun":  # « Mise en place du portail », "Rollout of the CRM"
        if i < len(toks) and low[i] in ("de", "du", "des", "d'", "d’", "of"):
            det = {"d’": "d'"}.get(low[i], low[i])
            i += 1
            if det in ("de", "d'") and i < len(toks) and low[i] in ("la", "l'", "l’", "un", "une"):
                det = {"l’": "l'"}.get(low[i], low[i])
                det = {"un": "d'un", "une": "d'une"}.get(det, det)
                i += 1
            elif det == "of" and i < len(toks) and low[i] in ("the", "a", "an", "our"):
                det, i = low[i], i + 1
            elif det in ("de", "d'", "of"):
                det = ""
        else:
            return None
    elif i < len(toks) and (low[i] in _DEFINITE[lang] or low[i] in _KEPT[lang]):
        det, i = low[i].replace("’", "'"), i + 1
    end = _object_end(ctx, i)
    words = [w for w in range(i, end) if toks.text[w][0].isalnum()]
    if not words or len(words) > MAX_OBJECT_WORDS or _counted(ctx, i):
        return None  # nothing named, a whole clause, or a count ("Lancer 5 fonctionnalités")
    if toks.pos is not None and all(toks.pos[w] in _NOT_A_THING for w in words):
        return None  # « Livrer rapidement », "Ship faster": no thing named
    if lang == "en" and toks.pos is not None and not any(toks.pos[w] in _NOUNS for w in words):
        return None  # "Launch a functional, upgradable platform": cut before its noun
    if form == "noun" and not det and lang == "fr":
        return None  # « Mise en place de nouveaux outils »: no article to build on
    if lang == "fr" and not det and toks.pos is not None:
        # « Livrer nouvelle appli » reads « … qui utilisent la nouvelle appli ».
        nouns = [w for w in words if toks.pos[w] in _NOUNS]
        det = _fr_article(toks.lower[nouns[0]]) if nouns and nouns[0] == words[0] else ""
    return i, end, det


def _before_participle(ctx: Context, first: int, table: str) -> tuple[int, int, str] | None:
    """The object of a draft that names its deliverable first and the verb after it, as a
    participle ("New marketing site shipped", « Portail fournisseurs déployé »): the words
    before the participle, when they are a thing, not a clause."""
    toks, lang = ctx.toks, ctx.lang
    participles = {r["term"] for r in _opening_words(lang, table) if r["form"] == "participle"}
    at = next((k for k in range(first + 1, len(toks)) if toks.lower[k] in participles), None)
    if at is None or at > first + MAX_OBJECT_WORDS:
        return None
    det = ""
    if toks.lower[first] in _DEFINITE[lang] or toks.lower[first] in _KEPT[lang]:
        det, first = toks.lower[first].replace("’", "'"), first + 1
    end = min(_object_end(ctx, first), at)
    words = [w for w in range(first, end) if toks.text[w][0].isalnum()]
    if not words or _counted(ctx, first) or toks.pos is None:
        return None
    if any(toks.pos[w] in ("VERB", "AUX") for w in words):
        return None  # "Customers who try the app launched": a clause, not a thing
    nouns = [w for w in words if toks.pos[w] in _NOUNS]
    if not nouns:
        return None
    if lang == "fr" and not det:
        det = _fr_article(toks.lower[nouns[0]])
        if not det:
            return None
    return first, end, det


def _fr_article(noun: str) -> str:
    """The definite article a bare French noun takes (« les fournisseurs qui utilisent le
    portail », not « … utilisent portail »), or "" when its gender is unknown."""
    if noun[-1:] in ("s", "x"):
        return "les"
    return {"m": "le", "f": "la"}.get(fr_gender(noun) or "", "")


def _counted(ctx: Context, i: int) -> bool:
    word = ctx.toks.lower[i]
    return (
        word[0].isdigit()
        or (word in NUMBER_WORDS and NUMBER_WORDS[word] > 0)
        or bool(ctx.toks.pos is not None and ctx.toks.pos[i] == "NUM")
    )


def _opening_at(ctx: Context, first: int, table: str) -> tuple[int, str] | None:
    """(the token after the verb or noun of `table` at `first`, its form), if there is one."""
    low = ctx.toks.lower
    for row in _opening_words(ctx.lang, table):
        words = row["term"].split()
        if [w.replace("’", "'") for w in low[first : first + len(words)]] == words:
            after = first + len(words)
            if row["form"] == "verb" and after < len(low) and low[after] == "of":
                continue  # "Rollout of the CRM": the noun, listed after the verb
            return after, row["form"]
    return None


def _object_end(ctx: Context, start: int) -> int:
    toks = ctx.toks
    stops = _stops(ctx.lang)
    deadline_starts = {d.start for d in ctx.ex.deadlines}
    for i in range(start, len(toks)):
        word = toks.lower[i].replace("’", "'")
        if word in stops or toks.idx[i] in deadline_starts or toks.text[i] in ',.;:!?()[]«»"“”':
            return i
        if word in ("et", "and") and _new_clause(toks, i):
            return i
    return len(toks)


def _place_end(ctx: Context, end: int) -> int:
    """Past the place that follows the object ("on the company portal", « dans les agences »),
    a few words with no verb, not "on time" and no deadline; else `end`."""
    toks = ctx.toks
    if end >= len(toks) or toks.lower[end] not in _places(ctx.lang) or toks.pos is None:
        return end
    stop = _object_end(ctx, end + 1)
    words = range(end + 1, stop)
    if not 0 < len(words) <= _MAX_PLACE_WORDS or toks.lower[end + 1] in ("time", "temps"):
        return end
    if any(toks.pos[w] in ("VERB", "AUX") for w in words):
        return end
    first, last = toks.idx[end], toks.end(stop - 1)
    if any(d.start < last and first < d.end for d in ctx.ex.deadlines):
        return end  # "in early April" is when, not where
    return stop


_MAX_PLACE_WORDS = 5


def _new_clause(toks: Tokens, i: int) -> bool:
    """Does "and" at `i` start another action ("Launch the app and grow …") rather than go on
    naming the thing ("average and tail latency measurements")? Without tags, assume it does."""
    if toks.pos is None:
        return True
    return i + 1 < len(toks) and toks.pos[i + 1] in ("VERB", "AUX")


def _with_article(lang: str, det: str, obj: str) -> str:
    article = _DEFINITE[lang].get(det, det)
    if not article and lang == "en" and obj[:1].islower():
        article = "the"  # "Deliver internal training" → "use the internal training"
    if not article:
        return obj
    if lang == "fr" and article in ("le", "la") and _VOWEL.match(obj):
        return f"l'{obj}"
    return f"{article} {obj}" if not article.endswith("'") else f"{article}{obj}"


@functools.cache
def _opening_words(lang: str, table: str) -> tuple[dict[str, str], ...]:
    # Longest phrase first: « mise en place » before « mise ».
    rows = word_table(lang, "proposals", table)
    return tuple(sorted(rows, key=lambda r: -len(r["term"].split())))


def _usable(lang: str, obj: str) -> bool:
    """Is `obj` a thing people use again and again: a listed kind of thing, or a name (a word
    in capitals or with a digit: "Salesforce", "Aurore v2", "gitbase-spark-connector")?"""
    things = _things(lang)
    return any(
        w.lower() in things or w[:1].isupper() or any(c.isdigit() for c in w) or "-" in w
        for w in _head_words(lang, obj)
        if w.lower() not in _DEFINITE[lang].values() and w.lower() not in _KEPT[lang]
    )


@functools.cache
def _things(lang: str) -> frozenset[str]:
    return frozenset(r["term"] for r in word_table(lang, "proposals", "usable-things"))


def _uptake(lang: str, obj: str) -> dict[str, str]:
    """How people take up `obj`, by the noun that carries it (`_head_words`)."""
    uses = _uses(lang)
    return next((uses[w] for w in map(str.lower, _head_words(lang, obj)) if w in uses), uses["*"])


def _head_words(lang: str, obj: str) -> list[str]:
    """The words that may carry `obj`, as written, before its first complement: in English the
    last one ("the new sales training", not "training material"; "the role of …"), in French
    all of them (« la formation des managers », not « la plateforme de formation »)."""
    words = re.findall(r"[\w-]+", obj)
    cut = next((n for n, w in enumerate(words) if n and w.lower() in _COMPLEMENTS), len(words))
    # English: the last word before a complement ("the role of staked Content Curators").
    return words[:cut][-1:] if lang == "en" else words[:cut]


_COMPLEMENTS = frozenset({"de", "d", "des", "du", "à", "au", "aux", "pour", "en", "sur", "of"})


@functools.cache
def _uses(lang: str) -> dict[str, dict[str, str]]:
    return {row["term"]: row for row in word_table(lang, "proposals", "adoption-uses")}


@functools.cache
def _stops(lang: str) -> frozenset[str]:
    return frozenset(r["term"] for r in word_table(lang, "proposals", "object-stops"))


@functools.cache
def _places(lang: str) -> frozenset[str]:
    rows = word_table(lang, "proposals", "object-stops")
    return frozenset(r["term"] for r in rows if r.get("kept") == "place")
