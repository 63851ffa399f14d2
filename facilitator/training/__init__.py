"""Trainer mode, headless: exercise packs, their grading by the engine, trainee progress, reports.

    from facilitator.training import load_pack, grade_text
    pack = load_pack("fr-1-reperer")
    exercise = pack.exercises[0]
    grade_text(engine, exercise, "Faire passer … de 20 % à 30 % d'ici fin juin").passed

Never imports Textual, and spaCy only through an engine the caller passes in (a test checks).
The TUI (facilitator.tui.screens.training*) and the CLI (`facilitator exercises`, `train`) use
this API.
"""

from facilitator.training.criteria import (
    Grade,
    assess_items,
    facts,
    fired_rules,
    grade,
    grade_text,
    mean_scores,
)
from facilitator.training.model import (
    DEFAULT_REVEAL_AFTER,
    SKILLS,
    Choice,
    Criterion,
    Exercise,
    Pack,
    skill_label,
    split_items,
)
from facilitator.training.packs import (
    PackError,
    Problem,
    check_pack,
    has_errors,
    list_packs,
    load_pack,
    load_packs,
    packs_dir,
    user_packs_dir,
)

__all__ = [
    "DEFAULT_REVEAL_AFTER",
    "SKILLS",
    "Choice",
    "Criterion",
    "Exercise",
    "Grade",
    "Pack",
    "PackError",
    "Problem",
    "assess_items",
    "check_pack",
    "facts",
    "fired_rules",
    "grade",
    "grade_text",
    "has_errors",
    "list_packs",
    "load_pack",
    "load_packs",
    "mean_scores",
    "packs_dir",
    "skill_label",
    "split_items",
    "user_packs_dir",
]
