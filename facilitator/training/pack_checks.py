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


def _text(table: dict[str, Any], key: str, prefix: str, c: Check, *, required: bool) -> bool:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, f'missing: write {key} = "…" (see workshops/exercises/README.md)')
        return False
    if isinstance(value, dict):
        c.error(
            field,
            f'a pack is written in one language (its "lang"): write {key} = "…", not '
            f"{key}.fr / {key}.en; put the other language in a pack of its own",
        )
        return False
    if not isinstance(value, str) or not value.strip():
        c.error(field, "empty or not text: write the text in quotes")
        return False
    return True


def _positive(table: dict[str, Any], key: str, prefix: str, c: Check, *, required: bool) -> None:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, f"missing: give a whole number above 0, e.g. {key} = 1")
    elif isinstance(value, str) and value.strip().isdigit():
        c.error(field, f"write the number without quotes: {key} = {value.strip()}")
    elif not is_positive_int(value):
        c.error(field, f"must be a whole number above 0 (without quotes), not {value!r}")


def _strings(table: dict[str, Any], key: str, prefix: str, c: Check, *, required: bool) -> None:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        if required:
            c.error(field, f'missing: write {key} = ["…", "…"]')
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        c.error(field, f'must be a list of texts in quotes, e.g. {key} = ["…", "…"]')
    elif required and not value:
        c.error(field, f'empty: write at least one, e.g. {key} = ["…"]')


def check_structure(data: dict[str, Any], stem: str, c: Check) -> None:
    """Every field of a pack file's `data` (its file named `stem`), each problem added to `c`."""
    check_unknown_keys(data, PACK_KEYS, "", c)
    pack_id = check_id(data, "", "pack", c, example="fr-1-reperer")
    if pack_id and pack_id != stem:
        c.warning(
            "id",
            f'id "{pack_id}" differs from the file name "{stem}.toml"; rename the file to '
            f'"{pack_id}.toml" so the pack can be found by its id',
        )
    lang = check_choice(data, "lang", LANGUAGES, "", "lang", c)
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
        c.error(
            "exercises",
            "no exercises: add at least one [[exercises]] block "
            "(see workshops/exercises/README.md)",
        )
        return
    first: dict[str, int] = {}
    previous_level = 0
    for number, exercise in enumerate(exercises, 1):
        prefix = f"exercises[{number}]"
        level = _check_exercise(exercise, prefix, lang or "fr", c)
        exercise_id = exercise.get("id")
        if isinstance(exercise_id, str) and ID.match(exercise_id):
            if exercise_id in first:
                c.error(
                    f"{prefix}.id",
                    f'duplicate exercise id "{exercise_id}" (already used by '
                    f"exercises[{first[exercise_id]}]): rename this one",
                )
            else:
                first[exercise_id] = number
        if level is not None:
            if level < previous_level:
                c.warning(
                    f"{prefix}.level",
                    f"level {level} comes after a level {previous_level} exercise: order the "
                    "exercises from easy to hard so a trainee meets them in that order",
                )
            previous_level = max(previous_level, level)


def _check_exercise(ex: dict[str, Any], prefix: str, lang: str, c: Check) -> int | None:
    check_unknown_keys(ex, EXERCISE_KEYS, prefix, c)
    check_id(ex, prefix, "exercise", c, example="activite-ou-resultat")
    for key in ("title", "instructions", "draft", "model_answer", "explanation"):
        _text(ex, key, prefix, c, required=True)
    _text(ex, "context", prefix, c, required=False)
    kind = check_choice(ex, "kind", KINDS, prefix, "kind", c)
    check_choice(ex, "skill", SKILLS, prefix, "skill", c)
    _positive(ex, "level", prefix, c, required=True)
    _positive(ex, "reveal_after", prefix, c, required=False)
    _strings(ex, "hints", prefix, c, required=True)
    _strings(ex, "glossary", prefix, c, required=False)
    answer = ex.get("answer", "rewrite")
    if answer not in ANSWERS:
        check_choice(ex, "answer", ANSWERS, prefix, "answer", c)
        answer = None
    items = ex.get("items", 1)
    if not is_positive_int(items) or items > MAX_ITEMS:
        c.error(
            f"{prefix}.items",
            f"must be a whole number from 1 to {MAX_ITEMS} (the lines expected in the answer), "
            f"not {items!r}",
        )
        items = None
    elif answer == "choice" and items != 1:
        c.error(f"{prefix}.items", "a choice exercise has one draft: remove items")
    _check_criteria(ex, prefix, lang, kind, c)
    if answer == "choice":
        _check_choices(ex, prefix, lang, c)
    elif "choices" in ex:
        c.warning(
            f"{prefix}.choices",
            'choices are only used when answer = "choice"; they are ignored here',
        )
    if isinstance(items, int) and isinstance(ex.get("model_answer"), str):
        found = len(split_items(ex["model_answer"], items))
        if items > 1 and found != items:
            c.error(
                f"{prefix}.model_answer",
                f"the exercise asks for {items} items (one per line) but the model answer has "
                f'{found}: write them on {items} lines inside """…"""',
            )
    for key in ("draft", "model_answer", "instructions", "context", "explanation"):
        value = ex.get(key)
        if isinstance(value, str):
            for name in re.findall(r"\{([a-z_]+)\}", value):
                if name not in PLACEHOLDERS and name.endswith("year"):
                    c.warning(
                        f"{prefix}.{key}",
                        f'unknown placeholder "{{{name}}}"; use one of: '
                        + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS),
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


def _check_criteria(ex: dict[str, Any], prefix: str, lang: str, kind: str | None, c: Check) -> None:
    field, value = f"{prefix}.criteria", ex.get("criteria")
    if not isinstance(value, list) or not value:
        c.error(
            field,
            "missing or empty: list the conditions the answer must meet, e.g. criteria = "
            '["not rule.kr-output-activity", "measurable", "has_deadline"]',
        )
        return
    rules = rule_info(lang)
    for number, raw in enumerate(value, 1):
        item = f"{field}[{number}]"
        parts = criterion_parts(raw)
        if parts is None:
            c.error(
                item,
                'write a condition in quotes ("measurable") or a table { when = "…", label = "…" }',
            )
            continue
        if isinstance(raw, dict):
            check_unknown_keys(raw, CRITERION_KEYS, item, c)
        try:
            compile_criterion(parts[0], parts[1], lang)
        except CriterionError as error:
            c.error(item, str(error))
            continue
        for name in names_in(parts[0]):
            if not name.startswith(RULE_PREFIX) or kind is None:
                continue
            info = rules.get(name[len(RULE_PREFIX) :])
            applies = info.applies_to if info else ""
            if applies not in ("", "both", kind):
                c.warning(
                    item,
                    f'rule "{name[len(RULE_PREFIX) :]}" only applies to {applies} drafts and '
                    f"never fires on a {kind}: this criterion can never change",
                )


def _check_choices(ex: dict[str, Any], prefix: str, lang: str, c: Check) -> None:
    field, value = f"{prefix}.choices", ex.get("choices")
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(x, dict) for x in value):
        c.error(
            field,
            "a choice exercise needs at least two [[exercises.choices]] blocks, each with "
            'text = "…" and, for the right one, correct = true',
        )
        return
    correct = 0
    for number, choice in enumerate(value, 1):
        item = f"{field}[{number}]"
        check_unknown_keys(choice, CHOICE_KEYS, item, c)
        _text(choice, "text", item, c, required=True)
        _text(choice, "feedback", item, c, required=False)
        flag = choice.get("correct", False)
        if not isinstance(flag, bool):
            c.error(f"{item}.correct", f"must be true or false (without quotes), not {flag!r}")
        elif flag:
            correct += 1
        confirm = choice.get("confirm")
        if confirm is not None:
            if not isinstance(confirm, str):
                c.error(f"{item}.confirm", 'write a condition in quotes, e.g. confirm = "output"')
            else:
                try:
                    compile_criterion(confirm, "-", lang)
                except CriterionError as error:
                    c.error(f"{item}.confirm", str(error))
    if correct != 1:
        c.error(
            field,
            f"{correct} choices are marked correct = true: mark exactly one (the right answer)",
        )


# ---------------------------------------------------------------------------------------------
# The engine's verdict


_KEPT_PARTS = (("has_deadline", "a deadline"), ("has_baseline", "a starting value"))
"""What a rewrite must not lose when both the draft and the model answer have it."""


def check_with_engine(exercise: Exercise, engine: Any, c: Check) -> None:
    """The engine's verdict on a built exercise, each disagreement added to `c`: the starting
    draft must fail its criteria, the model answer meet them, each choice's `confirm` agree."""
    prefix = f"exercises[{exercise.number}]"
    draft = assess_items(engine, exercise, split_items(exercise.draft, exercise.items))
    draft_grade = grade(exercise.criteria, exercise.items, draft)
    if draft_grade.passed:
        c.error(
            f"{prefix}.draft",
            "the starting draft already meets every criterion, so there is nothing to practise: "
            "make the draft weaker or the criteria stricter (engine: "
            + " | ".join(fact_summary(a) for a in draft)
            + ")",
        )
    model = assess_items(engine, exercise, split_items(exercise.model_answer, exercise.items))
    model_grade = grade(exercise.criteria, exercise.items, model)
    if not model_grade.passed:
        failed = [
            cr.label for cr, ok in zip(exercise.criteria, model_grade.checks, strict=True) if not ok
        ]
        if not model_grade.count_ok:
            failed.insert(0, f"{exercise.items} distinct items")
        c.error(
            f"{prefix}.model_answer",
            "the model answer does not meet: "
            + "; ".join(failed)
            + " (engine: "
            + " | ".join(fact_summary(a) for a in model)
            + "); change the model answer or the criteria",
        )
    if not exercise.is_choice and draft and model:
        named = {n for c in exercise.criteria for n in names_in(c.when)}
        for name, what in _KEPT_PARTS:
            kept = all(facts(a)[name] for a in draft) and all(facts(a)[name] for a in model)
            if kept and name not in named:
                c.warning(
                    f"{prefix}.criteria",
                    f"the draft and the model answer both have {what}, but no criterion checks "
                    f'it: an answer that drops it would pass; add "{name}" to the criteria',
                )
    if exercise.is_choice and draft:
        draft_facts = facts(draft[0])
        for number, choice in enumerate(exercise.choices, 1):
            if choice.confirm is None:
                continue
            holds = choice.confirm.met(draft_facts)
            if holds != choice.correct:
                what = "right answer" if choice.correct else "wrong answer"
                c.error(
                    f"{prefix}.choices[{number}].confirm",
                    f'the engine disagrees with the answer key: "{choice.confirm.when}" is '
                    f"{'true' if holds else 'false'} on the draft, yet this choice is the {what} "
                    f"(engine: {fact_summary(draft_facts)})",
                )
