"""English morphology: a verb's forms (-s, -ing, -ed, irregular ones from the tables), the form a
word was written in, and a noun's plural.
"""

from __future__ import annotations

import functools
import re

from facilitator.engine.inflect.data import _data


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
