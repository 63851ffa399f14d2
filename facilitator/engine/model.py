"""What the engine returns: findings, scores and the assessment (plain data, JSON-ready)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class Finding:
    rule: str
    dimension: str
    level: str
    start: int  # character span in the original text
    end: int
    text: str  # the matched text, as typed
    message: str
    rationale: str
    source: str
    action: str  # replace | remove | rewrite | ask
    suggestions: list[str] = field(default_factory=list)
    weight: float = 0.0
    # Internal: the span in the normalised text, and the rewrite edit when the rule is safe.
    norm_start: int = 0
    norm_end: int = 0
    safe_edit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "dimension": self.dimension,
            "level": self.level,
            "span": [self.start, self.end],
            "text": self.text,
            "message": self.message,
            "rationale": self.rationale,
            "source": self.source,
            "action": self.action,
            "suggestions": list(self.suggestions),
        }


@dataclass(slots=True)
class Scores:
    clarity: int = 100
    ambition: int = 100
    measurability: int = 100
    overall: int = 100
    # For each dimension, the rules that lowered it and by how many points.
    explain: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "clarity": self.clarity,
            "ambition": self.ambition,
            "measurability": self.measurability,
            "overall": self.overall,
            "explain": {k: [list(x) for x in v] for k, v in self.explain.items()},
        }


@dataclass(slots=True)
class Flags:
    measurable: bool = False
    output: bool = False
    low_ambition: bool = False
    jargon: list[str] = field(default_factory=list)
    too_long: bool = False
    has_baseline: bool = False
    has_deadline: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Rewrite:
    text: str
    scores: Scores
    resolved: list[str]  # rule ids whose findings the rewrite removes
    # Questions for the room before accepting: words the rewrite removed changed the
    # commitment ("Essayer de", "if required"), so the room decides, not the coach.
    questions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "scores": self.scores.to_dict(),
            "resolved": self.resolved,
            "questions": self.questions,
        }


@dataclass(slots=True)
class Proposal:
    """A key result proposed for an objective, its figures and date left for the room to fill
    in (X, Y, N, "[date]"): never a number the objective did not give."""

    text: str
    kind: str  # outcome | leading | counter (a counter-measure watched with the outcome)
    why: str  # what this kind of key result is for, and why this one
    source: str  # where the measure comes from
    measure: str = ""  # its id: "quality/deviation-closure-time", "own-words/metric"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "why": self.why,
            "source": self.source,
            "measure": self.measure,
        }


class LazyList(Sequence[T]):
    """Proposals or alternatives worked out when first read: a batch scored for its verdicts
    does not pay for proposals nobody reads (they cost as much as all the rules)."""

    def __init__(self, make: Callable[[], list[T]]) -> None:
        self._make: Callable[[], list[T]] | None = make
        self._items: list[T] = []

    def _list(self) -> list[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[T]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._list())


@dataclass(slots=True)
class Alternative:
    """Another wording of the draft that fixes its main problem, scored like the draft. Figures
    and dates it cannot know stay placeholders (X, Y, "[date]")."""

    text: str
    scores: Scores
    strategy: str  # the id of its strategy in rules/rewrites.toml
    changed: str  # what it changed, for the room
    why: str  # why, with its source
    questions: list[str] = field(default_factory=list)  # to settle before accepting it
    # A split ("split" strategy): the drafts that replace this one, each scored; `text` joins
    # them with " / " and `scores` is their mean. Empty for a single wording.
    parts: list[tuple[str, Scores]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "scores": self.scores.to_dict(),
            "strategy": self.strategy,
            "changed": self.changed,
            "why": self.why,
            "questions": self.questions,
            "parts": [{"text": text, "scores": sc.to_dict()} for text, sc in self.parts],
        }


@dataclass(slots=True)
class Assessment:
    text: str  # the original text
    normalized: str
    lang: str
    kind: str  # objective | key_result
    tier: str  # lexical | full | reduced
    scores: Scores
    flags: Flags
    parts: Mapping[str, str | None]  # metric, baseline, target, unit, direction, deadline
    findings: list[Finding]
    rewrite: Rewrite | None = None
    notices: list[str] = field(default_factory=list)  # e.g. "text truncated", "reduced mode"
    # For an objective (full pass): the key result proposed when the measures library proposes
    # none (see `key_result_hint`).
    fallback_hint: str | None = None
    # For an objective (full pass): two to four key results to choose from, an outcome first
    # (its text is `key_result_hint`), a leading indicator and a counter-measure.
    key_result_proposals: Sequence[Proposal] = ()
    # Full pass: up to three wordings that fix the draft's main problem, each scored, best
    # first (the safe-edit `rewrite` among them).
    alternatives: Sequence[Alternative] = ()

    @property
    def key_result_hint(self) -> str | None:
        """For an objective (full pass): a key result that would measure it, to fill in."""
        proposals = self.key_result_proposals
        return proposals[0].text if proposals else self.fallback_hint

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "kind": self.kind,
            "tier": self.tier,
            "text": self.text,
            "normalized": self.normalized,
            "scores": self.scores.to_dict(),
            "flags": self.flags.to_dict(),
            "parts": dict(self.parts),
            "findings": [f.to_dict() for f in self.findings],
            "rewrite": self.rewrite.to_dict() if self.rewrite else None,
            "key_result_hint": self.key_result_hint,
            "key_result_proposals": [p.to_dict() for p in self.key_result_proposals],
            "alternatives": [a.to_dict() for a in self.alternatives],
            "notices": list(self.notices),
        }
