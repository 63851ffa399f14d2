"""Text that came from a session, a file or the room, made safe to show in a terminal.

A title imported from a hostile file can carry terminal escape sequences: `ESC ] 52 …` sets the
user's clipboard, `ESC ] 0 …` renames the window, `ESC [ 2J` clears the screen. Rich and Textual
render markup, not escapes, but `click.echo` and Textual's own strips pass ESC through, so every
text from outside the program goes through `for_terminal` before it is printed or shown — here,
in one place (no Textual, no click: the CLI and the TUI both call it).

What goes: whole escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes),
then every remaining C0 control but tab and line feed, DEL, the C1 controls U+0080–U+009F, lone
surrogates, and the bidirectional overrides that can make text read differently from what it is
(U+202A–U+202E, U+2066–U+2069). Everything else, emoji and other scripts included, is kept.
"""

from __future__ import annotations

import re

# ESC [ … final byte;  ESC ] / P / X / ^ / _ … up to BEL or ESC \ (or the end: an unterminated
# string still must not reach the terminal);  ESC followed by one character.  The 8-bit forms
# (U+009B CSI, U+009D OSC …) are caught by the C1 range below, their payload left as plain text.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[\x20-\x7e]?"
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: object) -> str:
    """`text` without anything a terminal would act on (None becomes "")."""
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    if not _CONTROLS.search(value):  # the common case: nothing to strip, no copy
        return value
    return _CONTROLS.sub("", _ESCAPES.sub("", value))


def one_line_for_terminal(text: object) -> str:
    """`for_terminal`, on one line: line breaks and tabs become spaces (lists, table cells)."""
    return " ".join(for_terminal(text).split())
