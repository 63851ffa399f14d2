"""Reading the objective for proposals: its noun phrases, taken whole or not at all, with their
determiners, the keywords of its main clause and of its "why" ("pour que…", "so that…"), and
who it is about. Word lists are in `lexicons/<lang>/proposals/`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.engine.context import Context
from facilitator.engine.lexicon import word_set, word_table
from facilitator.engine.proposals.library import LANGS

if TYPE_CHECKING:
    from facilitator.engine.proposals.library import Words


_FOLDER = "proposals"  # lexicons/<lang>/proposals/: the words this module reads


def _determiners(lang: str, carried: bool | None = None) -> frozenset[str]:
    """lexicons/<lang>/proposals/determiners.tsv: all of them, or those (not) carried over."""
    rows = word_table(lang, _FOLDER, "determiners")
    return frozenset(
        r["term"] for r in rows if carried is None or (r["carried"] == "yes") == carried
    )


_DETS = {lang: _determiners(lang) for lang in LANGS}
# Determiners that do not carry over to a proposal: they point at something outside it.
_DROP_DETS = {lang: _determiners(lang, carried=False) for lang in LANGS}
# Prepositions inside a noun phrase: "délais de livraison", "quality of our products".
_NP_PREPS = {"fr": frozenset(["de", "d'", "des", "du"]), "en": frozenset(["of"])}
# …and these, only before a bare noun: "part de marché en officine", "times in our branches".
_NP_PREPS_BARE = {"fr": frozenset(["en"]), "en": frozenset(["in"])}
_MEANS = {"fr": frozenset(["grâce", "via", "par"]), "en": frozenset(["through", "via", "by"])}
_FUNCTION = {lang: word_set(_FOLDER, "function-words", (lang,)) for lang in LANGS}
_NOUN_POS = frozenset(["NOUN", "PROPN"])
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "ed")
_SKIP_LEXICONS = frozenset(
    ["buzzwords", "anglicisms", "pompous-words", "intensifiers", "vague-quantifiers"]
)
_APOSTROPHE = str.maketrans({"’": "'", "‘": "'"})
_VOWELS = tuple("aeiouyàâäéèêëîïôöûüœæh")


@dataclass(slots=True)
class _Phrase:
    start: int  # token span [start, end)
    end: int
    text: str  # as written, determiners included
    bare: str  # without its determiners
    dets: list[str]  # lower case
    head: int  # token index of the head noun
    head_words: frozenset[str]  # its forms and lemma, singular ones too
    plural: bool
    purpose: bool  # in the objective's "why"
    direct: bool  # right after its verb, not in a complement ("dans les délais", "on time")


@dataclass(slots=True)
class _Reading:
    """What the proposals need to know about one objective."""

    ctx: Context
    lang: str
    words: Words
    main: frozenset[str] = frozenset()  # word forms of the main clause
    why: frozenset[str] = frozenset()  # …and of its purpose clause
    main_text: str = ""
    why_text: str = ""
    phrases: list[_Phrase] = dataclasses.field(default_factory=list)
    verb: frozenset[str] = frozenset()  # the main verb's forms
    has_purpose: bool = False
    found_main: frozenset[str] = frozenset()  # the library's keywords in the main clause
    found_why: frozenset[str] = frozenset()  # …and in the purpose clause only


def _forms(word: str, lemma: str | None) -> set[str]:
    low = word.lower().translate(_APOSTROPHE)
    out = {low}
    if lemma:
        out.add(lemma.lower())
    if len(low) > 3 and low[-1] in "sx" and low[-2] not in "sx":
        out.add(low[:-1])
    return out


def _read(ctx: Context, words: Words) -> _Reading:
    toks, lang = ctx.toks, ctx.lang
    r = _Reading(ctx, lang, words)
    n = len(toks)
    lemma = toks.lemma
    skip = _figure_tokens(ctx)
    split = _purpose_at(ctx)
    r.has_purpose = split < n
    main: set[str] = set()
    why: set[str] = set()
    for i in range(n):
        (main if i < split else why).update(_forms(toks.text[i], lemma[i] if lemma else None))
    r.main, r.why = frozenset(main), frozenset(why)
    cut = toks.idx[split] if split < n else len(ctx.text)
    low = ctx.text.lower().translate(_APOSTROPHE)
    r.main_text, r.why_text = low[:cut], low[cut:]
    first = next((i for i in toks.words() if i not in skip), None)
    if first is not None:
        verb = next(
            (
                i
                for i in range(first, min(split, n))
                if toks.pos is not None and toks.pos[i] in ("VERB", "AUX")
            ),
            first,
        )
        r.verb = frozenset(_forms(toks.text[verb], lemma[verb] if lemma else None))
        means = next((i for i in range(first + 1, split) if toks.lower[i] in _MEANS[lang]), split)
        r.phrases = _noun_phrases(r, first + 1, means, skip, False) + _noun_phrases(
            r, split + 1, n, skip, True
        )
    return r


def _figure_tokens(ctx: Context) -> set[int]:
    """Tokens inside a figure or a date: no part of a noun phrase."""
    spans = [(q.start, q.end) for q in ctx.ex.quantities] + [
        (d.start, d.end) for d in ctx.ex.deadlines + ctx.ex.periods
    ]
    if not spans:
        return set()
    toks = ctx.toks
    return {i for i in range(len(toks)) if any(s <= toks.idx[i] < e for s, e in spans)}


def _purpose_at(ctx: Context) -> int:
    """The token that opens the objective's "why" ("pour que", "so that", "to delight"), or
    the number of tokens when it has none."""
    toks, lang = ctx.toks, ctx.lang
    low, pos = toks.lower, toks.pos
    n = len(toks)
    for i in range(1, n - 1):
        w, nxt = low[i], low[i + 1]
        if lang == "fr":
            if w == "afin" or (w == "pour" and nxt in ("que", "qu'", "qu’")):
                return i
            if w == "pour" and (
                (pos is not None and pos[i + 1] in ("VERB", "AUX"))
                or (pos is None and re.fullmatch(r"[a-zàâéèêîôûç-]+(?:er|ir|re)", nxt))
            ):
                return i
        else:
            if (w == "so" and nxt == "that") or (w == "in" and nxt == "order"):
                return i
            if w == "to" and pos is not None and pos[i + 1] == "VERB" and pos[i] == "PART":
                return i
    return n


def _noun_phrases(r: _Reading, begin: int, end: int, skip: set[int], purpose: bool) -> list:
    out: list[_Phrase] = []
    i = begin
    while i < end:
        found = _phrase_at(r, i, end, skip, purpose) if i not in skip else None
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def _is_noun(r: _Reading, i: int) -> bool:
    toks = r.ctx.toks
    word = toks.text[i]
    low = toks.lower[i].translate(_APOSTROPHE)
    if word[:1] == "/" and word[1:2].isalnum() and toks.pos is not None:
        return toks.pos[i] in _NOUN_POS  # "traitement /validation": the slash is kept on it
    if not word[:1].isalnum():
        return False
    if low in _DETS[r.lang] or low in _FUNCTION[r.lang] or low in _NP_PREPS[r.lang]:
        return False
    if len(word) > 1 and word.isupper():
        return True  # an acronym: CRM, AMM, BPF
    forms = _forms(word, toks.lemma[i] if toks.lemma else None)
    if not forms.isdisjoint(r.words.people[r.lang]) or not forms.isdisjoint(
        r.words.metric_nouns[r.lang]
    ):
        return True  # "satisfaction client": the tagger reads "client" as an adverb
    if toks.pos is None:  # the reduced pipeline: word lists only
        return not re.search(r"(?:ly|ing|ed)$", low) and low not in r.words.down[r.lang]
    return toks.pos[i] in _NOUN_POS


def _is_modifier(r: _Reading, i: int) -> bool:
    toks = r.ctx.toks
    if toks.pos is None or not toks.text[i][:1].isalnum():
        return False
    if toks.lower[i] in r.words.qualifiers[r.lang] or toks.lower[i] in _FUNCTION[r.lang]:
        return False  # "strong": praise, not a measure
    pos = toks.pos[i]
    if pos == "ADJ":
        return toks.lower[i] not in _DETS[r.lang] and toks.lower[i] not in ("tout", "tous")
    if pos != "VERB" or toks.dep is None:
        return False
    # "late deliveries" (amod), and a past participle after its noun: "tickets traités",
    # "tickets resolved" (acl) — what is counted, not a second action.
    return toks.dep[i] == "amod" or (
        toks.dep[i] == "acl"
        and toks.infinitive is not None
        and not toks.infinitive[i]
        and toks.lower[i].endswith(_PARTICIPLE_ENDINGS)
    )


def _attached_hyphen(r: _Reading, i: int, end: int) -> bool:
    """A hyphen inside a word ("e-learning"), or a slash joining two nouns on either side of
    it ("délais de traitement / validation"): the phrase goes on past it."""
    toks = r.ctx.toks
    if toks.text[i] not in ("-", "/") or not 0 < i < end - 1:
        return False
    if toks.text[i] == "-":  # " - " is a dash between two parts of a sentence
        return toks.idx[i] == toks.end(i - 1) and toks.idx[i + 1] == toks.end(i)
    return _is_noun(r, i + 1)


def _phrase_at(r: _Reading, i: int, end: int, skip: set[int], purpose: bool) -> _Phrase | None:
    toks, lang = r.ctx.toks, r.lang
    start = i
    dets: list[str] = []
    while i < end and toks.lower[i].translate(_APOSTROPHE) in _DETS[lang] and i not in skip:
        dets.append(toks.lower[i].translate(_APOSTROPHE))
        i += 1
    while i < end and toks.lower[i] in r.words.qualifiers[lang]:
        i += 1  # "strong revenue" → "revenue"
    body = i
    while i < end and i not in skip and _is_modifier(r, i) and not _is_noun(r, i):
        i += 1  # "nouveau CRM", "late deliveries"
    if i >= end or i in skip or not _is_noun(r, i) or toks.lower[i] in r.words.qualifiers[lang]:
        return None
    nouns = [i]
    i += 1

    def run(i: int) -> int:
        while i < end and i not in skip:
            if _is_noun(r, i):
                nouns.append(i)
            elif not (_is_modifier(r, i) or _attached_hyphen(r, i, end)):
                break
            i += 1
        return i

    i = run(i)
    first_chunk = list(nouns)
    for _ in range(2):  # up to two complements: "part de marché en officine"
        if i >= end or i in skip:
            break
        prep = toks.lower[i].translate(_APOSTROPHE)
        if prep in _NP_PREPS[lang]:
            k = i + 1
            while k < end and toks.lower[k].translate(_APOSTROPHE) in _DETS[lang]:
                k += 1
        elif prep in _NP_PREPS_BARE[lang]:
            k = i + 1
            if lang == "en" and k < end and toks.lower[k] in ("our", "the"):
                k += 1
        else:
            break
        while k < end and k not in skip and _is_modifier(r, k) and not _is_noun(r, k):
            k += 1
        if k >= end or k in skip or not _is_noun(r, k):
            break
        nouns.append(k)
        i = run(k + 1)
    # The head: French puts it first ("délais de livraison"), English last ("delivery times").
    head = first_chunk[0] if lang == "fr" else first_chunk[-1]
    last = i - 1
    bare = r.ctx.text[toks.idx[body] : toks.end(last)]
    text = f"{' '.join(dets)} {bare}" if dets else bare
    text = text.replace("l' ", "l'").replace("d' ", "d'")
    low, lemma = toks.lower[head], toks.lemma[head] if toks.lemma else None
    plural = low[-1:] in ("s", "x") and (lemma is None or lemma.lower() != low)
    before = start - 1
    while before > 0 and before in skip:
        before -= 1  # "Réduire de 5 % les coûts": the figure stands between verb and object
    prep = toks.lower[before].translate(_APOSTROPHE) if before >= 0 else ""
    direct = (
        before < 0
        or prep in ("de", "d'")  # "95 % de satisfaction client"
        or not (
            (toks.pos is not None and toks.pos[before] == "ADP")
            or (toks.pos is None and prep in _FUNCTION[lang])
        )
    )
    return _Phrase(
        body,
        i,
        " ".join(text.split()),
        " ".join(bare.split()),
        dets,
        head,
        frozenset(_forms(toks.text[head], lemma)),
        plural,
        purpose,
        direct,
    )


def _flagged(r: _Reading, p: _Phrase) -> bool:
    """A phrase with a buzzword, an anglicism or an intensifier in it: not quoted back."""
    for name in _SKIP_LEXICONS:
        for hit in r.ctx.hits.get(name, ()):
            if hit.start < p.end and p.start < hit.end:
                return True
    return False


def _people(r: _Reading, p: _Phrase) -> bool:
    return not p.head_words.isdisjoint(r.words.people[r.lang])


def _vague(r: _Reading, p: _Phrase) -> bool:
    return (
        not p.head_words.isdisjoint(r.words.vague[r.lang])
        or _flagged(r, p)
        or len(p.bare.split()) > 8
    )


def _metric_article(r: _Reading, p: _Phrase) -> str | None:
    """The head's article when the head names a measure ("" in English), else None."""
    nouns = r.words.metric_nouns[r.lang]
    for form in sorted(p.head_words):
        if form in nouns:
            return nouns[form]
    return None
