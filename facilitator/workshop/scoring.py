"""Every version gets the engine's scores: those saved without them are scored afterwards.

A version is saved unscored when the engine was not ready yet (typed while it was starting),
when it came from an import, or when it was accepted from a proposal; the minutes would print
"non évalué" for it. A front end calls `score_unscored(engine)` in a worker once the engine is
ready (and before the minutes are written): each such version is assessed, and its scores and
rules are saved through the store, only if the version still has that wording and no scores
(a version scored meanwhile, or a session changed by another front end, is left as it is).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from facilitator.session import Session, Versioned
from facilitator.workshop import checks
from facilitator.workshop.assessments import rule_ids, scores_of
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import UnknownItem


class Assessor(Protocol):
    """What scoring needs of the engine (`facilitator.engine.Engine` or a test double)."""

    def assess(
        self, text: str, kind: str = ..., lang: str | None = ..., glossary: Iterable[str] = ...
    ) -> Any: ...


@dataclass(frozen=True)
class Unscored:
    """A version saved without the engine's scores."""

    objective_id: str
    kr_id: str | None
    n: int
    text: str

    @property
    def kind(self) -> str:
        return "objective" if self.kr_id is None else "key_result"


def unscored(session: Session) -> list[Unscored]:
    """The versions of the session's objectives and key results that have no scores."""
    found: list[Unscored] = []
    for objective in session.objectives:
        items: list[tuple[str | None, Versioned]] = [(None, objective)]
        items += [(kr.id, kr) for kr in objective.key_results]
        for kr_id, item in items:
            found += [
                Unscored(objective.id, kr_id, v.n, v.text)
                for v in item.versions
                if not v.scores and v.text.strip()
            ]
    return found


class ScoringOperations(SessionChanges):
    def set_version_scores(
        self,
        objective_id: str,
        kr_id: str | None,
        n: int,
        text: str,
        scores: Mapping[str, float],
        findings: Iterable[str] = (),
    ) -> bool:
        """Store the engine's verdict on version `n`, worded `text`; False (nothing stored)
        when that version is gone, was reworded or was scored meanwhile."""
        values, rules = dict(scores), list(findings)

        def store(s: Session) -> bool:
            try:
                version = checks.item(s, objective_id, kr_id).version(n)
            except (UnknownItem, KeyError):
                return False
            if version.text != text or version.scores:
                return False
            version.scores, version.findings = values, rules
            return True

        return self._change(store)

    def store_scores(self, scored: Iterable[Scored]) -> int:
        """Store what `assess_unscored` found; returns how many versions took their scores."""
        return sum(
            self.set_version_scores(
                s.version.objective_id, s.version.kr_id, s.version.n, s.version.text,
                s.scores, s.findings,
            )
            for s in scored
        )  # fmt: skip

    def score_unscored(self, engine: Assessor) -> int:
        """Assess every unscored version and store the scores (slow: from a worker thread);
        returns how many versions were scored."""
        return self.store_scores(assess_unscored(self.session, engine))


@dataclass(frozen=True)
class Scored:
    """The engine's verdict on an unscored version, to be stored with `store_scores`."""

    version: Unscored
    scores: dict[str, float]
    findings: list[str]


def assess_unscored(session: Session, engine: Assessor) -> list[Scored]:
    """Assess the unscored versions of `session` (slow; reads only, so a front end runs it in a
    worker and stores the result from its own thread)."""
    glossary = list(session.glossary)
    out: list[Scored] = []
    for item in unscored(session):
        assessment = engine.assess(item.text, kind=item.kind, lang=None, glossary=glossary)
        out.append(Scored(item, scores_of(assessment), rule_ids(assessment.findings)))
    return out
