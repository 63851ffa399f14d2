"""Text from sessions, files and the room never carries a terminal escape to the screen."""

import pytest

from facilitator.terminal import for_terminal, one_line_for_terminal

HOSTILE = [
    "\x1b]52;c;ZWNobyBwd25lZA==\x07Titre",  # OSC 52: set the clipboard
    "\x1b]0;pwned\x1b\\Titre",  # OSC 0: rename the window, ST-terminated
    "\x1b[2JTitre",  # CSI: clear the screen
    "\x1b[31;1mTitre\x1b[0m",  # colours
    "\x1bPqpayload\x1b\\Titre",  # DCS string
    "\x9b2JTitre",  # 8-bit CSI
    "Tit\x07re\x08",  # bell, backspace
    "Titre\r",  # carriage return overwrites the line
    "\u202eTitre",  # right-to-left override
    "\x1b]52;c;unterminated Titre",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_control_or_escape_survives(text: str) -> None:
    out = for_terminal(text)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in out)
    assert "\u202e" not in out


def test_the_visible_text_is_kept() -> None:
    assert for_terminal("\x1b[2JTitre") == "Titre"
    assert for_terminal("\x1b]0;pwned\x07Titre") == "Titre"
    text = "Réduire de 30\u202f% les délais 🚀 — 日本\tet\nplus"
    assert for_terminal(text) is text  # nothing to strip: no copy
    assert for_terminal(None) == ""
    assert for_terminal(42) == "42"


def test_one_line_turns_breaks_into_spaces() -> None:
    assert one_line_for_terminal("a\nb\t c\x1b[2J") == "a b c"


def test_lone_surrogates_are_dropped() -> None:
    assert for_terminal("a\ud800b") == "ab"
