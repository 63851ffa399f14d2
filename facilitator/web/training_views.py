"""What a trainee's page shows, as plain JSON: the exercises of the packs assigned (with their
status), the open exercise as the app's training screen shows it (the same reveal rules, the
criteria hidden in a "find the problem yourself" exercise until the first attempt, the choices
in this trainee's own order), the hints taken, and the countdown; and the coach's verdict on a
draft (`coach_view`). Built from data only; the texts the page adds are in `trw.*` keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.training import Exercise, Pack, grade
from facilitator.training.attempts import answer_shown, coach_hidden, reveal_left
from facilitator.training.board import labels_of
from facilitator.training.criteria import mean_scores
from facilitator.training.group import GroupRoom
from facilitator.training.progress import TraineeProgress
from facilitator.training.shuffle import choice_order
from facilitator.training.store import trainee_file_id
from facilitator.training.summary import status_of
from facilitator.web.coach import MAX_FINDINGS

LETTERS = "ABCDEFGH"


def countdown_view(room: GroupRoom, labels: dict[str, str]) -> dict[str, Any] | None:
    countdown = room.countdown
    if countdown is None or not countdown.left():
        return None
    return {"left": countdown.left(), "exercise": labels.get(countdown.exercise, "")}


def trainee_view(
    room: GroupRoom,
    trainee: TraineeProgress,
    exercises: Sequence[Exercise],
    packs: Sequence[Pack],
    current: str,
    reveal_after: int | None = None,
) -> dict[str, Any]:
    """The trainee's page state; `current` is the exercise their device has open ("pack/id";
    the first one not passed when it is "" or no longer assigned)."""
    labels = labels_of(exercises, packs)
    listed = []
    for number, ex in enumerate(exercises, 1):
        entry = trainee.progress(ex.pack, ex.id)
        listed.append(
            {
                "key": ex.key,
                "number": number,
                "label": labels[ex.key],
                "status": status_of(entry) if entry is not None and entry.attempts else "new",
            }
        )
    keys = [e.key for e in exercises]
    if current not in keys:
        fresh = [e.key for e, i in zip(exercises, listed, strict=True) if i["status"] == "new"]
        current = fresh[0] if fresh else keys[0] if keys else ""
    state: dict[str, Any] = {
        "type": "state",
        "name": trainee.name,
        "group": room.group,
        "exercises": listed,
        "current": current,
        "countdown": countdown_view(room, labels),
        "exercise": None,
    }
    if current:
        ex = exercises[keys.index(current)]
        state["exercise"] = exercise_view(ex, trainee, labels[ex.key], reveal_after)
    return state


def exercise_view(
    ex: Exercise, trainee: TraineeProgress, label: str, reveal_after: int | None = None
) -> dict[str, Any]:
    entry = trainee.progress(ex.pack, ex.id)
    last = entry.last if entry is not None else None
    hidden = coach_hidden(ex, entry)
    shown = answer_shown(entry)
    order = choice_order(trainee_file_id(trainee.name, trainee.group), ex.key, len(ex.choices))
    return {
        "key": ex.key,
        "lang": ex.lang,
        "title": label,
        "kind": ex.kind,
        "answer": ex.answer,
        "items": ex.items,
        "context": ex.context,
        "instructions": ex.instructions,
        "draft": ex.draft,
        "criteria": [] if hidden else [c.label for c in ex.criteria],
        "met": list(last.met) if last is not None and last.choice is None else [],
        "coach_hidden": hidden,
        "choices": [
            {"index": i, "letter": LETTERS[n], "text": ex.choices[i].text}
            for n, i in enumerate(order)
        ],
        "hints": list(ex.hints[: entry.hints_used if entry is not None else 0]),
        "hints_left": len(ex.hints) - (entry.hints_used if entry is not None else 0),
        "attempts": len(entry.attempts) if entry is not None else 0,
        "status": status_of(entry) if entry is not None and entry.attempts else "new",
        "last": None
        if last is None
        else {
            "text": last.text,
            "passed": last.passed,
            "choice": last.choice,
            "met": sum(1 for ok in last.met if ok),
            "feedback": ex.choices[last.choice].feedback
            if last.choice is not None and 0 <= last.choice < len(ex.choices)
            else "",
        },
        "reveal_left": 0 if shown else reveal_left(ex, entry, reveal_after),
        "model_answer": ex.model_answer if shown else None,
        "explanation": ex.explanation if shown else None,
    }


def coach_view(ex: Exercise, assessments: Sequence[Any]) -> dict[str, Any]:
    """The coach's verdict on a rewrite's items: each criterion met or not, the scores (their
    mean over the items) and the findings (the most important first, once each)."""
    g = grade(ex.criteria, ex.items, assessments)
    findings: list[dict[str, Any]] = []
    seen = set()
    for assessment in assessments:
        for f in assessment.findings:
            if (f.rule, f.text) in seen or len(findings) >= MAX_FINDINGS:
                continue
            seen.add((f.rule, f.text))
            findings.append({"rule": f.rule, "level": f.level, "message": f.message})
    return {
        "tier": assessments[0].tier if assessments else "",
        "met": g.checks,
        "count_ok": g.count_ok,
        "scores": mean_scores(assessments),
        "findings": findings,
    }
