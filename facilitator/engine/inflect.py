"""Proposals that stay grammatical: a replacement fitted to the words it replaces and to the
words around it, and additions placed where each language puts them.

Two halves, one per moment:

- `fit_alternatives` runs in the engine, on the analysed draft (spaCy's lemmas, parts of speech
  and dependencies in `Context.toks`): a replacement verb takes the replaced verb's form
  (« optimisons » → « réduisons », "improving" → "increasing", « impactés » → « touchés »), a
  replacement noun its number (« les synergies » → « coopérations »), a replacement adjective
  its gender and number; a quantity verb (augmenter, reduce …) is kept only before a
  quantity-like object, in the direction that counts as progress for it, else a restructuring
  wording takes its place (« faire passer de X à Y l'indicateur de … », "set a target from X to
  Y for …"); a verb that would replace a noun inside a noun phrase ("the modernisation of" →
  "the modernise") is not proposed.
- `apply_edit` puts a replacement into the text, as the workbench does with one key, and mends
  the words at its edges, with no model needed: French determiners follow the new noun's gender
  and its first sound (le/la/l', un/une, ce/cet/cette, du/de la/de l', au/à la/à l'), « de » and
  « que » elide before a vowel or a mute h and come back before a consonant, « à le », « de
  le », « à les », « de les » contract, an adjective right after a noun whose gender changed
  follows it, a nominalisation turned verb takes its « de » complement as object, « permettre
  à » takes « de » before its infinitive; English "a"/"an" follow the next word's sound. An
  addition written « … d'ici fin T4 » goes inside the sentence, before its final punctuation
  (and a deadline before a purpose clause).

Why word lists and not a library: the package index has French conjugators (verbecc 2.0.3,
mlconjug3) but both are machine-learning packages that pin exact numpy, scipy and scikit-learn
releases (verbecc is LGPL and pulls lxml and Cython too) for a job that, here, covers a closed
set: the few hundred words the lexicons propose. For English, lemminflect and inflect fit but
add a dependency (and a data download for one of them) for -s, -ing and -ed. So the data lives
beside the lexicons, in `lexicons/<lang>/morphology/` (nouns and their genders, conjugation
patterns by ending, irregular English verbs, a/an exceptions, quantity words with directions),
where a consultant can add a word, and the rules that cover every regular word are here. A
word none of them covers is left as the lexicon wrote it, and a verb form the conjugator cannot
produce drops that proposal rather than offer a wrong one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.engine.lexicon import read_table, word_set
from facilitator.paths import data_dir

# --------------------------------------------------------------------------------------------
# Data


@dataclass(slots=True)
class _Data:
    nouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # singular → (gender, plural)
    singular: dict[str, str] = field(default_factory=dict)  # listed plural → singular
    adjectives: dict[str, tuple[str, str]] = field(default_factory=dict)  # m → (f, m plural)
    adjectives_back: dict[str, str] = field(default_factory=dict)  # f or m plural → m
    endings: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # longest first
    frames: dict[str, tuple[str, str]] = field(default_factory=dict)
    quantity_nouns: dict[str, str] = field(default_factory=dict)  # lower-case word → direction
    quantity_verbs: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, tuple[str, str]] = field(default_factory=dict)  # base → (past, part.)
    articles: list[tuple[str, str]] = field(default_factory=list)  # longest start first


_FOLDER = "morphology"  # lexicons/<lang>/morphology/: this module's data and word lists


@functools.cache
def _data(lang: str) -> _Data:
    folder = data_dir("lexicons") / lang / _FOLDER
    d = _Data()
    for row in read_table(folder / "nouns.tsv"):
        word, plural = row["word"].lower(), row.get("plural", "")
        plural = word if plural == "=" else plural or _regular_plural(word)
        d.nouns[word] = (row.get("gender", ""), plural)
        d.singular[plural] = word
    for row in read_table(folder / "adjectives.tsv"):
        word = row["word"].lower()
        d.adjectives[word] = (row["feminine"], row["plural"])
        d.adjectives_back[row["feminine"]] = word
        d.adjectives_back[row["plural"]] = word
    if lang == "fr":
        endings = [(row["ending"], row) for row in read_table(folder / "verbs.tsv")]
        d.endings = sorted(endings, key=lambda e: -len(e[0]))
    for row in read_table(folder / "frames.tsv"):
        d.frames[row["verb"]] = (row.get("object", ""), row.get("infinitive", ""))
    for row in read_table(folder / "quantities.tsv"):
        target = d.quantity_verbs if row.get("pos") == "VERB" else d.quantity_nouns
        target[row["word"].lower()] = row.get("direction", "any") or "any"
    for row in read_table(folder / "verbs.tsv") if lang == "en" else ():
        d.irregular[row["base"]] = (row["past"], row["participle"])
    for row in read_table(folder / "articles.tsv"):
        d.articles.append((row["start"].lower(), row["article"]))
    d.articles.sort(key=lambda a: -len(a[0]))
    return d


# --------------------------------------------------------------------------------------------
# Words

_APOS = "'’"
_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?['’]?|\d+(?:[.,]\d+)?|%", re.UNICODE)
_FR_VOWELS = "aeiouàâäéèêëîïôöùûüœæ"
# Words starting with an h that blocks elision: « la hausse », « le handicap ».
_H_ASPIRE = word_set(_FOLDER, "h-aspire", ("fr",))
_FR_DETS = word_set(_FOLDER, "determiners", ("fr",))
_EN_DETS = word_set(_FOLDER, "determiners", ("en",))
_FR_PREPS = word_set(_FOLDER, "prepositions", ("fr",))
_EN_STOPS = word_set(_FOLDER, "stop-words", ("en",))


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def starts_with_vowel_sound_fr(word: str) -> bool:
    w = _low(word)
    if not w:
        return False
    if w[0] in _FR_VOWELS:
        return True
    if w[0] == "h":
        return not any(w.startswith(h) for h in _H_ASPIRE)
    return False


_LETTER_AN = set("aefhilmnorsx")  # letters whose name starts with a vowel sound: "an FAQ"


def en_article(word: str) -> str:
    """ "a" or "an" before `word`, by its sound: the letter rule with listed exceptions."""
    w = word.strip("\"'“”‘’(")
    if not w:
        return "a"
    if w[0].isdigit():
        return "an" if re.match(r"(8|11|18)(\D|$)|8\d\d", w) else "a"
    letters = re.match(r"[A-Za-z]+", w)
    if letters and len(letters.group()) > 1 and letters.group().isupper():
        # An acronym read letter by letter; one read as a word (NASA) is rare in key results.
        return "an" if w[0].lower() in _LETTER_AN else "a"
    low = w.lower()
    for start, article in _data("en").articles:
        if low.startswith(start):
            return article
    return "an" if low[0] in "aeiou" else "a"


# --------------------------------------------------------------------------------------------
# French nouns and adjectives


def _regular_plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "au", "eu")) and word not in ("pneu", "bleu"):
        return word + "x"
    if word.endswith("al") and word not in ("festival", "carnaval", "bal", "récital", "chacal"):
        return word[:-2] + "aux"
    return word + "s"


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


def _fr_is_verb(word: str) -> bool:
    low = _low(word)
    if low in ("se", "s'"):
        return True
    if low in _data("fr").nouns or low in _data("fr").singular:
        return False
    return bool(re.search(r"(er|ir|re|oir)$", low)) and fr_forms(low) is not None


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


# --------------------------------------------------------------------------------------------
# French verbs

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


# --------------------------------------------------------------------------------------------
# English verbs and nouns


@functools.cache
def en_forms(base: str) -> dict[str, str]:
    b = base.lower()
    past, part = _data("en").irregular.get(b, ("", ""))
    if b.endswith(("s", "sh", "ch", "x", "z", "o")):
        s3 = b + "es"
    elif re.search(r"[^aeiou]y$", b):
        s3 = b[:-1] + "ies"
    else:
        s3 = b + "s"
    double = (
        re.search(r"(^|[^aeiou])[aeiou][^aeiouwxy]$", b) and len(re.findall(r"[aeiou]+", b)) == 1
    )
    if b.endswith("ie"):
        ing = b[:-2] + "ying"
    elif b.endswith("e") and not b.endswith(("ee", "ye", "oe")) and b != "be":
        ing = b[:-1] + "ing"
    else:
        ing = b + (b[-1] if double else "") + "ing"
    if b.endswith("e"):
        ed = b + "d"
    elif re.search(r"[^aeiou]y$", b):
        ed = b[:-1] + "ied"
    else:
        ed = b + (b[-1] if double else "") + "ed"
    return {"base": b, "s3": s3, "ing": ing, "past": past or ed, "pp": part or ed}


def en_form_of(word: str, lemma: str) -> str | None:
    low, lem = word.lower(), lemma.lower()
    if low == lem:
        return "base"
    forms = en_forms(lem)
    return next((name for name, form in forms.items() if form == low), None)


def en_conjugate(phrase: str, form: str) -> str | None:
    if form == "base":
        return phrase
    words = phrase.split(" ")
    return " ".join([en_forms(words[0])[form], *words[1:]])


def en_plural(word: str) -> str:
    low = word.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word if low.endswith("s") else word + "es"
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    return word + "s"


# --------------------------------------------------------------------------------------------
# Engine side: fitting a lexicon's alternatives to the draft


_RESTRUCTURE = {
    "fr": ("faire passer de X à Y", " l'indicateur de"),
    "en": ("set a target from X to Y for", ""),
}
_PP_BEFORE_EN = frozenset(
    ["has", "have", "had", "been", "be", "is", "are", "was", "were", "being", "get", "gets", "got"]
)


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
    return bool(re.search(r"(tion|sion|ment|ance|ence|ity|ure|al)$", first.lower()))


def _before_noun(text: str, end: int) -> bool:
    nxt = _WORD.findall(text[end : end + 40])
    return bool(nxt) and nxt[0][0].isalpha() and _low(nxt[0]) not in _EN_STOPS | _EN_DETS


def _token_at(toks: Any, start: int) -> int | None:
    for i, idx in enumerate(toks.idx):
        if idx >= start:
            return i
    return None


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
    return lang == "fr" and bool(re.search(r"(if|ive|ifs|ives|ant|ante|ants|antes|el|elle)$", low))


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
    if (
        form.startswith("pp")
        and _clause_start(text[:start], lang)
        and re.match(r"\s*(?:de|d['’]|du|des)\b", text[end:], re.IGNORECASE)
    ):
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
        and not re.match(r"\s*(?:de|d['’]|du|des)\b", after, re.IGNORECASE)
    ):
        tail = " ".join(words[1:])
    if lang == "fr":
        # « Continuer à réduire … »: only a verb that takes an infinitive can replace it.
        m = re.match(r"\s*(?:à|de|d['’])\s*([^\W\d_]+)", after)
        if m and _fr_is_verb(m.group(1)) and not _fr_is_verb_noun(m.group(1)):
            alternatives = [a for a in alternatives if _frame(a)[1]]
        # « Commencer à vendre »: the span holds the preposition, a verb follows.
        nxt = re.match(r"\s*([^\W\d_]+)", after)
        if words[-1].lower() in ("à", "de", "d'", "d’") and nxt and _fr_is_verb(nxt.group(1)):
            alternatives = [a for a in alternatives if _frame(a)[1] or " " in a]
        # « Aider les agences à vendre »: an infinitive after the object needs a verb that
        # takes one.
        inf_prep = _frame(words[0] if lemma is None else lemma)[1]
        clause = re.split(r"[,.;:]", after, maxsplit=1)[0]
        m2 = re.search(r"\s(à|de|d['’])\s*([^\W\d_]+)", clause)
        if inf_prep and m2 and _fr_is_verb(m2.group(2)) and not _fr_is_verb_noun(m2.group(2)):
            alternatives = [a for a in alternatives if _frame(a)[1]]
    fitted = _quantity_fit(lang, text, end, alternatives, form, tail)
    if form in ("pp", "past", "pp_f", "pp_mp", "pp_fp") or form.startswith("pp"):
        fitted = [f for f in fitted if "X" not in f.split(" ")]
    return fitted


# The determiners that open a verb's object ("Optimiser *les* coûts"): not the partitive and
# quantifying ones, after which a noun is no object of a swap ("de", "chaque", "all" …).
_OBJECT_DETS = (_FR_DETS | _EN_DETS) - {
    *("de", "d'", "du", "des", "au", "aux", "chaque", "tout", "toute", "tous", "toutes"),
    *("all", "any", "each", "every", "some", "that", "his", "her", "my"),
}
# Every determiner both languages know, for the checks that read past them.
DETERMINERS = _FR_DETS | _EN_DETS


def _fr_is_verb_noun(word: str) -> bool:
    """A word ending like an infinitive that is a noun all the same (« à la lettre »)."""
    return _low(word) in _data("fr").nouns


def _frame(phrase: str) -> tuple[str, str]:
    """(object preposition, infinitive preposition) of a French verb phrase's verb."""
    words = phrase.split(" ")
    frames = _data("fr").frames
    first = _low(words[0])
    for verb, frame in frames.items():
        if first == verb or first in (fr_forms(verb) or {}).values():
            return frame
    return ("", "")


def _quantity_fit(
    lang: str, text: str, end: int, alternatives: list[str], form: str, tail: str = ""
) -> list[str]:
    d = _data(lang)
    obj = _object_words(lang, tail or text[end:])
    quantity = _is_quantity(lang, _head(lang, obj)) if obj else True
    direction = _direction(lang, obj) if obj else "any"
    restructure, with_metric = _RESTRUCTURE[lang]
    # « Améliorer de façon durable la qualité »: « l'indicateur de » cannot go before the adverb.
    first = _WORD.findall((tail or text[end:])[:40])[:1]
    adverbial = bool(first) and (
        _is_adverb(lang, first[0])
        or (_low(first[0]) == "de" and bool(re.match(r"\s*de\s+(?:façon|manière)", text[end:])))
    )
    out: list[str] = []
    dropped = False
    for alt in alternatives:
        verb = _low(alt.split(" ")[0])
        key = _low(alt) if _low(alt) in d.quantity_verbs else verb
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
        if (tail and len(alt.split(" ")) == 1) or (
            tail and _low(alt).endswith((" à", " sur", " de"))
        ):
            conj = _join_tail(lang, conj, tail)
        out.append(conj)
    has_restructure = any(_low(o).startswith(_low(restructure.split(" ")[0])) for o in out)
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
    words = [w for w in _WORD.findall(after[:160])]
    out: list[str] = []
    dets = _FR_DETS if lang == "fr" else _EN_DETS
    i = 0
    # « Réduire de 20 % le délai », "reduce by 20% the time": the figure is no object.
    while i < len(words) and (
        _low(words[i]) in dets
        or _is_adverb(lang, words[i])
        or _low(words[i]) in ("façon", "manière", "et", "and")
        or words[i][0].isdigit()
        or words[i] == "%"
        or (lang == "fr" and i == 0 and _low(words[i]) in ("à", "au", "aux"))
        or (
            _low(words[i]) in ("de", "d'", "by", "points", "pts")
            and i + 1 < len(words)
            and (words[i + 1][0].isdigit() or _low(words[i + 1]) in dets)
        )
    ):
        i += 1
    complement = False
    head_size = 0
    while i < len(words) and len(out) < 5:
        w = _low(words[i])
        if lang == "fr":
            if w in ("de", "d'", "du", "des") and out and not complement:
                complement, head_size = True, len(out)
                i += 1
                while i < len(words) and _low(words[i]) in dets:
                    i += 1
                continue
            if w in _FR_PREPS or w in dets or not words[i][0].isalpha():
                break
        else:
            if w == "of" and out and not complement:
                complement, head_size = True, len(out)
                i += 1
                while i < len(words) and _low(words[i]) in dets:
                    i += 1
                continue
            if w in _EN_STOPS or w in dets or not words[i][0].isalpha():
                break
        out.append(words[i].replace("’", "'").rstrip("'"))
        i += 1
    return out if not head_size else [*out[:head_size], "|", *out[head_size:]]


def _is_adverb(lang: str, word: str) -> bool:
    low = _low(word)
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


def _is_plural(lang: str, before: str, span: str, low: str, lemma: str | None) -> bool:
    m = re.search(r"(?:^|\s)(\S+)\s*$", before)
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
    head = low if lang == "fr" else last
    if lemma and head == low and lemma != low:
        return low.endswith(("s", "x"))
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


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


# --------------------------------------------------------------------------------------------
# Additions: « … d'ici fin T4 », "{match} by end of Q4"

_DEADLINE_LEAD = re.compile(
    r"^(?:d'ici|d’ici|avant|au plus tard|pour fin|fin|en (?:T[1-4]|Q[1-4]|\d{4})|by|before|"
    r"no later than|until|in (?:Q[1-4]|H[12]|\d{4})|within)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\s(?:pour que|pour |afin d['’]|afin de|afin que|so that|in order to)", re.IGNORECASE
)
# A full stop before a lower-case word closes an abbreviation (« etc. sur nos sites »).
_SENTENCE_END = re.compile(r"[.!?](?=\s*$|\s+[^\w]|\s+[A-ZÀ-Ý0-9])|;(?=\s|$)|…(?=\s*$)")
_TRAILING_TAGS = re.compile(r"(?:\s*\[[^\]]*\])+\s*$")


def is_addition(suggestion: str) -> bool:
    """ "… d'ici fin T4": words to add to the sentence, not to put in the span's place."""
    return suggestion.startswith(("… ", "... ")) and len(suggestion) > 2


def looks_like_deadline(words: str) -> bool:
    return bool(_DEADLINE_LEAD.match(words.strip())) and bool(
        re.search(r"\d|T[1-4]|Q[1-4]|trimestre|quarter|semestre|année|year|mois|month", words)
    )


def place_addition(text: str, after: int, addition: str) -> str:
    """`text` with `addition` placed inside the sentence that goes on at `after`: before its final
    punctuation (and trailing [tags]); a deadline also goes before a purpose clause."""
    addition = addition.strip()
    m = _SENTENCE_END.search(text, after)
    pos = m.start() if m else len(text.rstrip())
    tags = _TRAILING_TAGS.search(text[:pos])
    if tags and tags.start() >= after:
        pos = tags.start()
    if looks_like_deadline(addition) or _DEADLINE_LEAD.match(addition):
        purpose = _PURPOSE.search(text, after, pos)
        if purpose:
            pos = purpose.start()
    head = text[:pos].rstrip()
    if head.endswith((",", ";")) and not text[pos:].strip():
        head = head[:-1].rstrip()
    rest = text[pos:]
    sep = "" if not rest or rest[0] in ".!?;,)…" else " "
    if rest and rest[0] in "…":
        sep = " "
    return f"{head} {addition}{sep}{rest.lstrip()}" if sep else f"{head} {addition}{rest}"


def fit_addition(lang: str, matched: str, suggestion: str) -> str:
    """A template that writes the matched words then adds to them ("{match} by {deadline}"):
    the addition goes inside the sentence, not after its full stop."""
    if matched and suggestion.startswith(matched) and len(suggestion) > len(matched):
        addition = suggestion[len(matched) :]
        if _SENTENCE_END.search(matched) or _TRAILING_TAGS.search(matched):
            return place_addition(matched, 0, addition)
    return suggestion


# --------------------------------------------------------------------------------------------
# Apply side: a replacement put into the text, its edges mended

_FR_DET_AT_END = re.compile(
    r"(?:^|(?<=[\s(«\"“]))(de\s+la|de\s+l['’]|à\s+la|à\s+l['’]|le|la|l['’]|les|un|une|du|des|au|aux|"
    r"ce|cet|cette|ces|mon|ma|ton|ta|son|sa|de|d['’]|que|qu['’])\s*$",
    re.IGNORECASE,
)
_FR_CONTRACT = re.compile(
    r"\b(à|de|À|De)\s+(les|le)\b(?!\s*(?:faire|mettre|rendre|réduire|atteindre))"
)
_FR_BARE_NOUN_AFTER = ("en matière de", "en termes de")


def _contract(m: re.Match[str]) -> str:
    prep, det = m.group(1), m.group(2).lower()
    out = {"à": {"le": "au", "les": "aux"}, "de": {"le": "du", "les": "des"}}[prep.lower()][det]
    return _same_case(prep, out)


def _det_kind(det: str) -> tuple[str, str | None, bool]:
    """(kind, gender, plural) of a French determiner or preposition."""
    d = re.sub(r"\s+", " ", _low(det))
    table: dict[str, tuple[str, str | None, bool]] = {
        "le": ("def", "m", False),
        "la": ("def", "f", False),
        "l'": ("def", None, False),
        "les": ("def", None, True),
        "un": ("indef", "m", False),
        "une": ("indef", "f", False),
        "du": ("de", "m", False),
        "de la": ("de", "f", False),
        "de l'": ("de", None, False),
        "des": ("de", None, True),
        "au": ("a", "m", False),
        "à la": ("a", "f", False),
        "à l'": ("a", None, False),
        "aux": ("a", None, True),
        "ce": ("dem", "m", False),
        "cet": ("dem", "m", False),
        "cette": ("dem", "f", False),
        "ces": ("dem", None, True),
        "mon": ("mon", None, False),
        "ma": ("mon", "f", False),
        "ton": ("ton", None, False),
        "ta": ("ton", "f", False),
        "son": ("son", None, False),
        "sa": ("son", "f", False),
        "de": ("de0", None, False),
        "d'": ("de0", None, False),
        "que": ("que", None, False),
        "qu'": ("que", None, False),
    }
    return table.get(d, ("", None, False))


def _render_det(kind: str, gender: str | None, plural: bool, vowel: bool, apos: str) -> str | None:
    if kind == "def":
        return "les" if plural else f"l{apos}" if vowel else "la" if gender == "f" else "le"
    if kind == "indef":
        return None if plural else "une" if gender == "f" else "un"
    if kind == "de":
        return "des" if plural else f"de l{apos}" if vowel else "de la" if gender == "f" else "du"
    if kind == "a":
        return "aux" if plural else f"à l{apos}" if vowel else "à la" if gender == "f" else "au"
    if kind == "dem":
        if plural:
            return "ces"
        return "cette" if gender == "f" else "cet" if vowel else "ce"
    if kind in ("mon", "ton", "son"):
        return kind if vowel or gender != "f" else kind[0] + "a"
    if kind == "de0":
        return f"d{apos}" if vowel else "de"
    if kind == "que":
        return f"qu{apos}" if vowel else "que"
    return None


def _first_word(s: str) -> str:
    m = _WORD.search(s)
    return m.group() if m else ""


def _fr_mend(before: str, old: str, rep: str, after: str) -> tuple[str, str, str]:
    # « le taux de » + « taux de désabonnement »: no stutter.
    bwords = before.split()
    rwords = rep.split()
    for n in (3, 2, 1):
        if (
            len(bwords) >= n
            and len(rwords) > n
            and [_low(w) for w in bwords[-n:]] == [_low(w) for w in rwords[:n]]
            and not all(_low(w) in _FR_DETS | _FR_PREPS for w in rwords[:n])
        ):
            rep = " ".join(rwords[n:])
            break
    rep_is_verb = bool(rep) and _fr_is_verb(rep.split(" ")[0])
    old_head = _fr_head(old)
    old_is_noun = old_head is not None and not _fr_is_verb(old_head)
    old_words = old.split()
    old_is_verb = bool(old_words) and not old_is_noun and _fr_is_verb(old_words[0])
    if rep_is_verb and old_is_noun:
        after = _fr_complement_to_object(after)
    elif rep_is_verb and old_is_verb:
        rep, after = _fr_verb_object(old_words, rep, after)
    # The determiner or preposition before the span, in the new word's gender and first sound.
    m = _FR_DET_AT_END.search(before)
    nxt = rep if rep else after.lstrip()
    new_gender: str | None = None
    old_gender: str | None = None
    if rep and not rep_is_verb and _low(rep.split(" ")[0]) not in _FR_DETS:
        new_gender = fr_gender(rep)
    if m:
        det = m.group(1)
        kind, det_gender, plural = _det_kind(det)
        old_gender = det_gender or (
            fr_gender(old) if old_head and old_is_noun is not False else None
        )
        if kind and (not rep_is_verb or kind in ("de0", "que")):
            gender = det_gender if rep_is_verb or not rep else new_gender or det_gender
            vowel = starts_with_vowel_sound_fr(_first_word(nxt))
            apos = "’" if "’" in det else "'"
            if kind in ("def", "de", "a") and not vowel and gender is None and not plural:
                gender = _guess_gender(_low(fr_singular(_fr_head(nxt) or ""))) or "m"
            new = _render_det(kind, gender, plural, vowel, apos)
            if new is not None and new != _low(det).replace("’", "'").replace("'", apos):
                new = _same_case(det, new)
                stem = before[: m.start(1)]
                glue = "" if new.endswith(apos) else " "
                before = stem + new + glue
                if not new.endswith(apos) and not rep:
                    after = " " + after.lstrip()
    if old_gender is None and old_head is not None and old_is_noun:
        old_gender = fr_gender(old)
    # The end of the replacement against what follows: contraction, elision, frames.
    if rep:
        rep, after = _fr_mend_right(rep, after)
    # An adjective after a noun whose gender changed follows it.
    if rep and new_gender and old_gender and new_gender != old_gender and old_is_noun:
        m2 = re.match(r"(\s+)([^\W\d_][\w-]*)", after)
        if m2:
            changed = _fr_adj_change_gender(m2.group(2), old_gender, new_gender)
            if changed:
                after = m2.group(1) + changed + after[m2.end() :]
    return before, rep, after


_TO_DIRECT = {"au": "le ", "aux": "les ", "à la": "la ", "à l'": "l'", "à": ""}


def _fr_verb_object(old_words: list[str], rep: str, after: str) -> tuple[str, str]:
    """The old verb's object in the new verb's construction: « Poser les bases d'une
    politique » → « Réussir une politique », « Contribuer à la réduction » → « Obtenir la
    réduction », « Participer au lancement » → « Réaliser le lancement »."""
    if len(old_words) >= 3 and _low(old_words[1]) in _OBJECT_DETS and " " not in rep:
        return rep, _fr_complement_to_object(after)
    old_object = _frame(" ".join(old_words))[0]
    new_object = _frame(rep)[0]
    if old_object != "à" or new_object == "à" or _low(rep).endswith((" à", " sur", " avec")):
        return rep, after
    kept = " ".join(old_words[1:])
    if _low(kept) in _TO_DIRECT:  # the span ended with the old verb's « au »
        return rep, " " + _TO_DIRECT[_low(kept)] + after.lstrip()
    m = re.match(r"\s*(au|aux|à\s+la|à\s+l['’]|à)\s*", after, re.IGNORECASE)
    if m and not kept:
        key = re.sub(r"\s+", " ", _low(m.group(1)))
        nxt = after[m.end() :]
        if key == "à" and re.match(r"[^\W\d_]+\b", nxt) and _fr_is_verb(nxt.split(" ")[0]):
            return rep, after
        return rep, " " + _TO_DIRECT[key] + nxt
    return rep, after


def _fr_complement_to_object(after: str) -> str:
    """« (Mise en place) d'un outil » → « un outil »; « (Réduction) de 20 % des délais » →
    « de 20 % les délais »."""
    m = re.match(r"(\s*(?:de\s+\d[\d\s,.]*\s*(?:%|points?|pts|jours?|€|M€|k€)?\s+)?)", after)
    lead = m.group(1) if m else ""
    rest = after[len(lead) :]
    if not lead:
        rest = rest.lstrip()
        lead = " "
    swaps = (
        (r"^du\s+", "le "),
        (r"^des\s+", "les "),
        (r"^de\s+la\s+", "la "),
        (r"^de\s+l['’]", "l'"),
        (r"^d['’](un|une)\s+", r"\1 "),
        (
            r"^de\s+(ces|cette|ce|cet|nos|notre|vos|votre|leurs|leur|ses|son|sa|mes|mon|ma)\s+",
            r"\1 ",
        ),
    )
    for pattern, repl in swaps:
        new, n = re.subn(pattern, repl, rest, count=1, flags=re.IGNORECASE)
        if n:
            return lead + new
    return after


def _fr_mend_right(rep: str, after: str) -> tuple[str, str]:
    words = rep.split(" ")
    last = _low(words[-1])
    nxt_m = re.match(r"\s*(\S+)", after)
    nxt = _low(nxt_m.group(1)) if nxt_m else ""
    low_rep = _low(rep)
    # « en matière de la facturation » → « en matière de facturation ».
    if low_rep.endswith(_FR_BARE_NOUN_AFTER):
        m = re.match(r"\s*(?:la|le|les|l['’])\s*", after, re.IGNORECASE)
        if m:
            after = " " + after[m.end() :]
            nxt_m = re.match(r"\s*(\S+)", after)
            nxt = _low(nxt_m.group(1)) if nxt_m else ""
    # A verb whose person object takes « à » and whose infinitive takes « de »:
    # « Aider les agences à vendre » → « Permettre aux agences de vendre ».
    frame = _frame_of(words)
    if frame and last == frame[0]:
        inf_prep = frame[1]
        m = re.match(r"\s*(à|de|d['’])\s+(\S+)", after)
        if m and _fr_is_verb(m.group(2)):
            words = words[:-1]
            rep = " ".join(words)
            last = _low(words[-1])
            vowel = starts_with_vowel_sound_fr(m.group(2))
            after = (
                " "
                + (("d'" if vowel else "de ") if inf_prep == "de" else "à ")
                + after[m.start(2) :]
            )
            nxt = ""
        else:
            m2 = re.search(r"\s(à)\s+(\S+)", after[:120])
            if m2 and _fr_is_verb(m2.group(2)) and not re.search(r"[,;.]", after[: m2.start()]):
                vowel = starts_with_vowel_sound_fr(m2.group(2))
                new = (" d'" if vowel else " de ") if inf_prep == "de" else " à "
                after = after[: m2.start()] + new + after[m2.start(2) :]
    if last in ("de", "à") and nxt in ("le", "les", "des", "du"):
        prep = words[-1]
        joined = (
            {"le": "du", "les": "des", "des": "des", "du": "du"}[nxt]
            if last == "de"
            else ({"le": "au", "les": "aux"}.get(nxt))
        )
        if joined:
            words[-1] = _same_case(prep, joined)
            rep = " ".join(words)
            assert nxt_m is not None
            after = after[nxt_m.end() :]
    elif last in ("de", "que", "le", "la") and nxt and starts_with_vowel_sound_fr(nxt):
        words[-1] = {"de": "d'", "que": "qu'", "le": "l'", "la": "l'"}[last]
        rep = " ".join(words)
        after = after.lstrip()
    return rep, after


def _frame_of(words: list[str]) -> tuple[str, str] | None:
    frames = _data("fr").frames
    first = _low(words[0])
    for verb, frame in frames.items():
        if not frame[0]:
            continue
        forms = fr_forms(verb) or {}
        if first == verb or first in forms.values():
            return frame
    return None


def _en_mend(before: str, old: str, rep: str, after: str) -> tuple[str, str, str]:
    bwords, rwords = before.split(), rep.split()
    for n in (2, 1):
        if (
            len(bwords) >= n
            and len(rwords) > n
            and [w.lower() for w in bwords[-n:]] == [w.lower() for w in rwords[:n]]
        ):
            rep = " ".join(rwords[n:])
            break
    m = re.search(r"(?:^|(?<=\s))(a|an|A|An)\s+$", before)
    if m:
        nxt = _first_word(rep) if rep else _first_word(after)
        if nxt:
            article = en_article(nxt)
            if article != m.group(1).lower():
                before = before[: m.start(1)] + _same_case(m.group(1), article) + " "
    return before, rep, after


def guess_lang(text: str) -> str:
    words = [_low(w) for w in _WORD.findall(text)]
    fr = sum(w in _FR_DETS or w in _FR_PREPS or w.endswith("'") for w in words)
    en = sum(w in _EN_DETS or w in _EN_STOPS for w in words)
    if fr == en:
        return "fr" if re.search(r"[éèêàçù]", text) else "en"
    return "fr" if fr > en else "en"


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE = re.compile(r"\s+([,.)\]])")
_DOUBLED = re.compile(r"([,;:])\s*\1+|(?<!\.)\.\s*\.(?!\.)")


def apply_edit(text: str, start: int, end: int, replacement: str, lang: str | None = None) -> str:
    """`text` with [start, end) replaced by `replacement` (an empty one removes the words) and
    the edges mended; a replacement starting with « … » adds its words to the sentence."""
    start, end = max(0, start), min(len(text), end)
    lang = lang or guess_lang(text)
    if is_addition(replacement):
        addition = replacement.split(" ", 1)[1]
        if looks_like_deadline(text[start:end]):
            return apply_edit(text, start, end, addition, lang)
        return place_addition(text, end, addition)
    before, old, after = text[:start], text[start:end], text[end:]
    rep = replacement.strip()
    sentence_start = _starts_sentence(before)
    if rep and old[:1].isupper() and rep[:1].islower() and sentence_start:
        rep = rep[:1].upper() + rep[1:]
    if lang == "fr":
        before, rep, after = _fr_mend(before, old, rep, after)
    else:
        before, rep, after = _en_mend(before, old, rep, after)
    if not rep:
        head = before.rstrip(" ")
        tail = after.lstrip(" ") if not head or head.endswith(("'", "’")) else after
        if (
            head
            and tail
            and not tail.startswith((" ", ",", ".", ";", ")"))
            and not head.endswith(("'", "’", "("))
        ):
            head += " "
        result = head + tail
        if not head.strip():
            result = result.lstrip(" ,;:")
    else:
        glue_l = "" if not before or before.endswith((" ", "'", "’", "(", "«", "“", "-")) else " "
        glue_r = (
            "" if not after or after.startswith((" ", ",", ".", ";", ")", "]", "’", "'")) else " "
        )
        result = before + glue_l + rep + glue_r + after
    result = _tidy(result, lo=max(0, len(before) - 3), hi=len(before) + len(rep) + 3)
    if text[:1].isupper() and result[:1].islower():
        result = result[:1].upper() + result[1:]
    return result


def _starts_sentence(before: str) -> bool:
    tail = before.rstrip()
    return not tail or tail[-1] in ".!?:—–-•"


def _tidy(text: str, lo: int, hi: int) -> str:
    """Spaces and punctuation around an edit: no doubled spaces, no space before a comma or a
    full stop, no doubled comma or full stop."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _DOUBLED.sub(lambda m: m.group(1) or ".", text)
    return text.strip()
