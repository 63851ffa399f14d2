"""What a trainee may do on an exercise and what an answer records, whatever the front end (the
app's training screen, the training room's web page): one copy of the rules.

- a rewrite is graded on the engine's assessments of its items (`rewrite_attempt`);
- a choice records the pack's choice index (`choice_attempt`), never the displayed letter;
- the model answer may be revealed after `reveal_after` attempts (`reveal_left`);
- a "find the problem yourself" exercise keeps its criteria and the coach hidden until the
  first attempt (`coach_hidden`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.training.criteria import fired_rules, grade, mean_scores
from facilitator.training.model import Exercise
from facilitator.training.progress import Attempt, ExerciseProgress


def rewrite_attempt(
    exercise: Exercise, text: str, when: str, assessments: Sequence[Any]
) -> Attempt:
    """The attempt of a rewrite answer `text` whose items the engine assessed."""
    g = grade(exercise.criteria, exercise.items, assessments)
    return Attempt(
        time=when,
        text=text,
        passed=g.passed,
        met=g.checks,
        scores=mean_scores(assessments),
        rules=fired_rules(assessments),
        tier=assessments[0].tier if assessments else "",
    )


def choice_attempt(exercise: Exercise, index: int, when: str) -> Attempt:
    """The attempt of choosing the pack's choice `index` (0-based, in the pack's order)."""
    choice = exercise.choices[index]
    return Attempt(time=when, text=choice.text, passed=choice.correct, choice=index)


def reveal_threshold(exercise: Exercise, reveal_after: int | None = None) -> int:
    """Attempts after which the model answer may be shown (`reveal_after` overrides the pack's)."""
    return reveal_after or exercise.reveal_after


def reveal_left(
    exercise: Exercise, entry: ExerciseProgress | None, reveal_after: int | None = None
) -> int:
    """Attempts still needed before the model answer may be shown (0: it may be, or it is)."""
    attempts = len(entry.attempts) if entry is not None else 0
    return max(0, reveal_threshold(exercise, reveal_after) - attempts)


def answer_shown(entry: ExerciseProgress | None) -> bool:
    """The model answer and its explanation are on screen: passed, or revealed."""
    return entry is not None and (entry.done or entry.revealed)


def coach_hidden(exercise: Exercise, entry: ExerciseProgress | None) -> bool:
    """The criteria and the coach would give the problem away: hidden until the first attempt."""
    return exercise.find_yourself and (entry is None or not entry.attempts)
