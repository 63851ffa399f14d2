"""Exercise packs as domain objects: a `Pack` holds `Exercise`s, each graded by `Criterion`s.

A pack is written in one language (its drafts are assessed by that language's rules), so its
texts are plain strings, not per-language pairs. The format lives in workshops/exercises/README.md;
the constants below are its single source of truth (a test keeps the README in step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.engine.condition import Predicate
from facilitator.locales import t

LANGUAGES = ("fr", "en")
KINDS = ("objective", "key_result")
ANSWERS = ("rewrite", "choice")
"""How the trainee answers: by rewriting the draft, or by choosing the right diagnosis."""

SKILL_KEYS: dict[str, str] = {
    "spot": "skill.spot",
    "reword": "skill.reword",
    "activity-to-result": "skill.activity-to-result",
    "baseline-deadline": "skill.baseline-deadline",
    "split": "skill.split",
    "jargon": "skill.jargon",
    "key-results": "skill.key-results",
}
"""The catalogue key (locales/<lang>/training.toml) of each skill's name, written out so that
the catalogue test finds every key in the code."""
SKILLS = tuple(SKILL_KEYS)

DEFAULT_REVEAL_AFTER = 3
"""Attempts after which the model answer may be revealed (a pack or an exercise may change it)."""
MAX_ITEMS = 5

PACK_KEYS = (
    "id",
    "lang",
    "title",
    "description",
    "level",
    "reveal_after",
    "glossary",
    "exercises",
)
EXERCISE_KEYS = (
    "id",
    "title",
    "kind",
    "skill",
    "level",
    "answer",
    "items",
    "context",
    "instructions",
    "draft",
    "criteria",
    "hints",
    "model_answer",
    "explanation",
    "choices",
    "reveal_after",
    "glossary",
)
CRITERION_KEYS = ("when", "label")
CHOICE_KEYS = ("text", "correct", "confirm", "feedback")

PLACEHOLDERS = ("year", "next_year", "last_year")
"""`{next_year}` in a text becomes next year's number when the pack is loaded, so a model answer's
deadline never falls in the past as the years go by."""


_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


def split_items(text: str, expected: int) -> list[str]:
    """The answer's items: the whole text for one item, else its non-empty lines (a leading
    "- " or "1." is dropped)."""
    if expected <= 1:
        one = " ".join(text.split())
        return [one] if one else []
    items = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        if line:
            items.append(" ".join(line.split()))
    return items


def skill_label(skill: str, lang: str) -> str:
    """The skill's name in `lang`; a skill this version does not know shows its id."""
    key = SKILL_KEYS.get(skill)
    return t(lang, key) if key else skill


@dataclass(frozen=True)
class Criterion:
    """A condition on the engine's assessment of an answer, with the label the trainee sees."""

    when: str
    label: str
    predicate: Predicate = field(compare=False, repr=False)

    def met(self, facts: Any) -> bool:
        return bool(self.predicate(facts))


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    confirm: Criterion | None = None
    """When set, holds on the draft's assessment exactly when this choice is the right one: the
    engine confirms the answer key (checked by `facilitator exercises check`)."""
    feedback: str = ""


@dataclass(frozen=True)
class Exercise:
    pack: str
    id: str
    number: int  # 1-based position in the pack
    title: str
    kind: str  # objective | key_result
    skill: str
    level: int
    answer: str  # rewrite | choice
    items: int  # lines expected in a rewrite answer (3 key results …)
    instructions: str
    context: str
    draft: str
    criteria: tuple[Criterion, ...]
    hints: tuple[str, ...]
    model_answer: str
    explanation: str
    choices: tuple[Choice, ...]
    reveal_after: int
    glossary: tuple[str, ...]
    lang: str

    @property
    def key(self) -> str:
        """The exercise's id in progress files: "pack/exercise"."""
        return f"{self.pack}/{self.id}"

    @property
    def is_choice(self) -> bool:
        return self.answer == "choice"

    @property
    def find_yourself(self) -> bool:
        """A "find the problem yourself" exercise (a `spot` exercise answered by rewriting): the
        criteria and the coach would give the problem away, so they stay hidden until the
        trainee's first attempt."""
        return self.skill == "spot" and not self.is_choice

    @property
    def correct_choice(self) -> int:
        return next((i for i, c in enumerate(self.choices) if c.correct), -1)

    def draft_items(self) -> list[str]:
        return split_items(self.draft, self.items)


@dataclass(frozen=True)
class Pack:
    id: str
    lang: str
    title: str
    description: str
    level: int
    reveal_after: int
    glossary: tuple[str, ...]
    exercises: tuple[Exercise, ...]
    path: Path

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(f"pack {self.id!r} has no exercise {exercise_id!r}")

    def skills(self) -> list[str]:
        return list(dict.fromkeys(e.skill for e in self.exercises))
