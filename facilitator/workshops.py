"""Workshop templates: `workshops/*.toml` → frozen `Template` / `Step` objects, and their checker.

A template is data that a consultant writes without Python, so a mistake must come back as
"file:line: field: what is wrong and what to do", never as a traceback. The format is documented
in workshops/README.md; the constants below are its single source of truth (a test keeps the
README in step with them). Reading the file, the line numbers and the checks every data file
shares are `facilitator.datafiles`'s; this module checks what is particular to a template.

Headless on purpose: no Textual, no spaCy (the CLI lists templates without paying for either).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from facilitator.datafiles import (
    Check,
    Locator,
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

LANGUAGES = ("fr", "en")
_LANGUAGE_NAMES = {"fr": "French", "en": "English"}

# Ordered as an OKR cycle runs: listings follow this order.
TEMPLATE_KINDS = ("framing", "drafting", "review", "retrospective")
STEP_KINDS = (
    "intro",
    "brainstorm",
    "cluster",
    "draft_objectives",
    "draft_key_results",
    "vote",
    "alignment",
    "decisions",
    "review",
    "grading",
    "retro",
    "wrapup",
    "break",
    "discussion",
)

TEMPLATE_TEXTS = ("title", "description")
STEP_TEXTS = ("title", "script", "instruction")
# Optional step settings: name → (type, step kinds that use it, default).
STEP_OPTIONS: dict[str, tuple[type, tuple[str, ...], object]] = {
    "anonymous": (bool, ("brainstorm",), False),
    "dots_per_participant": (int, ("vote",), 3),
    "hide_votes_until_all": (bool, ("vote",), True),
}
TEMPLATE_KEYS = ("id", "kind", "title", "description", "duration_minutes", "participants", "steps")
STEP_KEYS = ("id", "kind", "minutes", "title", "script", "prompts", "instruction", *STEP_OPTIONS)

T = TypeVar("T")


def _lang(lang: str) -> str:
    """Accept "fr", "FR", "fr_FR", "en-GB" …; refuse a language the templates do not carry."""
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return code


# ---------------------------------------------------------------------------------------------
# Domain objects


@dataclass(frozen=True)
class Localized(Generic[T]):
    """One value per language; templates always carry both."""

    fr: T
    en: T

    def get(self, lang: str) -> T:
        return self.fr if _lang(lang) == "fr" else self.en


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    minutes: int
    title: Localized[str]
    script: Localized[str]
    prompts: Localized[tuple[str, ...]]
    instruction: Localized[str]
    anonymous: bool = False  # brainstorm only
    dots_per_participant: int = 3  # vote only
    hide_votes_until_all: bool = True  # vote only

    def text(self, field: str, lang: str) -> str:
        """`field` is one of STEP_TEXTS ("title", "script", "instruction")."""
        if field not in STEP_TEXTS:
            raise ValueError(f"unknown step text {field!r}: use one of {', '.join(STEP_TEXTS)}")
        value: Localized[str] = getattr(self, field)
        return value.get(lang)

    def prompt_list(self, lang: str) -> tuple[str, ...]:
        return self.prompts.get(lang)


@dataclass(frozen=True)
class Template:
    id: str
    kind: str
    title: Localized[str]
    description: Localized[str]
    duration_minutes: int
    participants: str
    steps: tuple[Step, ...]
    path: Path

    def text(self, field: str, lang: str) -> str:
        """`field` is one of TEMPLATE_TEXTS ("title", "description")."""
        if field not in TEMPLATE_TEXTS:
            raise ValueError(f"unknown template text {field!r}: use one of {TEMPLATE_TEXTS}")
        value: Localized[str] = getattr(self, field)
        return value.get(lang)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"template {self.id!r} has no step {step_id!r}")


class TemplateError(Exception):
    """A template that cannot be used; `problems` says where and why (warnings included)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# ---------------------------------------------------------------------------------------------
# Public API


def templates_dir() -> Path:
    return data_dir("workshops")


def list_templates(lang: str = "fr") -> list[Template]:
    """Every shipped template, in cycle order (framing → retrospective), then by title.

    A broken shipped template raises TemplateError rather than vanishing from the list.
    """
    lang = _lang(lang)
    templates: list[Template] = []
    problems: list[Problem] = []
    for path in sorted(templates_dir().glob("*.toml")):
        try:
            templates.append(load_template(path))
        except TemplateError as exc:
            problems.extend(exc.problems)
    for template, other in duplicates(templates, key=lambda t: t.id):
        problems.append(
            Problem(
                str(template.path),
                Locator(template.path.read_text(encoding="utf-8-sig")).line("id"),
                "id",
                f'id "{template.id}" is already used by {other.path.name}; '
                "template ids must be unique: change one of them",
            )
        )
    if problems:
        raise TemplateError(problems)
    return sorted(
        templates, key=lambda t: (TEMPLATE_KINDS.index(t.kind), t.title.get(lang).casefold(), t.id)
    )


def load_template(id_or_path: str | Path) -> Template:
    """Load a shipped template by id ("codir-framing") or any template file by path."""
    path = _resolve(id_or_path)
    data, problems = _read(path)
    if data is None or has_errors(problems):
        raise TemplateError(problems)
    return _build(data, path)


@lru_cache(maxsize=32)
def session_template(template_id: str) -> Template | None:
    """The template a session was made from, or None when it is gone or broken: a session
    outlives its template, and the screens then fall back to the texts the session holds."""
    try:
        return load_template(template_id)
    except (TemplateError, OSError, ValueError):
        return None


def check_template(path: str | Path) -> list[Problem]:
    """All problems of one template file, errors and warnings, in file order."""
    return _read(Path(path))[1]


def _resolve(ref: str | Path) -> Path:
    if isinstance(ref, Path) or "/" in ref or "\\" in ref or ref.endswith(".toml"):
        return Path(ref)
    path = templates_dir() / f"{ref}.toml"
    if path.is_file():
        return path
    # The file name normally is the id (check warns otherwise), so this scan is the rare case.
    templates = list_templates()
    for template in templates:
        if template.id == ref:
            return template.path
    ids = [t.id for t in templates]
    message = f'no template "{ref}"; {did_you_mean(ref, ids)}available: {", ".join(ids)}'
    raise TemplateError([Problem(str(templates_dir()), 1, "id", message)])


# ---------------------------------------------------------------------------------------------
# Reading and checking


def _read(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    file = str(path)
    data, locator, problems = read_toml(path)
    if data is None:
        return None, problems
    check = Check(file, locator)
    _check_template(data, path.stem, check)
    check.problems.sort(key=lambda p: p.line)  # stable: same-line problems keep check order
    return data, check.problems


def _check_template(data: dict[str, Any], stem: str, c: Check) -> None:
    check_unknown_keys(data, TEMPLATE_KEYS, "", c)
    template_id = check_id(data, "", "template", c, "codir-framing")
    if template_id and template_id != stem:
        c.warning(
            "id",
            f'id "{template_id}" differs from the file name "{stem}.toml"; rename the file to '
            f'"{template_id}.toml" so the template can be found by its id',
        )
    check_choice(data, "kind", TEMPLATE_KINDS, "", "template kind", c)
    for name in TEMPLATE_TEXTS:
        _check_text(data, name, "", c)
    duration = _check_minutes(data, "duration_minutes", "", c)
    participants = data.get("participants")
    if not isinstance(participants, str) or not participants.strip():
        c.error(
            "participants",
            'missing or empty: give the expected group size as text, e.g. participants = "4–10"',
        )

    steps = data.get("steps")
    if not isinstance(steps, list) or not steps or not all(isinstance(s, dict) for s in steps):
        c.error("steps", "no steps: add at least one [[steps]] block (see workshops/README.md)")
        return
    first_index: dict[str, int] = {}
    total: int | None = 0
    for number, step in enumerate(steps, 1):
        minutes = _check_step(step, f"steps[{number}]", first_index, number, c)
        total = None if minutes is None or total is None else total + minutes
    # Only compare when every number is valid, otherwise the sum would be noise.
    if duration is not None and total is not None and total != duration:
        c.error(
            "duration_minutes",
            f"the steps add up to {total} min but duration_minutes is {duration}; set "
            f"duration_minutes = {total} or change the steps' minutes by {duration - total:+d}",
        )


def _check_step(
    step: dict[str, Any], prefix: str, first_index: dict[str, int], number: int, c: Check
) -> int | None:
    check_unknown_keys(step, STEP_KEYS, prefix, c)
    step_id = check_id(step, prefix, "step", c, "priority-vote")
    if step_id is not None:
        if step_id in first_index:
            c.error(
                f"{prefix}.id",
                f'duplicate step id "{step_id}" (already used by steps[{first_index[step_id]}]); '
                "step ids must be unique within a template: rename this one",
            )
        else:
            first_index[step_id] = number
    kind = check_choice(step, "kind", STEP_KINDS, prefix, "step kind", c)
    minutes = _check_minutes(step, "minutes", prefix, c)
    for name in STEP_TEXTS:
        _check_text(step, name, prefix, c)
    _check_prompts(step, prefix, c)
    for option, (kind_of, used_by, _default) in STEP_OPTIONS.items():
        if option not in step:
            continue
        value, field = step[option], f"{prefix}.{option}"
        if kind_of is bool and not isinstance(value, bool):
            c.error(field, f"must be true or false (without quotes), not {value!r}")
        elif kind_of is int and not is_positive_int(value):
            c.error(field, f"must be a whole number above 0 (without quotes), not {value!r}")
        elif kind is not None and kind not in used_by:
            c.warning(
                field,
                f'only used by {" / ".join(used_by)} steps; ignored in a "{kind}" step: '
                "remove it or change the kind",
            )
    return minutes


def _check_minutes(table: dict[str, Any], key: str, prefix: str, c: Check) -> int | None:
    field, value = join(prefix, key), table.get(key)
    if value is None:
        c.error(field, f"missing: give the planned time in whole minutes, e.g. {key} = 15")
    elif isinstance(value, str) and value.strip().isdigit():
        c.error(field, f"write the number without quotes: {key} = {value.strip()}")
    elif not is_positive_int(value):
        c.error(field, f"must be a whole number of minutes above 0, not {value!r}")
    else:
        return int(value)
    return None


def _check_languages(value: dict[str, Any], field: str, c: Check) -> None:
    for lang in value:
        if lang not in LANGUAGES:
            c.warning(
                f"{field}.{lang}",
                f'unknown language "{lang}" (ignored); {did_you_mean(lang.lower(), LANGUAGES)}'
                "templates carry fr and en",
            )


def _check_text(table: dict[str, Any], key: str, prefix: str, c: Check) -> None:
    field, value = join(prefix, key), table.get(key)
    if not isinstance(value, dict):
        how = "a single text" if isinstance(value, str) else "missing" if value is None else ""
        c.error(
            field,
            f"{how or 'wrong type'}: every text needs a French and an English version, "
            f'write {key}.fr = "…" and {key}.en = "…"',
        )
        return
    _check_languages(value, field, c)
    for lang in LANGUAGES:
        text = value.get(lang)
        if text is None:
            c.error(
                f"{field}.{lang}",
                f'missing the {_LANGUAGE_NAMES[lang]} text: add {key}.{lang} = "…"',
            )
        elif not isinstance(text, str) or not text.strip():
            c.error(
                f"{field}.{lang}",
                f"empty or not text: write the {_LANGUAGE_NAMES[lang]} text in quotes",
            )


def _check_prompts(step: dict[str, Any], prefix: str, c: Check) -> None:
    field, value = f"{prefix}.prompts", step.get("prompts")
    example = 'prompts.fr = ["…", "…"] and prompts.en = ["…", "…"]'
    if not isinstance(value, dict):
        c.error(field, f"{'missing' if value is None else 'wrong type'}: write {example}")
        return
    _check_languages(value, field, c)
    sizes = {}
    for lang in LANGUAGES:
        questions = value.get(lang)
        if questions is None:
            c.error(f"{field}.{lang}", f"missing the {_LANGUAGE_NAMES[lang]} questions: {example}")
        elif not isinstance(questions, list) or not all(
            isinstance(q, str) and q.strip() for q in questions
        ):
            c.error(
                f"{field}.{lang}",
                'must be a list of questions in quotes, e.g. ["…", "…"] (or [] for none)',
            )
        else:
            sizes[lang] = len(questions)
    # Both lists are translations of each other: a different count means a forgotten one.
    if len(sizes) == len(LANGUAGES) and len(set(sizes.values())) > 1:
        c.warning(
            f"{field}.en",
            f"{sizes['fr']} French questions but {sizes['en']} English ones; translate the "
            "missing ones so both languages ask the room the same things",
        )


# ---------------------------------------------------------------------------------------------
# Building (only ever called on data that passed the checks)


def _text(value: dict[str, str]) -> Localized[str]:
    return Localized(fr=reflow(value["fr"]), en=reflow(value["en"]))


def _build(data: dict[str, Any], path: Path) -> Template:
    steps = []
    for raw in data["steps"]:
        options = {
            name: raw.get(name, default) for name, (_type, _kinds, default) in STEP_OPTIONS.items()
        }
        steps.append(
            Step(
                id=raw["id"],
                kind=raw["kind"],
                minutes=raw["minutes"],
                title=_text(raw["title"]),
                script=_text(raw["script"]),
                prompts=Localized(
                    fr=tuple(reflow(q) for q in raw["prompts"]["fr"]),
                    en=tuple(reflow(q) for q in raw["prompts"]["en"]),
                ),
                instruction=_text(raw["instruction"]),
                **options,
            )
        )
    return Template(
        id=data["id"],
        kind=data["kind"],
        title=_text(data["title"]),
        description=_text(data["description"]),
        duration_minutes=data["duration_minutes"],
        participants=data["participants"].strip(),
        steps=tuple(steps),
        path=path,
    )
