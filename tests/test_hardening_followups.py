"""Follow-ups of the red-team report (issue 16) outside the app's screens: `facilitator demo`.
Each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import facilitator.tui
from facilitator.cli import main
from facilitator.demo import DEMO_ID
from facilitator.store import SessionStore


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """The app is not started: the calls that would have started it."""
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(facilitator.tui, "run", lambda *args, **kw: calls.append(args))
    return calls


def test_a_reset_replaces_the_demo_without_piling_up_copies(
    launched: list[tuple[object, ...]], tmp_path: Path
) -> None:
    """Each reset left one more copy of the demo in deleted/."""
    store = SessionStore(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--reset", "--data-dir", str(tmp_path)]).exit_code == 0
    for n in range(3):
        store.update(DEMO_ID, lambda s, n=n: setattr(s, "title", f"changé {n}"))
        result = runner.invoke(main, ["demo", "--reset", "--data-dir", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert store.load(DEMO_ID).title == "Atelier de cadrage OKR — CODIR"
    assert not (tmp_path / "deleted").exists()
    names = {p.name for p in tmp_path.iterdir()}
    assert names - {f"{DEMO_ID}.json.lock"} == {f"{DEMO_ID}.json", f"{DEMO_ID}.json.bak"}
    # The demo as the facilitator left it is the one backup: a reset by mistake is undone.
    assert store.restore_backup(DEMO_ID).title == "changé 2"
    assert len(launched) == 4


@pytest.mark.parametrize("reset", [False, True], ids=["open", "reset"])
def test_a_data_folder_name_too_long_is_a_clean_error(
    launched: list[tuple[object, ...]], tmp_path: Path, reset: bool
) -> None:
    """A folder name over 255 characters ended in an OSError traceback."""
    folder = tmp_path / ("d" * 300)
    result = CliRunner().invoke(
        main, ["demo", "--data-dir", str(folder), *(["--reset"] if reset else [])]
    )
    assert isinstance(result.exception, SystemExit), result.exception  # not an OSError
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "File name too long" in result.output
    assert launched == []
