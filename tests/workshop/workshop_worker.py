"""A separate process adding proposals and dots to a session through the workshop service.

    python workshop_worker.py DATA_DIR SESSION_ID COUNT LABEL VOTER OBJECTIVE_ID
        adds COUNT proposals "LABEL-0" … and, for each, takes one dot of VOTER's on
        OBJECTIVE_ID back and places it again (a read-modify-write of the votes)

Not a test module (no test_ prefix); the tests start it with `sys.executable`.
"""

from __future__ import annotations

import sys

from facilitator.store import SessionStore
from facilitator.workshop import Workshop


def main(argv: list[str]) -> int:
    data_dir, session_id, count, label, voter, objective_id = argv
    workshop = Workshop(SessionStore(data_dir, lock_timeout=60), session_id)
    for i in range(int(count)):
        workshop.add_proposal(f"{label}-{i}")
        workshop.add_dots(objective_id, voter, 1)
        workshop.add_dots(objective_id, voter, -1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
