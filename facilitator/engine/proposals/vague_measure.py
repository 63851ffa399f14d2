"""A vague verb on a vague measure ("Améliorer la qualité du code", "Improve performance"):
the draft names something to measure without saying how. The rewrite keeps its words and asks
for the indicator, from X to Y by a date: "Faire passer la qualité du code, mesurée par
[indicateur], de X à Y d'ici [date]". Nothing is invented: the indicator is a placeholder the
room names (defect rate? review time?), as are the figures.

The vague verbs are the engine's (`vague-verbs.tsv`, found in the draft), the vague measures
the proposals' (`measures/words.toml`, [vague]), both compared without accents. The object
ends at the deadline; a purpose after it (« pour … », `object-stops.tsv`) means no proposal,
since this wording would drop it. French agreement of the participle follows the measure's
gender and number.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from facilitator.engine.context import Context
from facilitator.engine.features import first_word
from facilitator.engine.inflect.french import fr_gender
from facilitator.engine.lexicon import word_table
from facilitator.engine.proposals.library import MeasureError, _bundled

_DETS = {
    "fr": frozenset({"le", "la", "les", "l'", "l’", "notre", "nos", "son", "sa", "ses"}),
    "en": frozenset({"the", "our", "its", "their"}),
}
_PLURAL_DETS = frozenset({"les", "nos", "ses"})
_MAX_WORDS = 6


def vague_measure_text(
    ctx: Context, templates: Mapping[str, str], default_deadline: str
) -> str | None:
    """The draft reworded as `templates[lang]` ({object}: the measure as the draft names it,
    {agreement}: the French participle's ending, {deadline}: the draft's, else
    `default_deadline`), or None when it is not a vague verb on a vague measure."""
    template = templates.get(ctx.lang)
    toks, lang = ctx.toks, ctx.lang
    first = first_word(toks)
    if template is None or first is None or not _vague_verb(ctx, first):
        return None
    library = _bundled()
    if isinstance(library, MeasureError):
        return None
    begin = first + 1
    while begin < len(toks) and toks.pos is not None and toks.pos[begin] == "ADV":
        begin += 1  # « Optimiser vraiment la qualité »: the adverb goes (asked if a hedge)
    end = _object_end(ctx, begin)
    if end > len(toks):
        return None
    words = [k for k in range(begin, end) if toks.text[k][0].isalnum()]
    if not words or len(words) > _MAX_WORDS:
        return None
    det = toks.lower[begin].replace("’", "'")
    nouns = words[1:] if det in _DETS[lang] else words
    # The measure: the French head comes first (« la qualité du code »), the English one last
    # of its compound ("code quality"), before "of" ("the quality of the code").
    if lang == "en":
        of = next((k for k in nouns if toks.lower[k] == "of"), None)
        head = toks.lower[of - 1] if of is not None and of > nouns[0] else toks.lower[nouns[-1]]
    else:
        head = toks.lower[nouns[0]]
    vague = {_plain(w): w for w in library.words.vague[lang]}
    known = next((vague[k] for k in (_plain(head), _plain(head)[:-1]) if k in vague), None)
    if known is None:  # neither the word nor its singular ("performances") is a vague measure
        return None
    lo, hi = ctx.chars(begin, end)
    obj = ctx.text[lo:hi]
    if lang == "en":
        agreement = ""
        if det not in _DETS[lang] and len(nouns) > 1 and obj[:1].islower():
            obj = "the " + obj  # "Take the user experience, measured by …"; "Take quality, …"
    else:
        gender = fr_gender(head) or fr_gender(known)
        if gender is None:
            return None
        plural = det in _PLURAL_DETS
        agreement = ("e" if gender == "f" else "") + ("s" if plural else "")
    deadline = ctx.ex.deadlines[-1].text if ctx.ex.deadlines else default_deadline
    text = template.replace("{object}", obj).replace("{agreement}", agreement)
    return re.sub(r"\s+", " ", text.replace("{deadline}", deadline)).strip()


def _vague_verb(ctx: Context, i: int) -> bool:
    """A vague verb at `i`, found by the engine or typed without its accents (« Ameliorer »)."""
    if any(h.start == i for h in ctx.hits.get("vague-verbs", ())):
        return True
    return _plain(ctx.toks.lower[i]) in _vague_verbs(ctx.lang)


@functools.cache
def _vague_verbs(lang: str) -> frozenset[str]:
    return frozenset(_plain(r["term"]) for r in word_table(lang, "", "vague-verbs"))


def _object_end(ctx: Context, start: int) -> int:
    """Where the measure ends: at the deadline, a punctuation mark or the end."""
    toks = ctx.toks
    deadline_starts = {d.start for d in ctx.ex.deadlines}
    stops = _stops(ctx.lang)
    for k in range(start, len(toks)):
        if toks.idx[k] in deadline_starts or toks.text[k] in ",.;:!?()[]":
            return k
        if toks.lower[k].replace("’", "'") in stops:
            return len(toks) + 1  # « … pour fidéliser »: a purpose this wording would drop
    return len(toks)


@functools.cache
def _stops(lang: str) -> frozenset[str]:
    return frozenset(r["term"] for r in word_table(lang, "proposals", "object-stops"))


def _plain(word: str) -> str:
    """Lower case without accents: « qualite » typed without them is « qualité »."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
