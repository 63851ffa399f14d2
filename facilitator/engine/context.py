"""Everything the rules may read about one draft, computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from facilitator.engine.extract import Extraction
from facilitator.engine.labels import label_end
from facilitator.engine.lexicon import Hit
from facilitator.engine.normalize import Normalized
from facilitator.engine.tokens import Tokens

# Quoted words are the customer's; bracketed ones a blank the room fills in ("[what should
# change, and for whom]", "[indicateur]") or a tag filing the draft ("[INFRA]"): neither is
# the draft's own wording, and the rules that point at words leave both alone.
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|\[[^\]]*\]")


@dataclass(slots=True)
class Context:
    lang: str
    kind: str
    norm: Normalized
    toks: Tokens
    hits: dict[str, list[Hit]]
    ex: Extraction
    features: dict[str, Any]
    glossary: frozenset[str] = frozenset()
    quoted: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def cased(self) -> str:
        """The normalised draft with the case its author gave it: normalising lower-cases the
        first word for the parser ("KR3 — Machine Learning" → "KR3 — machine Learning"), and
        a rewrite that quotes the draft's words gives them back as written."""
        norm, chars = self.norm, list(self.norm.text)
        for p, ch in enumerate(chars):
            if ch.isalpha():
                o = norm.span(p, p + 1)[0]
                was = norm.original[o] if o < len(norm.original) else ch
                if was != ch and was.lower() == ch:
                    chars[p] = was
        return "".join(chars)

    def chars(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """Character span in the normalised text of tokens [start_tok, end_tok)."""
        return self.toks.idx[start_tok], self.toks.end(end_tok - 1)

    def in_quotes(self, start: int, end: int) -> bool:
        """Customer words in quotes are theirs, bracketed ones a blank or a tag: the coach does
        not flag them."""
        return any(qs <= start and end <= qe for qs, qe in self.quoted)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    if "«" not in text and '"' not in text and "“" not in text and "[" not in text:
        return []  # the usual case, without a scan
    # Quotes around the whole draft (after its label) present it; they quote no one:
    # « Objectif : « Être excellents pour nos utilisateurs. » » is the draft's own wording.
    start = label_end(text)
    return [
        (m.start(), m.end())
        for m in _QUOTED.finditer(text)
        if m.group()[0] == "[" or text[start : m.start()].strip() or text[m.end() :].strip(" .")
    ]
