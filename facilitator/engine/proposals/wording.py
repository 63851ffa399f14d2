"""Wording a proposal: a measure's template filled with the objective's own phrase, its
determiner, the people it names and the deadline (« de » elided, plurals, « [date] »).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from facilitator.engine.lexicon import word_set
from facilitator.engine.proposals.library import _SLOT
from facilitator.engine.proposals.reading import (
    _APOSTROPHE,
    _DETS,
    _DROP_DETS,
    _VOWELS,
    _forms,
    _is_modifier,
    _is_noun,
    _people,
)

if TYPE_CHECKING:
    from facilitator.engine.proposals.reading import _Phrase, _Reading


def _de(phrase: str, lang: str) -> str:
    """ "de" before a French noun phrase, contracted: des clients, du délai, d'agents."""
    if lang != "fr":
        return f"of {phrase}"
    low = phrase.lower()
    if low.startswith("les "):
        return "des " + phrase[4:]
    if low.startswith("le "):
        return "du " + phrase[3:]
    if low.startswith(("des ", "la ", "l'", "l’")):
        return phrase if low.startswith("des ") else "de " + phrase
    return ("d'" if low.startswith(_VOWELS) else "de ") + phrase


def _plural(word: str, lang: str) -> str:
    if word[-1:] in ("s", "x", "z") or word.lower() in word_set("proposals", "uncountable"):
        return word
    if lang == "fr" and word.endswith(("eau", "eu")):
        return word + "x"
    if lang == "fr" and word.endswith("al"):
        return word[:-2] + "aux"
    if lang == "en" and word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _who(r: _Reading, default: str) -> str:
    """The people the objective serves, as a plural phrase ("nos clients", "patients"): a noun
    phrase about them, else people named in a complement ("la confiance des prescripteurs")."""
    toks = r.ctx.toks
    people = r.words.people[r.lang]
    heads = sorted((p for p in r.phrases if _people(r, p)), key=lambda p: not p.purpose)
    found = [(p.head, p.dets[-1] if p.dets else "", p) for p in heads]
    for p in sorted(r.phrases, key=lambda p: not p.purpose):
        for k in range(p.head + 1, p.end):
            lemma = toks.lemma[k] if toks.lemma else None
            if _is_noun(r, k) and not _forms(toks.text[k], lemma).isdisjoint(people):
                det = toks.lower[k - 1].translate(_APOSTROPHE)
                found.append((k, det if det in _DETS[r.lang] else "", p))
    for head, det, p in found:
        # The noun and the adjectives that qualify it: "small clinics", "talents clés".
        near = range(p.start, head) if r.lang == "en" else range(head + 1, p.end)
        mods = [k for k in near if _qualifies(toks, k, head, r.lang) and _modifies(r, k)]
        if r.lang == "en":
            words = [toks.text[k] for k in mods] + [toks.text[head]]
        else:
            mods = [k for n, k in enumerate(mods) if k == head + 1 + n]  # right after it
            words = [toks.text[head]] + [toks.text[k] for k in mods]
        low = toks.lower[head]
        lemma = toks.lemma[head].lower() if toks.lemma else low
        if not (low[-1:] in ("s", "x") and lemma != low):
            # French adjectives agree ("talents clés"); English ones do not ("new employees").
            words = (
                [_plural(w, r.lang) for w in words]
                if r.lang == "fr"
                else [*words[:-1], _plural(words[-1], r.lang)]
            )
        if r.lang == "fr":
            det = det if det in ("les", "nos") else "les"
        else:
            det = "our" if det == "our" else ""
        return " ".join([det, *words]).strip() if det else " ".join(words)
    return default


def _qualifies(toks: Any, k: int, head: int, lang: str) -> bool:
    # An English noun can qualify people too: "the sales team", "support agents".
    deps = ("amod", "compound") if lang == "en" else ("amod",)
    return (
        toks.dep is not None
        and toks.head is not None
        and toks.dep[k] in deps
        and (toks.head[k] == head)
    )


def _modifies(r: _Reading, k: int) -> bool:
    return _is_modifier(r, k) or (r.lang == "en" and _is_noun(r, k))


def _with_article(r: _Reading, p: _Phrase, article: str) -> str:
    """The phrase with a determiner that reads on its own: "leurs délais" → "les délais"."""
    det = p.dets[-1] if p.dets else ""
    keep = det and det not in _DROP_DETS[r.lang]
    if r.lang == "en":
        return p.text if keep else p.bare
    if keep:
        return p.text if len(p.dets) == 1 else " ".join([det, p.bare])
    if p.plural:
        return f"les {p.bare}"
    if p.bare.lower().startswith(_VOWELS) or article == "l'":
        return f"l'{p.bare}"
    return f"{article or 'le'} {p.bare}"


def _deadline(r: _Reading) -> str:
    deadlines = r.ctx.ex.deadlines
    if deadlines:
        text = _LEAD.sub("", deadlines[-1].text).strip()
        if text:
            return text
    return r.words.deadline[r.lang]


_LEAD = re.compile(
    r"^(?:d['’]ici (?:à )?(?:la |le |l['’])?|avant (?:le |la |l['’])?|au plus tard (?:le |en )?|"
    r"pour |en |au |dès |by (?:the )?|before (?:the )?|until |no later than |in |at (?:the )?|"
    r"due |within )",
    re.IGNORECASE,
)


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), template)
