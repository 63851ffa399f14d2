"""Nothing done is lost when the disk refuses: the change stays applied in memory, `NotSaved`
says so with what it created, and the next save writes it first."""

from __future__ import annotations

import pytest

from facilitator.store import StoreError
from facilitator.workshop import InvalidInput, NotSaved, Workshop


def refusing(workshop: Workshop, monkeypatch: pytest.MonkeyPatch) -> None:
    def update(*args, **kwargs):
        raise StoreError("the disk is full")

    monkeypatch.setattr(workshop.store, "update", update)


def test_a_refused_write_is_kept_in_memory_and_replayed_at_the_next_save(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as disk:
        refusing(workshop, disk)
        with pytest.raises(NotSaved) as refused:
            workshop.add_proposal("Livrer plus vite")
    pid = refused.value.result
    assert isinstance(pid, str) and "disk is full" in str(refused.value)
    assert [p.id for p in workshop.session.proposals] == [pid]  # shown all the same
    assert workshop.pending == 1 and not workshop.store.load("s1").proposals

    second = workshop.add_proposal("Former les équipes")
    assert [p.id for p in workshop.store.load("s1").proposals] == [pid, second]
    assert workshop.pending == 0


def test_a_quiet_save_is_skipped_while_a_change_is_pending(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as disk:
        refusing(workshop, disk)
        with pytest.raises(NotSaved):
            workshop.add_decision("On garde trois objectifs")
        assert not workshop.keep_working_draft("objective:new:new", "Livrer")
    assert not workshop.keep_working_draft("objective:new:new", "Livrer")  # still pending
    workshop.add_decision("Et un quatrième")
    assert workshop.keep_working_draft("objective:new:new", "Livrer")
    assert len(workshop.store.load("s1").decisions) == 2


def test_a_refused_input_is_never_kept(workshop: Workshop) -> None:
    with pytest.raises(InvalidInput):
        workshop.add_action("Relancer", "ml", "un jour")
    assert workshop.pending == 0


def test_reload_shows_other_writers_changes_with_the_pending_ones_on_top(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Workshop(workshop.store, "s1")
    with monkeypatch.context() as disk:
        refusing(workshop, disk)
        with pytest.raises(NotSaved):
            workshop.add_proposal("Mine")
    other.add_proposal("Theirs")
    assert [p.text for p in workshop.reload().proposals] == ["Theirs", "Mine"]
