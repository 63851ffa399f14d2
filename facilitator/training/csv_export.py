"""The group's progress as CSV, one row per trainee and exercise opened, for a spreadsheet or
the client's learning platform (`facilitator exercises report --format csv`).

Written as the session's CSV is (`facilitator.minutes.csvfile`): UTF-8 with a byte-order mark,
CRLF line ends, stable English column names (`COLUMNS`), a cell a spreadsheet would run as a
formula prefixed with an apostrophe (the answers come from trainees' browsers); `delimiter=";"`
for Excel set to French. A status is one of `summary.STATUSES`: "done" is passed before the
model answer was shown, "done_after_reveal" passed only after it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from facilitator.minutes import atomic_write
from facilitator.minutes.csvfile import safe_cell
from facilitator.training.model import Pack
from facilitator.training.progress import TraineeProgress
from facilitator.training.summary import exercise_labels, status_of

COLUMNS = (
    "group",
    "trainee",
    "pack",
    "exercise",
    "title",  # with its pack's title when two exercises shown share it
    "skill",
    "status",  # done | done_after_reveal | revealed | open
    "attempts",
    "attempts_to_pass",  # empty while not passed
    "hints",
    "revealed",  # yes | no: the model answer was shown
    "overall",  # the coach's overall score (0–100) of the last rewrite answer
    "last_answer",  # the last answer's text, or the choice picked
    "started",
    "done_at",
)


def render(
    trainees: Sequence[TraineeProgress],
    packs: Sequence[Pack] = (),
    *,
    pack: str | None = None,
    delimiter: str = ",",
) -> bytes:
    """The CSV file's bytes; `pack` keeps one pack's exercises only."""
    if delimiter not in (",", ";"):
        raise ValueError(f"the CSV delimiter is ',' or ';', not {delimiter!r}")
    titles = {e.key: e.title for p in packs for e in p.exercises}
    entries = [
        (trainee, entry)
        for trainee in trainees
        for entry in trainee.exercises.values()
        if pack is None or entry.pack == pack
    ]
    labels = exercise_labels(
        dict.fromkeys(
            (e.pack, e.exercise, titles.get(e.key, e.title or e.exercise)) for _, e in entries
        ),
        packs,
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for trainee, e in entries:
        last = e.last
        overall = last.scores.get("overall") if last is not None and last.choice is None else None
        values: dict[str, object] = {
            "group": trainee.group,
            "trainee": trainee.name,
            "pack": e.pack,
            "exercise": e.exercise,
            "title": labels.get(e.key, e.title),
            "skill": e.skill,
            "status": status_of(e),
            "attempts": len(e.attempts),
            "attempts_to_pass": e.attempts_to_pass or "",
            "hints": e.hints_used,
            "revealed": "yes" if e.revealed else "no",
            "overall": "" if overall is None else f"{overall:.0f}",
            "last_answer": last.text if last is not None else "",
            "started": e.started,
            "done_at": e.done_at,
        }
        writer.writerow([safe_cell(values[c]) for c in COLUMNS])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def export_csv(
    path: str | Path,
    trainees: Sequence[TraineeProgress],
    packs: Sequence[Pack] = (),
    *,
    pack: str | None = None,
    delimiter: str = ",",
    overwrite: bool = False,
) -> Path:
    """Write the CSV to `path`, atomically (ExportError as the Word report's)."""
    path = Path(path)
    atomic_write(path, render(trainees, packs, pack=pack, delimiter=delimiter), overwrite=overwrite)
    return path
