"""The session: everything one workshop or OKR ritual produces, as plain dataclasses.

A `Session` is the aggregate the TUI edits, the store saves (one file per session) and the
minutes writers read. This module does no I/O and imports neither Textual nor spaCy nor TinyDB:
it is pure data plus the few rules that belong to the data itself (versions of a wording, timer
arithmetic, vote tallies, progress of a key result).

Serialisation
-------------
Every record has `to_dict()` (plain JSON types only) and `from_dict(data)`.

* Missing keys take their defaults, so a file written before a field existed still loads.
* A key of the wrong type raises `SessionFormatError` naming the field path
  (``objectives[2].key_results[0].versions[1].scores``), never a bare `TypeError`. So does a
  value the app relies on and could not use: a language, kind or status outside its list, a
  timer start that is not an ISO 8601 time with its offset, a whole number beyond 2**53, two
  records of one collection with the same id (they are looked up and shown by id).
* **Unknown keys are preserved**, deliberately: each record keeps them in its `extra` dict and
  writes them back unchanged. A later release may add an optional field without bumping the
  schema version; an older release editing the same file then keeps that field instead of
  silently dropping it. Known fields always win over `extra` on output.

Times are ISO 8601 strings: `created`/`updated` in UTC to the second, timer starts to the
millisecond. A session's `date` is stored ISO when the set-up could read what was typed
(`facilitator.dates`), else kept as typed; `due` and `deadline` are what the room wrote.
"""

from __future__ import annotations

import copy
import json
import math
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, TypeVar

SCHEMA_VERSION = 1
"""Version of the session data layout; the store refuses files with a higher number."""

KINDS = ("framing", "drafting", "review", "retrospective")
LANGS = ("fr", "en")
STEP_STATUSES = ("pending", "running", "done")
OBJECTIVE_STATUSES = ("draft", "retained", "dropped")
PROPOSAL_STATUSES = ("open", "merged", "dropped")
PRIORITY_VOTES = ("yes", "unsure", "no")
SCORE_KEYS = ("clarity", "ambition", "measurability", "overall")


def new_id() -> str:
    """A short random hex id (12 hex digits: 48 bits, plenty for one person's sessions)."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _timer_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


class SessionFormatError(ValueError):
    """A session dictionary has a field of the wrong type; `field` is its path."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class ConfidenceCommentRequired(ValueError):
    """A check-in lowers the confidence of a key result without saying why."""


# --------------------------------------------------------------------------------------------
# Reading dictionaries: defaults for missing keys, clear errors for wrong types.

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
        """Text that must be one of `allowed` (the app picks labels and behaviour by it)."""
        value = self.text(key, default)
        if value not in allowed:
            raise SessionFormatError(
                self.path(key), f"{shown(value)} is not one of {', '.join(allowed)}"
            )
        return value

    def opt_moment(self, key: str) -> str | None:
        """An ISO 8601 time with its offset, kept as text (the timer subtracts it from now)."""
        value = self.opt_text(key)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise SessionFormatError(
                self.path(key), f"{shown(value)} is not a date (ISO 8601 expected)"
            ) from None
        if moment.tzinfo is None:  # an aware "now" minus a naive time is a TypeError
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


def _read_str(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    raise SessionFormatError(where, f"expected a string, found {_type_name(value)}")


def _read_score(value: Any, where: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise SessionFormatError(where, f"expected a number, found {_type_name(value)}")


def _read_count(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return _whole(value, where)
    raise SessionFormatError(where, f"expected a whole number ≥ 0, found {shown(value)}")


def _read_priority(value: Any, where: str) -> str:
    if value in PRIORITY_VOTES:
        return str(value)
    raise SessionFormatError(where, f"{shown(value)} is not one of {', '.join(PRIORITY_VOTES)}")


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
    """Base of every session record: generic `to_dict`, and a home for unknown keys."""

    extra: dict[str, Any] = field(default_factory=dict, repr=False)
    """Keys this release does not know, kept so that saving does not drop them."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; scalar fields first, then collections, so files read well."""
        values = [(f.name, getattr(self, f.name)) for f in fields(self) if f.name != "extra"]
        out: dict[str, Any] = {}
        for name, value in sorted(values, key=lambda nv: isinstance(nv[1], list | dict)):
            out[name] = _plain(value)
        for key, value in self.extra.items():
            out.setdefault(key, copy.deepcopy(value))
        return out


def _find(items: Iterable[T], item_id: str, what: str) -> T:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise KeyError(f"no {what} with id {item_id!r}")


# --------------------------------------------------------------------------------------------
# Numbers and progress


_SPACES = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009']+(?=\d{3}(?!\d))")
_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212])?\s*(?P<digits>\d[\d.,]*)"
    r"(?:\s*(?P<mult>k|K|M|Md|Mds|Mrd|G|millions?|milliards?|thousands?)(?![A-Za-zÀ-ÿ]))?"
)
_MULTIPLIERS = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "M": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "Md": 1e9,
    "Mds": 1e9,
    "Mrd": 1e9,
    "G": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
}


def _digits_value(digits: str, lang: str) -> float | None:
    digits = digits.rstrip(".,")
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:  # the last separator is the decimal one: 1.234,5 or 1,234.5
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        digits = digits.replace(thousands, "").replace(decimal, ".")
    elif commas > 1 or dots > 1:  # repeated separator: thousands (1,500,000 / 1.500.000)
        sep = "," if commas else "."
        groups = digits.split(sep)
        if any(len(g) != 3 for g in groups[1:]):
            return None
        digits = "".join(groups)
    elif commas == 1:
        head, tail = digits.split(",")
        # English writes 1,500 for fifteen hundred; French writes 1,5 for one and a half.
        digits = head + tail if lang == "en" and len(tail) == 3 else f"{head}.{tail}"
    try:
        return float(digits)
    except ValueError:
        return None


def parse_number(value: Any, lang: str = "fr") -> float | None:
    """The one number in `value` ("4 %", "1 500 000 €", "2,5k€", 12), or None.

    None when there is no number or more than one ("de 4 à 2 %", "31/12/2026"): guessing would
    give a wrong progress, and a wrong figure on a projected screen is worse than none.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = _SPACES.sub("", value.strip())
    matches = list(_NUMBER.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    number = _digits_value(match["digits"], lang)
    if number is None:
        return None
    if match["mult"]:
        number *= _MULTIPLIERS[match["mult"]]
    if match["sign"] in ("-", "\u2212"):
        number = -number
    return number


def progress(baseline: Any, target: Any, current: Any, *, lang: str = "fr") -> float | None:
    """How far `current` has gone from `baseline` towards `target`, clamped to 0..1.

    Works for increasing ("from 40 to 60 clients") and decreasing ("from 4 % to 2 %") metrics:
    the direction is the sign of target − baseline. None when any value is not a single number,
    or when baseline equals target (a "keep it at" metric has no direction to progress along).
    """
    b, t, c = (parse_number(v, lang) for v in (baseline, target, current))
    if b is None or t is None or c is None or t == b:
        return None
    share = (c - b) / (t - b)
    return min(1.0, max(0.0, share))


# --------------------------------------------------------------------------------------------
# People, strategy, agenda


@dataclass(kw_only=True)
class Participant(Record):
    id: str = field(default_factory=new_id)
    name: str = ""
    role: str = ""
    team: str = ""
    present: bool = True

    @classmethod
    def from_dict(cls, data: Any, where: str = "participant") -> Participant:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            name=r.text("name"),
            role=r.text("role"),
            team=r.text("team"),
            present=r.flag("present", True),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class ParentObjective(Record):
    """A strategic objective that team objectives align with."""

    id: str = field(default_factory=new_id)
    text: str = ""

    @classmethod
    def from_dict(cls, data: Any, where: str = "parent") -> ParentObjective:
        r = _Fields(data, where)
        return cls(id=r.text("id") or new_id(), text=r.text("text"), extra=r.extras())


@dataclass(kw_only=True)
class AgendaStep(Record):
    """One step of the agenda, copied from the template, with its timer state.

    The timer runs while `started_at` is set; `actual_seconds` holds the time spent before that
    run. The app pauses a running step when the session is closed and resumes it when the
    session opens again (`extra["timer_suspended"]`); a killed process leaves the step running,
    so its wall-clock time counts.
    """

    id: str = field(default_factory=new_id)
    kind: str = ""
    title: str = ""
    planned_minutes: int = 0
    status: str = "pending"
    actual_seconds: float = 0.0
    extra_minutes: int = 0
    started_at: str | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    @property
    def budget_seconds(self) -> float:
        return (self.planned_minutes + self.extra_minutes) * 60.0

    def elapsed(self, now: datetime | None = None) -> float:
        """Seconds spent on this step so far."""
        if self.started_at is None:
            return self.actual_seconds
        started = datetime.fromisoformat(self.started_at)
        return self.actual_seconds + max(0.0, (_now(now) - started).total_seconds())

    def remaining(self, now: datetime | None = None) -> float:
        """Seconds left in the budget; negative once time is up."""
        return self.budget_seconds - self.elapsed(now)

    def time_up(self, now: datetime | None = None) -> bool:
        return self.remaining(now) <= 0

    def start(self, now: datetime | None = None) -> None:
        self.status = "running"
        if self.started_at is None:
            self.started_at = _timer_iso(_now(now))

    def stop(self, now: datetime | None = None) -> None:
        """Fold the running time into `actual_seconds` (pause)."""
        self.actual_seconds = self.elapsed(now)
        self.started_at = None

    def extend(self, minutes: int = 5) -> None:
        self.extra_minutes += minutes

    @classmethod
    def from_dict(cls, data: Any, where: str = "step") -> AgendaStep:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            kind=r.text("kind"),
            title=r.text("title"),
            planned_minutes=r.integer("planned_minutes", 0),
            status=r.choice("status", STEP_STATUSES, "pending"),
            actual_seconds=r.number("actual_seconds", 0.0),
            extra_minutes=r.integer("extra_minutes", 0),
            started_at=r.opt_moment("started_at"),
            extra=r.extras(),
        )


# --------------------------------------------------------------------------------------------
# Wordings and their versions


@dataclass(kw_only=True)
class Version(Record):
    """One wording of an objective or key result, with the engine's verdict on it."""

    n: int
    text: str
    scores: dict[str, float] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    """Ids of the rules that fired on this wording (`kr-no-target` …)."""
    created: str = field(default_factory=now_iso)
    note: str = ""
    """Why this version exists: "accepted suggestion kr-no-target", "restored v2" …"""

    @classmethod
    def from_dict(cls, data: Any, where: str = "version") -> Version:
        r = _Fields(data, where)
        return cls(
            n=r.integer("n", 0),
            text=r.text("text"),
            scores=r.mapping("scores", _read_score),
            findings=r.texts("findings"),
            created=r.text("created"),
            note=r.text("note"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class Versioned(Record):
    """Shared by objectives and key results: a list of wordings, one of which may be final.

    `current` is the final version when one is marked, else the latest. Adding a version
    (including a restore) clears the final mark: the room is rewording, so it marks again.
    """

    versions: list[Version] = field(default_factory=list)
    final_version: int | None = None

    @property
    def latest(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    @property
    def final(self) -> Version | None:
        """The version marked final; None when none is (or the mark points nowhere)."""
        return next((v for v in self.versions if v.n == self.final_version), None)

    @property
    def current(self) -> Version | None:
        return self.final or self.latest

    @property
    def text(self) -> str:
        current = self.current
        return current.text if current else ""

    def version(self, n: int) -> Version:
        for version in self.versions:
            if version.n == n:
                return version
        raise KeyError(f"no version {n} (versions: {[v.n for v in self.versions]})")

    def add_version(
        self,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
    ) -> Version:
        n = max((v.n for v in self.versions), default=0) + 1
        version = Version(
            n=n, text=text, scores=dict(scores or {}), findings=list(findings), note=note
        )
        self.versions.append(version)
        self.final_version = None
        return version

    def restore(self, n: int, note: str | None = None) -> Version:
        """Make version `n` current again, as a new version (history is never rewritten)."""
        old = self.version(n)
        return self.add_version(old.text, old.scores, old.findings, note or f"restored v{n}")

    def mark_final(self, n: int | None = None) -> Version:
        """Mark version `n` (default: the latest) as the wording the room retains."""
        if n is None:
            if self.latest is None:
                raise KeyError("no version to mark final")
            n = self.latest.n
        version = self.version(n)
        self.final_version = n
        return version

    def unmark_final(self) -> None:
        self.final_version = None

    def resolved(self, n: int) -> list[str]:
        """Rule ids that fired on the version before `n` and no longer fire on `n`."""
        index = self.versions.index(self.version(n))
        if index == 0:
            return []
        now = set(self.versions[index].findings)
        return [f for f in self.versions[index - 1].findings if f not in now]


@dataclass(kw_only=True)
class CheckIn(Record):
    """One point of a monthly review for a key result."""

    date: str = ""
    current: str = ""
    """The value as the room gave it ("3,1 %"); `progress` is computed from it."""
    progress: float | None = None
    confidence: int | None = None
    comment: str = ""
    blockers: list[str] = field(default_factory=list)
    session_id: str | None = None
    """The review session that recorded it (a second check-in there replaces the first)."""

    @classmethod
    def from_dict(cls, data: Any, where: str = "checkin") -> CheckIn:
        r = _Fields(data, where)
        return cls(
            date=r.text("date"),
            current=r.text("current"),
            progress=r.opt_number("progress"),
            confidence=r.opt_integer("confidence"),
            comment=r.text("comment"),
            blockers=r.texts("blockers"),
            session_id=r.opt_text("session_id"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class KeyResult(Versioned):
    id: str = field(default_factory=new_id)
    owner: str = ""
    """A participant id, or a name typed by the room."""
    baseline: str = ""
    target: str = ""
    unit: str = ""
    deadline: str = ""
    committed: bool = True
    """Committed KRs are expected at 1.0; aspirational ones (False) around 0.7."""
    checkins: list[CheckIn] = field(default_factory=list)
    grade: float | None = None

    @property
    def last_checkin(self) -> CheckIn | None:
        return self.checkins[-1] if self.checkins else None

    @property
    def expected_grade(self) -> float:
        return 1.0 if self.committed else 0.7

    def progress_for(self, current: Any, lang: str = "fr") -> float | None:
        return progress(self.baseline, self.target, current, lang=lang)

    def add_checkin(
        self,
        current: str,
        confidence: int | None = None,
        comment: str = "",
        blockers: Iterable[str] = (),
        date: str = "",
        lang: str = "fr",
        session_id: str | None = None,
    ) -> CheckIn:
        """Record a review point; a confidence lower than the last one needs a comment."""
        if confidence is not None and not 0 <= confidence <= 10:
            raise ValueError(f"confidence must be between 0 and 10, not {confidence}")
        last = next(
            (c.confidence for c in reversed(self.checkins) if c.confidence is not None), None
        )
        if (
            confidence is not None
            and last is not None
            and confidence < last
            and not comment.strip()
        ):
            raise ConfidenceCommentRequired(
                f"confidence drops from {last} to {confidence}: say why in a comment"
            )
        checkin = CheckIn(
            date=date or now_iso()[:10],
            current=current,
            progress=self.progress_for(current, lang),
            confidence=confidence,
            comment=comment,
            blockers=[b for b in blockers if b.strip()],
            session_id=session_id,
        )
        self.checkins.append(checkin)
        return checkin

    def set_grade(self, grade: float | None) -> None:
        if grade is not None and not (math.isfinite(grade) and 0.0 <= grade <= 1.0):
            raise ValueError(f"a grade is between 0.0 and 1.0, not {grade}")
        self.grade = grade

    @classmethod
    def from_dict(cls, data: Any, where: str = "key_result") -> KeyResult:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            owner=r.text("owner"),
            versions=r.items("versions", Version.from_dict),
            final_version=r.opt_integer("final_version"),
            baseline=r.text("baseline"),
            target=r.text("target"),
            unit=r.text("unit"),
            deadline=r.text("deadline"),
            committed=r.flag("committed", True),
            checkins=r.items("checkins", CheckIn.from_dict),
            grade=r.opt_number("grade"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class Objective(Versioned):
    id: str = field(default_factory=new_id)
    owner: str = ""
    parent_id: str | None = None
    independent: bool = False
    """Deliberately not aligned with a parent objective (not an orphan)."""
    status: str = "draft"
    """draft → retained or dropped (`facilitator.room.objectives` moves it, with who and when).
    A merged objective is a dropped one with `merged_into` set: a release that knows only the
    three statuses still reads the file."""
    decided_by: str = ""
    """Who retained, dropped or merged it: a participant id, or a name typed by the room."""
    decided_at: str | None = None
    """When that was decided (ISO 8601, UTC); None while a draft, or in files from before."""
    merged_into: str | None = None
    """The id of the objective this one was merged into (its status is then "dropped")."""
    key_results: list[KeyResult] = field(default_factory=list)

    @property
    def merged(self) -> bool:
        return self.status == "dropped" and self.merged_into is not None

    @property
    def orphan(self) -> bool:
        return self.parent_id is None and not self.independent

    def key_result(self, kr_id: str) -> KeyResult:
        return _find(self.key_results, kr_id, "key result")

    def add_key_result(
        self,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        **attrs: Any,
    ) -> KeyResult:
        """A new key result whose version 1 is `text`; `attrs` sets owner, target …"""
        kr = KeyResult(**attrs)
        kr.add_version(text, scores, findings, note)
        self.key_results.append(kr)
        return kr

    def grade_average(self) -> float | None:
        grades = [kr.grade for kr in self.key_results if kr.grade is not None]
        return sum(grades) / len(grades) if grades else None

    @classmethod
    def from_dict(cls, data: Any, where: str = "objective") -> Objective:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            owner=r.text("owner"),
            parent_id=r.opt_text("parent_id"),
            independent=r.flag("independent", False),
            status=r.choice("status", OBJECTIVE_STATUSES, "draft"),
            decided_by=r.text("decided_by"),
            decided_at=r.opt_moment("decided_at"),
            merged_into=r.opt_text("merged_into"),
            versions=r.items("versions", Version.from_dict),
            final_version=r.opt_integer("final_version"),
            key_results=r.items("key_results", KeyResult.from_dict),
            extra=r.extras(),
        )


# --------------------------------------------------------------------------------------------
# Room mechanics


@dataclass(kw_only=True)
class Proposal(Record):
    """An idea from the silent brainstorm; merged and dropped ones are kept for the minutes."""

    id: str = field(default_factory=new_id)
    text: str = ""
    author: str | None = None
    """A participant id, or None when the proposal is anonymous."""
    status: str = "open"
    merged_into: str | None = None
    """The id of the proposal this one was merged into."""
    objective_id: str | None = None
    """The objective drafted from this proposal, once the room retains it."""
    distinct: list[str] = field(default_factory=list)
    """Ids of proposals the room judged different from this one (never grouped with it)."""
    created: str = field(default_factory=now_iso)

    @classmethod
    def from_dict(cls, data: Any, where: str = "proposal") -> Proposal:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            text=r.text("text"),
            author=r.opt_text("author"),
            status=r.choice("status", PROPOSAL_STATUSES, "open"),
            merged_into=r.opt_text("merged_into"),
            objective_id=r.opt_text("objective_id"),
            distinct=r.texts("distinct"),
            created=r.text("created"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class VoteSet(Record):
    """The votes on one objective. Hidden until `revealed`, so nobody anchors on the others."""

    priority: dict[str, str] = field(default_factory=dict)
    """participant id → "yes" | "unsure" | "no" ("clearly a priority?")."""
    dots: dict[str, int] = field(default_factory=dict)
    """participant id → number of dots put on this objective."""
    revealed: bool = False

    def set_priority(self, participant_id: str, answer: str) -> None:
        if answer not in PRIORITY_VOTES:
            raise ValueError(f"a priority vote is one of {PRIORITY_VOTES}, not {answer!r}")
        self.priority[participant_id] = answer

    def tally(self) -> dict[str, int]:
        counts = dict.fromkeys(PRIORITY_VOTES, 0)
        for answer in self.priority.values():
            if answer in counts:
                counts[answer] += 1
        return counts

    @property
    def dots_total(self) -> int:
        return sum(self.dots.values())

    @property
    def judged_priority(self) -> bool:
        """Clearly a priority: more than half of those who voted said yes."""
        tally = self.tally()
        voters = sum(tally.values())
        return voters > 0 and tally["yes"] * 2 > voters

    @classmethod
    def from_dict(cls, data: Any, where: str = "votes") -> VoteSet:
        r = _Fields(data, where)
        return cls(
            priority=r.mapping("priority", _read_priority),
            dots=r.mapping("dots", _read_count),
            revealed=r.flag("revealed", False),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class Decision(Record):
    id: str = field(default_factory=new_id)
    text: str = ""
    step_id: str | None = None
    created: str = field(default_factory=now_iso)

    @classmethod
    def from_dict(cls, data: Any, where: str = "decision") -> Decision:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            text=r.text("text"),
            step_id=r.opt_text("step_id"),
            created=r.text("created"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class Action(Record):
    id: str = field(default_factory=new_id)
    text: str = ""
    owner: str = ""
    """A participant id (someone present, says issue 4; the UI enforces it)."""
    due: str = ""
    done: bool = False
    step_id: str | None = None
    created: str = field(default_factory=now_iso)

    @classmethod
    def from_dict(cls, data: Any, where: str = "action") -> Action:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            text=r.text("text"),
            owner=r.text("owner"),
            due=r.text("due"),
            done=r.flag("done", False),
            step_id=r.opt_text("step_id"),
            created=r.text("created"),
            extra=r.extras(),
        )


@dataclass(kw_only=True)
class ParkingItem(Record):
    """A topic set aside; it needs an owner and a next step before the wrap-up closes."""

    id: str = field(default_factory=new_id)
    text: str = ""
    owner: str = ""
    next_step: str = ""
    resolved: bool = False
    step_id: str | None = None
    created: str = field(default_factory=now_iso)

    @property
    def has_follow_up(self) -> bool:
        return bool(self.owner.strip() and self.next_step.strip())

    @classmethod
    def from_dict(cls, data: Any, where: str = "parking") -> ParkingItem:
        r = _Fields(data, where)
        return cls(
            id=r.text("id") or new_id(),
            text=r.text("text"),
            owner=r.text("owner"),
            next_step=r.text("next_step"),
            resolved=r.flag("resolved", False),
            step_id=r.opt_text("step_id"),
            created=r.text("created"),
            extra=r.extras(),
        )


# --------------------------------------------------------------------------------------------
# The session


@dataclass(kw_only=True)
class Session(Record):
    # meta
    id: str = field(default_factory=new_id)
    schema_version: int = SCHEMA_VERSION
    kind: str = "framing"
    template: str = ""
    lang: str = "fr"
    title: str = ""
    organisation: str = ""
    date: str = ""
    place: str = ""
    facilitator: str = ""
    follows: str | None = None
    """Id of the session this one follows (a review follows a framing workshop)."""
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    # people and strategy
    participants: list[Participant] = field(default_factory=list)
    vision: str = ""
    parents: list[ParentObjective] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    """Accepted acronyms and terms → definition; the engine does not flag them."""
    # agenda
    agenda: list[AgendaStep] = field(default_factory=list)
    current_step: int = 0
    timer_paused: bool = False
    # the work
    objectives: list[Objective] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    votes: dict[str, VoteSet] = field(default_factory=dict)
    """objective id → its votes."""
    dots_per_participant: int = 3
    priority_share: float | None = None
    """Share of objectives judged clearly a priority (0..1), kept for the next cycle."""
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    parking: list[ParkingItem] = field(default_factory=list)
    # retrospective
    worked: list[str] = field(default_factory=list)
    to_change: list[str] = field(default_factory=list)

    # -- lookups ------------------------------------------------------------------------------

    def participant(self, participant_id: str) -> Participant:
        return _find(self.participants, participant_id, "participant")

    def present_participants(self) -> list[Participant]:
        return [p for p in self.participants if p.present]

    def objective(self, objective_id: str) -> Objective:
        return _find(self.objectives, objective_id, "objective")

    def parent(self, parent_id: str) -> ParentObjective:
        return _find(self.parents, parent_id, "parent objective")

    def key_results(self) -> Iterator[tuple[Objective, KeyResult]]:
        for objective in self.objectives:
            for kr in objective.key_results:
                yield objective, kr

    def key_result(self, kr_id: str) -> KeyResult:
        for _, kr in self.key_results():
            if kr.id == kr_id:
                return kr
        raise KeyError(f"no key result with id {kr_id!r}")

    def counts(self) -> dict[str, int]:
        return {
            "participants": len(self.participants),
            "present": len(self.present_participants()),
            "objectives": len(self.objectives),
            "key_results": sum(1 for _ in self.key_results()),
            "proposals": len(self.proposals),
            "decisions": len(self.decisions),
            "actions": len(self.actions),
            "parking": len(self.parking),
        }

    # -- adding things ------------------------------------------------------------------------

    def add_participant(
        self, name: str, role: str = "", team: str = "", present: bool = True
    ) -> Participant:
        participant = Participant(name=name, role=role, team=team, present=present)
        self.participants.append(participant)
        return participant

    def add_objective(
        self,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        **attrs: Any,
    ) -> Objective:
        """A new objective whose version 1 is `text`; `attrs` sets owner, parent_id …"""
        objective = Objective(**attrs)
        objective.add_version(text, scores, findings, note)
        self.objectives.append(objective)
        return objective

    def add_proposal(
        self, text: str, author: str | None = None, proposal_id: str | None = None
    ) -> Proposal:
        proposal = Proposal(id=proposal_id or new_id(), text=text, author=author)
        self.proposals.append(proposal)
        return proposal

    def merge_proposals(
        self, ids: Iterable[str], text: str, merged_id: str | None = None
    ) -> Proposal:
        """Merge proposals into a new one worded `text`; the sources stay, marked merged.

        `merged_id` fixes the new proposal's id (a change replayed after a failed save must
        give the same result)."""
        sources = [_find(self.proposals, pid, "proposal") for pid in ids]
        if not sources:
            raise ValueError("nothing to merge")
        authors = {p.author for p in sources}
        merged = self.add_proposal(text, authors.pop() if len(authors) == 1 else None, merged_id)
        for source in sources:
            source.status = "merged"
            source.merged_into = merged.id
        return merged

    def drop_proposal(self, proposal_id: str) -> None:
        _find(self.proposals, proposal_id, "proposal").status = "dropped"

    def add_decision(self, text: str, step_id: str | None = None) -> Decision:
        decision = Decision(text=text, step_id=step_id or self._current_step_id())
        self.decisions.append(decision)
        return decision

    def add_action(self, text: str, owner: str = "", due: str = "") -> Action:
        action = Action(text=text, owner=owner, due=due, step_id=self._current_step_id())
        self.actions.append(action)
        return action

    def park(self, text: str, owner: str = "", next_step: str = "") -> ParkingItem:
        item = ParkingItem(
            text=text, owner=owner, next_step=next_step, step_id=self._current_step_id()
        )
        self.parking.append(item)
        return item

    def open_parking(self) -> list[ParkingItem]:
        """Parking-lot items still lacking a follow-up (the wrap-up cannot close on these)."""
        return [p for p in self.parking if not p.resolved and not p.has_follow_up]

    # -- votes --------------------------------------------------------------------------------

    def votes_for(self, objective_id: str) -> VoteSet:
        """The votes on an objective, created empty on first use."""
        self.objective(objective_id)
        return self.votes.setdefault(objective_id, VoteSet())

    def dots_used(self, participant_id: str) -> int:
        return sum(v.dots.get(participant_id, 0) for v in self.votes.values())

    def set_dots(self, objective_id: str, participant_id: str, count: int) -> None:
        votes = self.votes_for(objective_id)
        others = self.dots_used(participant_id) - votes.dots.get(participant_id, 0)
        if count < 0 or others + count > self.dots_per_participant:
            raise ValueError(
                f"{count} dots would exceed the {self.dots_per_participant} dots per participant"
                f" ({others} already placed)"
            )
        votes.dots[participant_id] = count

    def compute_priority_share(self) -> float | None:
        """Share of voted objectives judged clearly a priority; also stored in the session."""
        voted = [v for oid, v in self.votes.items() if v.priority and self._has_objective(oid)]
        self.priority_share = sum(v.judged_priority for v in voted) / len(voted) if voted else None
        return self.priority_share

    def _has_objective(self, objective_id: str) -> bool:
        return any(o.id == objective_id for o in self.objectives)

    # -- agenda and timer ---------------------------------------------------------------------

    @property
    def step(self) -> AgendaStep | None:
        if 0 <= self.current_step < len(self.agenda):
            return self.agenda[self.current_step]
        return None

    def _current_step_id(self) -> str | None:
        step = self.step
        return step.id if step else None

    def start_timer(self, now: datetime | None = None) -> None:
        if self.step is not None:
            self.step.start(now)
        self.timer_paused = False

    def pause_timer(self, now: datetime | None = None) -> None:
        if self.step is not None:
            self.step.stop(now)
        self.timer_paused = True

    def goto_step(self, index: int, now: datetime | None = None) -> AgendaStep | None:
        """Leave the current step (done if time was spent on it) and start step `index`.

        The new step's timer starts unless the timer is paused.
        """
        if not 0 <= index < len(self.agenda):
            raise IndexError(f"no agenda step {index} (the agenda has {len(self.agenda)})")
        moment = _now(now)
        leaving = self.step
        if leaving is not None and index != self.current_step:
            leaving.stop(moment)
            leaving.status = "done" if leaving.actual_seconds > 0 else "pending"
        self.current_step = index
        step = self.agenda[index]
        if self.timer_paused:
            step.status = "running"
        else:
            step.start(moment)
        return step

    def next_step(self, now: datetime | None = None) -> AgendaStep | None:
        if self.current_step + 1 >= len(self.agenda):
            if self.step is not None:  # finishing the last step
                self.step.stop(now)
                self.step.status = "done"
            return None
        return self.goto_step(self.current_step + 1, now)

    def previous_step(self, now: datetime | None = None) -> AgendaStep | None:
        if self.current_step <= 0:
            return self.step
        return self.goto_step(self.current_step - 1, now)

    # -- serialisation ------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Any, where: str = "") -> Session:
        r = _Fields(data, where)
        session = cls(
            id=r.text("id") or new_id(),
            schema_version=r.integer("schema_version", SCHEMA_VERSION),
            kind=r.choice("kind", KINDS, "framing"),
            template=r.text("template"),
            lang=r.choice("lang", LANGS, "fr"),
            title=r.text("title"),
            organisation=r.text("organisation"),
            date=r.text("date"),
            place=r.text("place"),
            facilitator=r.text("facilitator"),
            follows=r.opt_text("follows"),
            created=r.text("created"),
            updated=r.text("updated"),
            participants=r.items("participants", Participant.from_dict),
            vision=r.text("vision"),
            parents=r.items("parents", ParentObjective.from_dict),
            glossary=r.mapping("glossary", _read_str),
            agenda=r.items("agenda", AgendaStep.from_dict),
            current_step=r.integer("current_step", 0),
            timer_paused=r.flag("timer_paused", False),
            objectives=r.items("objectives", Objective.from_dict),
            proposals=r.items("proposals", Proposal.from_dict),
            votes=r.mapping("votes", VoteSet.from_dict),
            dots_per_participant=r.integer("dots_per_participant", 3),
            priority_share=r.opt_number("priority_share"),
            decisions=r.items("decisions", Decision.from_dict),
            actions=r.items("actions", Action.from_dict),
            parking=r.items("parking", ParkingItem.from_dict),
            worked=r.texts("worked"),
            to_change=r.texts("to_change"),
            extra=r.extras(),
        )
        session._check_unique_ids(f"{where}." if where else "")
        return session

    def _check_unique_ids(self, prefix: str) -> None:
        """Records are found by id and shown in tables keyed by id: two with one id would make
        the app edit the wrong one or fail to draw the table."""

        def located(name: str, items: Iterable[Any]) -> Iterator[tuple[str, str]]:
            return ((f"{name}[{i}]", item.id) for i, item in enumerate(items))

        key_results = (
            (f"objectives[{i}].key_results[{j}]", kr.id)
            for i, objective in enumerate(self.objectives)
            for j, kr in enumerate(objective.key_results)
        )
        for records in (
            located("participants", self.participants),
            located("parents", self.parents),
            located("agenda", self.agenda),
            located("objectives", self.objectives),
            key_results,  # across objectives: `key_result(id)` searches the whole session
            located("proposals", self.proposals),
            located("decisions", self.decisions),
            located("actions", self.actions),
            located("parking", self.parking),
        ):
            seen: dict[str, str] = {}
            for place, record_id in records:
                if record_id in seen:
                    raise SessionFormatError(
                        f"{prefix}{place}.id",
                        f"{shown(record_id)} is already the id of {prefix}{seen[record_id]}",
                    )
                seen[record_id] = place

    def copy(self) -> Session:
        """A deep, independent copy."""
        return Session.from_dict(self.to_dict())


def follow_up(
    previous: Session,
    *,
    kind: str,
    template: str = "",
    title: str = "",
    date: str = "",
) -> Session:
    """A new session (review, retrospective …) that carries over `previous`'s work.

    Participants, vision, parents, glossary and the objectives the room retained come across
    with their ids (so a key result can be followed from one review to the next) and their check-in
    history (so a confidence drop is detected across months). An objective keeps only its
    current wording, as version 1, noted as carried over; drafts and dropped or merged
    objectives stay behind (`carried_over` says which, and none when nothing was retained).
    Agenda, votes, proposals, decisions,
    actions and the parking lot start empty; the workshops module fills the agenda.
    """
    source = previous.copy()
    note = f"carried over from session {previous.id}"
    objectives: list[Objective] = []
    for old in carried_over(source):
        objective = Objective(
            id=old.id,
            owner=old.owner,
            parent_id=old.parent_id,
            independent=old.independent,
            status=old.status,
            decided_by=old.decided_by,
            decided_at=old.decided_at,
            extra=old.extra,
        )
        _carry_version(old, objective, note)
        for old_kr in old.key_results:
            kr = KeyResult(
                id=old_kr.id,
                owner=old_kr.owner,
                baseline=old_kr.baseline,
                target=old_kr.target,
                unit=old_kr.unit,
                deadline=old_kr.deadline,
                committed=old_kr.committed,
                checkins=old_kr.checkins,
                grade=old_kr.grade,
                extra=old_kr.extra,
            )
            _carry_version(old_kr, kr, note)
            objective.key_results.append(kr)
        objectives.append(objective)
    return Session(
        kind=kind,
        template=template,
        lang=source.lang,
        title=title or source.title,
        organisation=source.organisation,
        date=date,
        place=source.place,
        facilitator=source.facilitator,
        follows=previous.id,
        participants=source.participants,
        vision=source.vision,
        parents=source.parents,
        glossary=source.glossary,
        objectives=objectives,
        dots_per_participant=source.dots_per_participant,
    )


def carried_over(previous: Session) -> list[Objective]:
    """The objectives a follow-up of `previous` carries: those the room retained, in order."""
    return [o for o in previous.objectives if o.status == "retained"]


def _carry_version(old: Versioned, new: Versioned, note: str) -> None:
    current = old.current
    if current is not None:
        new.add_version(current.text, current.scores, current.findings, note)
        if old.final_version is not None:
            new.mark_final(1)
