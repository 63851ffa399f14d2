"""French morphology: a noun's gender and number, an adjective's agreement, a verb's
conjugation (the forms drafts use) and the form a word was written in; contractions (« à le »
→ « au ») and the frames of verbs whose object takes a preposition.
"""

from __future__ import annotations

import functools
import re

from facilitator.engine.inflect.data import _FOLDER, _data, _regular_plural
from facilitator.engine.inflect.words import _FR_DETS, _FR_PREPS, _low
from facilitator.engine.lexicon import word_set


def fr_plural(word: str) -> str:
    low = _low(word)
    known = _data("fr").nouns.get(low)
    plural = known[1] if known else _regular_plural(low)
    return _same_case(word, plural)


def fr_singular(word: str) -> str:
    low = _low(word)
    d = _data("fr")
    if low in d.nouns:
        return word
    if low in d.singular:
        return _same_case(word, d.singular[low])
    if low.endswith("eaux"):
        return word[:-1]
    if low.endswith("aux") and len(low) > 4:
        return word[:-3] + "al"
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "os", "as")):
        return word[:-1]
    return word


def _same_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def fr_gender(phrase: str) -> str | None:
    """The gender of a noun phrase's head: listed, else guessed from its ending."""
    head = _fr_head(phrase)
    if head is None:
        return None
    d = _data("fr")
    low = _low(head)
    sing = _low(fr_singular(head))
    for w in (low, sing):
        if w in d.nouns and d.nouns[w][0]:
            return d.nouns[w][0]
    return _guess_gender(sing)


_FEM_ENDINGS = (
    "tion",
    "sion",
    "xion",
    "té",
    "ée",
    "ure",
    "ance",
    "ence",
    "ise",
    "ude",
    "ade",
    "ette",
    "esse",
    "ière",
    "ie",
    "ode",
    "ine",
    "ité",
    "eur",  # « la valeur », « la couleur »… and « le serveur »: only a guess
)
_MASC_ENDINGS = ("ment", "age", "isme", "eau", "oir", "at", "et", "ier", "ing", "on", "al", "ail")


def _guess_gender(word: str) -> str | None:
    if word in ("page", "image", "plage", "cage", "eau", "peau"):
        return "f"
    if word.endswith(("tion", "sion", "xion")):
        return "f"
    for end in _MASC_ENDINGS:
        if word.endswith(end):
            return "m"
    for end in _FEM_ENDINGS:
        if word.endswith(end) and end != "eur":
            return "f"
    return None


_FR_LEADING_ADJ = word_set(_FOLDER, "leading-adjectives", ("fr",))


def _fr_words(phrase: str) -> list[str]:
    return phrase.replace("’", "'").replace("'", "' ").split()


def _fr_head(phrase: str) -> str | None:
    for w in _fr_words(phrase):
        low = _low(w)
        if low in _FR_DETS or low in _FR_LEADING_ADJ:
            continue
        if low in _FR_PREPS:
            return None
        return w
    return None


@functools.lru_cache(maxsize=4096)  # a word of the draft or the lexicon: asked many times
def _fr_is_verb(word: str) -> bool:
    low = _low(word)
    if low in ("se", "s'"):
        return True
    if low in _data("fr").nouns or low in _data("fr").singular:
        return False
    return low.endswith(("er", "ir", "re", "oir")) and fr_forms(low) is not None


def fr_np_number(phrase: str, plural: bool) -> str:
    """`phrase` (a noun phrase as a lexicon writes it) with its head in the number asked: the
    head noun, the adjectives before it and after it, up to the first preposition."""
    words = phrase.split(" ")
    out: list[str] = []
    head_seen = False
    stop = False
    for w in words:
        low = _low(w)
        if (
            stop
            or low in _FR_PREPS
            or "'" in low
            or "’" in low
            or (not w.isalpha() and "-" not in w)
        ):
            stop = stop or head_seen or low in _FR_PREPS
            out.append(w)
            continue
        if low in _FR_DETS:
            out.append(_fr_det_number(w, plural))
            continue
        if not head_seen:
            out.append(fr_plural(w) if plural else fr_singular(w))
            head_seen = low not in _FR_LEADING_ADJ
            continue
        # After the head: an adjective agrees, a noun used as a modifier (« parcours client »)
        # does not.
        d = _data("fr")
        if low in d.nouns or _low(fr_singular(w)) in d.nouns:
            out.append(w)
            stop = True
            continue
        out.append(_fr_adj_number(w, plural))
    return " ".join(out)


def _fr_det_number(det: str, plural: bool) -> str:
    low = _low(det)
    if plural:
        new = {"le": "les", "la": "les", "l'": "les", "un": "des", "une": "des", "du": "des"}
        new |= {"ce": "ces", "cet": "ces", "cette": "ces", "notre": "nos", "votre": "vos"}
        new |= {"leur": "leurs", "mon": "mes", "ma": "mes", "son": "ses", "sa": "ses"}
    else:
        new = {"nos": "notre", "vos": "votre", "leurs": "leur"}
    return _same_case(det, new.get(low, low)) if low in new else det


def _fr_adj_number(word: str, plural: bool) -> str:
    low = _low(word)
    d = _data("fr")
    if plural:
        if low in d.adjectives:
            return _same_case(word, d.adjectives[low][1])
        if low.endswith(("s", "x")):
            return word
        if low.endswith("al"):
            return word[:-2] + "aux"
        if low.endswith("eau"):
            return word + "x"
        return word + "s"
    if low in d.adjectives_back and d.adjectives_back[low] != low:
        back = d.adjectives_back[low]
        if d.adjectives.get(back, ("", ""))[1] == low:
            return _same_case(word, back)
    if low.endswith("aux"):
        return word[:-3] + "al"
    if low.endswith("s") and not low.endswith(("ss", "is", "us", "ais")):
        return word[:-1]
    return word


_ADJ_M_TO_F = (
    ("eux", "euse"),
    ("if", "ive"),
    ("el", "elle"),
    ("ien", "ienne"),
    ("on", "onne"),
    ("ier", "ière"),
    ("er", "ère"),
    ("é", "ée"),
    ("al", "ale"),
    ("ant", "ante"),
    ("ent", "ente"),
    ("ain", "aine"),
    ("u", "ue"),
    ("i", "ie"),
    ("t", "te"),
    ("d", "de"),
    ("s", "se"),
)
_ADJ_F_TO_M = tuple((f, m) for m, f in _ADJ_M_TO_F)
# Endings that mark an adjective well enough to change it after a noun whose gender changed
# (a noun used as a modifier, « parcours client », must not become « cliente »).
_ADJ_MARKED_M = ("eux", "if", "el", "ier", "é", "al", "ant", "aux")
_ADJ_MARKED_F = ("euse", "ive", "elle", "ière", "ée", "ale", "ante")


def fr_adjective(word: str, gender: str, plural: bool) -> str:
    """A masculine singular adjective in the gender and number asked."""
    low = _low(word)
    d = _data("fr")
    if gender == "f":
        if low in d.adjectives:
            fem = d.adjectives[low][0]
        elif low.endswith("e"):
            fem = low
        else:
            fem = next((low[: -len(m)] + f for m, f in _ADJ_M_TO_F if low.endswith(m)), low + "e")
        out = fem + "s" if plural and not fem.endswith("s") else fem
    else:
        out = _fr_adj_number(low, True) if plural else low
    return _same_case(word, out)


def _fr_adj_change_gender(word: str, old: str, new: str) -> str | None:
    """`word` after a noun that went from gender `old` to `new`, or None if it is not a marked
    adjective."""
    low = _low(word)
    plural = (low.endswith(("s", "x")) and not low.endswith(("eux",))) or (
        low.endswith("eux") and (old == "f")
    )
    base = low
    if old == "m":
        if low.endswith("aux"):
            base, plural = low[:-3] + "al", True
        elif low.endswith("s") and not low.endswith("eux"):
            base = low[:-1]
        if not base.endswith(_ADJ_MARKED_M) and base not in _data("fr").adjectives:
            return None
        return _same_case(word, fr_adjective(base, new, plural))
    if low.endswith("s"):
        base = low[:-1]
    if not base.endswith(_ADJ_MARKED_F) and base not in _data("fr").adjectives_back:
        return None
    masc = _data("fr").adjectives_back.get(base)
    if masc is None:
        masc = next((base[: -len(f)] + m for f, m in _ADJ_F_TO_M if base.endswith(f)), base)
    return _same_case(word, fr_adjective(masc, "m", plural))


_FR_FORMS = ("inf", "pres1pl", "pres2pl", "pres3sg", "pres3pl", "pp", "ppr", "fut3sg")


@functools.cache
def fr_forms(lemma: str) -> dict[str, str] | None:
    """The forms of a French verb drafts use, by name (inf, pres1pl, pres3sg, pp, pp_f …)."""
    low = _low(lemma)
    if not low or " " in low:
        return None
    forms: dict[str, str] | None = None
    for ending, row in _data("fr").endings:
        if low.endswith(ending):
            stem = low[: -len(ending)]
            forms = {name: stem + row[name] for name in _FR_FORMS}
            break
    if forms is None and low.endswith("er") and len(low) > 3:
        forms = _fr_er(low[:-2])
    elif forms is None and low.endswith("ir") and len(low) > 3:
        s = low[:-2]
        forms = dict(
            zip(
                _FR_FORMS,
                (low, s + "issons", s + "issez", s + "it", s + "issent", s + "i", s + "issant"),
                strict=False,
            )
        )
        forms["fut3sg"] = low + "a"
    if forms is None:
        return None
    pp = forms["pp"]
    forms["pp_f"] = pp if pp.endswith("e") else pp + "e"
    forms["pp_mp"] = pp if pp.endswith(("s", "x")) else pp + "s"
    forms["pp_fp"] = forms["pp_f"] + "s"
    fut = forms["fut3sg"]
    forms["fut1pl"] = fut[:-1] + "ons"
    forms["fut3pl"] = fut[:-1] + "ont"
    imp = forms["pres1pl"][:-3]
    forms["imp3sg"], forms["imp3pl"] = imp + "ait", imp + "aient"
    return forms


def _fr_er(stem: str) -> dict[str, str]:
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    strong = re.sub(r"é([^aeiouyéèê]+)$", r"è\1", stem)
    strong = re.sub(r"e([vnsm])$", r"è\1", strong)
    if strong.endswith(("oy", "uy")):
        strong = strong[:-1] + "i"
    fut = strong if strong.endswith(("è" + stem[-1:], "i")) and "é" not in stem[-3:] else stem
    return {
        "inf": stem + "er",
        "pres1pl": soft + "ons",
        "pres2pl": stem + "ez",
        "pres3sg": strong + "e",
        "pres3pl": strong + "ent",
        "pp": stem + "é",
        "ppr": soft + "ant",
        "fut3sg": fut + "era",
    }


def fr_form_of(word: str, lemma: str) -> str | None:
    """Which of `lemma`'s forms `word` is, or None."""
    low, lem = _low(word), _low(lemma)
    if low == lem:
        return "inf"
    forms = fr_forms(lem)
    if not forms:
        return None
    return next((name for name, form in forms.items() if form == low), None)


def fr_conjugate(phrase: str, form: str) -> str | None:
    """A verb phrase as a lexicon writes it (infinitive first) put in `form`, or None."""
    if form == "inf":
        return phrase
    words = phrase.split(" ")
    if _low(words[0]) in ("se", "s'") or words[0].lower().startswith(("s'", "s’")):
        return None  # a pronominal verb needs its subject's pronoun
    forms = fr_forms(words[0])
    if not forms or form not in forms:
        return None
    if form.startswith("pp"):
        rest = [_low(w) for w in words[1:]]
        # « réduire le délai de » or « influer sur » cannot stand as a participle.
        if rest and (rest[0] in _FR_DETS or rest[-1] in _FR_PREPS or "x" in rest):
            return None
    return " ".join([forms[form], *words[1:]])


@functools.lru_cache(maxsize=4096)  # it reads every verb's forms: once per phrase
def _frame(phrase: str) -> tuple[str, str]:
    """(object preposition, infinitive preposition) of a French verb phrase's verb."""
    words = phrase.split(" ")
    frames = _data("fr").frames
    first = _low(words[0])
    for verb, frame in frames.items():
        if first == verb or first in (fr_forms(verb) or {}).values():
            return frame
    return ("", "")


_FR_CONTRACT = re.compile(
    r"\b(à|de|À|De)\s+(les|le)\b(?!\s*(?:faire|mettre|rendre|réduire|atteindre))"
)


def _contract(m: re.Match[str]) -> str:
    prep, det = m.group(1), m.group(2).lower()
    out = {"à": {"le": "au", "les": "aux"}, "de": {"le": "du", "les": "des"}}[prep.lower()][det]
    return _same_case(prep, out)


def contract_fr(text: str) -> str:
    """« à le » → « au », « de les » → « des »: the contractions French writes, after a template
    put a preposition before an article (« Faire de le CRM » → « Faire du CRM »)."""
    return _FR_CONTRACT.sub(_contract, text)
