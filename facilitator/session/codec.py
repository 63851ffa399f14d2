"""Records ⇄ plain JSON data: the `Record` base and its one `from_dict`, built from the fields.

`Record.to_dict` writes a record's fields; `Record.from_dict` reads them back, choosing how to
read each field from its declared type, so a new field needs no reading code:

========================  =================================================================
declared type             read as
========================  =================================================================
``str``                   text (a number is kept as its text: a hand-edited baseline ``4``);
                          an empty ``id`` gets a new one; `one_of` fields must be in their list
``str | None``            text or null; `MOMENT` fields must be ISO 8601 times with an offset
``bool``                  true or false
``int`` / ``int | None``  a whole number (``2.0`` is accepted) of at most 2**53
``float`` / ``… | None``  a finite number
``list[str]``             strings (a single string is a list of one; ``""`` is empty)
``list[Record]``          records, each read by its own class
``dict[str, …]``          an object whose values are text (`one_of` applies to them),
                          numbers (kept whole when whole), counts ≥ 0 or records
========================  =================================================================

A missing key or null takes the field's default (text whose default is computed, such as a
creation time, reads as ""). Anything else raises `SessionFormatError` naming the field's path.
Keys the record does not know go to its `extra` and are written back unchanged.
"""

from __future__ import annotations

import copy
import json
import math
import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from datetime import datetime
from typing import Any, ClassVar, Self, TypeVar, get_args, get_origin, get_type_hints

from .stamps import new_id


class SessionFormatError(ValueError):
    """A session dictionary has a field of the wrong type; `field` is its path."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


_ONE_OF = "one_of"
_MOMENT = "moment"


def one_of(allowed: tuple[str, ...]) -> Mapping[str, Any]:
    """Field metadata: the text (or a mapping's text values) must be one of `allowed`, since
    the app picks labels and behaviour by it."""
    return {_ONE_OF: allowed}


MOMENT: Mapping[str, Any] = types.MappingProxyType({_MOMENT: True})
"""Field metadata: an ISO 8601 time with its offset, kept as text (the timer subtracts it from
now: an aware "now" minus a naive time is a TypeError)."""


# --------------------------------------------------------------------------------------------
# Reading one JSON object: defaults for missing keys, clear errors for wrong types.

_MISSING: Any = object()
T = TypeVar("T")


def _type_name(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN or an infinity"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def shown(value: Any, limit: int = 60) -> str:
    """`value` as JSON writes it, cut to `limit` characters: the value quoted in a message."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except ValueError:  # an integer too long to print: its size says enough
        return "a number of thousands of digits"
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


_LARGEST_WHOLE = 2**53
"""Beyond this, JSON readers (and floats) lose whole numbers; no field needs more."""


def _whole(value: int, where: str) -> int:
    if abs(value) > _LARGEST_WHOLE:
        raise SessionFormatError(where, f"{shown(value)} is out of range (at most 2**53)")
    return value


class _Fields:
    """Typed access to one JSON object, recording which keys were read (the rest are extras)."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SessionFormatError(
                where or "session", f"expected an object, found {_type_name(data)}"
            )
        self.data: dict[str, Any] = data
        self.where = where
        self.used: set[str] = set()

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key, _MISSING)

    def _wrong(self, key: str, expected: str, value: Any) -> SessionFormatError:
        return SessionFormatError(self.path(key), f"expected {expected}, found {_type_name(value)}")

    def text(self, key: str, default: str = "") -> str:
        value = self._get(key)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)  # a hand-edited "baseline": 4 stays meaningful
        raise self._wrong(key, "a string", value)

    def opt_text(self, key: str) -> str | None:
        if self.data.get(key) is None:
            self.used.add(key)
            return None
        return self.text(key)

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in allowed:
            raise SessionFormatError(
                self.path(key), f"{shown(value)} is not one of {', '.join(allowed)}"
            )
        return value

    def opt_moment(self, key: str) -> str | None:
        value = self.opt_text(key)
        if value is None:
            return None
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise SessionFormatError(
                self.path(key), f"{shown(value)} is not a date (ISO 8601 expected)"
            ) from None
        if when.tzinfo is None:
            raise SessionFormatError(
                self.path(key),
                f"{shown(value)} has no time zone (ISO 8601 with an offset expected, such as "
                '"2026-03-12T09:30:00+00:00")',
            )
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, bool):
            return value
        raise self._wrong(key, "true or false", value)

    def integer(self, key: str, default: int) -> int:
        value = self._get(key)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, int) and not isinstance(value, bool):
            return _whole(value, self.path(key))
        if isinstance(value, float) and value.is_integer():
            return _whole(int(value), self.path(key))
        raise self._wrong(key, "a whole number", value)

    def opt_integer(self, key: str) -> int | None:
        value = self._get(key)
        if value is _MISSING or value is None:
            return None
        return self.integer(key, 0)

    def number(self, key: str, default: float) -> float:
        value = self._get(key)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        raise self._wrong(key, "a number", value)

    def opt_number(self, key: str) -> float | None:
        value = self._get(key)
        if value is _MISSING or value is None:
            return None
        return self.number(key, 0.0)

    def items(self, key: str, read: Callable[[Any, str], T]) -> list[T]:
        value = self._get(key)
        if value is _MISSING or value is None:
            return []
        if not isinstance(value, list):
            raise self._wrong(key, "a list", value)
        return [read(item, f"{self.path(key)}[{i}]") for i, item in enumerate(value)]

    def texts(self, key: str) -> list[str]:
        value = self._get(key)
        if value is _MISSING or value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._wrong(key, "a list of strings", value)
        return list(value)

    def mapping(self, key: str, read: Callable[[Any, str], T]) -> dict[str, T]:
        value = self._get(key)
        if value is _MISSING or value is None:
            return {}
        if not isinstance(value, dict):
            raise self._wrong(key, "an object", value)
        return {str(k): read(v, f"{self.path(key)}.{k}") for k, v in value.items()}

    def extras(self) -> dict[str, Any]:
        return {k: copy.deepcopy(v) for k, v in self.data.items() if k not in self.used}


# Readers of one value of a mapping, found at `where`.


def _read_str(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise SessionFormatError(where, f"expected a string, found {_type_name(value)}")


def _read_score(value: Any, where: str) -> float:
    # A whole number stays whole: the engine scores 0–100 in whole points, and a session's
    # export must read the same after a save and a reload (the bundled demo is such an export).
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return value
    raise SessionFormatError(where, f"expected a number, found {_type_name(value)}")


def _read_count(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return _whole(value, where)
    raise SessionFormatError(where, f"expected a whole number ≥ 0, found {shown(value)}")


def _read_choice(allowed: tuple[str, ...]) -> Callable[[Any, str], str]:
    def read(value: Any, where: str) -> str:
        if value in allowed:
            return str(value)
        raise SessionFormatError(where, f"{shown(value)} is not one of {', '.join(allowed)}")

    return read


# --------------------------------------------------------------------------------------------
# The record base


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@dataclass(kw_only=True)
class Record:
    """Base of every session record: generic `to_dict` and `from_dict`, a home for unknown keys."""

    extra: dict[str, Any] = field(default_factory=dict, repr=False)
    """Keys this release does not know, kept so that saving does not drop them."""

    FIELD: ClassVar[str] = "record"
    """How errors name a record read on its own (`Participant.from_dict(data)`)."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; scalar fields first, then collections, so files read well."""
        values = [(f.name, getattr(self, f.name)) for f in fields(self) if f.name != "extra"]
        out: dict[str, Any] = {}
        for name, value in sorted(values, key=lambda nv: isinstance(nv[1], list | dict)):
            out[name] = _plain(value)
        for key, value in self.extra.items():
            out.setdefault(key, copy.deepcopy(value))
        return out

    @classmethod
    def from_dict(cls, data: Any, where: str | None = None) -> Self:
        """The record held by `data`, read field by field as the module doc says; errors name
        the field's path from `where` (default: the class's `FIELD`)."""
        r = _Fields(data, cls.FIELD if where is None else where)
        readers = _READERS.get(cls) or _READERS.setdefault(cls, _readers(cls))
        values = {name: read(r) for name, read in readers}
        return cls(**values, extra=r.extras())


_FieldReader = Callable[[_Fields], Any]


_READERS: dict[type[Record], tuple[tuple[str, _FieldReader], ...]] = {}
"""Each record class's field readers, worked out on its first read."""


def _readers(cls: type[Record]) -> tuple[tuple[str, _FieldReader], ...]:
    """How to read each field of `cls`, from its type hints, in declaration order (inherited
    fields first): with several bad fields, the first declared is the one reported."""
    hints = get_type_hints(cls)
    return tuple((f.name, _reader(f, hints[f.name])) for f in fields(cls) if f.name != "extra")


def _reader(f: Field[Any], hint: Any) -> _FieldReader:
    name = f.name
    default = None if f.default is MISSING else f.default
    allowed: tuple[str, ...] | None = f.metadata.get(_ONE_OF)
    args = get_args(hint)
    optional = get_origin(hint) is types.UnionType and type(None) in args
    kind = next(a for a in args if a is not type(None)) if optional else hint
    if kind is str and optional:
        if f.metadata.get(_MOMENT):
            return lambda r: r.opt_moment(name)
        return lambda r: r.opt_text(name)
    if kind is str and allowed:
        return lambda r: r.choice(name, allowed, default or "")
    if kind is str and name == "id":
        return lambda r: r.text(name) or new_id()  # records are found by id: never an empty one
    if kind is str:
        return lambda r: r.text(name, default or "")
    if kind is bool:
        return lambda r: r.flag(name, bool(default))
    if kind is int:
        return (
            (lambda r: r.opt_integer(name)) if optional else lambda r: r.integer(name, default or 0)
        )
    if kind is float:
        return (
            (lambda r: r.opt_number(name)) if optional else lambda r: r.number(name, default or 0.0)
        )
    origin, inner = get_origin(kind), get_args(kind)
    if origin is list and inner == (str,):
        return lambda r: r.texts(name)
    if origin is list and _is_record(inner[0]):
        return lambda r: r.items(name, inner[0].from_dict)
    if origin is dict and inner[0] is str:
        read = _value_reader(inner[1], allowed)
        return lambda r: r.mapping(name, read)
    raise TypeError(f"{f.name}: no reader for the declared type {hint!r}")


def _value_reader(kind: Any, allowed: tuple[str, ...] | None) -> Callable[[Any, str], Any]:
    if kind is str:
        return _read_choice(allowed) if allowed else _read_str
    if kind is float:
        return _read_score
    if kind is int:
        return _read_count
    if _is_record(kind):
        return kind.from_dict
    raise TypeError(f"no reader for mapping values of type {kind!r}")


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Record)
