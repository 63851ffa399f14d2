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
widening the window in which a kill lands in the middle of a write.

Not a test module (no test_ prefix); the tests start it with `sys.executable`.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from facilitator.store import SessionStore, files


def _then(original: Callable[..., Any], after: Callable[[], None]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        after()
        return result

    return wrapper


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str]) -> int:
    data_dir, session_id, mode, arg, label = argv
    store = SessionStore(data_dir, lock_timeout=60)
    slow = float(os.environ.get("STORE_WORKER_SLOW", "0"))
    if slow:
        files._write_temp = _then(files._write_temp, lambda: time.sleep(slow))

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
        points = {"after-temp": "_write_temp", "after-backup": "snapshot", "after-replace": None}
        if arg == "after-replace":
            files.fsync_dir = lambda folder: _die()
        else:
            name = points[arg]
            assert name is not None
            setattr(files, name, _then(getattr(files, name), _die))
        store.update(session_id, lambda s: s.add_participant(label))
        return 3  # not reached
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
