"""Labels before a draft ("KR1 : ", "Objective 2: ", "KR-1.1 [Team] "): where the draft
itself starts. Their numbers count nothing.
"""

from __future__ import annotations

import re

from facilitator.engine.normalize import label_end as _short_label_end

# Labels written out, and numbered ones: "Objective 2 :", "Objectif 1 -", "Key Result 3:",
# "Résultat clé 2 :", "KR-1.1 [Team]", "O-1-1 :", "Objectif :". Their number counts nothing
# either. A full stop ends a label only after its number ("O1." but not "O." nor "KR.").
_LONG_LABEL = re.compile(
    r"(?:[Oo]bjecti(?:ve|f)s?|OBJECTI(?:VE|F)S?|[Kk]ey [Rr]esults?|KEY RESULTS?|"
    r"[Rr][ée]sultats? [Cc]l[ée]s?|R[ÉE]SULTATS? CL[ÉE]S?|OKR|[Kk][Rr]|RC|O)"
    # "KEY RESULT 1 (KR1) :": the short name in brackets belongs to the label.
    r"(?:\s?[#-]?\s?\d{1,2}(?:[.-]\d{1,2})*(?: \([A-Z]{1,3}\d{1,2}\))?)?"
    r"(?:\s?[:)]\s*|\s?[–—-]\s+|(?<=\d)\.\s*|\s+(?=\[))"
)


# The first letters of those labels: one test rejects most drafts ("Réduire", "Optimiser").
_LABEL_STARTS = (
    *("Objecti", "objecti", "OBJECTI", "Key ", "key ", "KEY ", "Résultat", "résultat"),
    *("Resultat", "resultat", "RÉSULTAT", "RESULTAT"),
    *("OKR", "KR", "Kr", "kr", "RC", "O-", "O ", "O#"),
)
# Their first two letters, and a tag's ("[T"): one set look-up rejects most drafts.
_LABEL_PAIRS = frozenset(
    {p[:2] for p in _LABEL_STARTS}
    | {"[" + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
)
_TAG = re.compile(r"\[[^\]\d]{1,30}\]\s*")


def label_end(text: str) -> int:
    """Where the draft starts after its label and team tag ("KR1 : ", "Objective 2: ",
    "KR-1.1 [Distributors] ", "- "), else 0."""
    end = _short_label_end(text)
    return _long_label_end(text, end) if text[end : end + 2] in _LABEL_PAIRS else end


def _long_label_end(text: str, end: int) -> int:
    if text.startswith(_LABEL_STARTS, end) and (m := _LONG_LABEL.match(text, end)):
        end = m.end()
    if text.startswith("[", end) and (tag := _TAG.match(text, end)):
        end = tag.end()
    return end
