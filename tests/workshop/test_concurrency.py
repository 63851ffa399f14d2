"""Two threads, then two processes, change the same session at once through the workshop
service: every proposal and every vote is kept (the store's lock serialises the writes and each
write builds on the file as it is)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from facilitator.store import SessionStore
from facilitator.workshop import Workshop

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "workshop_worker.py"
COUNT = 15


def _objective(workshop: Workshop) -> str:
    workshop.store.update("s1", lambda s: setattr(s, "dots_per_participant", 2 * COUNT))
    workshop.reload()
    return workshop.save_objective(None, "Livrer plus vite")


def _ok(store: SessionStore, oid: str) -> None:
    session = store.load("s1")
    texts = sorted(p.text for p in session.proposals)
    assert texts == sorted(f"{who}-{i}" for who in ("ml", "jd") for i in range(COUNT))
    assert session.votes[oid].dots == {"ml": COUNT, "jd": COUNT}


@pytest.mark.parametrize("shared", [True, False], ids=["one workshop", "one each"])
def test_two_threads_lose_nothing(workshop: Workshop, shared: bool) -> None:
    """Both threads call one `Workshop` (as a web server's threads would), or each its own."""
    oid = _objective(workshop)

    def run(voter: str) -> None:
        mine = workshop if shared else Workshop(workshop.store, "s1")
        for i in range(COUNT):
            mine.add_proposal(f"{voter}-{i}", author=voter)
            mine.add_dots(oid, voter, 1)

    threads = [threading.Thread(target=run, args=(voter,)) for voter in ("ml", "jd")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _ok(workshop.store, oid)


def test_two_processes_lose_nothing(workshop: Workshop) -> None:
    oid = _objective(workshop)
    workshop.add_dots(oid, "ml", COUNT)
    workshop.add_dots(oid, "jd", COUNT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                str(workshop.store.data_dir),
                "s1",
                str(COUNT),
                voter,
                voter,
                oid,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for voter in ("ml", "jd")
    ]
    for process in workers:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    _ok(workshop.store, oid)
