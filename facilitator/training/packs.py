"""Exercise packs: `workshops/exercises/*.toml` → `Pack` objects, and their checker.

A trainer writes a pack without Python, so a mistake comes back as "file:line: field: what is
wrong and what to do" (the workshop templates' format and line locator, shared through
`facilitator.datafiles`). `check_pack(path, engine)` goes further and asks the real
engine whether each starting draft fails its criteria and each model answer meets them: a pack
that validates this way teaches what the coach will actually say.

Headless: no Textual, and no spaCy unless an engine is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from facilitator.datafiles import (
    ID,
    Check,
    ItemLocator,
    Problem,
    check_choice,
    check_id,
    check_unknown_keys,
    did_you_mean,
    duplicates,
    has_errors,
    is_positive_int,
    join,
    read_toml,
    reflow,
)
from facilitator.paths import data_dir
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
    DEFAULT_REVEAL_AFTER,
    EXERCISE_KEYS,
    KINDS,
    LANGUAGES,
    MAX_ITEMS,
    PACK_KEYS,
    PLACEHOLDERS,
    SKILLS,
    Choice,
    Criterion,
    Exercise,
    Pack,
)

__all__ = [
    "PackError",
    "Problem",
    "check_pack",
    "has_errors",
    "list_packs",
    "load_pack",
    "load_packs",
    "packs_dir",
    "user_packs_dir",
]


class PackError(Exception):
    """A pack that cannot be used; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def packs_dir() -> Path:
    return data_dir("workshops") / "exercises"


USER_PACKS = "packs"
"""A trainer's own packs: this folder inside the data folder (beside the sessions' files)."""


def user_packs_dir(data_dir: str | Path) -> Path:
    """Where a trainer puts packs of their own so the app lists them: `<data dir>/packs`."""
    return Path(data_dir) / USER_PACKS


def load_packs(
    folder: Path | None = None, extra: Iterable[str | Path] = ()
) -> tuple[list[Pack], list[Problem]]:
    """Every pack in `folder` (the shipped ones by default), then in each `extra` folder (a
    trainer's own; a missing one is skipped), that loads, easiest first (by level, then
    language and id), and the problems of those that do not: one broken pack never hides the
    others. A pack whose id another already uses is left out, with a problem saying so."""
    paths: list[Path] = sorted((folder or packs_dir()).glob("*.toml"))
    for more in extra:
        more = Path(more).expanduser()
        if more.is_dir() and more.resolve() != (folder or packs_dir()).resolve():
            paths.extend(sorted(more.glob("*.toml")))
    loaded: list[Pack] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_pack(path))
        except PackError as error:
            problems.extend(error.problems)
    left_out = set()
    for pack, other in duplicates(loaded, key=lambda p: p.id):
        left_out.add(id(pack))
        message = f'id "{pack.id}" is already used by {other.path}: give this pack another id'
        problems.append(Problem(str(pack.path), 1, "id", message))
    packs = [pack for pack in loaded if id(pack) not in left_out]
    packs.sort(key=lambda p: (p.level, p.lang, p.id))
    return packs, problems


def list_packs(folder: Path | None = None) -> list[Pack]:
    """Every shipped pack; a broken one raises PackError rather than vanishing."""
    packs, problems = load_packs(folder)
    if problems:
        raise PackError(problems)
    return packs


def load_pack(ref: str | Path, *, today: date | None = None) -> Pack:
    """A shipped pack by id ("fr-1-reperer") or any pack file by path."""
    path = _resolve(ref)
    data, problems, _ = _read(path)
    if data is None or has_errors(problems):
        raise PackError([p for p in problems if p.is_error])
    return _build(data, path, today or date.today())


def check_pack(path: str | Path, engine: Any = None) -> list[Problem]:
    """All problems of one pack file, errors and warnings, in file order.

    With an `engine`, a pack without errors is also graded by it: each starting draft must fail
    its criteria, each model answer must meet them, and each choice's `confirm` condition must
    agree with the answer key.
    """
    path = Path(path)
    data, problems, check = _read(path)
    if data is not None and engine is not None and not has_errors(problems) and check is not None:
        pack = _build(data, path, date.today())
        for exercise in pack.exercises:
            _check_with_engine(exercise, engine, check)
        problems = sorted(check.problems, key=lambda p: p.line)
    return problems


def _resolve(ref: str | Path) -> Path:
    if isinstance(ref, Path) or "/" in ref or "\\" in ref or ref.endswith(".toml"):
        return Path(ref)
    path = packs_dir() / f"{ref}.toml"
    if path.is_file():
        return path
    packs, _ = load_packs()
    for pack in packs:
        if pack.id == ref:
            return pack.path
    ids = [p.id for p in packs]
    message = f'no pack "{ref}"; {did_you_mean(ref, ids)}available: {", ".join(ids)}'
    raise PackError([Problem(str(packs_dir()), 1, "id", message)])


# ---------------------------------------------------------------------------------------------
# Reading and checking


def _read(path: Path) -> tuple[dict[str, Any] | None, list[Problem], Check | None]:
    data, locator, problems = read_toml(path, ItemLocator)
    if data is None:
        return None, problems, None
    check = Check(str(path), locator)
    _check_pack(data, path.stem, check)
    check.problems.sort(key=lambda p: p.line)
    return data, check.problems, check


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


def _check_pack(data: dict[str, Any], stem: str, c: Check) -> None:
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


def _criterion_parts(raw: Any) -> tuple[str, str] | None:
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
        parts = _criterion_parts(raw)
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
# Building (only ever called on data that passed the checks)


def _fill(text: str, today: date) -> str:
    for name, year in (
        ("year", today.year),
        ("next_year", today.year + 1),
        ("last_year", today.year - 1),
    ):
        text = text.replace(f"{{{name}}}", str(year))
    return text


def _flow(text: str, today: date) -> str:
    return reflow(_fill(text, today))


def _lines(text: str, today: date) -> str:
    """A draft or model answer: kept line by line (items), each line's spaces tidied."""
    lines = [" ".join(line.split()) for line in _fill(text, today).strip().splitlines()]
    return "\n".join(line for line in lines if line)


def _build(data: dict[str, Any], path: Path, today: date) -> Pack:
    lang = data["lang"]
    reveal = data.get("reveal_after", DEFAULT_REVEAL_AFTER)
    pack_glossary = tuple(data.get("glossary", ()))
    exercises = []
    for number, raw in enumerate(data["exercises"], 1):
        criteria: list[Criterion] = []
        for item in raw["criteria"]:
            source, label = _criterion_parts(item) or ("", "")
            criteria.append(compile_criterion(source, label, lang))
        choices = []
        if raw.get("answer", "rewrite") == "choice":
            for choice in raw["choices"]:
                confirm = choice.get("confirm")
                choices.append(
                    Choice(
                        text=_flow(choice["text"], today),
                        correct=bool(choice.get("correct", False)),
                        confirm=compile_criterion(confirm, "-", lang) if confirm else None,
                        feedback=_flow(choice.get("feedback", ""), today),
                    )
                )
        exercises.append(
            Exercise(
                pack=data["id"],
                id=raw["id"],
                number=number,
                title=" ".join(raw["title"].split()),
                kind=raw["kind"],
                skill=raw["skill"],
                level=raw["level"],
                answer=raw.get("answer", "rewrite"),
                items=raw.get("items", 1),
                instructions=_flow(raw["instructions"], today),
                context=_flow(raw.get("context", ""), today),
                draft=_lines(raw["draft"], today),
                criteria=tuple(criteria),
                hints=tuple(_flow(h, today) for h in raw["hints"]),
                model_answer=_lines(raw["model_answer"], today),
                explanation=_flow(raw["explanation"], today),
                choices=tuple(choices),
                reveal_after=raw.get("reveal_after", reveal),
                glossary=pack_glossary + tuple(raw.get("glossary", ())),
                lang=lang,
            )
        )
    return Pack(
        id=data["id"],
        lang=lang,
        title=" ".join(data["title"].split()),
        description=reflow(data["description"]),
        level=data.get("level", 1),
        reveal_after=reveal,
        glossary=pack_glossary,
        exercises=tuple(exercises),
        path=path,
    )


# ---------------------------------------------------------------------------------------------
# The engine's verdict


_KEPT_PARTS = (("has_deadline", "a deadline"), ("has_baseline", "a starting value"))
"""What a rewrite must not lose when both the draft and the model answer have it."""


def _check_with_engine(exercise: Exercise, engine: Any, c: Check) -> None:
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
