"""Words and sounds both halves need: the word pattern, determiners and prepositions of each
language, a French word's first sound (elision) and the English article before a word.
"""

from __future__ import annotations

import re

from facilitator.engine.inflect.data import _FOLDER, _data
from facilitator.engine.lexicon import word_set

_APOS = "'’"
_WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?['’]?|\d+(?:[.,]\d+)?|%", re.UNICODE)
_FR_VOWELS = "aeiouàâäéèêëîïôöùûüœæ"
# Words starting with an h that blocks elision: « la hausse », « le handicap ».
_H_ASPIRE = word_set(_FOLDER, "h-aspire", ("fr",))
_FR_DETS = word_set(_FOLDER, "determiners", ("fr",))
_EN_DETS = word_set(_FOLDER, "determiners", ("en",))
_FR_PREPS = word_set(_FOLDER, "prepositions", ("fr",))
_EN_STOPS = word_set(_FOLDER, "stop-words", ("en",))


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def starts_with_vowel_sound_fr(word: str) -> bool:
    w = _low(word)
    if not w:
        return False
    if w[0] in _FR_VOWELS:
        return True
    if w[0] == "h":
        return not any(w.startswith(h) for h in _H_ASPIRE)
    return False


_LETTER_AN = set("aefhilmnorsx")  # letters whose name starts with a vowel sound: "an FAQ"


def en_article(word: str) -> str:
    """ "a" or "an" before `word`, by its sound: the letter rule with listed exceptions."""
    w = word.strip("\"'“”‘’(")
    if not w:
        return "a"
    if w[0].isdigit():
        return "an" if re.match(r"(8|11|18)(\D|$)|8\d\d", w) else "a"
    letters = re.match(r"[A-Za-z]+", w)
    if letters and len(letters.group()) > 1 and letters.group().isupper():
        # An acronym read letter by letter; one read as a word (NASA) is rare in key results.
        return "an" if w[0].lower() in _LETTER_AN else "a"
    low = w.lower()
    for start, article in _data("en").articles:
        if low.startswith(start):
            return article
    return "an" if low[0] in "aeiou" else "a"


# The determiners that open a verb's object ("Optimiser *les* coûts"): not the partitive and
# quantifying ones, after which a noun is no object of a swap ("de", "chaque", "all" …).
_OBJECT_DETS = (_FR_DETS | _EN_DETS) - {
    *("de", "d'", "du", "des", "au", "aux", "chaque", "tout", "toute", "tous", "toutes"),
    *("all", "any", "each", "every", "some", "that", "his", "her", "my"),
}
# Every determiner both languages know, for the checks that read past them.
DETERMINERS = _FR_DETS | _EN_DETS
