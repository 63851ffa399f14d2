"""The bundled demo: a pharmaceutical company's CODIR framing workshop, in French, mid-way.

`demo_session()` returns a `Session` as the consultant's tool would hold it at 10:50 on the day
of the workshop: Laboratoires Altavia (a fictional laboratory: dermatology, three countries —
France, Belgium, Switzerland —, about 500 people) frames its first three-month OKR cycle
(April–June 2026). The agenda comes from the `codir-framing` template; seven steps are done
with their actual times, the current step (alignment with the strategy) is under way, timer
paused. It holds ten participants (one absent), the vision and four strategic objectives, a
glossary, six objectives whose wordings went through one to three versions (v1 weak → final),
key results with baseline, target, deadline and owner, the brainstorm's proposals (some merged,
two dropped), priority votes and dots, decisions, actions, the parking lot, one objective not
yet aligned with the strategy (the one the room is discussing) and one dropped objective.

The session is data: `workshops/demo/demo-fr.json`, a JSON export (`facilitator export --format
json`) read by the importer (`facilitator.envelope`), so it is edited like any export and can be
imported as is.

Scores
------
The scores and findings of every version are **stored in the file**, so loading the demo is
instant (no spaCy). They are what the real engine says about each wording, so the wording
history matches what the workbench shows when a wording is typed again; a test fails when the
rules change them. `python -m facilitator.demo` lists the versions whose stored verdict differs
from today's engine, to update in the file. `demo_session(engine)` scores every version with
`engine` instead (a few seconds: the French pipeline loads once); everything else is identical.

The ids are stable ("demo-altavia-codir", "obj-qualite", "kr-qualite-1" …) so the TUI and the
tests can point at things; copy the session (`Session.copy()` and a new id) to keep several.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

from facilitator.envelope import import_session
from facilitator.paths import data_dir
from facilitator.session import KeyResult, Objective, Session, Versioned

DEMO_ID = "demo-altavia-codir"


class _Assessor(Protocol):
    def assess_many(self, items: Any, batch_size: int = ...) -> list[Any]: ...


def demo_file() -> Path:
    """The demo session's JSON export, shipped with the workshop templates."""
    return data_dir("workshops") / "demo" / "demo-fr.json"


def demo_session(engine: _Assessor | None = None) -> Session:
    """The demo session; with `engine`, every version is scored by it (see the module doc)."""
    path = demo_file()
    session = import_session(json.loads(path.read_bytes()), path=path)
    if engine is not None:
        _score_with(engine, session)
    return session


def _score_with(engine: _Assessor, session: Session) -> None:
    """Replace the stored scores and findings of every version with the engine's."""
    items: list[tuple[Versioned, str]] = []
    for objective in session.objectives:
        items.append((objective, "objective"))
        items.extend((kr, "key_result") for kr in objective.key_results)
    versions = [(version, kind) for item, kind in items for version in item.versions]
    glossary = list(session.glossary)
    results = engine.assess_many(
        [
            {"text": v.text, "kind": kind, "lang": session.lang, "glossary": glossary}
            for v, kind in versions
        ]
    )
    for (version, _), assessment in zip(versions, results, strict=True):
        s = assessment.scores
        version.scores = {
            "clarity": s.clarity,
            "ambition": s.ambition,
            "measurability": s.measurability,
            "overall": s.overall,
        }
        version.findings = list(dict.fromkeys(f.rule for f in assessment.findings))


def _drift() -> None:  # pragma: no cover - a maintenance command
    """Print the versions whose stored scores or findings differ from today's engine."""
    from facilitator.engine import Engine

    stored, scored = demo_session(), demo_session(Engine())
    changed = 0
    for old_objective, new_objective in zip(stored.objectives, scored.objectives, strict=True):
        old_items: list[Objective | KeyResult] = [old_objective, *old_objective.key_results]
        new_items: list[Objective | KeyResult] = [new_objective, *new_objective.key_results]
        for old_item, new_item in zip(old_items, new_items, strict=True):
            for old, new in zip(old_item.versions, new_item.versions, strict=True):
                if (old.scores, old.findings) != (new.scores, new.findings):
                    changed += 1
                    print(f"{old_item.id} v{old.n}: {old.text}")
                    print(f"  stored {old.scores} {old.findings}")
                    print(f"  engine {new.scores} {new.findings}")
    print(f"{changed} version(s) differ from the engine ({demo_file()})")


if __name__ == "__main__":  # pragma: no cover
    _drift()
