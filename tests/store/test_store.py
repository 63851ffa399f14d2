"""The session store: round trips, damaged files, backups, permissions, concurrency, kills."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import filelock
import platformdirs
import pytest

from facilitator.envelope import schema
from facilitator.session import SCHEMA_VERSION, Session
from facilitator.store import (
    ENV_VAR,
    MIGRATIONS,
    BackupError,
    CorruptSessionError,
    ForeignFileError,
    InvalidSessionData,
    InvalidSessionId,
    SessionExists,
    SessionNotFound,
    SessionStore,
    StoreError,
    StoreLockTimeout,
    UnsupportedSchemaError,
    default_data_dir,
)
from tests.session.test_session_model import full_session

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "store_worker.py"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", lock_timeout=5)


def saved(store: SessionStore, **fields) -> Session:
    return store.create(Session(title="Cadrage", **fields))


def worker(
    store: SessionStore, session_id: str, *args: str, slow: float = 0
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(WORKER.parent)]),
        "STORE_WORKER_SLOW": str(slow),
    }
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(store.data_dir), session_id, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


# -- round trips ----------------------------------------------------------------------------


def test_full_session_round_trips_through_the_file(store: SessionStore) -> None:
    session = store.create(full_session())
    assert store.load(session.id) == session
    assert store.path(session.id) == store.data_dir / f"{session.id}.json"


def test_file_layout_is_meta_plus_one_session_document(store: SessionStore) -> None:
    session = saved(store, lang="fr")
    data = json.loads(store.path(session.id).read_text(encoding="utf-8"))
    assert set(data) == {"meta", "session"}
    meta = data["meta"]["1"]
    assert meta["format"] == "facilitator-session"
    assert meta["schema_version"] == SCHEMA_VERSION == 1
    assert meta["session_id"] == session.id
    assert data["session"]["1"]["title"] == "Cadrage"


def test_hostile_text_round_trips(store: SessionStore) -> None:
    controls = "".join(chr(c) for c in range(32)) + "\x7f\u2028\ufeff\ufffe"
    pieces = [controls, "😀👩🏽‍💻🇫🇷", "مرحبا", "漢字", "e\u0301", "line\r\nbreak", '"\\{}[]']
    text = ("".join(pieces) * 400)[:20_000]
    assert len(text) == 20_000
    session = saved(store)
    session = store.update(session.id, lambda s: s.add_objective(text, note=text[:500]))
    assert store.load(session.id).objectives[0].text == text
    raw = store.path(session.id).read_bytes()
    assert b"\x00" not in raw and "😀".encode() in raw  # readable UTF-8, controls escaped
    # a lone surrogate (a bad paste) cannot be UTF-8: the file falls back to \u escapes
    store.update(session.id, lambda s: s.objectives[0].add_version("a\ud800b" + text))
    assert store.load(session.id).objectives[0].text == "a\ud800b" + text
    store.path(session.id).read_bytes().decode("ascii")


def test_unknown_tables_and_keys_survive_a_save(store: SessionStore) -> None:
    session = saved(store)
    path = store.path(session.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"] = {"1": {"note": "from a later release"}}
    data["session"]["1"]["future_field"] = [1, 2, 3]
    path.write_text(json.dumps(data), encoding="utf-8")
    store.update(session.id, lambda s: s.add_participant("Anne"))
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["annotations"] == {"1": {"note": "from a later release"}}
    assert again["session"]["1"]["future_field"] == [1, 2, 3]


# -- list, update, duplicate, delete ----------------------------------------------------------


def test_list_summaries_newest_first_and_damaged_files_marked(store: SessionStore) -> None:
    assert store.list() == []  # no folder yet: empty, not an error
    old = saved(store, kind="review", lang="en", updated="2026-01-05T10:00:00+00:00")
    new = store.create(full_session())  # updated now
    bad = store.data_dir / "damaged1.json"
    bad.write_bytes(b'{"meta": {"1": {"format": "facil')
    (store.data_dir / "notes.json").write_text('["not", "a", "session"]', encoding="utf-8")
    summaries = store.list()
    assert [s.id for s in summaries[:2]] == [new.id, old.id]
    first = summaries[0]
    assert first.title == "Atelier de cadrage CODIR 2026" and first.kind == "framing"
    assert first.counts["participants"] == 2 and first.counts["key_results"] == 1
    assert summaries[1].lang == "en" and not summaries[1].damaged
    damaged = {s.id: s for s in summaries[2:]}
    assert set(damaged) == {"damaged1", "notes"}
    assert all(s.damaged for s in damaged.values())
    assert str(bad) in damaged["damaged1"].problem and "cut off" in damaged["damaged1"].problem
    assert "not a facilitator session" in damaged["notes"].problem


def test_update_saves_returns_fresh_and_skips_no_ops(store: SessionStore) -> None:
    session = saved(store)
    path, backup = store.path(session.id), store.backup_path(session.id)
    updated = store.update(session.id, lambda s: s.add_participant("Anne"))
    assert [p.name for p in updated.participants] == ["Anne"]
    assert updated.updated >= session.updated and backup.exists()
    before = path.read_bytes()
    store.update(session.id, lambda s: None)
    assert path.read_bytes() == before, "an update that changes nothing writes nothing"


def test_update_function_errors_save_nothing(store: SessionStore) -> None:
    session = saved(store)
    before = store.path(session.id).read_bytes()

    def half_done(s: Session) -> None:
        s.add_participant("Anne")
        raise RuntimeError("changed my mind")

    with pytest.raises(RuntimeError, match="changed my mind"):
        store.update(session.id, half_done)
    with pytest.raises(InvalidSessionData, match="id"):
        store.update(session.id, lambda s: setattr(s, "id", "other"))
    with pytest.raises(InvalidSessionData) as caught:
        store.update(session.id, lambda s: s.add_objective("x", scores={"clarity": float("nan")}))
    assert caught.value.field == "objectives[0].versions[0].scores.clarity"
    assert str(store.path(session.id)) in str(caught.value)
    assert store.path(session.id).read_bytes() == before


def test_update_may_return_a_replacement(store: SessionStore) -> None:
    session = saved(store)
    replacement = session.copy()
    replacement.title = "Autre titre"
    assert store.update(session.id, lambda _: replacement).title == "Autre titre"
    assert store.load(session.id).title == "Autre titre"


def test_duplicate_and_delete(store: SessionStore) -> None:
    original = store.create(full_session())
    copy = store.duplicate(original.id)
    assert copy.id != original.id and copy.title == "Atelier de cadrage CODIR 2026 (copie)"
    assert store.load(copy.id).objectives == original.objectives
    store.update(copy.id, lambda s: s.add_participant("Zoé"))
    store.delete(copy.id)
    leftovers = [p.name for p in store.data_dir.iterdir() if p.name.startswith(copy.id)]
    assert leftovers == []
    with pytest.raises(SessionNotFound):
        store.load(copy.id)
    with pytest.raises(SessionNotFound):
        store.delete(copy.id)
    assert [s.id for s in store.list()] == [original.id]


def test_create_refuses_a_taken_id_and_bad_ids_are_refused(store: SessionStore) -> None:
    session = saved(store)
    with pytest.raises(SessionExists):
        store.create(Session(id=session.id))
    for bad in ("", "../escape", "a/b", ".hidden", "x" * 65, "a b"):
        with pytest.raises(InvalidSessionId):
            store.load(bad)
    assert not (store.data_dir.parent / "escape.json").exists()


def test_missing_session_names_the_file(store: SessionStore) -> None:
    with pytest.raises(SessionNotFound) as caught:
        store.load("abc123")
    assert str(store.data_dir / "abc123.json") in str(caught.value)


# -- damaged and foreign files --------------------------------------------------------------


def _damage_nul(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[:40] + b"\x00" * 64 + raw[40:])


def _damage_truncate(path: Path) -> None:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _damage_not_utf8(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"Cadrage", b"Cadr\xe9ge"))


def _damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def _damage_wrong_type(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["1"]["participants"] = "Anne, Marc"
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (_damage_nul, "NUL bytes"),
        (_damage_truncate, "cut off"),
        (_damage_not_utf8, "not UTF-8"),
        (_damage_empty, "empty"),
        (_damage_wrong_type, "participants"),
    ],
)
def test_corrupt_file_gives_a_clear_error_and_the_backup_restores(
    store: SessionStore, damage, words: str
) -> None:
    session = saved(store)
    store.update(session.id, lambda s: s.add_participant("Anne"))
    good = store.update(session.id, lambda s: s.add_participant("Marc"))
    path = store.path(session.id)
    damage(path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(CorruptSessionError) as caught:
        store.load(session.id)
    message = str(caught.value)
    assert str(path) in message and words in message
    assert f"facilitator sessions restore {session.id}" in message
    assert caught.value.backup == store.backup_path(session.id)
    assert not isinstance(caught.value.__cause__, json.JSONDecodeError)

    with pytest.raises(CorruptSessionError):  # a write refuses too, and leaves the file alone
        store.update(session.id, lambda s: s.add_participant("Zoé"))
    assert path.read_bytes() == damaged_bytes

    restored = store.restore_backup(session.id)
    assert [p.name for p in restored.participants] == ["Anne"]  # the state before the last save
    assert store.load(session.id) == restored
    kept = list(store.data_dir.glob(f"{path.name}.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert good.participants[-1].name == "Marc"


@pytest.mark.parametrize(
    "content",
    [
        b"[1, 2, 3]",
        b'"hello"',
        b'{"_default": {"1": {"name": "a TinyDB file of another program"}}}',
        b'{"meta": {"1": {"format": "something-else"}}, "session": {"1": {}}}',
        b'{"format": "facilitator-session"}',
    ],
)
def test_foreign_file_is_named_and_explained(store: SessionStore, content: bytes) -> None:
    store.data_dir.mkdir(parents=True)
    path = store.data_dir / "foreign.json"
    path.write_bytes(content)
    with pytest.raises(ForeignFileError) as caught:
        store.load("foreign")
    message = str(caught.value)
    assert str(path) in message and "not a facilitator session" in message
    assert "Move this file out of the sessions folder" in message


def test_newer_schema_is_refused_with_advice(store: SessionStore) -> None:
    session = saved(store)
    path = store.path(session.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UnsupportedSchemaError) as caught:
        store.load(session.id)
    assert "newer facilitator" in str(caught.value) and "Upgrade" in str(caught.value)
    data["meta"]["1"]["schema_version"] = "one"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CorruptSessionError) as bad:
        store.load(session.id)
    assert bad.value.field == "meta.schema_version"


def test_migrations_upgrade_older_files(store: SessionStore, monkeypatch) -> None:
    session = saved(store)

    def rename_title(envelope: dict) -> dict:
        envelope["session"]["title"] = envelope["session"].pop("name")
        return envelope

    path = store.path(session.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["1"]["name"] = data["session"]["1"].pop("title")
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(MIGRATIONS, 1, rename_title)
    assert store.load(session.id).title == "Cadrage"


def test_restore_without_a_usable_backup(store: SessionStore) -> None:
    session = saved(store)
    with pytest.raises(BackupError, match="no backup"):
        store.restore_backup(session.id)
    store.update(session.id, lambda s: s.add_participant("Anne"))
    store.backup_path(session.id).write_bytes(b"\x00\x00")
    with pytest.raises(BackupError, match="cannot be used either"):
        store.restore_backup(session.id)


def test_restore_of_a_good_file_can_be_undone(store: SessionStore) -> None:
    session = saved(store)
    store.update(session.id, lambda s: s.add_participant("Anne"))
    assert store.restore_backup(session.id).participants == []
    assert [p.name for p in store.restore_backup(session.id).participants] == ["Anne"]


def test_no_store_error_leaks_a_traceback_type(store: SessionStore) -> None:
    store.data_dir.mkdir(parents=True)
    for i, content in enumerate([b"{", b"\xff\xfe", b"{" * 100_000, b"nul\x00"]):
        (store.data_dir / f"bad{i}.json").write_bytes(content)
        with pytest.raises(StoreError):
            store.load(f"bad{i}")
    assert all(s.damaged for s in store.list())


# -- export and import ----------------------------------------------------------------------


def test_export_import_round_trip(store: SessionStore, tmp_path: Path) -> None:
    original = store.create(full_session())
    exported = store.export_dict(original.id)
    assert exported["format"] == "facilitator-session" and exported["schema_version"] == 1
    text = json.dumps(exported, ensure_ascii=False)

    other = SessionStore(tmp_path / "elsewhere")
    imported = other.import_dict(json.loads(text))
    assert imported == original
    again = other.export_dict(imported.id)
    assert {**again, "exported": None} == {**exported, "exported": None}

    twin = store.import_dict(json.loads(text))  # the id is taken here: a new one
    assert twin.id != original.id and store.load(twin.id).objectives == original.objectives

    changed = json.loads(text)
    changed["session"]["title"] = "Remplacé"
    assert store.import_dict(changed, replace=True).title == "Remplacé"
    assert store.load(original.id).title == "Remplacé"

    raw_file = json.loads(store.path(original.id).read_text(encoding="utf-8"))
    assert other.import_dict(raw_file).title == "Remplacé"  # a copied session file imports too
    with pytest.raises(ForeignFileError):
        store.import_dict({"hello": "world"})


# -- permissions and folders ----------------------------------------------------------------


def test_files_are_private(store: SessionStore) -> None:
    old_umask = os.umask(0)  # even a permissive umask gives owner-only files
    try:
        session = saved(store)
        store.update(session.id, lambda s: s.add_participant("Anne"))
    finally:
        os.umask(old_umask)
    path = store.path(session.id)
    for file in (path, store.backup_path(session.id), path.with_name(path.name + ".lock")):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700


def test_data_dir_from_environment_and_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert default_data_dir() == tmp_path / "from-env"
    session = SessionStore().create(Session(title="env"))
    assert (tmp_path / "from-env" / f"{session.id}.json").exists()
    explicit = SessionStore(tmp_path / "explicit")
    assert explicit.data_dir == tmp_path / "explicit" and explicit.list() == []
    monkeypatch.delenv(ENV_VAR)
    assert default_data_dir() == Path(platformdirs.user_data_dir("facilitator")) / "sessions"


def test_lock_timeout_is_a_clear_error(store: SessionStore) -> None:
    session = saved(store)
    path = store.path(session.id)
    impatient = SessionStore(store.data_dir, lock_timeout=0.2)
    with filelock.FileLock(str(path) + ".lock"), pytest.raises(StoreLockTimeout) as caught:
        impatient.update(session.id, lambda s: s.add_participant("Anne"))
    assert str(path) in str(caught.value) and "locked" in str(caught.value)
    assert store.load(session.id).participants == []


# -- processes ------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_processes_writing_lose_nothing(store: SessionStore) -> None:
    session = saved(store)
    workers = [worker(store, session.id, "append", "100", label) for label in ("a", "b")]
    for w in workers:
        _out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    names = [p.name for p in store.load(session.id).participants]
    assert len(names) == 200
    assert sorted(names) == sorted(f"{label}-{i}" for label in "ab" for i in range(100))
    for label in "ab":  # each process's appends stay in its own order
        mine = [n for n in names if n.startswith(f"{label}-")]
        assert mine == [f"{label}-{i}" for i in range(100)]


@pytest.mark.slow
def test_kill_at_random_moments_keeps_every_acknowledged_write(store: SessionStore) -> None:
    rng = random.Random(20260312)
    session = saved(store)
    store.update(session.id, lambda s: setattr(s, "vision", "Vision stratégique. " * 5_000))
    count, kills_mid_write = 0, 0
    for _round in range(6):
        # each write pauses 20 ms once its temp file is written, so kills land inside writes
        w = worker(store, session.id, "loop", str(count), "k", slow=0.02)
        assert w.stdout is not None
        first = w.stdout.readline()  # wait until it is writing
        assert first.startswith("ack"), w.stderr.read() if w.stderr else ""
        time.sleep(rng.uniform(0.0, 0.2))
        w.send_signal(signal.SIGKILL)
        rest, _err = w.communicate(timeout=30)
        acked = [int(n) for n in re.findall(r"^ack (\d+)$", first + rest, re.MULTILINE)]
        kills_mid_write += bool(list(store.data_dir.glob(".*.tmp")))

        names = [p.name for p in store.load(session.id).participants]  # always loads
        assert names == [f"k-{i}" for i in range(len(names))], "no gap, no duplicate"
        assert len(names) >= acked[-1] + 1, "every acknowledged write survives"
        assert len(names) <= acked[-1] + 2, "at most the one unacknowledged write landed"
        count = len(names)
    assert kills_mid_write >= 1, "no kill landed inside a write: the test proved nothing"
    # the next write cleans what killed writers left behind
    store.update(session.id, lambda s: s.add_participant("after"))
    assert list(store.data_dir.glob(".*.tmp")) == []
    assert store.load(session.id).vision.startswith("Vision")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("point", "lands"),
    [("after-temp", False), ("after-backup", False), ("after-replace", True)],
)
def test_kill_at_each_step_of_a_write(store: SessionStore, point: str, lands: bool) -> None:
    session = saved(store)
    store.update(session.id, lambda s: s.add_participant("before"))
    w = worker(store, session.id, "crash", point, "during")
    _out, err = w.communicate(timeout=30)
    assert w.returncode == -signal.SIGKILL, err
    names = [p.name for p in store.load(session.id).participants]
    assert names == (["before", "during"] if lands else ["before"])
    backup = SessionStore(store.data_dir)._read(store.backup_path(session.id), session.id)
    assert [p.name for p in backup.participants] == ([] if point == "after-temp" else ["before"])
    store.update(session.id, lambda s: s.add_participant("next"))
    assert [p.name for p in store.load(session.id).participants][-1] == "next"
    assert list(store.data_dir.glob(".*.tmp")) == []
