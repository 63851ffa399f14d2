"""French typography for the coach's texts: rule messages, proposals and rewrites.

French puts a no-break space before « : ; ? ! % » » and after « « », so that a line never starts
with a lone colon or question mark. Rule files are written with plain spaces, which is what a
consultant types; the engine makes them no-break when it loads them.
"""

from __future__ import annotations

_NBSP = "\u00a0"
_FRENCH_SPACES: tuple[tuple[str, str], ...] = (
    *((f" {mark}", f"{_NBSP}{mark}") for mark in ":;?!%»"),
    ("« ", f"«{_NBSP}"),
)


def typography(text: str, lang: str) -> str:
    """French typography: the space before : ; ? ! % » and after « made a no-break space."""
    if lang != "fr":
        return text
    for space, nbsp in _FRENCH_SPACES:
        if space in text:
            text = text.replace(space, nbsp)
    return text
