"""Time the minutes exports of a large session (a benchmark, not a test).

    python3 bench/bench_minutes.py [--objectives 200] [--repeat 3]

Builds a session with N objectives (three versions and three key results each, votes, actions),
then times building the Word (.docx) and Markdown minutes, the JSON and CSV exports, and an
atomic write of the .docx. Prints the best of `--repeat` runs, in seconds. Issue 5 asks for
"well under a few seconds" for 200 objectives.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from facilitator.demo import demo_session
from facilitator.minutes import export_session, render
from facilitator.session import Session


def big_session(n: int) -> Session:
    session = demo_session()
    template = session.objectives[:4]
    present = [p.id for p in session.present_participants()]
    session.objectives = []
    session.votes = {}
    for i in range(n):
        source = template[i % len(template)]
        objective = session.add_objective(
            f"{source.versions[0].text} (équipe {i + 1})",
            scores=source.versions[0].scores,
            findings=source.versions[0].findings,
            owner=source.owner,
            parent_id=source.parent_id,
            status="retained",
        )
        for version in source.versions[1:]:
            objective.add_version(f"{version.text} (équipe {i + 1})", version.scores,
                                  version.findings, version.note)  # fmt: skip
        objective.mark_final()
        for kr in source.key_results:
            copy = objective.add_key_result(
                kr.text, scores=kr.current.scores if kr.current else None,
                owner=kr.owner, baseline=kr.baseline, target=kr.target, unit=kr.unit,
                deadline=kr.deadline,
            )  # fmt: skip
            copy.mark_final()
        votes = session.votes_for(objective.id)
        for j, pid in enumerate(present):
            votes.set_priority(pid, ("yes", "unsure", "no")[(i + j) % 3])
    for i in range(n // 2):
        session.add_action(f"Action de suivi numéro {i + 1}", owner=present[i % len(present)],
                           due="2026-04-30")  # fmt: skip
    return session


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objectives", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    session = big_session(args.objectives)
    krs = sum(len(o.key_results) for o in session.objectives)
    print(f"session: {len(session.objectives)} objectives, {krs} key results, "
          f"{len(session.actions)} actions")  # fmt: skip
    size = {fmt: len(render(session, fmt)) for fmt in ("docx", "md", "json", "csv")}
    for fmt in ("docx", "md", "json", "csv"):
        seconds = best(lambda fmt=fmt: render(session, fmt), args.repeat)
        print(f"{fmt:<5} {seconds:6.3f} s   {size[fmt] / 1024:8.0f} KiB")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "minutes.docx"
        seconds = best(lambda: export_session(session, target), args.repeat)
        print(f"docx written atomically (build + temp file + fsync + rename): {seconds:.3f} s")


if __name__ == "__main__":
    main()
