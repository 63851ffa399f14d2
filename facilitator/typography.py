"""French typography for texts built from templates: elision before an inserted word, and the
space before a colon.

A French template reads "en attente de {names}"; with "Amina" it must read "en attente
d’Amina", with "Bruno" "en attente de Bruno". `format_message` formats a template like
`str.format` and, in French, elides the little word just before a placeholder (de, que, le,
la, je, ne …) when the inserted text starts with a vowel or a mute h. Only those words, only
right before a placeholder: the template's own words are already written correctly.

Headless and cheap (no engine, no Textual): the minutes and the app's messages use it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

NBSP = "\u00a0"
APOSTROPHE = "’"

_ELIDED = {
    "de": "d",
    "que": "qu",
    "le": "l",
    "la": "l",
    "je": "j",
    "me": "m",
    "te": "t",
    "se": "s",
    "ne": "n",
    "lorsque": "lorsqu",
    "puisque": "puisqu",
    "jusque": "jusqu",
}
_BEFORE_FIELD = re.compile(r"(?<![\w’'])(" + "|".join(_ELIDED) + r") $", re.IGNORECASE)
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
# Words whose h is aspirated: no elision ("de Hollande", "le hasard"). First names with an h
# elide in usage (« d’Hélène », « d’Hugo »), so the list is short and made of common words.
_H_ASPIRATED = (
    "hache", "haine", "hall", "hameau", "handicap", "hangar", "hardi", "harcèlement", "hasard",
    "hâte", "hausse", "haut", "héros", "hibou", "hiérarchie", "hollande", "hongrie", "honte",
    "hors", "huit",
)  # fmt: skip
_FORMATTER = string.Formatter()


def starts_with_vowel_sound(text: str) -> bool:
    """True when French elides before `text`: a vowel, or an h that is not aspirated."""
    word = text.lstrip(' «\u00a0\u202f"“(').lower()
    if not word:
        return False
    if word[0] in _VOWELS:
        return True
    return word[0] == "h" and not word.startswith(_H_ASPIRATED)


def elide(word: str, following: str) -> str:
    """ "de" + "Amina" → "d’" (case kept: "De" → "D’"); else `word` and a space."""
    stem = _ELIDED.get(word.lower())
    if stem is None or not starts_with_vowel_sound(following):
        return f"{word} "
    if word[:1].isupper():
        stem = stem[:1].upper() + stem[1:]
    return stem + APOSTROPHE


def format_message(template: str, lang: str, values: Mapping[str, object]) -> str:
    """`template.format(**values)`, with French elision before each inserted value.

    Raises what `str.format` raises (KeyError, IndexError, ValueError) for a bad template.
    """
    if lang != "fr":
        return template.format(**values)
    out: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if name is None:
            out.append(literal)
            continue
        value, _ = _FORMATTER.get_field(name, (), values)
        value = _FORMATTER.convert_field(value, conversion)
        text = _FORMATTER.format_field(value, spec or "")
        match = _BEFORE_FIELD.search(literal)
        if match:
            literal = literal[: match.start()] + elide(match[1], text)
        out.append(literal)
        out.append(text)
    return "".join(out)


def colon(lang: str) -> str:
    """The separator after a label: a no-break space before the colon in French."""
    return f"{NBSP}: " if lang == "fr" else ": "
