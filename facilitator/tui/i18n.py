"""The TUI's texts: the one lookup of `facilitator.locales`, re-exported here so the screens'
`from facilitator.tui.i18n import t` keeps working. The texts live in `locales/<lang>/*.toml`.
"""

from __future__ import annotations

from facilitator.locales import LANGS, t, texts

__all__ = ["LANGS", "MESSAGES", "other", "t"]

MESSAGES = {lang: texts(lang, "") for lang in LANGS}
"""Every plain text of each language, by key (the plural tables left out), for the tests."""


def other(lang: str) -> str:
    """The other language (the language switch key toggles between the two)."""
    return "en" if lang == "fr" else "fr"
