"""The training room's group dashboard and its debrief wall, as plain data (JSON-ready).

`board` says, trainee by trainee, which exercise they are on, what they passed (on their own, or
only after the model answer was shown), the hints and answers revealed, and which rules fire most
in the group's answers (`summary.summarize` counts them, as for the Word report). `answers`
gives what one trainee wrote, every attempt of every exercise, for the trainer who clicks their
name. `debrief` gives one exercise's latest answers with no names, in an order that does not
follow the names either, for the wall.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from facilitator.training.model import Exercise, Pack
from facilitator.training.progress import TraineeProgress
from facilitator.training.summary import exercise_labels, status_of, summarize, trainee_detail

TOP_RULES = 5
"""The rules that fire most, shown on the dashboard."""


def labels_of(exercises: Sequence[Exercise], packs: Sequence[Pack]) -> dict[str, str]:
    """ "pack/exercise" → the title shown (with its pack when two share a title)."""
    return exercise_labels(((e.pack, e.id, e.title) for e in exercises), packs)


def board(
    trainees: Iterable[TraineeProgress],
    exercises: Sequence[Exercise],
    packs: Sequence[Pack],
    *,
    lang: str,
    current: dict[str, str],
    online: set[str],
) -> dict[str, Any]:
    """The dashboard's data: `current` maps a trainee's name to the exercise their device has
    open (else their latest one counts), `online` names the trainees connected now."""
    trainees = list(trainees)
    labels = labels_of(exercises, packs)
    keys = {e.key for e in exercises}
    summary = summarize(trainees, lang=lang, packs=packs)
    rows = []
    for trainee, row in zip(trainees, summary.trainees, strict=True):
        mine = [e for e in trainee.exercises.values() if e.key in keys]
        latest = max(mine, key=lambda e: e.last.time if e.last else e.started, default=None)
        on = current.get(trainee.name) or (latest.key if latest else "")
        rows.append(
            {
                "name": trainee.name,
                "online": trainee.name in online,
                "exercise": labels.get(on, ""),
                "number": next((n for n, e in enumerate(exercises, 1) if e.key == on), 0),
                "done": sum(1 for e in mine if e.passed_alone),
                "after_reveal": sum(1 for e in mine if e.passed_after_reveal),
                "attempts": sum(len(e.attempts) for e in mine),
                "hints": sum(e.hints_used for e in mine),
                "revealed": sum(1 for e in mine if e.revealed),
                "mean_overall": row.mean_overall,
            }
        )
    rows.sort(key=lambda r: str(r["name"]).casefold())
    mistakes = [
        {"rule": m.rule, "title": m.title, "attempts": m.attempts, "trainees": m.trainees}
        for m in summary.mistakes[:TOP_RULES]
    ]
    return {
        "trainees": rows,
        "exercises": [{"key": e.key, "label": labels[e.key]} for e in exercises],
        "total": len(exercises),
        "mistakes": mistakes,
    }


def answers(
    trainee: TraineeProgress, exercises: Sequence[Exercise], packs: Sequence[Pack]
) -> dict[str, Any]:
    """What `trainee` wrote: each exercise they opened (the one worked on last first), its
    status, hints and every attempt, latest first. An attempt's `text` is the answer as typed,
    or the text of the choice picked (the pack's, in any trainee's order); `after_reveal` marks
    one made once the model answer was on screen. Texts are data: the page shows them as text."""
    choices = {e.key: [c.text for c in e.choices] for e in exercises}
    total = {e.key: len(e.criteria) for e in exercises}
    rows = trainee_detail(trainee, packs=packs, labels=labels_of(exercises, packs))
    listed = []
    for row in rows:
        entry = trainee.exercises[f"{row.pack}/{row.exercise}"]
        attempts = []
        for attempt in reversed(entry.attempts):
            text = attempt.text
            options = choices.get(entry.key, [])
            if attempt.choice is not None and 0 <= attempt.choice < len(options):
                text = options[attempt.choice]
            attempts.append(
                {
                    "time": attempt.time,
                    "text": text,
                    "choice": attempt.choice is not None,
                    "passed": attempt.passed,
                    "met": sum(1 for ok in attempt.met if ok),
                    "total": total.get(entry.key, len(attempt.met)),
                    "after_reveal": entry.revealed and entry.revealed_at <= attempt.time,
                }
            )
        latest = entry.last.time if entry.last is not None else entry.started
        listed.append(
            (
                latest,
                {
                    "key": entry.key,
                    "label": row.label,
                    "status": row.status,
                    "hints": row.hints,
                    "revealed": entry.revealed,
                    "attempts": attempts,
                },
            )
        )
    listed.sort(key=lambda pair: pair[0], reverse=True)
    return {"name": trainee.name, "exercises": [item for _, item in listed]}


def _anonymous_order(trainee: TraineeProgress, exercise: str) -> bytes:
    return hashlib.sha256(f"{trainee.group}\0{trainee.name}\0{exercise}".encode()).digest()


def debrief(trainees: Iterable[TraineeProgress], exercise: Exercise) -> dict[str, Any]:
    """One exercise's latest answers, anonymised: a rewrite's texts (passed or not), or for a
    choice exercise how many chose each answer. The order depends on no name's alphabet."""
    entries = [
        (t, e)
        for t in trainees
        if (e := t.progress(exercise.pack, exercise.id)) is not None and e.last is not None
    ]
    entries.sort(key=lambda pair: _anonymous_order(pair[0], exercise.key))
    data: dict[str, Any] = {
        "key": exercise.key,
        "title": exercise.title,
        "instructions": exercise.instructions,
        "draft": exercise.draft,
        "choice": exercise.is_choice,
        "answers": [],
        "tally": [],
    }
    if exercise.is_choice:
        chosen = Counter(e.last.choice for _, e in entries if e.last is not None)
        data["tally"] = [
            {"text": c.text, "correct": c.correct, "count": chosen.get(i, 0)}
            for i, c in enumerate(exercise.choices)
        ]
    else:
        data["answers"] = [
            {"text": e.last.text, "status": status_of(e), "passed": e.last.passed}
            for _, e in entries
            if e.last is not None
        ]
    return data
