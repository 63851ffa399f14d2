"""The rewrite: the draft with every safe replacement and removal applied."""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator.engine.inflect import apply_edit
from facilitator.engine.labels import label_end
from facilitator.engine.model import Finding

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;)])")
_EMPTIED_INCISE = re.compile(r"\s*,(?:\s*,)+\s*")
_ELISION = re.compile(r"\b(d|l|qu|j|n|s)' ?(?=[^\Waeiouyhéèêëàâîïôûœ])", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_FULL = {"d": "de", "l": "le", "qu": "que", "j": "je", "n": "ne", "s": "se"}


def apply_safe_edits(
    text: str, findings: Sequence[Finding], lang: str | None = None
) -> tuple[str, list[Finding]]:
    """Apply non-overlapping safe edits to the normalised text.

    Each edit goes in as the workbench puts one suggestion in (`inflect.apply_edit`: the
    determiner, elision and contraction at its edges mended), from the last to the first so that
    the spans before it stay where they were. Returns the new text and the findings the edits
    resolved.
    """
    edits = sorted(
        (f for f in findings if f.safe_edit is not None), key=lambda f: (f.norm_start, -f.norm_end)
    )
    chosen: list[Finding] = []
    pos = 0
    for f in edits:
        if f.norm_start < pos:
            continue  # overlaps an edit already applied
        chosen.append(f)
        pos = f.norm_end
    result = text
    for f in reversed(chosen):
        result = apply_edit(result, f.norm_start, f.norm_end, f.safe_edit or "", lang)
    applied = chosen
    result = " ".join(result.split())
    # Each clean-up runs only if its character is there: most rewrites need none of them.
    if " ," in result or " ." in result or " ;" in result or " )" in result:
        result = _SPACE_BEFORE_PUNCT.sub(r"\1", result)
    if "," in result:
        # "Réduire, si possible, le délai" minus "si possible" is "Réduire le délai".
        result = _EMPTIED_INCISE.sub(" ", result)
    if "'" in result:
        # "d'environ 10 %" minus "environ" is "de 10 %": an elision needs a vowel after it.
        result = _ELISION.sub(lambda m: _FULL[m.group(1).lower()] + " ", result)
    if "(" in result:
        result = _EMPTY_BRACKETS.sub("", result)
    result = result.strip(" ,;")
    return result, applied


def match_case(original: str, rewritten: str) -> str:
    """Keep the participant's capital letter at the start of the draft, after its label if it
    has one ("KR1 : Atteindre …"): the engine reads that word in lower case."""
    start = label_end(rewritten)
    first = next((c for c in original[label_end(original) :] if c.isalpha()), "")
    if first.isupper() and rewritten[start : start + 1].islower():
        return rewritten[:start] + rewritten[start].upper() + rewritten[start + 1 :]
    return rewritten
