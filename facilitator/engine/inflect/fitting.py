"""Engine side: a lexicon's alternatives fitted to the analysed draft (spaCy's lemmas, parts of
speech and dependencies in `Context.toks`): a replacement verb takes the replaced verb's form,
a noun its number, an adjective its gender and number; a quantity verb is kept only before a
quantity-like object, in the direction that counts as progress for it, else a restructuring
wording takes its place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from facilitator.engine.inflect.data import _FOLDER, _data
from facilitator.engine.inflect.english import en_conjugate, en_form_of, en_forms, en_plural
from facilitator.engine.inflect.french import (
    _FR_CONTRACT,
    _contract,
    _fr_head,
    _fr_is_verb,
    _frame,
    fr_adjective,
    fr_conjugate,
    fr_form_of,
    fr_np_number,
)
from facilitator.engine.inflect.words import (
    _EN_DETS,
    _EN_STOPS,
    _FR_DETS,
    _FR_PREPS,
    _OBJECT_DETS,
    _WORD,
    _low,
)
from facilitator.engine.lexicon import word_set

_RESTRUCTURE = {
    "fr": ("faire passer de X à Y", " l'indicateur de"),
    "en": ("set a target from X to Y for", ""),
}
_PP_BEFORE_EN = frozenset(
    ["has", "have", "had", "been", "be", "is", "are", "was", "were", "being", "get", "gets", "got"]
)
# Compiled once: these run for every finding with alternatives, on every keystroke.
_DE_NEXT = re.compile(r"\s*(?:de|d['’]|du|des)\b", re.IGNORECASE)
_PREP_VERB_NEXT = re.compile(r"\s*(?:à|de|d['’])\s*([^\W\d_]+)")
_WORD_NEXT = re.compile(r"\s*([^\W\d_]+)")
_CLAUSE_END = re.compile(r"[,.;:]")
_PREP_VERB_IN = re.compile(r"\s(à|de|d['’])\s*([^\W\d_]+)")
_DE_MANNER = re.compile(r"\s*de\s+(?:façon|manière)")
_LINK_NEXT = re.compile(r"\s+(\w+)")
_LAST_WORD = re.compile(r"(?:^|\s)(\S+)\s*$")


def fit_alternatives(
    ctx: Any, start: int, end: int, alternatives: Sequence[str], term: str | None
) -> list[str]:
    """The lexicon's alternatives for the words at [start, end) of the analysed draft, each put
    in the form the sentence needs; those that cannot fit are left out (see the module)."""
    lang = ctx.lang if ctx.lang in ("fr", "en") else "en"
    text: str = ctx.text
    toks = ctx.toks
    first = _token_at(toks, start)
    if first is None:
        return list(alternatives)
    if lang == "fr" and _inside_english_name(text, end):
        return []  # « le Lead Time for Changes » is a name: « délai for Changes » is neither
    low = toks.lower[first]
    lemma = toks.lemma[first] if toks.lemma is not None else None
    pos = toks.pos[first] if toks.pos is not None else None
    if term and " " not in term and lemma is None:
        lemma = term.lower()
    out: list[str] = []
    verb_alts = [a for a in alternatives if _alt_is_verb(lang, a)]
    span = text[start:end]
    # The lexicon's own word says whether a verb or a noun was matched: spaCy reads « Mise en
    # place » as a participle.
    nominal = bool(term) and _is_nominal(lang, term or "") and pos != "AUX"
    if (
        pos in ("VERB", "AUX") or (pos is None and verb_alts and _looks_verb(lang, low, lemma))
    ) and (not nominal):
        out = _fit_verbs(ctx, lang, start, end, first, low, lemma, list(alternatives))
    elif (verb_alts and len(verb_alts) == len(alternatives)) or (
        nominal and lang == "en" and _low((term or "").split(" ")[-1]) in _EN_STOPS
    ):
        # A nominalisation: a verb fits only where a clause starts (« Mise en place d'un
        # outil » → « Mettre en place un outil »), never inside a noun phrase.
        if not _clause_start(text[:start], lang):
            return []
        out = _quantity_fit(lang, text, end, list(alternatives), "inf" if lang == "fr" else "base")
    elif " " not in span.strip() and (
        pos == "ADJ" or (pos is None and not verb_alts and _looks_adjective(lang, low, term))
    ):
        out = [
            a
            for a in (_fit_adjective(lang, text, end, low, term, lemma, a) for a in alternatives)
            if a
        ]
    else:
        plural = _is_plural(lang, text[:start], span, low, lemma)
        out = [_fit_noun(lang, a, plural) if not _alt_is_verb(lang, a) else a for a in alternatives]
        if lang == "en" and _before_noun(text, end):
            # Before its noun ("a world-class team") a modifier cannot be "rated in the top …".
            out = [a for a in out if not any(w in _EN_STOPS for w in a.split(" ")[1:])]
    return out


def _is_nominal(lang: str, term: str) -> bool:
    first = term.split(" ")[0]
    if lang == "fr":
        return not _fr_is_verb(first)
    return first.lower().endswith(("tion", "sion", "ment", "ance", "ence", "ity", "ure", "al"))


def _before_noun(text: str, end: int) -> bool:
    nxt = _WORD.findall(text[end : end + 40])
    return bool(nxt) and nxt[0][0].isalpha() and _low(nxt[0]) not in _EN_STOPS | _EN_DETS


def _token_at(toks: Any, start: int) -> int | None:
    for i, idx in enumerate(toks.idx):
        if idx >= start:
            return i
    return None


@functools.lru_cache(maxsize=4096)  # the lexicon's alternatives: a few hundred, asked often
def _alt_is_verb(lang: str, alt: str) -> bool:
    first = alt.split(" ")[0]
    if lang == "fr":
        return _fr_is_verb(first)
    return _low(first) in _data("en").quantity_verbs or _en_known_verb(first)


_EN_VERBS = word_set(_FOLDER, "known-verbs", ("en",))


def _en_known_verb(word: str) -> bool:
    return _low(word) in _EN_VERBS or _low(word) in _data("en").irregular


def _looks_verb(lang: str, low: str, lemma: str | None) -> bool:
    if lemma is None:  # the per-keystroke tier: the ending tells
        return low.endswith(("ing", "ed") if lang == "en" else ("er", "ir", "re"))
    if lang == "fr":
        return bool(lemma and fr_form_of(low, lemma))
    return bool(lemma and en_form_of(low, lemma))


def _looks_adjective(lang: str, low: str, term: str | None) -> bool:
    return lang == "fr" and low.endswith(
        ("if", "ive", "ifs", "ives", "ant", "ante", "ants", "antes", "el", "elle")
    )


def _fit_verbs(
    ctx: Any,
    lang: str,
    start: int,
    end: int,
    first: int,
    low: str,
    lemma: str | None,
    alternatives: list[str],
) -> list[str]:
    text: str = ctx.text
    toks = ctx.toks
    form: str | None
    if lang == "fr":
        infinitive = toks.infinitive[first] if toks.infinitive is not None else False
        form = "inf" if infinitive else fr_form_of(low, lemma or low)
        if form is None and low.endswith(("er", "ir", "re")):
            form = "inf"
    elif lemma is None:
        # The per-keystroke tier has no lemmatiser: the ending tells the form.
        form = "ing" if low.endswith("ing") else "pp" if low.endswith("ed") else "base"
    else:
        form = en_form_of(low, lemma)
        if (
            form in ("past", "pp")
            and en_forms(lemma or low)["past"] == en_forms(lemma or low)["pp"]
        ):
            form = "pp"
        elif form == "past":
            prev = text[:start].split()[-1:] or [""]
            form = "pp" if prev[0].lower() in _PP_BEFORE_EN else "past"
    if form is None:
        return []
    if form.startswith("pp") and _clause_start(text[:start], lang) and _DE_NEXT.match(text, end):
        # « Mise en place d'un outil »: a noun at the head of the draft, not a participle.
        return _quantity_fit(lang, text, end, alternatives, "inf")
    # The span may hold the verb's object too (« Adresser les irritants »): a bare verb keeps it,
    # unless a « de » complement follows (« Poser les bases d'une politique »): that one is the
    # new verb's object (see apply_edit).
    words = text[start:end].split(" ")
    after = text[end:]
    tail = ""
    if (
        len(words) > 1
        and _low(words[1]) in _OBJECT_DETS
        and _low(words[-1]) not in (_FR_PREPS | _EN_STOPS)
        and not _DE_NEXT.match(after)
    ):
        tail = " ".join(words[1:])
    if lang == "fr":
        # « Continuer à réduire … »: only a verb that takes an infinitive can replace it.
        m = _PREP_VERB_NEXT.match(after)
        if m and _fr_is_verb(m.group(1)) and not _fr_is_verb_noun(m.group(1)):
            alternatives = [a for a in alternatives if _frame(a)[1]]
        # « Commencer à vendre »: the span holds the preposition, a verb follows.
        nxt = _WORD_NEXT.match(after)
        if words[-1].lower() in ("à", "de", "d'", "d’") and nxt and _fr_is_verb(nxt.group(1)):
            alternatives = [a for a in alternatives if _frame(a)[1] or " " in a]
        # « Aider les agences à vendre »: an infinitive after the object needs a verb that
        # takes one.
        inf_prep = _frame(words[0] if lemma is None else lemma)[1]
        clause = _CLAUSE_END.split(after, maxsplit=1)[0]
        m2 = _PREP_VERB_IN.search(clause)
        if inf_prep and m2 and _fr_is_verb(m2.group(2)) and not _fr_is_verb_noun(m2.group(2)):
            alternatives = [a for a in alternatives if _frame(a)[1]]
    fitted = _quantity_fit(lang, text, end, alternatives, form, tail)
    if form in ("pp", "past", "pp_f", "pp_mp", "pp_fp") or form.startswith("pp"):
        fitted = [f for f in fitted if "X" not in f.split(" ")]
    return fitted


def _fr_is_verb_noun(word: str) -> bool:
    """A word ending like an infinitive that is a noun all the same (« à la lettre »)."""
    return _low(word) in _data("fr").nouns


def _quantity_fit(
    lang: str, text: str, end: int, alternatives: list[str], form: str, tail: str = ""
) -> list[str]:
    obj = _object_words(lang, tail or text[end:])
    quantity = _is_quantity(lang, _head(lang, obj)) if obj else True
    direction = _direction(lang, obj) if obj else "any"
    # « Améliorer de façon durable la qualité »: « l'indicateur de » cannot go before the adverb.
    first = _WORD.findall((tail or text[end:])[:40])[:1]
    adverbial = bool(first) and (
        _is_adverb(lang, first[0]) or (_low(first[0]) == "de" and bool(_DE_MANNER.match(text, end)))
    )
    if tail:
        return _fit_quantity_verbs(lang, alternatives, form, quantity, direction, adverbial, tail)
    # Without a tail the result depends on the lexicon's words and the object's kind only.
    fitted = _fit_quantity_verbs_once(
        lang, tuple(alternatives), form, quantity, direction, adverbial
    )
    return list(fitted)


@functools.lru_cache(maxsize=4096)
def _fit_quantity_verbs_once(
    lang: str,
    alternatives: tuple[str, ...],
    form: str,
    quantity: bool,
    direction: str,
    adverbial: bool,
) -> tuple[str, ...]:
    return tuple(_fit_quantity_verbs(lang, alternatives, form, quantity, direction, adverbial, ""))


def _fit_quantity_verbs(
    lang: str,
    alternatives: Sequence[str],
    form: str,
    quantity: bool,
    direction: str,
    adverbial: bool,
    tail: str,
) -> list[str]:
    """`alternatives` in `form`, without the quantity verbs that the object cannot take: not a
    quantity, or a direction that is no progress for it (`quantity`, `direction`). A one-word
    verb keeps the object `tail` it replaces; `adverbial`: an adverb opens the object."""
    d = _data(lang)
    restructure, with_metric = _RESTRUCTURE[lang]
    out: list[str] = []
    dropped = False
    for alt in alternatives:
        low_alt = _low(alt)
        key = low_alt if low_alt in d.quantity_verbs else low_alt.split(" ")[0]
        if key in d.quantity_verbs and not alt.startswith(restructure):
            moves = d.quantity_verbs[key]
            if not quantity or ("any" not in (moves, direction) and moves != direction):
                dropped = True
                continue
        if alt.startswith(restructure) and not quantity and not adverbial:
            alt = alt + with_metric if with_metric and not alt.endswith(with_metric) else alt
        conj = fr_conjugate(alt, form) if lang == "fr" else en_conjugate(alt, form)
        if conj is None:
            continue
        if tail and (" " not in alt or _low(alt).endswith((" à", " sur", " de"))):
            conj = _join_tail(lang, conj, tail)
        out.append(conj)
    restructure_verb = restructure.split(" ")[0]  # lower case, no apostrophe: as `_low` gives
    has_restructure = any(o.lower().startswith(restructure_verb) for o in out)
    if dropped and not has_restructure and not tail and (lang == "fr" or not quantity):
        alt = restructure + (with_metric if not quantity and not adverbial else "")
        conj = fr_conjugate(alt, form) if lang == "fr" else en_conjugate(alt, form)
        if conj is not None and form not in ("pp", "past") and not form.startswith("pp_"):
            out.append(conj)
    return out


def _join_tail(lang: str, conj: str, tail: str) -> str:
    joined = f"{conj} {tail}"
    if lang == "fr":
        joined = _FR_CONTRACT.sub(_contract, joined)
    return joined


def _object_words(lang: str, after: str) -> list[str]:
    """The object that follows a verb: its head noun words and the noun of its « de » / "of"
    complement (« le taux de transformation » → taux, transformation)."""
    head = after[:160]
    words = _WORD.findall(head)
    # `_low` of each word, in one call: no word holds a space.
    lows = " ".join(words).lower().replace("’", "'").split(" ") if words else []
    out: list[str] = []
    dets = _FR_DETS if lang == "fr" else _EN_DETS
    i = 0
    # « Réduire de 20 % le délai », "reduce by 20% the time": the figure is no object.
    while i < len(words) and (
        lows[i] in dets
        or _is_adverb_low(lang, lows[i])
        or lows[i] in ("façon", "manière", "et", "and")
        or words[i][0].isdigit()
        or words[i] == "%"
        or (lang == "fr" and i == 0 and lows[i] in ("à", "au", "aux"))
        or (
            lows[i] in ("de", "d'", "by", "points", "pts")
            and i + 1 < len(words)
            and (words[i + 1][0].isdigit() or lows[i + 1] in dets)
        )
    ):
        i += 1
    complement = False
    head_size = 0
    while i < len(words) and len(out) < 5:
        w = lows[i]
        if lang == "fr":
            if w in ("de", "d'", "du", "des") and out and not complement:
                complement, head_size = True, len(out)
                i += 1
                while i < len(words) and lows[i] in dets:
                    i += 1
                continue
            if w in _FR_PREPS or w in dets or not words[i][0].isalpha():
                break
        else:
            if w == "of" and out and not complement:
                complement, head_size = True, len(out)
                i += 1
                while i < len(words) and lows[i] in dets:
                    i += 1
                continue
            if w in _EN_STOPS or w in dets or not words[i][0].isalpha():
                break
        out.append(words[i].replace("’", "'").rstrip("'"))
        i += 1
    return out if not head_size else [*out[:head_size], "|", *out[head_size:]]


def _is_adverb(lang: str, word: str) -> bool:
    return _is_adverb_low(lang, _low(word))


def _is_adverb_low(lang: str, low: str) -> bool:
    if lang == "fr":
        return (len(low) > 6 and low.endswith("ment")) or low in ("durable", "mesurable")
    return len(low) > 4 and low.endswith("ly")


def _head(lang: str, words: list[str]) -> list[str]:
    """The head of `_object_words`: French puts it first (« taux » de transformation, «
    expérience » patient), English last before "of" (customer "satisfaction")."""
    core = words[: words.index("|")] if "|" in words else words
    if not core:
        return []
    return core[:1] if lang == "fr" else core[-1:]


def _is_quantity(lang: str, words: list[str]) -> bool:
    nouns = _data(lang).quantity_nouns
    return any(_q(nouns, w) is not None for w in words)


def _q(nouns: dict[str, str], word: str) -> str | None:
    low = word.lower().removesuffix("'s")
    for w in (low, low[:-1] if low.endswith("s") else low, word):
        if w in nouns:
            return nouns[w]
    return None


def _direction(lang: str, words: list[str]) -> str:
    nouns = _data(lang).quantity_nouns
    # English compounds put the head last ("lead time"), French first (« taux de churn »).
    order = list(reversed(words)) if lang == "en" else words
    for w in order:
        if w == "|":
            continue
        found = _q(nouns, w)
        if found and found != "any":
            return found
    return "any"


# English words that carry an English name on after a matched term ("Lead Time for Changes",
# "Time to Market"); none is a French word.
_ENGLISH_LINKS = ("for", "of", "to", "and", "with", "the", "in", "by", "from")


def _inside_english_name(text: str, end: int) -> bool:
    m = _LINK_NEXT.match(text, end)
    return m is not None and m.group(1).lower() in _ENGLISH_LINKS


def _is_plural(lang: str, before: str, span: str, low: str, lemma: str | None) -> bool:
    m = _LAST_WORD.search(before)
    prev = _low(m.group(1)) if m else ""
    span_words = span.split()
    first = _low(span_words[0]) if span_words else ""
    if lang == "fr":
        det = first if first in _FR_DETS else prev
        if det in ("les", "des", "ces", "aux", "mes", "tes", "ses", "nos", "vos", "leurs"):
            return True
        if det in ("le", "la", "l'", "un", "une", "du", "au", "ce", "cet", "cette", "chaque"):
            return False
        if prev.endswith("'") and prev in ("l'",):
            return False
    elif prev in ("a", "an", "one", "each", "every", "this", "that"):
        return False
    last = _low(span_words[-1]) if span_words else low
    if lang == "fr" and len(span_words) > 1 and last.endswith("s") and not first.endswith("s"):
        return True  # an English compound in French text: « des nouvelles landing pages »
    head = low if lang == "fr" else last
    if lemma and head == low and lemma != low:
        return low.endswith(("s", "x"))
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


@functools.lru_cache(maxsize=4096)  # the lexicon's alternatives, in either number
def _fit_noun(lang: str, alt: str, plural: bool) -> str:
    if lang == "fr":
        head = _fr_head(alt)
        if head is None:
            return alt
        return fr_np_number(alt, plural)
    words = alt.split(" ")
    if any(w in _EN_STOPS for w in words[1:]) or words[0] in _EN_DETS:
        return alt  # "gains from working together", "the best": as written
    if plural and not words[-1].endswith("s") and words[-1].isalpha():
        words[-1] = en_plural(words[-1])
    return " ".join(words)


def _fit_adjective(
    lang: str, text: str, end: int, low: str, term: str | None, lemma: str | None, alt: str
) -> str | None:
    if lang == "en":
        # Before its noun ("a world-class team") an adjective is not "rated in the top …".
        if _before_noun(text, end) and any(w in _EN_STOPS for w in alt.split(" ")[1:]):
            return None
        return alt
    base = _low(term or lemma or low)
    plural = low.endswith(("s", "x")) and not base.endswith(("s", "x"))
    stem = low[:-1] if plural and low.endswith("s") else low
    fem = stem != base and stem.endswith("e") and not base.endswith("e")
    words = alt.split(" ")
    if (not fem and not plural) or _low(words[0]) in _FR_PREPS or _low(words[0]) in _FR_DETS:
        return alt
    if _low(words[0]) in ("parmi",):
        return alt
    words[0] = fr_adjective(words[0], "f" if fem else "m", plural)
    return " ".join(words)


def _clause_start(before: str, lang: str) -> bool:
    tail = before.rstrip()
    if not tail:
        return True
    if tail[-1] in ":;,(—–-•":
        return True
    last = tail.split()[-1].lower()
    return last in ("et", "puis", "and", "then")
