"""Wordings and what hangs on them: versions of an objective or key result, check-ins, grades.

An objective or key result keeps every wording the room tried (`Versioned`), with the engine's
verdict on each; a key result also keeps its review points (`CheckIn`) and its grade.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from .codec import MOMENT, Record, one_of
from .progress import progress
from .records import find_by_id
from .stamps import new_id, now_iso

OBJECTIVE_STATUSES = ("draft", "retained", "dropped")
SCORE_KEYS = ("clarity", "ambition", "measurability", "overall")
"""The engine's scores stored with each version, in the order the minutes show them."""


class ConfidenceCommentRequired(ValueError):
    """A check-in lowers the confidence of a key result without saying why."""


@dataclass(kw_only=True)
class Version(Record):
    """One wording of an objective or key result, with the engine's verdict on it."""

    FIELD: ClassVar[str] = "version"

    n: int
    text: str
    scores: dict[str, float] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    """Ids of the rules that fired on this wording (`kr-no-target` …)."""
    created: str = field(default_factory=now_iso)
    note: str = ""
    """Why this version exists: "accepted suggestion kr-no-target", "restored v2" …"""


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

    @classmethod
    def first(
        cls,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        **attrs: Any,
    ) -> Self:
        """A new item whose version 1 is `text`; `attrs` sets its other fields (owner …)."""
        item = cls(**attrs)
        item.add_version(text, scores, findings, note)
        return item

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

    FIELD: ClassVar[str] = "checkin"

    date: str = ""
    current: str = ""
    """The value as the room gave it ("3,1 %"); `progress` is computed from it."""
    progress: float | None = None
    confidence: int | None = None
    comment: str = ""
    blockers: list[str] = field(default_factory=list)
    session_id: str | None = None
    """The review session that recorded it (a second check-in there replaces the first)."""


@dataclass(kw_only=True)
class KeyResult(Versioned):
    FIELD: ClassVar[str] = "key_result"

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


@dataclass(kw_only=True)
class Objective(Versioned):
    FIELD: ClassVar[str] = "objective"

    id: str = field(default_factory=new_id)
    owner: str = ""
    parent_id: str | None = None
    independent: bool = False
    """Deliberately not aligned with a parent objective (not an orphan)."""
    status: str = field(default="draft", metadata=one_of(OBJECTIVE_STATUSES))
    """draft → retained or dropped (`facilitator.room.objectives` moves it, with who and when).
    A merged objective is a dropped one with `merged_into` set: a release that knows only the
    three statuses still reads the file."""
    decided_by: str = ""
    """Who retained, dropped or merged it: a participant id, or a name typed by the room."""
    decided_at: str | None = field(default=None, metadata=MOMENT)
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
        return find_by_id(self.key_results, kr_id, "key result")

    def add_key_result(
        self,
        text: str,
        scores: dict[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        **attrs: Any,
    ) -> KeyResult:
        """A new key result whose version 1 is `text`; `attrs` sets owner, target …"""
        kr = KeyResult.first(text, scores, findings, note, **attrs)
        self.key_results.append(kr)
        return kr

    def grade_average(self) -> float | None:
        grades = [kr.grade for kr in self.key_results if kr.grade is not None]
        return sum(grades) / len(grades) if grades else None
