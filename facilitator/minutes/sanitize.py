"""Make text from the room safe for every export format, without losing what can be kept.

Text typed or pasted in a workshop can hold anything. python-docx raises `ValueError` on C0
control characters and on U+FFFE/U+FFFF, `UnicodeEncodeError` on lone surrogates, and leaves a
half-made paragraph behind; CSV and Markdown files must be valid UTF-8. `clean` keeps every
character that can be written (emoji, other scripts, tabs, line breaks, very long text) and
drops only those that cannot:

* C0 control characters other than tab and line feed (NUL, bell, escape, vertical tab …);
* the non-characters U+FFFE and U+FFFF (not allowed in XML);
* lone surrogates (a valid pair that arrived as two code points is joined back first).

"\\r\\n" and a lone "\\r" become "\\n", so Word shows one line break, not two. Nothing is ever
truncated: a 100,000-character paragraph is written whole.
"""

from __future__ import annotations

import re
from typing import Any

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("[ \t]*[\n\t][ \t\n]*")  # not str.split(): it eats no-break spaces


def clean(value: Any) -> str:
    """`value` as text that every writer accepts (None becomes "")."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(text):
        # Re-pair surrogates that form a valid pair ("\ud83d\ude00" → 😀); lone ones stay
        # surrogates (surrogatepass) and are removed below.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _UNWRITABLE.sub("", text)


def one_line(value: Any) -> str:
    """`clean`, with line breaks and tabs turned into spaces (headings, file names, cells)."""
    return _BREAKS.sub(" ", clean(value)).strip()
