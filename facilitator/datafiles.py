"""Hand-written TOML data files: reading them safely, checking fields, and saying where.

A data file (a workshop template, an exercise pack, an organisation's `facilitator.toml`) is
written without Python, so every mistake comes back as a `Problem`, printed as
"file:line: field: what is wrong; what to do", never as a traceback or a hang:

    data, locator, problems = read_toml(path, lang=lang)  # unreadable, not TOML, too deep …
    check = Check(str(path), locator, lang)
    check_id(data, "", "template", check, "codir-framing")
    check_unknown_keys(data, KNOWN_KEYS, "", check)   # 'did you mean "title"? ' hints
    for later, first in duplicates(loaded, key=lambda t: t.id): …   # ids unique across files

Every message is in the reader's `lang` (the `files.*` catalogue texts; English when the caller
knows no language, so the templates and facilitator.toml read as they always have), the file,
line and field in front of it and the fix in it. tomllib gives no positions for a valid
document, so `Locator` maps dotted field paths (`steps[3].title.en`) to lines. Headless, and
low in the layers: imports only the catalogues (`facilitator.locales`).
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from facilitator.locales import LANGS, t

T = TypeVar("T")

# Ids end up in session files, progress files and on the command line: keep them plain.
ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    field: str  # dotted path; steps are numbered from 1, as on the agenda: steps[3].title.en
    message: str
    severity: Literal["error", "warning"] = "error"
    lang: str = "en"  # the message's language: the "warning: " tag is written in it too

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        tag = "" if self.is_error else t(self.lang, "files.warning")
        return f"{self.file}:{self.line}: {self.field}: {tag}{self.message}"


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


# ---------------------------------------------------------------------------------------------
# Reading

# Limits on what a hand-written data file may hold. Each stops a hostile or stray file before it
# can hang or crash a checker: every file is reported as "file:line: …" like any other mistake.
MAX_TOML_BYTES = 1 << 20
"""1 MB. A template or pack is a few kilobytes; a bigger file is refused without reading on."""
MAX_NESTING = 32
"""Lists and tables inside one another. Files need three levels; tomllib recursed once per level
and died of a RecursionError near 500, and Python's repr of deep data does the same."""
_TOML_INTEGERS = range(-(2**63), 2**63)
"""TOML integers are 64-bit. tomllib reads bigger ones: a hex one too big for Python to print
(over 4,300 decimal digits) then crashed the message naming it."""
# A decimal integer too long for Python to read (tomllib lets its ValueError through).
_LONG_INTEGER = re.compile(r"(?:^|[=\[,{])[ \t]*[+-]?\d[\d_]{4300,}", re.MULTILINE)
# Opening a FIFO for reading waits for a writer: O_NONBLOCK returns at once (no effect on files).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
# tomllib's messages are terse (and English only); the common slips of a hand-edited file
# deserve a hint in the reader's language.
_TOML_HINT_KEYS = {
    "Cannot overwrite a value": "files.syntax.overwrite",
    "Cannot declare": "files.syntax.declare",
    "Illegal character '\\n'": "files.syntax.newline",
    "Unterminated string": "files.syntax.unterminated",
    "Expected '=' after a key": "files.syntax.equals",
    "Invalid value": "files.syntax.value",
}
# A data file written in one language says so on a top-level line (an exercise pack's
# `lang = "fr"`): found in the text, so that even a file tomllib refuses is answered in it.
_DECLARED_LANG = re.compile(r"""^[ \t]*lang[ \t]*=[ \t]*["']([a-z]{2})["']""", re.MULTILINE)
_FIRST_TABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)


def declared_language(text: str) -> str:
    """The language a data file names on a top-level `lang = "…"` line (before any table), if
    it is one of the catalogues' (`LANGS`); English otherwise."""
    table = _FIRST_TABLE.search(text)
    m = _DECLARED_LANG.search(text, 0, table.start() if table else len(text))
    return m.group(1) if m and m.group(1) in LANGS else "en"


def read_toml(
    path: Path, locator: Callable[[str], Locator] | None = None, lang: str | None = "en"
) -> tuple[dict[str, Any] | None, Locator, list[Problem]]:
    """Read a hand-written TOML data file: its data (None when unreadable), a locator that maps
    dotted field paths to line numbers (built by `locator`, default `Locator`), and the problem
    that stopped the reading, if any, in `lang` (None: the language the file declares, see
    `declared_language`; English for a file not read far enough to tell).

    Shared by every data file a consultant writes (workshop templates, exercise packs). Only a
    regular file of at most MAX_TOML_BYTES is read, nested at most MAX_NESTING deep, with
    64-bit integers: anything else is a problem like a syntax error, never an exception."""
    file = str(path)
    make_locator = locator or Locator
    raw, problem = _read_regular_file(path, lang or "en")
    if problem is not None:
        return None, make_locator(""), [problem]
    try:
        # utf-8-sig: Windows editors may add a byte-order mark, which TOML itself refuses.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        lang = lang or "en"
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem(file, line, "(file)", t(lang, "files.read.not_utf8"), lang=lang)
        return None, make_locator(""), [problem]
    lang = lang or declared_language(text)
    located = make_locator(text)
    if located.too_deep_line:  # found before tomllib, which would recurse that deep
        problem = Problem(file, located.too_deep_line, "(syntax)", _too_deep(lang), lang=lang)
        return None, located, [problem]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, located, [_syntax_problem(file, str(exc), located, lang)]
    except ValueError:  # an integer of more than 4,300 digits: Python refuses to read it
        m = _LONG_INTEGER.search(text)
        line = text.count("\n", 0, m.end()) + 1 if m else 1
        return None, located, [Problem(file, line, "(syntax)", _out_of_range(lang), lang=lang)]
    if (problem := _beyond_limits(data, file, located, lang)) is not None:
        return None, located, [problem]
    return data, located, []


def _too_deep(lang: str) -> str:
    return t(lang, "files.read.too_deep", max=MAX_NESTING)


def _out_of_range(lang: str) -> str:
    low, high = _TOML_INTEGERS.start, _TOML_INTEGERS.stop - 1
    return t(lang, "files.read.out_of_range", low=low, high=high)


def _read_regular_file(path: Path, lang: str) -> tuple[bytes, Problem | None]:
    """The bytes of `path` if it is a regular file of at most MAX_TOML_BYTES, else the problem
    (in `lang`).

    The type is checked on the opened file, not on the name: a FIFO or a device (`/dev/zero`)
    named like a template would hang the reading or never end it."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                message = t(lang, "files.read.not_regular")
                return b"", Problem(file, 1, "(file)", message, lang=lang)
            with open(fd, "rb", closefd=False) as stream:
                raw = stream.read(MAX_TOML_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        message = t(lang, "files.read.failed", error=exc.strerror or exc)
        return b"", Problem(file, 1, "(file)", message, lang=lang)
    if len(raw) > MAX_TOML_BYTES:
        return b"", Problem(file, 1, "(file)", t(lang, "files.read.too_big"), lang=lang)
    return raw, None


def _beyond_limits(data: dict[str, Any], file: str, locator: Locator, lang: str) -> Problem | None:
    """The first value TOML-wise too big (an integer) or too deep (dotted keys and [a.b.c]
    headers nest without brackets), walked without recursion."""
    pending: list[tuple[str, Any, int]] = [("", data, 0)]
    while pending:
        path, value, depth = pending.pop()
        if isinstance(value, int) and not isinstance(value, bool) and value not in _TOML_INTEGERS:
            return Problem(file, locator.line(path), path, _out_of_range(lang), lang=lang)
        if depth > MAX_NESTING:
            return Problem(file, locator.line(path), path, _too_deep(lang), lang=lang)
        if isinstance(value, dict):
            children = [(join(path, key), child) for key, child in value.items()]
        elif isinstance(value, list):  # numbered from 1, as the locator numbers them
            children = [(f"{path}[{n}]", child) for n, child in enumerate(value, 1)]
        else:
            continue
        pending.extend((child_path, child, depth + 1) for child_path, child in reversed(children))
    return None


def _syntax_problem(file: str, message: str, locator: Locator, lang: str) -> Problem:
    line, where = 0, ""
    if m := _TOML_POSITION.search(message):
        line = int(m.group(1))
        where = t(lang, "files.syntax.column", column=m.group(2))
        message = message[: m.start()]
    elif m := _TOML_END.search(message):
        # "at end of document": point at the string or list that was opened and never closed.
        line = locator.unclosed_line or locator.last_line
        message = message[: m.start()]
    hint_key = next((k for start, k in _TOML_HINT_KEYS.items() if message.startswith(start)), "")
    hint = t(lang, "files.syntax.hint", hint=t(lang, hint_key)) if hint_key else ""
    text = t(lang, "files.syntax", message=message, where=where, hint=hint)
    return Problem(file, max(line, 1), "(syntax)", text, lang=lang)


# ---------------------------------------------------------------------------------------------
# Checking fields


class Check:
    """Collects problems; the locator turns each field path into a line number. `lang` is the
    language of the messages: the shared checks below write theirs in it, and a caller's own
    messages must be in it too."""

    def __init__(self, file: str, locator: Locator, lang: str = "en") -> None:
        self.file, self.locator, self.lang = file, locator, lang
        self.problems: list[Problem] = []

    def error(self, field: str, message: str) -> None:
        line = self.locator.line(field)
        self.problems.append(Problem(self.file, line, field, message, lang=self.lang))

    def warning(self, field: str, message: str) -> None:
        line = self.locator.line(field)
        self.problems.append(Problem(self.file, line, field, message, "warning", self.lang))


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def closest_name(value: str, choices: Iterable[str]) -> str | None:
    """The name of `choices` closest to `value` (difflib's ratio of at least 0.6), or None."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: str, choices: Iterable[str], *, prefix: str = "", lang: str = "en") -> str:
    """'did you mean "x"? ' (in `lang`) for the closest of `choices` (`prefix` before it), or
    ""."""
    close = closest_name(value, choices)
    return t(lang, "files.did_you_mean", name=prefix + close) if close else ""


def duplicates(items: Iterable[T], key: Callable[[T], str]) -> Iterator[tuple[T, T]]:
    """Each item whose `key` an earlier item already has, with that first item: ids must be
    unique across files (templates, packs), and the first file read keeps its id."""
    first: dict[str, T] = {}
    for item in items:
        other = first.setdefault(key(item), item)
        if other is not item:
            yield item, other


def is_positive_int(value: object) -> bool:
    """A whole number above 0, and not a bool."""
    # bool is an int in Python; `minutes = true` must not pass as 1.
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


_ID_OWNER_KEYS = {
    "template": "files.id.of.template",
    "step": "files.id.of.step",
    "pack": "files.id.of.pack",
    "exercise": "files.id.of.exercise",
}
"""What a `check_id` table is, as its message names it in each language."""


def check_id(table: dict[str, Any], prefix: str, what: str, c: Check, example: str) -> str | None:
    """The table's `id` when it is a plain id (`ID`), else None with the problem recorded in
    `c.lang`; `what` is one of `_ID_OWNER_KEYS`' names (another is written as it is), `example`
    the id the message suggests."""
    field, value = join(prefix, "id"), table.get("id")
    if value is None:
        owner = t(c.lang, _ID_OWNER_KEYS[what]) if what in _ID_OWNER_KEYS else what
        c.error(field, t(c.lang, "files.id.missing", what=owner, example=example))
    elif not isinstance(value, str) or not ID.match(value):
        c.error(field, t(c.lang, "files.id.invalid", value=repr(value), example=example))
    else:
        return value
    return None


def check_choice(
    table: dict[str, Any],
    key: str,
    choices: tuple[str, ...],
    prefix: str,
    what: str,
    c: Check,
) -> str | None:
    """The table's `key` when it is one of `choices`, else None with the problem recorded in
    `c.lang`; `what` names the field in the message ("skill", "step kind")."""
    field, value = join(prefix, key), table.get(key)
    allowed = ", ".join(choices)
    if value is None:
        c.error(field, t(c.lang, "files.choice.missing", key=key, allowed=allowed))
    elif not isinstance(value, str):
        c.error(field, t(c.lang, "files.choice.not_text", allowed=allowed))
    elif value not in choices:
        hint = did_you_mean(value.lower(), choices, lang=c.lang)
        values = {"what": what, "value": value, "hint": hint, "allowed": allowed}
        c.error(field, t(c.lang, "files.choice.unknown", **values))
    else:
        return value
    return None


def check_unknown_keys(
    table: dict[str, Any], known: tuple[str, ...], prefix: str, c: Check
) -> None:
    """A warning in `c.lang` for each key of `table` not in `known` (ignored, likely a typo)."""
    for key in table:
        if key not in known:
            hint = did_you_mean(key.lower(), known, lang=c.lang)
            message = t(c.lang, "files.unknown_key", key=key, hint=hint, known=", ".join(known))
            c.warning(join(prefix, key), message)


_LIST_ITEM = re.compile(r"^(?:[-•*]|\d+[.)])\s")


def reflow(text: str) -> str:
    """Lay out text like Markdown: a blank line starts a paragraph, a single line break is a space
    (so consultants can wrap long scripts in the TOML), a line starting with "- " or "1." stays a
    line of its own."""
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        lines: list[str] = []
        for line in (raw.strip() for raw in paragraph.splitlines()):
            if lines and not _LIST_ITEM.match(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


_BARE_KEY = r"[A-Za-z0-9_-]+"
_QUOTED_KEY = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE_KEY}|{_QUOTED_KEY})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]")
_ASSIGNMENT = re.compile(rf"\s*({_DOTTED})\s*=")


def _key_parts(dotted: str) -> list[str]:
    return [k[1:-1] if k[0] in "\"'" else k for k in re.findall(_KEY, dotted)]


class Locator:
    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        self.unclosed_line = 0  # where a string or list still open at the end began
        self.too_deep_line = 0  # the first line with more than MAX_NESTING brackets open
        self.last_line = max(1, text.count("\n") + (not text.endswith("\n")))
        arrays: dict[str, int] = {}  # path of each array of tables → elements seen so far
        prefix = ""
        multiline: str | None = None  # the closing delimiter while inside a """ or ''' string
        depth = 0  # bracket depth while a value spans lines
        for number, line in enumerate(text.splitlines(), 1):
            rest = line
            if multiline is None and depth == 0:
                if m := _ARRAY_HEADER.match(line):
                    *parents, name = _key_parts(m.group(1))
                    array = join(self._resolve(parents, arrays), name)
                    arrays[array] = arrays.get(array, 0) + 1
                    prefix = f"{array}[{arrays[array]}]"
                    self._mark(prefix, number)
                    rest = line[m.end() :]
                elif m := _TABLE_HEADER.match(line):
                    prefix = self._resolve(_key_parts(m.group(1)), arrays)
                    self._mark(prefix, number)
                    rest = line[m.end() :]
                elif m := _ASSIGNMENT.match(line):
                    self._mark(join(prefix, ".".join(_key_parts(m.group(1)))), number)
                    rest = line[m.end() :]
            was_open = multiline is not None or depth > 0
            multiline, depth, reached = _scan(rest, multiline, depth)
            if reached > MAX_NESTING and not self.too_deep_line:
                self.too_deep_line = number
            if not was_open and (multiline is not None or depth > 0):
                self.unclosed_line = number
        if multiline is None and depth == 0:
            self.unclosed_line = 0

    @staticmethod
    def _resolve(parts: list[str], arrays: dict[str, int]) -> str:
        # [steps.title] names the title of the *latest* [[steps]] element.
        path = ""
        for part in parts:
            path = join(path, part)
            if path in arrays:
                path = f"{path}[{arrays[path]}]"
        return path

    def _mark(self, path: str, number: int) -> None:
        for ancestor in ancestors(path):
            self.lines.setdefault(ancestor, number)

    def line(self, field: str) -> int:
        """The line of `field`, or of its closest ancestor present (a missing `steps[3].title.en`
        points at `title.fr`, or at the `[[steps]]` header of step 3)."""
        for ancestor in ancestors(field):
            if ancestor in self.lines:
                return self.lines[ancestor]
        return 1


def ancestors(path: str) -> Iterator[str]:
    """steps[3].title.en → itself, steps[3].title, steps[3], steps."""
    while path:
        yield path
        path = path[: path.rfind("[")] if path.endswith("]") else path.rpartition(".")[0]


def _scan(text: str, multiline: str | None, depth: int) -> tuple[str | None, int, int]:
    """Skip strings and comments in one line; return the state it leaves for the next line, and
    the deepest bracket level reached on it."""
    i, n, deepest = 0, len(text), depth
    while i < n:
        if multiline is not None:
            if multiline == '"""' and text[i] == "\\":
                i += 2
            elif text.startswith(multiline, i):
                i, multiline = i + 3, None
            else:
                i += 1
            continue
        char = text[i]
        if char == "#":
            break
        if text.startswith('"""', i) or text.startswith("'''", i):
            multiline, i = text[i : i + 3], i + 3
            continue
        if char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return multiline, depth, deepest


class ItemLocator(Locator):
    """The workshop locator, plus the lines of the items of multi-line inline arrays
    (`exercises[2].criteria[3]` is the third criterion's own line)."""

    _ITEM = re.compile(r"^(.*)\[(\d+)\]$")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text_lines = text.splitlines()

    def line(self, field: str) -> int:
        for ancestor in ancestors(field):
            if ancestor in self.lines:
                return self.lines[ancestor]
            m = self._ITEM.match(ancestor)
            if m and m.group(1) in self.lines:
                found = _array_item_line(self.text_lines, self.lines[m.group(1)], int(m.group(2)))
                if found:
                    return found
        return 1


def _array_item_line(lines: list[str], start: int, number: int) -> int:
    """The line where item `number` (from 1) of the array assigned on line `start` begins."""
    depth, count, expecting, quote = 0, 0, False, ""
    for n in range(start - 1, len(lines)):
        text = lines[n]
        i = text.index("=") + 1 if n == start - 1 and "=" in text else 0
        while i < len(text):
            if quote:
                if quote in ('"', '"""') and text[i] == "\\":
                    i += 2
                    continue
                if text.startswith(quote, i):
                    i, quote = i + len(quote), ""
                    continue
                i += 1
                continue
            char = text[i]
            if char == "#":
                break
            if char.isspace():
                i += 1
                continue
            if depth == 1 and expecting and char not in ",]":
                count += 1
                expecting = False
                if count == number:
                    return n + 1
            if text.startswith('"""', i) or text.startswith("'''", i):
                quote, i = text[i : i + 3], i + 3
                continue
            if char in "\"'":
                quote, i = char, i + 1
                continue
            if char in "[{":
                depth += 1
                if depth == 1:
                    expecting = True
            elif char in "]}":
                depth -= 1
                if depth <= 0:
                    return 0
            elif char == "," and depth == 1:
                expecting = True
            i += 1
        if quote in ('"', "'"):  # a one-line string left open: TOML already said so
            quote = ""
        if depth <= 0 and n > start - 1:
            return 0
    return 0
