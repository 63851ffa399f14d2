"""The exercise packs' checks: every field of a pack file, then (with an engine) whether each
starting draft fails its criteria and each model answer meets them.

`check_structure` reports each problem as "file:line: field: what is wrong and what to do"
through `facilitator.datafiles.Check`; `packs.py` reads and builds the packs it lets through.
Headless: no Textual, and no spaCy unless an engine is passed in.
"""

from __future__ import annotations

import re
from typing import Any

from facilitator.datafiles import (
    ID,
    Check,
    check_choice,
    check_id,
    check_unknown_keys,
    is_positive_int,
    join,
)
from facilitator.locales import t
from facilitator.training.criteria import (
    RULE_PREFIX,
    CriterionError,
    assess_items,
    compile_criterion,
    fact_summary,
    facts,
    grade,
    names_in,
    rule_info,
    split_items,
)
from facilitator.training.model import (
    ANSWERS,
    CHOICE_KEYS,
    CRITERION_KEYS,
    EXERCISE_KEYS,
    KINDS,
    LANGUAGES,
    MAX_ITEMS,
    PACK_KEYS,
    PLACEHOLDERS,
    SKILLS,
    Exercise,
)


class Report:
    """A pack's problems in the trainer's language (the `Check`'s): each message is a catalogue
    key (`pack.check.*`) filled in that language, added to the file's `Check` (file:line:
    field)."""

    def __init__(self, check: Check) -> None:
        self.check, self.lang = check, check.lang

    def error(self, field: str, key: str, /, **values: object) -> None:
        self.check.error(field, t(self.lang, key, **values))

    def warning(self, field: str, key: str, /, **values: object) -> None:
        self.check.warning(field, t(self.lang, key, **values))


def _text(table: dict[str, Any], key: str, prefix: str, c: Report, *, required: bool) -> bool:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, "pack.check.text.missing", key=key)
        return False
    if isinstance(value, dict):
        c.error(field, "pack.check.text.one_language", key=key)
        return False
    if not isinstance(value, str) or not value.strip():
        c.error(field, "pack.check.text.empty")
        return False
    return True


def _positive(table: dict[str, Any], key: str, prefix: str, c: Report, *, required: bool) -> None:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, "pack.check.number.missing", key=key)
    elif isinstance(value, str) and value.strip().isdigit():
        c.error(field, "pack.check.number.quoted", key=key, value=value.strip())
    elif not is_positive_int(value):
        c.error(field, "pack.check.number.bad", value=repr(value))


def _strings(table: dict[str, Any], key: str, prefix: str, c: Report, *, required: bool) -> None:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, "pack.check.list.missing", key=key)
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        c.error(field, "pack.check.list.bad", key=key)
    elif required and not value:
        c.error(field, "pack.check.list.empty", key=key)


def check_structure(data: dict[str, Any], stem: str, check: Check) -> None:
    """Every field of a pack file's `data` (its file named `stem`), each problem added to
    `check`, in its language (`check.lang`, the shared checks of ids, choices and unknown keys
    included)."""
    c = Report(check)
    check_unknown_keys(data, PACK_KEYS, "", check)
    pack_id = check_id(data, "", "pack", check, example="fr-1-reperer")
    if pack_id and pack_id != stem:
        c.warning("id", "pack.check.id.file", id=pack_id, stem=stem)
    pack_lang = check_choice(data, "lang", LANGUAGES, "", "lang", check)
    for key in ("title", "description"):
        _text(data, key, "", c, required=True)
    _positive(data, "level", "", c, required=False)
    _positive(data, "reveal_after", "", c, required=False)
    _strings(data, "glossary", "", c, required=False)
    exercises = data.get("exercises")
    if (
        not isinstance(exercises, list)
        or not exercises
        or not all(isinstance(e, dict) for e in exercises)
    ):
        c.error("exercises", "pack.check.no_exercises")
        return
    first: dict[str, int] = {}
    previous_level = 0
    for number, exercise in enumerate(exercises, 1):
        prefix = f"exercises[{number}]"
        level = _check_exercise(exercise, prefix, pack_lang or "fr", c)
        exercise_id = exercise.get("id")
        if isinstance(exercise_id, str) and ID.match(exercise_id):
            if exercise_id in first:
                c.error(f"{prefix}.id", "pack.check.id.twice", id=exercise_id, n=first[exercise_id])
            else:
                first[exercise_id] = number
        if level is not None:
            if level < previous_level:
                c.warning(
                    f"{prefix}.level", "pack.check.level.order", level=level, before=previous_level
                )
            previous_level = max(previous_level, level)


def _check_exercise(ex: dict[str, Any], prefix: str, lang: str, c: Report) -> int | None:
    check_unknown_keys(ex, EXERCISE_KEYS, prefix, c.check)
    check_id(ex, prefix, "exercise", c.check, example="activite-ou-resultat")
    for key in ("title", "instructions", "draft", "model_answer", "explanation"):
        _text(ex, key, prefix, c, required=True)
    _text(ex, "context", prefix, c, required=False)
    kind = check_choice(ex, "kind", KINDS, prefix, "kind", c.check)
    check_choice(ex, "skill", SKILLS, prefix, "skill", c.check)
    _positive(ex, "level", prefix, c, required=True)
    _positive(ex, "reveal_after", prefix, c, required=False)
    _strings(ex, "hints", prefix, c, required=True)
    _strings(ex, "glossary", prefix, c, required=False)
    answer = ex.get("answer", "rewrite")
    if answer not in ANSWERS:
        check_choice(ex, "answer", ANSWERS, prefix, "answer", c.check)
        answer = None
    items = ex.get("items", 1)
    if not is_positive_int(items) or items > MAX_ITEMS:
        c.error(f"{prefix}.items", "pack.check.items.bad", max=MAX_ITEMS, value=repr(items))
        items = None
    elif answer == "choice" and items != 1:
        c.error(f"{prefix}.items", "pack.check.items.choice")
    _check_criteria(ex, prefix, lang, kind, c)
    if answer == "choice":
        _check_choices(ex, prefix, lang, c)
    elif "choices" in ex:
        c.warning(f"{prefix}.choices", "pack.check.choices.unused")
    if isinstance(items, int) and isinstance(ex.get("model_answer"), str):
        found = len(split_items(ex["model_answer"], items))
        if items > 1 and found != items:
            c.error(f"{prefix}.model_answer", "pack.check.items.model", items=items, found=found)
    for key in ("draft", "model_answer", "instructions", "context", "explanation"):
        value = ex.get(key)
        if isinstance(value, str):
            for name in re.findall(r"\{([a-z_]+)\}", value):
                if name not in PLACEHOLDERS and name.endswith("year"):
                    c.warning(
                        f"{prefix}.{key}",
                        "pack.check.placeholder",
                        name="{" + name + "}",
                        known=", ".join("{" + p + "}" for p in PLACEHOLDERS),
                    )
    level = ex.get("level")
    return level if is_positive_int(level) else None


def criterion_parts(raw: Any) -> tuple[str, str] | None:
    """(condition, label) of a criterion written as a text or a `{ when, label }` table; None
    for anything else."""
    if isinstance(raw, str):
        return raw, ""
    if isinstance(raw, dict) and isinstance(raw.get("when"), str):
        label = raw.get("label", "")
        return raw["when"], label if isinstance(label, str) else ""
    return None


def _check_criteria(
    ex: dict[str, Any], prefix: str, lang: str, kind: str | None, c: Report
) -> None:
    field, value = f"{prefix}.criteria", ex.get("criteria")
    if not isinstance(value, list) or not value:
        c.error(field, "pack.check.criteria.missing")
        return
    rules = rule_info(lang)
    for number, raw in enumerate(value, 1):
        item = f"{field}[{number}]"
        parts = criterion_parts(raw)
        if parts is None:
            c.error(item, "pack.check.criteria.form", table='{ when = "…", label = "…" }')
            continue
        if isinstance(raw, dict):
            check_unknown_keys(raw, CRITERION_KEYS, item, c.check)
        try:
            compile_criterion(parts[0], parts[1], lang)
        except CriterionError as error:
            c.check.error(item, error.text(c.lang))
            continue
        for name in names_in(parts[0]):
            if not name.startswith(RULE_PREFIX) or kind is None:
                continue
            info = rules.get(name[len(RULE_PREFIX) :])
            applies = info.applies_to if info else ""
            if applies not in ("", "both", kind):
                c.warning(
                    item,
                    "pack.check.criteria.never",
                    rule=name[len(RULE_PREFIX) :],
                    applies=applies,
                    kind=kind,
                )


def _check_choices(ex: dict[str, Any], prefix: str, lang: str, c: Report) -> None:
    field, value = f"{prefix}.choices", ex.get("choices")
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(x, dict) for x in value):
        c.error(field, "pack.check.choices.missing")
        return
    correct = 0
    for number, choice in enumerate(value, 1):
        item = f"{field}[{number}]"
        check_unknown_keys(choice, CHOICE_KEYS, item, c.check)
        _text(choice, "text", item, c, required=True)
        _text(choice, "feedback", item, c, required=False)
        flag = choice.get("correct", False)
        if not isinstance(flag, bool):
            c.error(f"{item}.correct", "pack.check.choices.flag", value=repr(flag))
        elif flag:
            correct += 1
        confirm = choice.get("confirm")
        if confirm is not None:
            if not isinstance(confirm, str):
                c.error(f"{item}.confirm", "pack.check.choices.confirm")
            else:
                try:
                    compile_criterion(confirm, "-", lang)
                except CriterionError as error:
                    c.check.error(f"{item}.confirm", error.text(c.lang))
    if correct != 1:
        c.error(field, "pack.check.choices.correct", count=correct)


# ---------------------------------------------------------------------------------------------
# The engine's verdict


_KEPT_PARTS = (
    ("has_deadline", "pack.check.kept.deadline"),
    ("has_baseline", "pack.check.kept.baseline"),
)
"""What a rewrite must not lose when both the draft and the model answer have it."""


def check_with_engine(exercise: Exercise, engine: Any, check: Check) -> None:
    """The engine's verdict on a built exercise, each disagreement added to `check` in its
    language: the starting draft must fail its criteria, the model answer meet them, each
    choice's `confirm` agree."""
    c = Report(check)
    prefix = f"exercises[{exercise.number}]"
    draft = assess_items(engine, exercise, split_items(exercise.draft, exercise.items))
    draft_grade = grade(exercise.criteria, exercise.items, draft)
    if draft_grade.passed:
        c.error(
            f"{prefix}.draft",
            "pack.check.engine.draft",
            engine=" | ".join(fact_summary(a) for a in draft),
        )
    model = assess_items(engine, exercise, split_items(exercise.model_answer, exercise.items))
    model_grade = grade(exercise.criteria, exercise.items, model)
    if not model_grade.passed:
        failed = [
            cr.label for cr, ok in zip(exercise.criteria, model_grade.checks, strict=True) if not ok
        ]
        if not model_grade.count_ok:
            failed.insert(0, t(c.lang, "pack.check.engine.items", n=exercise.items))
        c.error(
            f"{prefix}.model_answer",
            "pack.check.engine.model",
            failed="; ".join(failed),
            engine=" | ".join(fact_summary(a) for a in model),
        )
    if not exercise.is_choice and draft and model:
        named = {n for c in exercise.criteria for n in names_in(c.when)}
        for name, what in _KEPT_PARTS:
            kept = all(facts(a)[name] for a in draft) and all(facts(a)[name] for a in model)
            if kept and name not in named:
                c.warning(
                    f"{prefix}.criteria", "pack.check.engine.kept", what=t(c.lang, what), name=name
                )
    if exercise.is_choice and draft:
        draft_facts = facts(draft[0])
        for number, choice in enumerate(exercise.choices, 1):
            if choice.confirm is None:
                continue
            holds = choice.confirm.met(draft_facts)
            if holds != choice.correct:
                c.error(
                    f"{prefix}.choices[{number}].confirm",
                    "pack.check.engine.right" if choice.correct else "pack.check.engine.wrong",
                    when=choice.confirm.when,
                    holds="true" if holds else "false",
                    engine=fact_summary(draft_facts),
                )
