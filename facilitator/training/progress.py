"""A trainee's progress, as plain data: per exercise, every attempt (text, time, criteria met,
scores, rules fired), the hints used, whether the model answer was revealed, and done.

The store (`facilitator.training.store`) saves it; the trainer's view and the Word report read
it (`summary`). Every change takes its time as an argument, so a change can be replayed on a
fresh copy under the store's lock and give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SCHEMA_VERSION = 1


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def clean_name(name: str) -> str:
    """A trainee or group name as stored: one line, single spaces, no control characters."""
    text = "".join(c if c.isprintable() else " " for c in str(name))
    return " ".join(text.split())[:80]


def same_name(a: str, b: str) -> bool:
    return clean_name(a).casefold() == clean_name(b).casefold()


class ProgressFormatError(ValueError):
    """Progress data that does not have the expected shape; `field` says where."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _types(kind)):
        raise ProgressFormatError(f"{where}{key}", f"expected {_names(kind)}, got {value!r}")
    return value


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _names(kind: type | tuple[type, ...]) -> str:
    return " or ".join(t.__name__ for t in _types(kind))


@dataclass
class Attempt:
    """One answer submitted (a rewrite, or a choice)."""

    time: str
    text: str = ""
    passed: bool = False
    met: list[bool] = field(default_factory=list)
    """Per criterion of the exercise, in order (empty for a choice)."""
    scores: dict[str, float] = field(default_factory=dict)
    """The engine's scores (the mean over the items for a multi-item answer)."""
    rules: list[str] = field(default_factory=list)
    """The rules that fired on the answer, once each."""
    tier: str = ""  # full | lexical | reduced: which pass graded it
    choice: int | None = None  # the choice picked (0-based), for a choice exercise

    def to_dict(self) -> dict[str, Any]:
        return {
            "time": self.time,
            "text": self.text,
            "passed": self.passed,
            "met": list(self.met),
            "scores": dict(self.scores),
            "rules": list(self.rules),
            "tier": self.tier,
            "choice": self.choice,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "") -> Attempt:
        if not isinstance(data, dict):
            raise ProgressFormatError(where or "attempt", "expected an object")
        met = _get(data, "met", list, where)
        rules = _get(data, "rules", list, where)
        scores = _get(data, "scores", dict, where)
        choice = data.get("choice")
        if choice is not None and (not isinstance(choice, int) or isinstance(choice, bool)):
            raise ProgressFormatError(f"{where}choice", f"expected a number, got {choice!r}")
        return cls(
            time=_get(data, "time", str, where),
            text=_get(data, "text", str, where),
            passed=_get(data, "passed", bool, where),
            met=[bool(x) for x in met],
            scores={str(k): float(v) for k, v in scores.items() if isinstance(v, int | float)},
            rules=[str(r) for r in rules],
            tier=str(data.get("tier", "")),
            choice=choice,
        )


@dataclass
class ExerciseProgress:
    pack: str
    exercise: str
    started: str
    title: str = ""
    skill: str = ""
    """Snapshots of the exercise's title and skill, so a report reads well even if the pack
    changed since."""
    attempts: list[Attempt] = field(default_factory=list)
    hints_used: int = 0
    revealed: bool = False
    revealed_at: str = ""
    done: bool = False
    done_at: str = ""

    @property
    def key(self) -> str:
        return f"{self.pack}/{self.exercise}"

    @property
    def attempts_to_pass(self) -> int | None:
        """How many attempts it took (None while not passed)."""
        for n, attempt in enumerate(self.attempts, 1):
            if attempt.passed:
                return n
        return None

    @property
    def passed_after_reveal(self) -> bool:
        """Passed only once the model answer had been shown: not the trainee's own success."""
        return (
            self.done and self.revealed and (not self.done_at or self.revealed_at <= self.done_at)
        )

    @property
    def passed_alone(self) -> bool:
        """Passed before the model answer was shown."""
        return self.done and not self.passed_after_reveal

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "exercise": self.exercise,
            "title": self.title,
            "skill": self.skill,
            "started": self.started,
            "attempts": [a.to_dict() for a in self.attempts],
            "hints_used": self.hints_used,
            "revealed": self.revealed,
            "revealed_at": self.revealed_at,
            "done": self.done,
            "done_at": self.done_at,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "") -> ExerciseProgress:
        if not isinstance(data, dict):
            raise ProgressFormatError(where or "exercise", "expected an object")
        attempts = _get(data, "attempts", list, where)
        hints = _get(data, "hints_used", int, where)
        return cls(
            pack=_get(data, "pack", str, where),
            exercise=_get(data, "exercise", str, where),
            started=_get(data, "started", str, where),
            title=str(data.get("title", "")),
            skill=str(data.get("skill", "")),
            attempts=[
                Attempt.from_dict(a, f"{where}attempts[{i}].") for i, a in enumerate(attempts, 1)
            ],
            hints_used=max(0, hints),
            revealed=_get(data, "revealed", bool, where),
            revealed_at=str(data.get("revealed_at", "")),
            done=_get(data, "done", bool, where),
            done_at=str(data.get("done_at", "")),
        )


@dataclass
class TraineeProgress:
    """Everything one trainee did, in one group (a course, a cohort)."""

    name: str
    group: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = ""
    exercises: dict[str, ExerciseProgress] = field(default_factory=dict)
    """By "pack/exercise" key, in the order the trainee opened them."""

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)
        self.group = clean_name(self.group)
        self.updated = self.updated or self.created

    # -- reading --------------------------------------------------------------------------------

    def progress(self, pack: str, exercise: str) -> ExerciseProgress | None:
        return self.exercises.get(f"{pack}/{exercise}")

    @property
    def done(self) -> int:
        return sum(1 for e in self.exercises.values() if e.done)

    @property
    def attempts(self) -> int:
        return sum(len(e.attempts) for e in self.exercises.values())

    @property
    def hints(self) -> int:
        return sum(e.hints_used for e in self.exercises.values())

    @property
    def revealed(self) -> int:
        return sum(1 for e in self.exercises.values() if e.revealed)

    # -- changes (deterministic: the time is given) -----------------------------------------------

    def open(
        self, pack: str, exercise: str, when: str, *, title: str = "", skill: str = ""
    ) -> ExerciseProgress:
        """The exercise's progress, started now if this is the first time."""
        key = f"{pack}/{exercise}"
        entry = self.exercises.get(key)
        if entry is None:
            entry = ExerciseProgress(pack, exercise, when, title=title, skill=skill)
            self.exercises[key] = entry
        else:
            entry.title = title or entry.title
            entry.skill = skill or entry.skill
        return entry

    def record(
        self,
        pack: str,
        exercise: str,
        attempt: Attempt,
        *,
        title: str = "",
        skill: str = "",
    ) -> ExerciseProgress:
        entry = self.open(pack, exercise, attempt.time, title=title, skill=skill)
        if any(a.time == attempt.time and a.text == attempt.text for a in entry.attempts):
            return entry  # the same attempt replayed after a failed save
        entry.attempts.append(attempt)
        if attempt.passed and not entry.done:
            entry.done = True
            entry.done_at = attempt.time
        self.updated = attempt.time
        return entry

    def use_hint(self, pack: str, exercise: str, shown: int, when: str) -> ExerciseProgress:
        """`shown` hints are now visible (a replay never counts one twice)."""
        entry = self.open(pack, exercise, when)
        entry.hints_used = max(entry.hints_used, shown)
        self.updated = when
        return entry

    def reveal(self, pack: str, exercise: str, when: str) -> ExerciseProgress:
        entry = self.open(pack, exercise, when)
        if not entry.revealed:
            entry.revealed = True
            entry.revealed_at = when
        self.updated = when
        return entry

    # -- serialising ----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "group": self.group,
            "created": self.created,
            "updated": self.updated,
            "exercises": [e.to_dict() for e in self.exercises.values()],
        }

    @classmethod
    def from_dict(cls, data: Any) -> TraineeProgress:
        if not isinstance(data, dict):
            raise ProgressFormatError("trainee", "expected an object")
        exercises = _get(data, "exercises", list, "")
        trainee = cls(
            name=_get(data, "name", str, ""),
            group=str(data.get("group", "")),
            created=_get(data, "created", str, ""),
            updated=str(data.get("updated", "")),
        )
        if not trainee.name:
            raise ProgressFormatError("name", "empty trainee name")
        for i, raw in enumerate(exercises, 1):
            entry = ExerciseProgress.from_dict(raw, f"exercises[{i}].")
            trainee.exercises[entry.key] = entry
        return trainee
