"""Snapshots of the main screens (deterministic: fixed clock, ids, timestamps and engine).

Update after an intended change: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.session import ParentObjective, Participant, Session
from facilitator.store import SessionStore
from facilitator.tui.app import FacilitatorApp
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, T0, Clock, settle, type_text
from tests.tui.fake_engine import FakeEngine

STAMP = "2026-03-19T08:00:00+00:00"


@pytest.fixture
def snapshot_store(tmp_path, monkeypatch) -> SessionStore:
    monkeypatch.chdir(tmp_path)  # the home screen shows the folder: keep it the same
    return SessionStore("sessions")


def _workshop() -> Session:
    session = session_from_template(load_template("codir-framing"), "fr", session_id="snap")
    session.title = "Cadrage OKR 2026 — CODIR"
    session.organisation = "Laboratoires Exemple"
    session.date = "2026-03-19"
    session.place = "Lyon"
    session.facilitator = "Camille Laurent"
    session.created = session.updated = STAMP
    session.participants = [
        Participant(id="p1", name="Hélène Vasseur", role="Directrice générale", team="Direction"),
        Participant(id="p2", name="Marc Lefort", role="DAF", team="Finance"),
        Participant(id="p3", name="Paolo Ferraro", role="DG Suisse", team="Suisse", present=False),
    ]
    session.vision = "Devenir le laboratoire de dermatologie de référence en Europe francophone."
    session.parents = [ParentObjective(id="g1", text="Garantir une qualité irréprochable")]
    session.glossary = {"CODIR": "comité de direction", "BPF": "bonnes pratiques de fabrication"}
    objective = session.add_objective(
        "Améliorer la qualité",
        {"clarity": 82.0, "ambition": 100.0, "measurability": 100.0, "overall": 94.0},
        ["vague-verb"],
        "enregistrée",
        id="o1",
    )
    objective.add_version(
        "Réduire les déviations qualité",
        {"clarity": 100.0, "ambition": 100.0, "measurability": 100.0, "overall": 100.0},
        [],
        "suggestion acceptée",
    )
    objective.add_key_result(
        "Faire passer le délai de clôture des déviations de 45 à 20 jours d'ici juin 2026",
        {"clarity": 100.0, "ambition": 100.0, "measurability": 100.0, "overall": 100.0},
        id="k1",
        baseline="45 jours",
        target="20 jours",
        unit="jours",
        deadline="juin 2026",
        owner="p1",
    )
    for version in (*objective.versions, *objective.key_results[0].versions):
        version.created = STAMP
    session.current_step = 3
    for step in session.agenda[:3]:
        step.status, step.actual_seconds = "done", step.planned_minutes * 60 + 90
    session.agenda[3].status = "running"
    session.agenda[3].started_at = (T0 - timedelta(minutes=12)).isoformat(timespec="milliseconds")
    return session


def _app(store: SessionStore, session_id: str | None = None) -> FacilitatorApp:
    return FacilitatorApp(
        store, engine=FakeEngine(ready=True), lang="fr", clock=Clock(), session_id=session_id
    )


def test_home(snap_compare, snapshot_store):
    snapshot_store.create(_workshop())
    other = Session(
        id="rev",
        title="Revue mensuelle — avril",
        kind="review",
        lang="fr",
        date="2026-04-07",
        organisation="Laboratoires Exemple",
        created="2026-03-20T08:00:00+00:00",
        updated="2026-03-20T08:00:00+00:00",
    )
    snapshot_store.create(other)  # fmt: skip

    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(_app(snapshot_store), terminal_size=SIZE, run_before=run_before)


def test_setup(snap_compare, snapshot_store):
    snapshot_store.create(_workshop())

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.goto("setup")
        await settle(pilot)

    assert snap_compare(_app(snapshot_store, "snap"), terminal_size=SIZE, run_before=run_before)


def test_agenda(snap_compare, snapshot_store):
    snapshot_store.create(_workshop())

    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(_app(snapshot_store, "snap"), terminal_size=SIZE, run_before=run_before)


def test_workbench_with_findings_and_a_rewrite(snap_compare, snapshot_store):
    snapshot_store.create(_workshop())

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.goto("workbench")
        await settle(pilot)
        screen = pilot.app.screen
        screen.editor.cursor_blink = False
        await pilot.press("ctrl+n")
        await type_text(pilot, "Essayer de renforcer la satisfaction des patients")
        await settle(pilot, 0.35)

    assert snap_compare(_app(snapshot_store, "snap"), terminal_size=SIZE, run_before=run_before)


def test_workbench_key_result(snap_compare, snapshot_store):
    snapshot_store.create(_workshop())

    async def run_before(pilot):
        await settle(pilot)
        pilot.app.goto("workbench")
        await settle(pilot)
        screen = pilot.app.screen
        screen.editor.cursor_blink = False
        tree = screen.query_one("#items")
        tree.focus()
        await pilot.press("down", "enter")
        await settle(pilot, 0.35)

    assert snap_compare(_app(snapshot_store, "snap"), terminal_size=SIZE, run_before=run_before)
