"""The store against a red team (issue 16): interrupted restores, hostile and odd files, races.

Each test names the item of the report it covers. The kill and race tests start processes
(`store_worker.py`), like the store's own kill tests.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from facilitator.cli import main
from facilitator.session import Session
from facilitator.store import (
    BackupError,
    CorruptSessionError,
    InvalidSessionId,
    SessionStore,
    StoreError,
    UnreadableSessionError,
)
from facilitator.training.store import TrainingStore

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "store_worker.py"
ESC_TITLE = "Cadrage \x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J fin"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", lock_timeout=5)


def cli(store: SessionStore | Path | str, *args: str, input: str | None = None) -> Result:
    data_dir = store.data_dir if isinstance(store, SessionStore) else store
    result = CliRunner().invoke(main, [*args, "--data-dir", str(data_dir)], input=input)
    # a failure is a message and an exit status, never an exception escaping the command
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def worker(store: SessionStore, *args: str, slow: float = 0) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(WORKER.parent)]),
        "STORE_WORKER_SLOW": str(slow),
    }
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(store.data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def tables(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def export_file(tmp_path: Path, name: str = "export.json", **changes: Any) -> Path:
    """A JSON export of a small session, with `changes` applied to the session object."""
    data = SessionStore(tmp_path / "source").export_dict(
        SessionStore(tmp_path / "source").create(Session(title="Cadrage")).id
    )
    data["session"].update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def set_session_fields(path: Path, **changes: Any) -> None:
    data = tables(path)
    data["session"]["1"].update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


# -- 1. an interrupted restore never loses a state --------------------------------------------


def names_in(path: Path) -> tuple[str, ...]:
    return tuple(p["name"] for p in tables(path)["session"]["1"]["participants"])


def two_states(store: SessionStore) -> tuple[str, set[tuple[str, ...]]]:
    """A session whose file and backup hold two different states."""
    session = store.create(Session(title="Cadrage"))
    store.update(session.id, lambda s: s.add_participant("Anne"))
    return session.id, {(), ("Anne",)}


def states_on_disk(store: SessionStore, session_id: str) -> set[tuple[str, ...]]:
    """The states held by the session's named files (temp files do not count: they go)."""
    path = store.path(session_id)
    named = [p for p in path.parent.glob(f"{path.name}*") if not p.name.endswith(".lock")]
    return {names_in(p) for p in named}


def assert_both_states_after_recovery(
    store: SessionStore, session_id: str, states: set[tuple[str, ...]]
) -> None:
    store.load(session_id)  # the next reader finishes or undoes the interrupted swap
    path, backup = store.path(session_id), store.backup_path(session_id)
    assert {names_in(path), names_in(backup)} == states
    assert sorted(p.name for p in path.parent.glob(f"{path.name}*")) == sorted(
        [path.name, backup.name, f"{path.name}.lock"]
    )


@pytest.mark.slow
def test_restore_killed_at_random_moments_keeps_both_states(store: SessionStore) -> None:
    """Item 1: SIGKILL at random moments of repeated restores, at least 30 times."""
    rng = random.Random(16)
    session_id, states = two_states(store)
    kills, mid_swap, deadline = 0, 0, time.monotonic() + 120
    while kills < 30 and time.monotonic() < deadline:
        w = worker(store, session_id, "restore", "0", "-", slow=0.005)
        assert w.stdout is not None
        first = w.stdout.readline()
        assert first.startswith("ack"), w.stderr.read() if w.stderr else ""
        time.sleep(rng.uniform(0.0, 0.03))
        w.send_signal(signal.SIGKILL)
        w.communicate(timeout=30)
        kills += 1
        path = store.path(session_id)
        mid_swap += any(path.parent.glob(f"{path.name}.swap*")) or any(
            path.parent.glob(f".{path.name}*.tmp")
        )
        assert states_on_disk(store, session_id) == states, f"a state was lost at kill {kills}"
    assert kills >= 30, "too slow: fewer than 30 kills in the time allowed"
    assert mid_swap >= 3, "too few kills landed inside a restore: the test proved nothing"
    assert_both_states_after_recovery(store, session_id, states)


@pytest.mark.slow
@pytest.mark.parametrize("signame", ["KILL", "INT"])
@pytest.mark.parametrize("hook", ["snapshot:1", "fsync_dir:1", "fsync_dir:2"])
def test_restore_interrupted_between_steps_keeps_both_states(
    store: SessionStore, hook: str, signame: str
) -> None:
    """Item 1: a SIGKILL or a Ctrl-C (SIGINT) between two steps of a restore."""
    session_id, states = two_states(store)
    w = worker(store, session_id, "restore-crash", f"{hook}:{signame}", "-")
    _out, err = w.communicate(timeout=30)
    assert w.returncode != 0, err
    assert states_on_disk(store, session_id) == states
    assert_both_states_after_recovery(store, session_id, states)
    # and restore still swaps the two states
    before = names_in(store.path(session_id))
    store.restore_backup(session_id)
    assert names_in(store.backup_path(session_id)) == before


def test_restore_swaps_and_leaves_no_swap_file(store: SessionStore) -> None:
    session_id, _ = two_states(store)
    assert store.restore_backup(session_id).participants == []
    assert names_in(store.backup_path(session_id)) == ("Anne",)
    assert not list(store.data_dir.glob("*.swap"))


# -- 2. one bad file never hides the others ---------------------------------------------------


def test_import_of_a_lone_surrogate_is_replaced_and_listing_still_works(
    store: SessionStore, tmp_path: Path
) -> None:
    """Item 2: a lone surrogate in a title and an id."""
    path = export_file(tmp_path, title="Bad \ud800 paste", id="abc\udfff")
    result = cli(store, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "U+FFFD" in result.output and "title" in result.output
    assert "not a valid session id" in result.output
    [summary] = store.list()
    assert store.load(summary.id).title == "Bad \ufffd paste"
    listing = cli(store, "sessions")
    assert listing.exit_code == 0 and "Bad" in listing.output


def test_listing_survives_a_stored_lone_surrogate(store: SessionStore) -> None:
    session = store.create(Session(title="a\ud800b"))  # a bad paste in the app is kept as is
    result = cli(store, "sessions")
    assert result.exit_code == 0 and session.id in result.output and "ab" in result.output


def _huge_integer(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("}")] + ', "n": ' + "7" * 5000 + "}", encoding="utf-8")


def _deep_key(path: Path) -> None:
    deep: Any = "bottom"
    for _ in range(500):
        deep = {"k": deep}
    set_session_fields(path, unknown=deep)


def _not_a_number(path: Path) -> None:
    set_session_fields(path, unknown=float("nan"))  # json.dumps writes NaN, which is not JSON


def _odd_document_id(path: Path) -> None:
    data = tables(path)
    data["session"] = {"²": data["session"]["1"]}  # a digit for str.isdigit, not for int()
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (_huge_integer, "4300 digits"),
        (_deep_key, "nested"),
        (_not_a_number, "NaN"),
        (_odd_document_id, "²"),
    ],
)
def test_a_file_that_breaks_the_decoder_is_damaged_not_fatal(
    store: SessionStore, tmp_path: Path, damage, words: str
) -> None:
    """Item 2: a 5,000-digit integer, a key nested 500 deep, NaN, an odd TinyDB id."""
    good = store.create(Session(title="Bonne session"))
    bad = store.create(Session(title="Abîmée"))
    damage(store.path(bad.id))
    with pytest.raises(CorruptSessionError) as caught:
        store.load(bad.id)
    assert str(store.path(bad.id)) in str(caught.value) and words in str(caught.value)
    summaries = {s.id: s for s in store.list()}
    assert not summaries[good.id].damaged and summaries[bad.id].damaged
    assert "delete the session" in summaries[bad.id].problem  # the hint says what to do
    listing = cli(store, "sessions")
    assert listing.exit_code == 0 and "Bonne session" in listing.output
    assert f"{bad.id}" in listing.output and "DAMAGED" in listing.output
    # the same content given to import is refused cleanly
    imported = cli(store, "import", str(store.path(bad.id)))
    assert imported.exit_code == 1 and words in imported.output


@pytest.mark.parametrize("damage", [_huge_integer, _deep_key])
def test_a_damaged_training_file_hides_no_trainee(tmp_path: Path, damage) -> None:
    """Item 2, training side: `exercises progress` still lists the other trainees."""
    data = tmp_path / "sessions"
    trainees = TrainingStore(data / "training")
    trainees.update("Anne Martin", "CODIR", lambda t: None)
    trainees.update("Marc Petit", "CODIR", lambda t: None)
    damage_training(trainees.path("Marc Petit", "CODIR"), damage)
    found, problems = trainees.trainees()
    assert [t.name for t in found] == ["Anne Martin"]
    assert len(problems) == 1 and str(trainees.path("Marc Petit", "CODIR")) in str(problems[0])
    result = cli(data, "exercises", "progress")
    assert result.exit_code == 0 and "Anne Martin" in result.output


def damage_training(path: Path, damage) -> None:
    data = tables(path)
    if damage is _huge_integer:
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.rindex("}")] + ', "n": ' + "7" * 5000 + "}", encoding="utf-8")
        return
    deep: Any = 1
    for _ in range(500):
        deep = [deep]
    data["trainee"]["1"]["unknown"] = deep
    path.write_text(json.dumps(data), encoding="utf-8")


# -- 3. what the app relies on is checked on import and on load --------------------------------


INVALID = [
    (
        {"agenda": [{"id": "a"}, {"id": "b"}, {"id": "c", "started_at": "yesterday"}]},
        'agenda[2].started_at: "yesterday" is not a date (ISO 8601 expected)',
    ),
    (
        {"agenda": [{"id": "a", "started_at": "2026-03-12T09:30:00"}]},
        'agenda[0].started_at: "2026-03-12T09:30:00" has no time zone',
    ),
    ({"lang": "de"}, 'lang: "de" is not one of fr, en'),
    ({"kind": "party"}, 'kind: "party" is not one of framing, drafting, review, retrospective'),
    (
        {"objectives": [{"id": "o1"}, {"id": "o2"}, {"id": "o1"}]},
        'objectives[2].id: "o1" is already the id of objectives[0]',
    ),
    (
        {
            "objectives": [
                {"id": "o1", "key_results": [{"id": "k"}]},
                {"id": "o2", "key_results": [{"id": "k"}]},
            ]
        },
        'objectives[1].key_results[0].id: "k" is already the id of objectives[0].key_results[0]',
    ),
    (
        {"participants": [{"id": "p"}, {"id": "p"}]},
        'participants[1].id: "p" is already the id of participants[0]',
    ),
    ({"agenda": [{"id": "a", "status": "paused"}]}, 'agenda[0].status: "paused" is not one of'),
    ({"current_step": 10**20}, "current_step: 100000000000000000000 is out of range"),
]


@pytest.mark.parametrize(("changes", "message"), INVALID)
def test_import_refuses_what_the_app_cannot_use_with_the_field(
    store: SessionStore, tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    """Item 3: import names the field and the problem, and stores nothing."""
    path = export_file(tmp_path, **changes)
    result = cli(store, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}: {message}" in result.output, result.output
    assert store.list() == []


@pytest.mark.parametrize(("changes", "message"), INVALID)
def test_a_stored_file_the_app_cannot_use_is_damaged(
    store: SessionStore, changes: dict[str, Any], message: str
) -> None:
    """Item 3: the same problems in a stored file make it damaged, not a crash."""
    session = store.create(Session(title="Cadrage"))
    set_session_fields(store.path(session.id), **changes)
    with pytest.raises(CorruptSessionError) as caught:
        store.load(session.id)
    assert message in str(caught.value)
    [summary] = store.list()
    assert summary.damaged and message in summary.problem


# -- 4. only regular files are opened ----------------------------------------------------------


def special_files(folder: Path) -> dict[str, str]:
    """Session-named entries that are not regular files → how the error describes each."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.json")
    os.mkfifo(folder / "target-fifo")
    (folder / "linkfifo.json").symlink_to(folder / "target-fifo")
    (folder / "device.json").symlink_to("/dev/null")
    (folder / "folder.json").mkdir()
    return {
        "pipe": "named pipe (FIFO)",
        "linkfifo": "named pipe (FIFO)",
        "device": "character device",
        "folder": "folder",
    }


def run_cli_process(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, so that a hang fails the test instead of freezing it."""
    code = "import sys; from facilitator.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.slow
def test_special_files_are_reported_never_opened(store: SessionStore, tmp_path: Path) -> None:
    """Item 4: a FIFO, a symlink to one, a device, a folder named like a session."""
    kinds = special_files(store.data_dir)
    good = store.create(Session(title="Bonne session"))
    listing = run_cli_process("sessions", "--data-dir", str(store.data_dir))
    assert listing.returncode == 0, listing.stderr
    assert "Bonne session" in listing.stdout
    for name, kind in kinds.items():
        line = next(line for line in listing.stdout.splitlines() if line.startswith(name))
        assert "DAMAGED" in line and kind in line, line
    exported = run_cli_process("export", "pipe", "-o", str(tmp_path / "x.md"),
                               "--data-dir", str(store.data_dir))  # fmt: skip
    assert exported.returncode == 1 and "named pipe (FIFO)" in exported.stderr
    imported = run_cli_process("import", str(store.data_dir / "pipe.json"),
                               "--data-dir", str(tmp_path / "other"))  # fmt: skip
    assert imported.returncode == 1 and "named pipe (FIFO)" in imported.stderr
    os.mkfifo(store.backup_path(good.id))
    with pytest.raises(BackupError, match=r"named pipe \(FIFO\)"):
        store.restore_backup(good.id)


# -- 5. smaller items ----------------------------------------------------------------------


@pytest.mark.slow
def test_concurrent_imports_of_one_file_all_get_an_id(store: SessionStore, tmp_path: Path) -> None:
    """Item 5: parallel imports of the same file; the id is chosen under the lock."""
    path = export_file(tmp_path)
    start = time.time() + 3.0  # every worker imports at this moment
    workers = [worker(store, "-", "import", str(path), f"{start}") for _ in range(6)]
    ids = []
    for w in workers:
        out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
        ids.append(out.strip())
    assert len(set(ids)) == 6 and sorted(ids) == sorted(s.id for s in store.list())


def test_an_invalid_id_is_reported_as_invalid_not_taken(
    store: SessionStore, tmp_path: Path
) -> None:
    path = export_file(tmp_path, id="../../etc/passwd")
    result = cli(store, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "already taken" not in result.output
    assert '"../../etc/passwd" is not a valid session id' in result.output
    assert "'.'" in result.output  # why: the character that is not allowed
    with pytest.raises(InvalidSessionId, match=r"may not contain '/'|contains '/'"):
        store.load("a/b")


def test_a_data_dir_that_is_a_file_is_an_error_naming_it(tmp_path: Path, monkeypatch) -> None:
    not_a_folder = tmp_path / "sessions"
    not_a_folder.write_text("notes", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(not_a_folder))
    for args in (["sessions"], ["export", "abc", "-o", str(tmp_path / "x.md")],
                 ["import", str(export_file(tmp_path))]):  # fmt: skip
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert f"{not_a_folder}: " in result.output and "not a folder" in result.output
        assert "no session" not in result.output


def test_a_data_dir_name_too_long_is_a_clean_error(tmp_path: Path) -> None:
    long_dir = tmp_path / ("x" * 300)
    session_file = export_file(tmp_path)
    commands = [
        ["sessions"],
        ["import", str(session_file)],
        ["export", "abc"],
        ["sessions", "restore", "abc"],
        ["sessions", "delete", "abc", "--yes"],
        ["exercises", "progress"],
        ["exercises", "report", "-o", str(tmp_path / "report.docx")],
    ]
    for args in commands:
        result = cli(long_dir, *args)
        assert result.exit_code == 1, (args, result.output)
        assert "too long" in result.output.lower(), (args, result.output)


def test_failed_writes_leave_no_lock_file(store: SessionStore) -> None:
    with pytest.raises(StoreError):
        store.create(Session(id="newone", priority_share=float("nan")))
    with pytest.raises(StoreError):
        store.update("missing", lambda s: None)
    assert sorted(p.name for p in store.data_dir.iterdir()) == []


def test_import_onto_a_damaged_session(store: SessionStore, tmp_path: Path) -> None:
    session = store.create(Session(title="Cadrage"))
    path = store.path(session.id)
    path.write_bytes(b'{"meta": ')
    exported = export_file(tmp_path, id=session.id, title="Importée")
    plain = cli(store, "import", str(exported))
    assert plain.exit_code == 0
    assert "damaged" in plain.output and "--replace" in plain.output
    assert path.read_bytes() == b'{"meta": '  # left alone without --replace
    replaced = cli(store, "import", str(exported), "--replace")
    assert replaced.exit_code == 0, replaced.output
    [kept] = store.data_dir.glob(f"{path.name}.damaged-*")
    assert kept.read_bytes() == b'{"meta": ' and str(kept) in replaced.output
    assert store.load(session.id).title == "Importée"


def test_sessions_delete_asks_and_keeps_the_deleted_state(store: SessionStore) -> None:
    session = store.create(Session(title=ESC_TITLE))
    store.update(session.id, lambda s: s.add_participant("Anne"))
    refused = cli(store, "sessions", "delete", session.id, input="n\n")
    assert refused.exit_code == 1 and store.exists(session.id)
    assert "\x1b" not in refused.output and "Cadrage" in refused.output
    deleted = cli(store, "sessions", "delete", session.id, input="y\n")
    assert deleted.exit_code == 0, deleted.output
    assert not store.exists(session.id) and store.list() == []
    [kept] = (store.data_dir / "deleted").glob(f"{session.id}-*/{session.id}.json")
    assert str(kept.parent) in deleted.output
    assert [p.name for p in SessionStore(kept.parent).load(session.id).participants] == ["Anne"]
    assert kept.with_name(f"{session.id}.json.bak").exists()
    again = cli(store, "import", str(kept))  # how the message says to bring it back
    assert again.exit_code == 0 and store.list()[0].id == session.id
    damaged = store.create(Session(title="x"))
    store.path(damaged.id).write_bytes(b"\x00")
    assert cli(store, "sessions", "delete", damaged.id, "--yes").exit_code == 0
    missing = cli(store, "sessions", "delete", "nosuchid", "--yes")
    assert missing.exit_code == 1 and "nosuchid" in missing.output


def test_commands_never_print_escape_sequences(store: SessionStore, tmp_path: Path) -> None:
    path = export_file(tmp_path, title=ESC_TITLE, id="esc1")
    outputs = [cli(store, "import", str(path)).output, cli(store, "sessions").output]
    store.update("esc1", lambda s: s.add_participant("Anne"))
    outputs.append(cli(store, "sessions", "restore", "esc1").output)
    bad = export_file(tmp_path, "bad.json", lang="\x1b]52;c;x\x07")
    outputs.append(cli(store, "import", str(bad)).output)
    for output in outputs:
        assert "\x1b" not in output and "\x07" not in output, output
    assert "Cadrage" in outputs[1]


def test_unreadable_error_types_stay_store_errors(store: SessionStore) -> None:
    store.data_dir.mkdir(parents=True)
    (store.data_dir / "n.json").write_text('{"a": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(UnreadableSessionError):
        store.load("n")


def test_a_folder_another_process_makes_meanwhile_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parallel imports into a new folder: one process finds no folder, another makes it, and
    the first must not then call it "a file" (a race the concurrent-import test hit)."""
    from facilitator.store import files

    folder = tmp_path / "sessions"
    folder.mkdir()
    real_is_dir = Path.is_dir
    checked: list[Path] = []

    def missing_at_first_look(self: Path) -> bool:
        if self == folder and not checked:
            checked.append(self)
            return False  # looked just before the other process made it
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", missing_at_first_look)
    files.ensure_private_dir(folder)
    assert checked and real_is_dir(folder)
