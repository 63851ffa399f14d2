"""Labels before a draft ("KR1 : ", "Objective 2: ", "KR-1.1 [Team] ", "1.3 ", "- "): where
the draft itself starts. Their numbers count nothing. Here rather than in `extract`, so that
normalising (which lower-cases the draft's first word after its label) can read them too.
"""

from __future__ import annotations

import re

# "KR1 :", "KR 2 -", "O1.", "RC3 :", "T3 :", "1)", "2.", "- ", "• ": labels and bullets.
_SHORT = re.compile(
    r"(?:\((?:KR|RC|OKR|O)\s?\d{1,2}\)\s*"  # "(KR1) Create a user survey"
    # A dash: "T3-2026" is a date; a full stop before a digit: "KR1.3" is a longer label.
    r"|(?:KR|RC|OKR|[OTQSH])\s?\d{1,2}(?:\s?(?:[:)]|\.(?!\d))\s*|\s?[–—-]\s+)"
    r"|\d{1,2}[.)]\s+|[-–—•*]\s+"
    r"|\d{1,2}\.\d{1,2}\s+(?=[A-ZÀ-Ý][a-zà-ÿ]))"  # "1.3 Ship …": a numbered item, no figure
)
_SHORT_STARTS = frozenset("KROTQSH-–—•*(")  # and digits: the characters _SHORT can start with


# Labels written out, and numbered ones: "Objective 2 :", "Objectif 1 -", "Key Result 3:",
# "Résultat clé 2 :", "KR-1.1 [Team]", "O-1-1 :", "Objectif :". Their number counts nothing
# either. A full stop ends a label only after its number ("O1." but not "O." nor "KR.").
_LONG_LABEL = re.compile(
    r"(?:[Oo]bjecti(?:ve|f)s?|OBJECTI(?:VE|F)S?|[Kk]ey [Rr]esults?|KEY RESULTS?|"
    r"[Rr][ée]sultats? [Cc]l[ée]s?|R[ÉE]SULTATS? CL[ÉE]S?|OKR|[Kk][Rr]|RC|O)"
    # "KEY RESULT 1 (KR1) :": the short name in brackets belongs to the label.
    r"(?:\s?[#-]?\s?\d{1,2}(?:[.-]\d{1,2})*(?: \([A-Z]{1,3}\d{1,2}\))?)?"
    # "KR1.3 Ship …": after a number, a capitalised word starts the draft.
    r"(?:\s?[:)]\s*|\s?[–—-]\s+|(?<=\d)\.\s*|\s+(?=\[)|(?<=\d)\s+(?=[A-ZÀ-Ý][a-zà-ÿ]))"
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


def _short_label_end(text: str) -> int:
    """Where the draft starts after a label or bullet ("KR1 : ", "- "), else 0."""
    first = text[:1]
    if first not in _SHORT_STARTS and not first.isdecimal():
        return 0  # most drafts start with a word: no need to run the pattern
    label = _SHORT.match(text)
    return label.end() if label else 0
