"""A slogan objective ("Code health", « Produit prêt pour production », "Be the best") says
neither what should change nor for whom. The coach cannot guess the change: the rewrite keeps
the room's words as the objective's heading and puts the blank it must fill right after them,
"Code health: [what should change, and for whom]", with the question to settle it. Nothing is
dropped and nothing invented; a label ("OKR 2 :"), final punctuation and quotes around the
whole draft are left out.
"""

from __future__ import annotations

from facilitator.engine.context import Context
from facilitator.engine.labels import label_end

# Left out around the slogan: spaces, final punctuation, and quotes that present the whole draft.
_AROUND = ' \t\u00a0\u202f.;:!,«»"“”'


def slogan_text(ctx: Context, template: str, ask: str) -> tuple[str, list[str]] | None:
    """`template` ({topic}: the slogan as written) and `ask` ({topic}) filled in, or None when
    nothing is left of the draft after its label."""
    text = ctx.cased
    topic = text[label_end(text) :].strip(_AROUND)
    if not any(c.isalpha() for c in topic):
        return None
    return template.replace("{topic}", topic), [ask.replace("{topic}", topic)]
