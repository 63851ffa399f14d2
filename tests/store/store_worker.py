"""A separate process writing to a session, for the store's concurrency and kill tests.

    python store_worker.py DATA_DIR SESSION_ID append COUNT LABEL
        append COUNT participants named LABEL-0 … through `SessionStore.update`
    python store_worker.py DATA_DIR SESSION_ID loop START LABEL
        append LABEL-START, LABEL-START+1 … forever, printing "ack N" once each is saved
    python store_worker.py DATA_DIR SESSION_ID crash POINT LABEL
        append one participant, and SIGKILL itself at POINT of the write:
        after-temp (temp file written), after-backup (.bak updated, live file not yet
        replaced) or after-replace (live file replaced, folder not yet fsynced)

With STORE_WORKER_SLOW=SECONDS, each write pauses that long once its temp file is written,
widening the window in which a kill lands in the middle of a write; a restore pauses that long
after each of its steps.

Not a test module (no test_ prefix); the tests start it with `sys.executable`.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from facilitator import durable
from facilitator.store import SessionStore, files


def _then(original: Callable[..., Any], after: Callable[[], None]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        after()
        return result

    return wrapper


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _signal_after(name: str, nth: int, signum: int) -> None:
    """Send `signum` to this process right after the `nth` call of `files.<name>` returns."""
    calls = 0

    def count() -> None:
        nonlocal calls
        calls += 1
        if calls == nth:
            os.kill(os.getpid(), signum)

    setattr(files, name, _then(getattr(files, name), count))


def main(argv: list[str]) -> int:
    data_dir, session_id, mode, arg, label = argv
    store = SessionStore(data_dir, lock_timeout=60)
    slow = float(os.environ.get("STORE_WORKER_SLOW", "0"))
    if slow:

        def pause() -> None:
            time.sleep(slow)

        steps = (
            (durable.Replacement, "write"),
            (files, "snapshot"),
            (files, "fsync_dir"),
            (durable, "fsync_dir"),
        )
        for owner, step in steps:
            setattr(owner, step, _then(getattr(owner, step), pause))

    if mode == "append":
        for i in range(int(arg)):
            store.update(session_id, lambda s, i=i: s.add_participant(f"{label}-{i}"))
        return 0
    if mode == "loop":
        i = int(arg)
        while True:
            store.update(session_id, lambda s, i=i: s.add_participant(f"{label}-{i}"))
            print(f"ack {i}", flush=True)
            i += 1
    if mode == "crash":
        # The atomic writer is `facilitator.durable`'s; the backup is the store's `files.snapshot`.
        points: dict[str, tuple[object, str]] = {
            "after-temp": (durable.Replacement, "write"),
            "after-backup": (files, "snapshot"),
        }
        if arg == "after-replace":
            durable.fsync_dir = lambda folder: _die()
        else:
            holder, name = points[arg]
            setattr(holder, name, _then(getattr(holder, name), _die))
        store.update(session_id, lambda s: s.add_participant(label))
        return 3  # not reached
    if mode == "restore":
        i = int(arg)
        while True:
            store.restore_backup(session_id)
            print(f"ack {i}", flush=True)
            i += 1
    if mode == "restore-crash":
        hook, nth, signame = arg.split(":")
        _signal_after(hook, int(nth), getattr(signal, f"SIG{signame}"))
        store.restore_backup(session_id)
        return 3  # not reached when the hook is called often enough
    if mode == "import":
        with open(arg, encoding="utf-8") as file:
            data = json.load(file)
        time.sleep(max(0.0, float(label) - time.time()))
        print(store.import_dict(data).id, flush=True)
        return 0
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
