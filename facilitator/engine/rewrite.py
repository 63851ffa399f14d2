"""The rewrite: the draft with every safe replacement and removal applied."""

from __future__ import annotations

import re
from collections.abc import Sequence

from facilitator.engine.model import Finding

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;)])")


def apply_safe_edits(
    text: str, findings: Sequence[Finding]
) -> tuple[str, list[Finding], list[int]]:
    """Apply non-overlapping safe edits to the normalised text.

    Returns the new text, the findings the edits resolved, and the positions in the new text
    where something changed (to look there for problems an edit might have introduced).
    """
    edits = sorted(
        (f for f in findings if f.safe_edit is not None), key=lambda f: (f.norm_start, -f.norm_end)
    )
    out: list[str] = []
    applied: list[Finding] = []
    changed_at: list[int] = []
    pos = 0
    for f in edits:
        if f.norm_start < pos:
            continue  # overlaps an edit already applied
        out.append(text[pos : f.norm_start])
        changed_at.append(sum(len(s) for s in out))
        out.append(f.safe_edit or "")
        pos = f.norm_end
        applied.append(f)
    out.append(text[pos:])
    result = " ".join("".join(out).split())
    result = _SPACE_BEFORE_PUNCT.sub(r"\1", result)
    result = re.sub(r"\(\s*\)", "", result).strip(" ,;")
    return result, applied, changed_at


def match_case(original: str, rewritten: str) -> str:
    """Keep the participant's capital letter at the start of the draft."""
    first = next((c for c in original if c.isalpha()), "")
    if first.isupper() and rewritten[:1].islower():
        return rewritten[:1].upper() + rewritten[1:]
    return rewritten
