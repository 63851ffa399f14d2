"""Building blocks shared by the extraction modules: search patterns written as trees of
letters (Python's re tries a flat list of words one by one at every position, a tree once),
the lower-cased copy of a draft that keeps positions, and where the word lists live.

Word lists are data, in lexicons/<lang>/extraction/ (one file per list, both languages read
together). What stays in the code is tied to a pattern: the words a regular expression spells
out, and the hint sets that say where such a pattern can match (edit one, edit the other).
"""

from __future__ import annotations

import re

_Tree = dict[str, "_Tree"]


def _hint(keys: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of `keys`, written as a tree of their letters ("a(?:bove|u…)"):
    re tries a flat list of words one by one at every position, a tree once."""
    tree: _Tree = {}
    for key in keys:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        if "" in node:
            return ""  # a key ends here: for a search, longer keys add nothing
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(pattern(tree))


def _word_tree(words: frozenset[str] | set[str]) -> str:
    """Any of `words` as a tree of their letters, for a pattern that then checks the word
    ends ("a(?:u|vant|head)?"): tried once at each position, not word by word."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Tree) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = (
            branches[0]
            if len(branches) == 1 and "" not in node
            else ("(?:" + "|".join(branches) + ")")
        )
        return group + "?" if "" in node else group

    return pattern(tree)


_FOLDER = "extraction"


_HAS_DIGIT = re.compile(r"\d")


def lower_same_length(text: str) -> str:
    """The draft in lower case, character for character, so positions stay valid.

    The case-insensitive patterns run on this copy: IGNORECASE doubles the cost of Python's re.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ" → "i̇"): keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _ends_with(window: str, words: tuple[str, ...]) -> bool:
    """`window` (lower case) ends with one of `words`, as a whole word, give or take a trailing
    space."""
    w = window.rstrip(" ")
    if not w.endswith(words):  # one C call rejects the usual case
        return False
    for word in words:  # a loop, not any(): no generator built on this hot path
        if w.endswith(word) and (len(w) == len(word) or not w[-len(word) - 1].isalnum()):
            return True
    return False


def _ending(window: str, words: tuple[str, ...]) -> str | None:
    """The one of `words` that `window` ends with (see `_ends_with`), the longest first."""
    w = window.rstrip(" ")
    if not w.endswith(words):
        return None
    found = [
        word
        for word in words
        if w.endswith(word) and (len(w) == len(word) or not w[-len(word) - 1].isalnum())
    ]
    return max(found, key=len) if found else None
