"""Comparing short wordings: the keys the clustering and the alignment compare.

Pure string work (no spaCy, no Textual): accents folded with the engine's `fold_accents`,
elisions split ("l'améliorer" → "améliorer"), function words dropped, plurals reduced, and the
numbers kept apart so that a figure is never fuzzed away ("20 %" is not "80 %").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from facilitator.engine.lexicon import LANGS, word_table
from facilitator.engine.normalize import fold_accents


def wordlist(text: str) -> frozenset[str]:
    """The words of a space-separated list (word lists read better as prose)."""
    return frozenset(text.split())


# Function words of both languages (accents already folded). Kept short on purpose: a word
# that carries meaning in an objective ("sans", "plus", "zero") stays.
STOPWORDS = wordlist(
    """
    le la les un une des du de d l et ou pour avec dans sur par au aux en est sont nos notre
    nous leur leurs ce cet cette ces qui que qu son sa ses afin entre chaque tous toutes tout
    tres chez vers depuis etre avoir a y se s n ne pas il elle ils elles on votre vos mon ma mes
    c j m t lors ainsi dont ici
    the a an of and or to for with in on by our we their its is are be will this that these
    those from at as all each it us your my so into than then there
    """
)

_ELISION = re.compile(r"\b(?:[ldjmntcs]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?P<digits>\d+(?:[.,]\d+)*)(?:\s*(?P<mult>k|m|md|mds|mrd|millions?|milliards?|thousands?"
    r"|billions?)(?![^\W\d_]))?(?:\s*(?P<unit>[%€$£]))?"
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "md": 1e9, "mrd": 1e9,
                "milliard": 1e9, "billion": 1e9}  # fmt: skip
# Numbers written in words, from two (one/un/une are mostly articles and pronouns).
_NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "cinquante": 50,
    "cent": 100, "mille": 1000, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "fifty": 50, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")
_GROUPED_DIGITS = re.compile(r"(?<=\d)[\s\u00a0\u202f]+(?=\d{3}\b)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|%|€|\$|£")


def fold(text: str) -> str:
    """Lower case, accents folded, typographic apostrophes and spaces made plain."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return fold_accents(text).casefold()


def _number_value(token: str, mult: str | None = None) -> str:
    """ "20" → "20", "2,5" and "2.5" → "2.5", "1.500.000" → "1500000", "1,5 M" → "1500000"."""
    if token.count(",") + token.count(".") > 1:
        token = re.sub(r"[.,]", "", token)
    token = token.replace(",", ".")
    head, _, tail = token.partition(".")
    if tail and len(tail) == 3 and len(head) <= 3 and head != "0" and not mult:
        token = head + tail  # 1.500 / 1,500: thousands in either language
    value = float(token)
    if mult:
        value *= _MULTIPLIERS[mult.rstrip("s")]
    return str(int(value)) if value.is_integer() else str(round(value, 6))


def numbers(text: str) -> tuple[str, ...]:
    """The numbers of folded `text`, canonical and sorted, with their unit symbol: "1 500 000 €"
    and "1,5 M€" are both "1500000€", "trois" is "3", "20 %" is "20%"."""
    text = _GROUPED_DIGITS.sub("", text)
    found = [
        _number_value(m["digits"], m["mult"]) + (m["unit"] or "") for m in _NUMBER.finditer(text)
    ]
    found += [str(_NUMBER_WORDS[m.group()]) for m in _NUMBER_WORD.finditer(text)]
    return tuple(sorted(found))


def stem(word: str) -> str:
    """A plural reduced to its singular, roughly: "délais" → "delai", "coûts" → "cout"."""
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us")):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    return word


@dataclass(frozen=True)
class Key:
    """What two wordings are compared on."""

    words: tuple[str, ...]
    """Content words, folded and singular, in text order."""
    numbers: tuple[str, ...]

    @property
    def text(self) -> str:
        """Content words and numbers, as one string for rapidfuzz."""
        return " ".join((*self.words, *self.numbers))

    @property
    def bag(self) -> Counter[str]:
        return Counter(self.words)


@lru_cache(maxsize=4096)
def key(text: str) -> Key:
    folded = _ELISION.sub("", fold(text))
    bare = _NUMBER_WORD.sub(" ", _NUMBER.sub(" ", _GROUPED_DIGITS.sub("", folded)))
    synonyms = _synonyms()
    words = tuple(
        synonyms.get(w, w) for w in (stem(w) for w in _WORD.findall(bare) if w not in STOPWORDS)
    )
    return Key(words, numbers(folded))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    """Words that say the same change, both languages together (`lexicons/<lang>/room/`):
    "diminuer" and "réduire", "cut" and "reduce" are compared as one word."""
    return {
        fold(row["term"]): fold(row["canonical"])
        for lang in LANGS
        for row in word_table(lang, "room", "synonyms")
    }


# What a word family adds after a shared start ("livr|er", "rédu|ire", "form|ation").
_ENDINGS = wordlist(
    "e s er ir re ire ion tion ation ment ant ent eur euse age ance ence al el if ive ise iser"
    " ing ed"
)


def related(a: str, b: str) -> bool:
    """Two folded singular words of one family, roughly: the same word; or a shared start of six
    letters or more ("satisfaction" / "satisfait", "manager" / "management"); or of four or
    more where the shorter word only adds a usual ending ("livraison" / "livr-er", "réduction" /
    "rédu-ire", "formation" / "form-er"). Not "client" / "clinique" (3 letters), nor "comptes"
    / "compétentes" ("te" is no ending). A stemmer would do better; the reason shown to the
    room lists the words that matched, so a wrong one is seen at once."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    common = next((i for i in range(shortest) if a[i] != b[i]), shortest)
    if common >= 6:
        return True
    shorter = a if len(a) <= len(b) else b
    return common >= 4 and shorter[common:] in _ENDINGS | {""}


def surface_words(text: str) -> list[tuple[str, str]]:
    """(word as written, in lower case; folded singular) for each content word of `text`."""
    out: list[tuple[str, str]] = []
    for word in _WORD.findall(_ELISION.sub("", text.replace("\u2019", "'"))):
        folded = fold(word)
        if folded in STOPWORDS or not folded[:1].isalpha():
            continue
        out.append((word.lower(), stem(folded)))
    return out
