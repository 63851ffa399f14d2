"""Synergies → working together: "Optimiser les synergies entre réglementaire et marketing
pour nos lancements" says that two groups should work together, in jargon, and not what should
change. The rewrite says the means in plain words and leaves the change as a blank the room
fills: « [Ce qui doit changer, et pour qui] pour nos lancements, en faisant travailler ensemble
réglementaire et marketing », with the question to settle it. The vague verb goes (the blank
replaces it); the groups and the purpose stay word for word.

The jargon nouns and the words that join the groups are the strategy's data
(`rules/rewrites.toml`: `jargon`); the template is the strategy's.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.engine.context import Context
from facilitator.engine.labels import label_end

_BETWEEN = {"fr": frozenset({"entre"}), "en": frozenset({"between", "across", "among"})}
_PURPOSE = {"fr": frozenset({"pour", "afin"}), "en": frozenset({"for", "to", "so"})}
_DETS = {
    "fr": frozenset({"les", "la", "le", "l'", "l’", "nos", "notre", "des", "de", "d'", "d’"}),
    "en": frozenset({"the", "our"}),
}


def teamwork_text(
    ctx: Context, templates: Mapping[str, str], jargon: frozenset[str], ask: str
) -> tuple[str, list[str]] | None:
    """`templates[kind]` filled in ({groups}: who should work together, {purpose}: what for,
    as written, with its "pour"/"for"), and `ask`; None when the draft is not a verb on
    "synergies between …"."""
    template = templates.get(ctx.lang)
    toks, lang = ctx.toks, ctx.lang
    if template is None or ctx.ex.quantities:
        return None
    start = label_end(ctx.text)
    words = [i for i in range(len(toks)) if toks.idx[i] >= start and toks.text[i][0].isalnum()]
    if len(words) < 4:
        return None
    at = words[1]
    while at < len(toks) and toks.lower[at] in _DETS[lang]:
        at += 1  # "Optimiser les synergies", "Leverage the synergies"
    if (
        at + 1 >= len(toks)
        or toks.lower[at] not in jargon
        or toks.lower[at + 1] not in _BETWEEN[lang]
    ):
        return None
    end = next(
        (
            i
            for i in range(at + 2, len(toks))
            if toks.lower[i] in _PURPOSE[lang] or toks.text[i] in ",;."
        ),
        len(toks),
    )
    if end == at + 2:
        return None
    cased = ctx.cased
    groups = cased[toks.idx[at + 2] : toks.end(end - 1)].strip()
    purpose = cased[toks.idx[end] :].strip().rstrip(".") if end < len(toks) else ""
    purpose = purpose if purpose[:1].isalpha() else ""
    text = template.replace("{groups}", groups).replace("{purpose}", purpose)
    return " ".join(text.replace(" ,", ",").split()), [ask.replace("{groups}", groups)]
