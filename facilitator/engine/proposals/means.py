"""Activity as the means: a draft that names what the team will do ("Installer la commission
avant le 31/12/2026", "Develop sales training materials for the field force") becomes the
result that activity should move, with the activity kept, word for word, as the means:
"Faire passer [indicateur] de X à Y d'ici le 31/12/2026 en installant la commission".

Nothing is invented: the measure is a placeholder the room names, the figures are X and Y,
and the draft's own words (its hedges included: "if required" stays) follow the gerund. A
draft with no verb at all names a deliverable ("Audit logs (connections, queries)"): the
strategy's delivery verb ("deliver", « livrer ») is its activity; an action written as a noun
(« Refonte du site internet ») is its verb again (« en refaisant le site internet »). Left
alone: a count reached written in words ("Trente-quatre nouveaux clients"), a verb whose
object is already the measure or that starts a learning activity (`means-exceptions.tsv` and
the quantity verbs of `morphology/quantities.tsv`: another rewrite answers them), and a draft
without parts of speech (the lexical tier cannot tell a verb).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from facilitator.engine.context import Context
from facilitator.engine.features import first_word
from facilitator.engine.inflect import contract_fr, en_forms
from facilitator.engine.inflect.french import fr_forms, fr_gender
from facilitator.engine.labels import label_end
from facilitator.engine.lexicon import Entry, word_set, word_table
from facilitator.engine.numbers import WORD_NUMBER

# Words before a second verb of the same activity: "curate content and send …".
_JOINS = frozenset({"et", "and", "&", ","})
# The lexicons that name an activity verb, and the one of actions written as nouns.
_VERBS = ("output-verbs", "activity-verbs")
_NOUNS = ("nominalisations",)
_VAGUE = ("vague-verbs",)  # "Leverage": a verb, though the tagger may read a noun
_PUNCT_END = " ,.;:!?"
_FR_DETS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "notre", "nos"}
)


def means_text(
    ctx: Context, templates: Mapping[str, str], default_deadline: str, deliver: str
) -> str | None:
    """The draft reworded as `templates[lang]` ({means}: the activity as a gerund phrase,
    {deadline}: the draft's, else `default_deadline`; {when}: the draft's, else nothing);
    `deliver` is the verb of a draft that has none. None when the draft does not start with
    an activity this strategy may reword."""
    template = templates.get(ctx.lang)
    toks = ctx.toks
    first = _opening(ctx)
    if template is None or first is None or toks.pos is None:
        return None
    if toks.pos[max(toks.words())] in ("ADP", "CCONJ", "DET"):
        return None  # a draft cut short ("… showing off all features for"): so would its rewrite
    if _only_jargon(ctx, first):
        return None  # "Leverage synergies": no concrete means to keep
    start = toks.idx[first]
    edits = _actions(ctx, first)
    if edits is None:
        return None
    if not edits:  # no verb: the draft names a deliverable
        if WORD_NUMBER.search(ctx.text):
            return None  # "One million followers": a count reached, a result, not a deliverable
        if _action_noun(ctx, first):
            # « Refonte du site internet » → « en refaisant le site internet »
            edits = _noun_as_verb(ctx, first)
            if edits is None:
                return None
        elif _verb_after(ctx, first):
            return None  # a verb after the noun ("Site shipped showing …") needs a reader
    if not edits:
        article, gerund = _article(ctx, first), _gerund(ctx.lang, deliver)
        if article is None or gerund is None:
            return None
        edits = [(start, start, f"{gerund} {article} ")]
    edits += [(d.start, d.end, "") for d in ctx.ex.deadlines]
    means = _apply(ctx.text, start, edits)
    if len(re.findall(r"\w+", means)) < 2:
        return None  # a verb and nothing else: « Livrer. », "Ship by 10 Mar 2027"
    when = ctx.ex.deadlines[-1].text if ctx.ex.deadlines else ""
    text = template.replace("{means}", means).replace("{when}", when)
    text = text.replace("{deadline}", when or default_deadline)
    if ctx.lang == "fr":
        text = contract_fr(text)
    return re.sub(r"\s+(?=,)", "", re.sub(r"\s+", " ", text)).strip()  # no {when}: no gap


def _only_jargon(ctx: Context, first: int) -> bool:
    """Are all the nouns from `first` on buzzwords (or is there none)?"""
    toks = ctx.toks
    assert toks.pos is not None
    jargon = {i for h in ctx.hits.get("buzzwords", ()) for i in range(h.start, h.end)}
    verb = _hit(ctx, first, _VERBS + _VAGUE) is not None  # "Leverage", read as a noun
    nouns = [i for i in range(first + verb, len(toks)) if toks.pos[i] in ("NOUN", "PROPN")]
    return all(i in jargon for i in nouns)


def _opening(ctx: Context) -> int | None:
    """The draft's first word after its label: the activity's verb, or its deliverable."""
    toks = ctx.toks
    first = first_word(toks)
    label = label_end(ctx.text)  # "KR2 — Modèles de notes": `first_word` knows only "KR2 :"
    if first is not None and toks.idx[first] < label:
        first = next((i for i in toks.words() if toks.idx[i] >= label), None)
    if first and toks.lower[first - 1] in ("have", "avoir") and _opens(ctx, first - 1):
        first -= 1  # "Have root layer scrolling pass all tests": `first_word` skips "have"
    return first


def _actions(ctx: Context, first: int) -> list[tuple[int, int, str]] | None:
    """The edits that put the draft's actions in the gerund: the verb at `first` and each
    action joined to it ("curate content and send …" → "curating content and sending …").
    Empty when `first` is no verb; None when it is one this strategy leaves alone."""
    toks = ctx.toks
    assert toks.lemma is not None
    if toks.lower[first] not in ("have", "avoir") and not _is_verb(ctx, first):
        return []
    if _unknown_before_name(ctx, first):
        return None  # "Mach Repackage", "Gradle Build migration": a name, not a verb
    lemma = toks.lemma[first].lower()
    if lemma in _exceptions(ctx.lang) or _opens_exception(ctx, first):
        return None
    action = _action(ctx, first)
    if action is None:
        return None
    edits = [action]
    if ctx.lang == "en" and _bare_thing(ctx, first + 1):
        # "Define delivery strategy" → "by defining the delivery strategy": the draft's clipped
        # style reads as a slip once inside a full sentence.
        edits.append((toks.idx[first + 1], toks.idx[first + 1], "the "))
    for k in range(first + 1, len(toks)):
        if toks.lower[k - 1] in _JOINS and (second := _second_action(ctx, k)) is not None:
            lo, hi, words = second
            # French repeats « en » before each gerund: « en rédigeant et en publiant ».
            edits.append((lo, hi, f"en {words}" if ctx.lang == "fr" else words))
    return edits


def _unknown_before_name(ctx: Context, i: int) -> bool:
    """A word the tagger calls a verb that no verb list knows, before a capitalised word: the
    first word of a name more likely than a verb."""
    toks = ctx.toks
    nxt = i + 1
    return (
        nxt < len(toks)
        and toks.text[nxt][:1].isupper()
        and _hit(ctx, i, _VERBS + _NOUNS + _VAGUE) is None
    )


def _bare_thing(ctx: Context, k: int) -> bool:
    """Does an English noun phrase start at `k` without a determiner, ending on one countable
    thing ("delivery strategy", "new onboarding guide")? Not a name ("CSS containment",
    "Blink/Android"), not a plural, not a mass noun ("content", "feedback")."""
    toks = ctx.toks
    assert toks.pos is not None
    head = None
    for i in range(k, len(toks)):
        if toks.pos[i] == "NOUN" and toks.text[i][:1].islower():
            head = i
        elif toks.pos[i] != "ADJ" or not toks.text[i][:1].islower():
            break
    if head is None:
        return False
    word = toks.lower[head]
    return not word.endswith("s") and word not in word_set("proposals", "mass-nouns", ("en",))


def _action(ctx: Context, k: int) -> tuple[int, int, str] | None:
    """(start, end, gerund phrase) of the action at `k`: a verb, or an action noun used as one
    ("Rollout the package", "Define & Setup …": "rolling out", "setting up")."""
    toks = ctx.toks
    assert toks.lemma is not None
    noun = _hit(ctx, k, _NOUNS)
    if noun is not None and noun.alternatives:
        verb, *rest = noun.alternatives[0].split(" ")
        end = next(h.end for h in ctx.hits["nominalisations"] if h.start == k)
        gerund = _gerund(ctx.lang, verb)
        return (
            None if gerund is None else (toks.idx[k], toks.end(end - 1), " ".join([gerund, *rest]))
        )
    gerund = _gerund(ctx.lang, toks.lemma[k].lower())
    return None if gerund is None else (toks.idx[k], toks.end(k), gerund)


def _is_verb(ctx: Context, i: int) -> bool:
    """Is the word at `i` a verb in its base form (the draft's activity)? The small models tag
    a capitalised verb as a noun ("Ship CSS containment"): the activity lexicons know it, and
    an action noun opening the draft without "of" is one too ("Rollout the new package")."""
    toks = ctx.toks
    assert toks.pos is not None and toks.lemma is not None
    if _action_noun(ctx, i):
        return False
    if toks.pos[i] in ("VERB", "AUX"):
        return toks.lower[i] == toks.lemma[i].lower()
    # Not "Have prototype …": a noun after a verb.
    lexicons = _VERBS + _NOUNS + _VAGUE
    return (
        _opens(ctx, i)
        and _hit(ctx, i, lexicons) is not None
        and toks.lower[i] not in _homographs(ctx.lang)
    )


def _opens(ctx: Context, i: int) -> bool:
    """Does the word at `i` open the draft (after its label, if any)?"""
    toks = ctx.toks
    return i == 0 or toks.text[i - 1] in (":", "—", "–", "-") or toks.idx[i] == label_end(ctx.text)


def _verb_after(ctx: Context, first: int) -> bool:
    """Is there a verb after `first` other than a past participle that qualifies a noun
    ("Smooth scrolling … enabled on trunk", "abstractions prepared for …" name a deliverable)?"""
    toks = ctx.toks
    assert toks.pos is not None and toks.lemma is not None
    for k in range(first, len(toks)):
        if toks.pos[k] == "AUX":
            return True
        if toks.pos[k] == "VERB" and not _participle(ctx.lang, toks.lower[k], toks.lemma[k]):
            return True
    return False


def _participle(lang: str, word: str, lemma: str) -> bool:
    if lang == "en":
        return word != lemma.lower() and word == en_forms(lemma.lower())["pp"]
    forms = fr_forms(lemma.lower()) or {}
    return word in {forms.get(f) for f in ("pp", "pp_f", "pp_mp", "pp_fp")}


def _hit(ctx: Context, i: int, lexicons: tuple[str, ...]) -> Entry | None:
    """The entry of one of `lexicons` found at token `i`, if any."""
    for name in lexicons:
        for h in ctx.hits.get(name, ()):
            if h.start == i:
                return h.entry
    return None


def _action_noun(ctx: Context, i: int) -> bool:
    """An action written as a noun at `i`, with its object after « de » / "of"."""
    after = ctx.toks.lower[i + 1] if i + 1 < len(ctx.toks) else ""
    return _hit(ctx, i, _NOUNS) is not None and after in ("de", "du", "des", "d'", "d’", "of")


# What follows an action noun's « de » / "of", as the verb's object: « du site » → « le site ».
_OBJECT_ARTICLES = {
    "fr": {"du": "le", "des": "les", "de la": "la", "de l'": "l'", "d'un": "un", "d'une": "une"}
    | {"de nos": "nos", "de notre": "notre", "de ce": "ce", "de cette": "cette", "de ces": "ces"},
    "en": {"of the": "the", "of a": "a", "of an": "an", "of our": "our", "of": "the"},
}


def _noun_as_verb(ctx: Context, i: int) -> list[tuple[int, int, str]] | None:
    """The edits that make the action noun at `i` and its « de » / "of" a gerund and its
    object ("Development of the design spec" → "developing the design spec"); None when its
    object has no article to build on (« Extension de services »)."""
    toks = ctx.toks
    entry = _hit(ctx, i, _NOUNS)
    end = next(h.end for h in ctx.hits["nominalisations"] if h.start == i)
    if entry is None or not entry.alternatives or end >= len(toks):
        return None
    verb, *rest = entry.alternatives[0].split(" ")
    gerund = _gerund(ctx.lang, verb)
    words = [toks.lower[k].replace("’", "'") for k in range(end, min(end + 2, len(toks)))]
    table = _OBJECT_ARTICLES[ctx.lang]
    for size in (2, 1):
        key = " ".join(words[:size]).replace("' ", "'").replace("d' ", "d'")
        if key in table and gerund is not None and end + size < len(toks):
            article = table[key]
            if key == "of" and not _bare_thing(ctx, end + 1):
                article = ""  # "Rollout of audit logs": no article before a plural
            lo, hi = toks.idx[i], toks.end(end + size - 1)
            words_out = " ".join([gerund, *rest, article]).strip()
            return [(lo, hi, words_out + ("" if article.endswith("'") else " "))]
    return None


def _opens_exception(ctx: Context, i: int) -> bool:
    """A two-word exception ("faire passer") at `i`."""
    pair = " ".join(ctx.toks.lower[i : i + 2])
    return pair in _exceptions(ctx.lang)


def _second_action(ctx: Context, k: int) -> tuple[int, int, str] | None:
    """The gerund edit of a second action at `k`, after "and" or a comma, if there is one."""
    toks = ctx.toks
    assert toks.pos is not None and toks.lemma is not None
    if _hit(ctx, k, _NOUNS) is not None:
        # "Define & Setup …", not a name's noun: "Ship the Triggers & Automation project".
        return _action(ctx, k) if _is_action(ctx, k - 2) else None
    verb_here = _hit(ctx, k, _VERBS) is not None or (
        toks.pos[k] == "VERB" and bool(toks.infinitive and toks.infinitive[k])
    )
    if not verb_here or toks.lower[k] != toks.lemma[k].lower():
        return None
    return _action(ctx, k)


def _is_action(ctx: Context, i: int) -> bool:
    """Is the word at `i` an action: a verb, or an action noun used as one?"""
    toks = ctx.toks
    assert toks.pos is not None
    return i >= 0 and (toks.pos[i] == "VERB" or _hit(ctx, i, _VERBS + _NOUNS) is not None)


def _gerund(lang: str, lemma: str) -> str | None:
    if lang == "en":
        return en_forms(lemma)["ing"] if lemma.isalpha() else None
    forms = fr_forms(lemma)
    return forms["ppr"] if forms else None


def _article(ctx: Context, first: int) -> str | None:
    """The article the noun phrase of a verbless draft needs as an object: French one
    (« en livrant le tableau de bord »), English "the" before one thing ("delivering the new
    onboarding guide", "delivering audit logs"); None when the draft does not start with a
    thing, or its French gender is unknown."""
    toks = ctx.toks
    assert toks.pos is not None
    if toks.pos[first] in ("ADP", "ADV", "PRON", "SCONJ", "CCONJ", "PART"):
        return None  # not a thing: "For all teams", « Vers plus de … »
    if ctx.lang == "en":
        return "the" if _one_common_thing(ctx, first) else ""
    if toks.lower[first] in _FR_DETS:
        return ""
    if toks.pos[first] == "NUM" or toks.lower[first][:1].isdigit():
        return ""  # « 4 témoignages clients »
    gender = fr_gender(toks.lower[first])
    plural = toks.lower[first].endswith(("s", "x"))
    if plural:
        return "les"
    if gender is None:
        return None  # a wrong article would read worse than none: no proposal
    if toks.lower[first][:1] in "aeiouyéèêàâîïôûœh":
        return "l'"
    return "le" if gender == "m" else "la"


def _one_common_thing(ctx: Context, first: int) -> bool:
    """Does the English phrase at `first` name one common thing ("new onboarding guide",
    "regression test platform"), not several ("audit logs"), a name ("CSS font-feature-settings",
    "Intersection Observer") nor a count?"""
    toks = ctx.toks
    assert toks.pos is not None and toks.lemma is not None
    if toks.pos[first] in ("DET", "NUM", "PROPN") or not toks.text[first].islower():
        return False
    head = (
        next(
            (
                k
                for k in range(first, len(toks))
                if toks.pos[k] in ("ADP", "CCONJ") or not toks.text[k][0].isalnum()
            ),
            len(toks),
        )
        - 1
    )  # the last word before "on", "(", "and": the head of an English compound
    return head >= first and toks.pos[head] == "NOUN" and toks.lower[head] == toks.lemma[head]


def _apply(text: str, start: int, edits: list[tuple[int, int, str]]) -> str:
    """`text` from `start` with `edits` (start, end, replacement) made, its end trimmed."""
    out = text
    for lo, hi, rep in sorted(edits, reverse=True):
        if lo >= start:
            out = out[:lo] + rep + out[hi:]
    means = out[start:].replace(" l' ", " l'")
    return " ".join(means.split()).strip(_PUNCT_END)


@functools.cache
def _exceptions(lang: str) -> frozenset[str]:
    quantity = word_table(lang, "morphology", "quantities")
    return frozenset(
        [r["term"] for r in word_table(lang, "proposals", "means-exceptions")]
        + [r["word"] for r in quantity if r.get("pos") == "VERB"]
    )


@functools.cache
def _homographs(lang: str) -> frozenset[str]:
    return frozenset(r["term"] for r in word_table(lang, "proposals", "noun-verbs"))
