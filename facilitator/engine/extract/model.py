"""What extraction finds: quantities, deadlines, and the Extraction that holds them.

An Extraction's parts and metric are worked out on first use (see `parts`): per keystroke,
most drafts never need them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from facilitator.engine.extract.parts import _metric, _parts

if TYPE_CHECKING:
    from facilitator.engine.extract.parts import Parts


Role = Literal[
    "target", "baseline", "scope", "name", "year", "deadline", "condition", "approx-base"
]


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None  # None for a placeholder ("X %")
    unit: str = ""
    kind: str = "number"  # number|percent|money|duration|score|multiplier|zero|placeholder
    role: Role = "target"
    relative: bool = False  # "augmenter de 20 %", "+15 pts": a change, not a level
    comparator: str = ""  # ">=" for "au moins 20", "<=" for "moins de 5"
    # A range ("entre 200 et 300 visites", "10–15 %") is one quantity: `value` is its low end,
    # `low` and `high` its two ends; both None for a single figure.
    low: float | None = None
    high: float | None = None
    lead: int = -1  # where the words that qualify it start ("entre", "au plus", "sous"), if any
    noun: int = -1  # where a counted noun inside the unit starts ("300 visites par mois")


@dataclass(slots=True)
class Deadline:
    start: int
    end: int
    text: str
    date: str | None  # ISO date when the text pins one down


@dataclass(slots=True)
class Extraction:
    text: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    lang: str = ""
    # Dates that a baseline refers to ("vs Q2 2025", "contre 61 % en 2025"): not deadlines.
    periods: list[Deadline] = field(default_factory=list)
    _parts: Parts | None = None
    _metric: str | None = None
    _metric_known: bool = False
    # Derived once the roles are known (see `settle`): every rule reads them.
    targets: list[Quantity] = field(init=False)
    baselines: list[Quantity] = field(init=False)
    figures: list[Quantity] = field(init=False)  # amounts, not names/scope/years/dates
    measurable: bool = False
    has_baseline: bool = False
    has_deadline: bool = False

    @property
    def metric(self) -> str | None:
        """The measured thing ("taux de réclamation"), worked out once, on first use."""
        if not self._metric_known:
            self._metric, self._metric_known = _metric(self.text, self), True
        return self._metric

    @property
    def parts(self) -> Parts:
        """Metric, baseline, target … — worked out on first use: per keystroke, often never."""
        if self._parts is None:
            self._parts = _parts(self.text, self)
        return self._parts

    def settle(self) -> None:
        self.targets, self.baselines, self.figures = targets, baselines, figures = [], [], []
        condition = False
        for q in self.quantities:
            role = q.role
            if role == "target":
                targets.append(q)
            elif role == "baseline":
                baselines.append(q)
            elif role == "condition":
                condition = True
            else:
                continue
            figures.append(q)
        self.measurable = bool(targets) or condition
        self.has_baseline = bool(baselines)
        self.has_deadline = bool(self.deadlines)
