"""French or English, on texts as short as "Réduire le churn" or "Grow ARR".

Statistical detectors need sentences; OKR drafts are fragments. Function words, accents and verb
endings decide, and French wins a tie (the room is French first).

Drafts of two to five words ("Customer first", "Zéro accident") often have no function word:
there the content words decide. `Vocabulary` holds word forms only one language uses
(`lexicons/<lang>/language-words.tsv`: "customer", "faster"; "croissance", "trois") and words
both use (`lexicons/fr/shared-words.tsv`: "client", "service", "marketing", "churn"), which tell
neither. English endings (-ing, -ed, -ly, -ity, -ness, -less, -ify, 's) and French ones (-eux,
-aux, -elle, -if) weigh half a word; -tion and -ment are shared and count for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from facilitator.engine.lexicon import Entry, inflect

# The word lists that serve only language detection (the rules never match them).
LEXICONS = ("language-words", "shared-words")

_WORD = re.compile(r"[a-zà-ÿœæ']+")
_FR_ONLY = re.compile(r"[éèêàâçùûôîïœ]")
_FR_VERB = re.compile(r"^[a-zà-ÿ]{3,}(?:er|ir|re)$")
_EN_VERB = re.compile(r"^[a-z]{3,}(?:ize|ise|ate|ing)$")
# Half a word of evidence each. Anglicisms French drafts use ("marketing", "reporting") are in
# the shared list, which is looked at first.
_EN_FORM = re.compile(
    r"^[a-z]{3,}(?:ing|ed|ly|ity|ities|ness|ship|ful|less|ify|iest)$|^[a-z]{2,}'s$"
)
_FR_FORM = re.compile(r"^[a-zà-ÿ]{2,}(?:eux|euse|euses|aux|elle|elles|if|ifs)$")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Content words that tell French from English in drafts without function words."""

    fr: frozenset[str] = frozenset()
    en: frozenset[str] = frozenset()
    shared: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Mapping[str, Iterable[Entry]]) -> Vocabulary:
        """Each language's `language-words` with their inflections; `shared-words` from any
        language, with their plurals only (an inflection may belong to one language)."""
        own: dict[str, set[str]] = {"fr": set(), "en": set()}
        shared: set[str] = set()
        for lang, items in entries.items():
            for e in items:
                if e.lexicon == "language-words" and lang in own:
                    for word in e.term.lower().split():
                        own[lang] |= inflect(word, lang) | {f.lower() for f in e.forms}
                elif e.lexicon == "shared-words":
                    for word in e.term.lower().split():
                        shared |= {word, word + "s", *(f.lower() for f in e.forms)}
        return cls(frozenset(own["fr"]), frozenset(own["en"]), frozenset(shared))


def detect(
    text: str,
    fr_words: frozenset[str],
    en_words: frozenset[str],
    vocabulary: Vocabulary | None = None,
) -> str:
    fr, en = evidence(text, fr_words, en_words, vocabulary)
    return "en" if en > fr else "fr"


def mixed(text: str, fr_words: frozenset[str], en_words: frozenset[str]) -> bool:
    """Both languages are well represented: "Augmenter le NPS and reduce churn"."""
    # English evidence is its function words plus at most 0.75 for the first word: with fewer
    # than two such words it cannot reach 2, and most drafts are settled by this count alone.
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if sum(map(en_words.__contains__, words)) < 2:
        return False
    fr, en = _evidence(words, lowered, fr_words, en_words)
    return min(fr, en) >= 2 and min(fr, en) >= 0.4 * max(fr, en)


def evidence(
    text: str,
    fr_words: frozenset[str],
    en_words: frozenset[str],
    vocabulary: Vocabulary | None = None,
) -> tuple[float, float]:
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if vocabulary is None:
        return _evidence(words, lowered, fr_words, en_words)
    return _vocabulary_evidence(words, lowered, fr_words, en_words, vocabulary)


def _evidence(
    words: list[str], lowered: str, fr_words: frozenset[str], en_words: frozenset[str]
) -> tuple[float, float]:
    if not words:
        return (0.0, 0.0)
    fr = sum(1.0 for w in words if w in fr_words or w.startswith(("d'", "l'", "qu'", "n'", "s'")))
    en = sum(1.0 for w in words if w in en_words)
    fr += 0.5 * len(_FR_ONLY.findall(lowered))
    first = words[0]
    if _FR_VERB.match(first) and first not in en_words:
        fr += 0.75
    if _EN_VERB.match(first) or first.endswith("'s"):
        en += 0.75
    return fr, en


def _vocabulary_evidence(
    words: list[str],
    lowered: str,
    fr_words: frozenset[str],
    en_words: frozenset[str],
    vocab: Vocabulary,
) -> tuple[float, float]:
    """`_evidence`, with content words: a word both languages use counts for neither."""
    if not words:
        return (0.0, 0.0)
    fr = 0.5 * len(_FR_ONLY.findall(lowered))
    en = 0.0
    shared, fr_vocab, en_vocab = vocab.shared, vocab.fr, vocab.en
    for w in words:
        if w in shared:
            continue
        if w in fr_words or w in fr_vocab or w.startswith(("d'", "l'", "qu'", "n'", "s'")):
            fr += 1.0
        elif w in en_words or w in en_vocab:
            en += 1.0
        elif _EN_FORM.match(w):
            en += 0.5
        elif _FR_FORM.match(w):
            fr += 0.5
    first = words[0]
    if first in shared:
        return fr, en
    if _FR_VERB.match(first) and first not in en_words and first not in en_vocab:
        fr += 0.75
    if (_EN_VERB.match(first) or first.endswith("'s")) and first not in fr_vocab:
        en += 0.75
    return fr, en
