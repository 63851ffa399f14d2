"""A rewrite shown as a difference from the draft: removed words struck through in red, added
words in green, the rest as it was, so the room sees what the coach changed at a glance."""

from __future__ import annotations

import difflib

from rich.text import Text


def word_diff(old: str, new: str) -> Text:
    """`new` as a difference from `old`, word by word."""
    before, after = old.split(), new.split()
    out = Text()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(" ".join(after[j1:j2]) + " ")
            continue
        if i2 > i1:
            out.append(" ".join(before[i1:i2]), style="red strike")
            out.append(" ")
        if j2 > j1:
            out.append(" ".join(after[j1:j2]), style="bold green")
            out.append(" ")
    out.rstrip()
    return out
