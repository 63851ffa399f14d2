"""Bytes ⇄ JSON for every file the store reads: sessions, trainees' progress, imports.

One decoder, so that a hostile or damaged file gets the same answer wherever it is read: a
`CorruptSessionError` naming the file and saying what is wrong, never a `ValueError` or a
`RecursionError` that would crash a listing and hide every other file. What it refuses:

* NUL bytes, text that is not UTF-8 (a leading BOM is accepted), empty or cut-off JSON;
* integers of more than 4,300 digits (Python refuses to convert them) and the non-JSON
  constants NaN and Infinity (they could never be written back: saving would fail later);
* nesting deeper than `MAX_DEPTH`: the session's own structure is under 10 levels, and copying
  or writing back a deeper unknown key would exhaust Python's recursion limit at a depth that
  depends on the caller — a file would be readable from the command line but not in the app.

`reading(path)` wraps the step after decoding (building the session or progress from the
JSON): any failure there is damage to that file too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import CorruptSessionError, InvalidSessionData, StoreError

MAX_DEPTH = 100
_BOM = b"\xef\xbb\xbf"


class _NotJSONConstant(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJSONConstant(name)


def decode(raw: bytes, path: Path | None) -> Any:
    """The JSON value in `raw`; every problem is a `CorruptSessionError` naming `path`."""
    raw = raw.removeprefix(_BOM)
    if not raw.strip():
        raise CorruptSessionError("the file is empty (it was probably cut off)", path=path)
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        raise CorruptSessionError(
            f"the file contains NUL bytes (first at byte {at}): it was damaged by a crash, a "
            "full disk or another program",
            path=path,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptSessionError(
            f"the file is not UTF-8 text (bad byte at position {error.start})", path=path
        ) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        cause = "the file ends too early: it was probably cut off" if _cut_off(text) else error.msg
        raise CorruptSessionError(
            f"not valid JSON at line {error.lineno}, column {error.colno} ({cause})", path=path
        ) from None
    except _NotJSONConstant as error:
        raise CorruptSessionError(
            f"the file holds {error}, which is not JSON (a number was not a number when it was "
            "written)",
            path=path,
        ) from None
    except ValueError:  # the only other one: int() refuses too many digits (CVE-2020-10735)
        raise CorruptSessionError(
            f"the file holds a number of more than {sys.get_int_max_str_digits()} digits, "
            "which no session field can use",
            path=path,
        ) from None
    except RecursionError:
        raise _too_deep(path) from None
    _check_depth(data, path)
    return data


def _too_deep(path: Path | None) -> CorruptSessionError:
    return CorruptSessionError(
        f"the {'file' if path else 'data'} is nested more than {MAX_DEPTH} levels deep, far "
        "deeper than any session",
        path=path,
    )


def _check_depth(data: Any, path: Path | None) -> None:
    # Iterative, so that the check itself cannot exhaust the recursion limit.
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if not isinstance(value, list):
            continue
        if depth > MAX_DEPTH:
            raise _too_deep(path)
        stack.extend((child, depth + 1) for child in value)


def _cut_off(text: str) -> bool:
    """True when the JSON text stops inside a string or with brackets still open."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def encode(data: Any, path: Path) -> bytes:
    """`data` as indented UTF-8 JSON; a value JSON cannot hold is an `InvalidSessionData`."""
    try:
        try:
            text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (from a bad paste) cannot be UTF-8: escape everything instead,
            # which JSON allows and which reads back to exactly the same strings.
            return json.dumps(data, ensure_ascii=True, indent=1, allow_nan=False).encode()
    except (TypeError, ValueError) as error:
        raise InvalidSessionData(
            f"the data holds a value JSON cannot store ({error}); nothing was written",
            path=path,
        ) from None


@contextmanager
def reading(path: Path | None) -> Iterator[None]:
    """Report any failure of the block as damage to `path` (a `CorruptSessionError`).

    The block turns decoded JSON into a session or a trainee's progress: whatever a file holds,
    reading it must end in a `StoreError` naming it, so one bad file never hides the others.
    """
    try:
        yield
    except StoreError:
        raise
    except RecursionError:
        raise _too_deep(path) from None
    except Exception as error:
        raise CorruptSessionError(
            f"the file could not be read ({type(error).__name__}: {error})", path=path
        ) from None
