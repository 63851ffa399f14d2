"""Workshop templates: `workshops/*.toml` → frozen `Template` / `Step` objects, and their checker.

A template is data that a consultant writes without Python, so a mistake must come back as
"file:line: field: what is wrong and what to do", never as a traceback. The format is documented
in workshops/README.md; the constants below are its single source of truth (a test keeps the
README in step with them).

Headless on purpose: no Textual, no spaCy (the CLI lists templates without paying for either).
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

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

# Ids end up in session files and on the command line: keep them plain.
_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

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


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    field: str  # dotted path; steps are numbered from 1, as on the agenda: steps[3].title.en
    message: str
    severity: Literal["error", "warning"] = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        tag = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}: {self.field}: {tag}{self.message}"


class TemplateError(Exception):
    """A template that cannot be used; `problems` says where and why (warnings included)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


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
    first_by_id: dict[str, Template] = {}
    for template in templates:
        if (other := first_by_id.setdefault(template.id, template)) is not template:
            problems.append(
                Problem(
                    str(template.path),
                    _Locator(template.path.read_text(encoding="utf-8-sig")).line("id"),
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
    close = difflib.get_close_matches(ref, ids, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    message = f'no template "{ref}"; {hint}available: {", ".join(ids)}'
    raise TemplateError([Problem(str(templates_dir()), 1, "id", message)])


# ---------------------------------------------------------------------------------------------
# Reading and checking

# Limits on what a hand-written data file may hold. Each stops a hostile or stray file before it
# can hang or crash a checker: every file is reported as "file:line: …" like any other mistake.
MAX_TOML_BYTES = 1 << 20
"""1 MB. A template or pack is a few kilobytes; a bigger file is refused without reading on."""
MAX_NESTING = 32
"""Lists and tables inside one another. Files need three levels; tomllib recursed once per level
and died of a RecursionError near 500, and Python's repr of deep data does the same."""
_TOML_INTEGERS = range(-(2**63), 2**63)
"""TOML integers are 64-bit. tomllib reads bigger ones: a hex one too big for Python to print
(over 4,300 decimal digits) then crashed the message naming it."""
_OUT_OF_RANGE = (
    f"a whole number outside TOML's 64-bit range ({_TOML_INTEGERS.start} to "
    f"{_TOML_INTEGERS.stop - 1}); write a smaller number"
)
# A decimal integer too long for Python to read (tomllib lets its ValueError through).
_LONG_INTEGER = re.compile(r"(?:^|[=\[,{])[ \t]*[+-]?\d[\d_]{4300,}", re.MULTILINE)
# Opening a FIFO for reading waits for a writer: O_NONBLOCK returns at once (no effect on files).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
# tomllib's messages are terse; the common slips of a hand-edited file deserve a hint.
_TOML_HINTS = {
    "Cannot overwrite a value": "this key is already set above in the same table or step; "
    "keep only one",
    "Cannot declare": "this table is declared twice; merge the two",
    "Illegal character '\\n'": 'a string is not closed on this line; use triple quotes """…""" '
    "for text on several lines",
    "Unterminated string": "a string is never closed; add the missing quote(s)",
    "Expected '=' after a key": 'write key = value, and put text in quotes: title.fr = "…"',
    "Invalid value": 'text must be in quotes ("…"), lists in brackets, numbers bare',
}


def read_toml(
    path: Path, locator: Callable[[str], _Locator] | None = None
) -> tuple[dict[str, Any] | None, _Locator, list[Problem]]:
    """Read a hand-written TOML data file: its data (None when unreadable), a locator that maps
    dotted field paths to line numbers (built by `locator`, default `_Locator`), and the problem
    that stopped the reading, if any.

    Shared by every data file a consultant writes (workshop templates, exercise packs). Only a
    regular file of at most MAX_TOML_BYTES is read, nested at most MAX_NESTING deep, with
    64-bit integers: anything else is a problem like a syntax error, never an exception."""
    file = str(path)
    make_locator = locator or _Locator
    raw, problem = _read_regular_file(path)
    if problem is not None:
        return None, make_locator(""), [problem]
    try:
        # utf-8-sig: Windows editors may add a byte-order mark, which TOML itself refuses.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem(file, line, "(file)", "not valid UTF-8 text; save the file as UTF-8")
        return None, make_locator(""), [problem]
    located = make_locator(text)
    if located.too_deep_line:  # found before tomllib, which would recurse that deep
        return None, located, [Problem(file, located.too_deep_line, "(syntax)", _TOO_DEEP)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, located, [_syntax_problem(file, str(exc), located)]
    except ValueError:  # an integer of more than 4,300 digits: Python refuses to read it
        m = _LONG_INTEGER.search(text)
        line = text.count("\n", 0, m.end()) + 1 if m else 1
        return None, located, [Problem(file, line, "(syntax)", _OUT_OF_RANGE)]
    if (problem := _beyond_limits(data, file, located)) is not None:
        return None, located, [problem]
    return data, located, []


_TOO_DEEP = (
    f"values nested more than {MAX_NESTING} levels deep (lists or tables inside one another); "
    "a template or a pack needs three at most"
)


def _read_regular_file(path: Path) -> tuple[bytes, Problem | None]:
    """The bytes of `path` if it is a regular file of at most MAX_TOML_BYTES, else the problem.

    The type is checked on the opened file, not on the name: a FIFO or a device (`/dev/zero`)
    named like a template would hang the reading or never end it."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                message = "not a regular file (a folder, a pipe or a device): give a .toml file"
                return b"", Problem(file, 1, "(file)", message)
            with open(fd, "rb", closefd=False) as stream:
                raw = stream.read(MAX_TOML_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        return b"", Problem(file, 1, "(file)", f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_TOML_BYTES:
        message = "larger than 1 MB; a template or a pack is a few kilobytes: is it the right file?"
        return b"", Problem(file, 1, "(file)", message)
    return raw, None


def _beyond_limits(data: dict[str, Any], file: str, locator: _Locator) -> Problem | None:
    """The first value TOML-wise too big (an integer) or too deep (dotted keys and [a.b.c]
    headers nest without brackets), walked without recursion."""
    pending: list[tuple[str, Any, int]] = [("", data, 0)]
    while pending:
        path, value, depth = pending.pop()
        if isinstance(value, int) and not isinstance(value, bool) and value not in _TOML_INTEGERS:
            return Problem(file, locator.line(path), path, _OUT_OF_RANGE)
        if depth > MAX_NESTING:
            return Problem(file, locator.line(path), path, _TOO_DEEP)
        if isinstance(value, dict):
            children = [(_join(path, key), child) for key, child in value.items()]
        elif isinstance(value, list):  # numbered from 1, as the locator numbers them
            children = [(f"{path}[{n}]", child) for n, child in enumerate(value, 1)]
        else:
            continue
        pending.extend((child_path, child, depth + 1) for child_path, child in reversed(children))
    return None


def _read(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    file = str(path)
    data, locator, problems = read_toml(path)
    if data is None:
        return None, problems
    check = _Check(file, locator)
    _check_template(data, path.stem, check)
    check.problems.sort(key=lambda p: p.line)  # stable: same-line problems keep check order
    return data, check.problems


def _syntax_problem(file: str, message: str, locator: _Locator) -> Problem:
    line, where = 0, ""
    if m := _TOML_POSITION.search(message):
        line, where = int(m.group(1)), f" (column {m.group(2)})"
        message = message[: m.start()]
    elif m := _TOML_END.search(message):
        # "at end of document": point at the string or list that was opened and never closed.
        line = locator.unclosed_line or locator.last_line
        message = message[: m.start()]
    hint = next((h for key, h in _TOML_HINTS.items() if message.startswith(key)), "")
    text = f"TOML syntax error: {message}{where}" + (f"; {hint}" if hint else "")
    return Problem(file, max(line, 1), "(syntax)", text)


class _Check:
    """Collects problems; the locator turns each field path into a line number."""

    def __init__(self, file: str, locator: _Locator) -> None:
        self.file, self.locator = file, locator
        self.problems: list[Problem] = []

    def error(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.locator.line(field), field, message))

    def warning(self, field: str, message: str) -> None:
        line = self.locator.line(field)
        self.problems.append(Problem(self.file, line, field, message, "warning"))


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _closest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value.lower(), list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"? ' if close else ""


def _check_template(data: dict[str, Any], stem: str, c: _Check) -> None:
    _check_unknown_keys(data, TEMPLATE_KEYS, "", c)
    template_id = _check_id(data, "", "template", c)
    if template_id and template_id != stem:
        c.warning(
            "id",
            f'id "{template_id}" differs from the file name "{stem}.toml"; rename the file to '
            f'"{template_id}.toml" so the template can be found by its id',
        )
    _check_choice(data, "kind", TEMPLATE_KINDS, "", "template kind", c)
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
    step: dict[str, Any], prefix: str, first_index: dict[str, int], number: int, c: _Check
) -> int | None:
    _check_unknown_keys(step, STEP_KEYS, prefix, c)
    step_id = _check_id(step, prefix, "step", c)
    if step_id is not None:
        if step_id in first_index:
            c.error(
                f"{prefix}.id",
                f'duplicate step id "{step_id}" (already used by steps[{first_index[step_id]}]); '
                "step ids must be unique within a template: rename this one",
            )
        else:
            first_index[step_id] = number
    kind = _check_choice(step, "kind", STEP_KINDS, prefix, "step kind", c)
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
        elif kind_of is int and not _is_positive_int(value):
            c.error(field, f"must be a whole number above 0 (without quotes), not {value!r}")
        elif kind is not None and kind not in used_by:
            c.warning(
                field,
                f'only used by {" / ".join(used_by)} steps; ignored in a "{kind}" step: '
                "remove it or change the kind",
            )
    return minutes


def _is_positive_int(value: object) -> bool:
    # bool is an int in Python; `minutes = true` must not pass as 1.
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_id(
    table: dict[str, Any], prefix: str, what: str, c: _Check, example: str = ""
) -> str | None:
    field, value = _join(prefix, "id"), table.get("id")
    example = example or ("codir-framing" if what == "template" else "priority-vote")
    if value is None:
        c.error(field, f'missing: give the {what} an id, e.g. id = "{example}"')
    elif not isinstance(value, str) or not _ID.match(value):
        c.error(
            field,
            f"{value!r} is not a valid id: use lower-case letters, digits and hyphens, "
            f'e.g. id = "{example}"',
        )
    else:
        return value
    return None


def _check_choice(
    table: dict[str, Any],
    key: str,
    choices: tuple[str, ...],
    prefix: str,
    what: str,
    c: _Check,
) -> str | None:
    field, value = _join(prefix, key), table.get(key)
    allowed = ", ".join(choices)
    if value is None:
        c.error(field, f'missing: set {key} = "…" to one of: {allowed}')
    elif not isinstance(value, str):
        c.error(field, f"must be text in quotes, one of: {allowed}")
    elif value not in choices:
        c.error(field, f'unknown {what} "{value}"; {_closest(value, choices)}allowed: {allowed}')
    else:
        return value
    return None


def _check_minutes(table: dict[str, Any], key: str, prefix: str, c: _Check) -> int | None:
    field, value = _join(prefix, key), table.get(key)
    if value is None:
        c.error(field, f"missing: give the planned time in whole minutes, e.g. {key} = 15")
    elif isinstance(value, str) and value.strip().isdigit():
        c.error(field, f"write the number without quotes: {key} = {value.strip()}")
    elif not _is_positive_int(value):
        c.error(field, f"must be a whole number of minutes above 0, not {value!r}")
    else:
        return int(value)
    return None


def _check_languages(value: dict[str, Any], field: str, c: _Check) -> None:
    for lang in value:
        if lang not in LANGUAGES:
            c.warning(
                f"{field}.{lang}",
                f'unknown language "{lang}" (ignored); {_closest(lang, LANGUAGES)}'
                "templates carry fr and en",
            )


def _check_text(table: dict[str, Any], key: str, prefix: str, c: _Check) -> None:
    field, value = _join(prefix, key), table.get(key)
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


def _check_prompts(step: dict[str, Any], prefix: str, c: _Check) -> None:
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


def _check_unknown_keys(
    table: dict[str, Any], known: tuple[str, ...], prefix: str, c: _Check
) -> None:
    for key in table:
        if key not in known:
            c.warning(
                _join(prefix, key),
                f'unknown key "{key}" (ignored, likely a typo); {_closest(key, known)}'
                f"known keys: {', '.join(known)}",
            )


# ---------------------------------------------------------------------------------------------
# Building (only ever called on data that passed the checks)


_LIST_ITEM = re.compile(r"^(?:[-•*]|\d+[.)])\s")


def _reflow(text: str) -> str:
    """Lay out text like Markdown: a blank line starts a paragraph, a single line break is a space
    (so consultants can wrap long scripts in the TOML), a line starting with "- " or "1." stays a
    line of its own."""
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        lines: list[str] = []
        for line in (raw.strip() for raw in paragraph.splitlines()):
            if lines and not _LIST_ITEM.match(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _text(value: dict[str, str]) -> Localized[str]:
    return Localized(fr=_reflow(value["fr"]), en=_reflow(value["en"]))


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
                    fr=tuple(_reflow(q) for q in raw["prompts"]["fr"]),
                    en=tuple(_reflow(q) for q in raw["prompts"]["en"]),
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


# ---------------------------------------------------------------------------------------------
# Line numbers. tomllib reports no positions for valid documents, so a small scanner maps each
# dotted path (steps[3].title.en) to the line that defines it. It follows table headers, dotted
# keys, [[arrays of tables]] and skips the inside of strings and lists; it does not follow inline
# tables spread over several entries, which then fall back to their parent's line.

_BARE_KEY = r"[A-Za-z0-9_-]+"
_QUOTED_KEY = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY = rf"(?:{_BARE_KEY}|{_QUOTED_KEY})"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]")
_ASSIGNMENT = re.compile(rf"\s*({_DOTTED})\s*=")


def _key_parts(dotted: str) -> list[str]:
    return [k[1:-1] if k[0] in "\"'" else k for k in re.findall(_KEY, dotted)]


class _Locator:
    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        self.unclosed_line = 0  # where a string or list still open at the end began
        self.too_deep_line = 0  # the first line with more than MAX_NESTING brackets open
        self.last_line = max(1, text.count("\n") + (not text.endswith("\n")))
        arrays: dict[str, int] = {}  # path of each array of tables → elements seen so far
        prefix = ""
        multiline: str | None = None  # the closing delimiter while inside a """ or ''' string
        depth = 0  # bracket depth while a value spans lines
        for number, line in enumerate(text.splitlines(), 1):
            rest = line
            if multiline is None and depth == 0:
                if m := _ARRAY_HEADER.match(line):
                    *parents, name = _key_parts(m.group(1))
                    array = _join(self._resolve(parents, arrays), name)
                    arrays[array] = arrays.get(array, 0) + 1
                    prefix = f"{array}[{arrays[array]}]"
                    self._mark(prefix, number)
                    rest = line[m.end() :]
                elif m := _TABLE_HEADER.match(line):
                    prefix = self._resolve(_key_parts(m.group(1)), arrays)
                    self._mark(prefix, number)
                    rest = line[m.end() :]
                elif m := _ASSIGNMENT.match(line):
                    self._mark(_join(prefix, ".".join(_key_parts(m.group(1)))), number)
                    rest = line[m.end() :]
            was_open = multiline is not None or depth > 0
            multiline, depth, reached = _scan(rest, multiline, depth)
            if reached > MAX_NESTING and not self.too_deep_line:
                self.too_deep_line = number
            if not was_open and (multiline is not None or depth > 0):
                self.unclosed_line = number
        if multiline is None and depth == 0:
            self.unclosed_line = 0

    @staticmethod
    def _resolve(parts: list[str], arrays: dict[str, int]) -> str:
        # [steps.title] names the title of the *latest* [[steps]] element.
        path = ""
        for part in parts:
            path = _join(path, part)
            if path in arrays:
                path = f"{path}[{arrays[path]}]"
        return path

    def _mark(self, path: str, number: int) -> None:
        for ancestor in _ancestors(path):
            self.lines.setdefault(ancestor, number)

    def line(self, field: str) -> int:
        """The line of `field`, or of its closest ancestor present (a missing `steps[3].title.en`
        points at `title.fr`, or at the `[[steps]]` header of step 3)."""
        for ancestor in _ancestors(field):
            if ancestor in self.lines:
                return self.lines[ancestor]
        return 1


def _ancestors(path: str) -> Iterator[str]:
    """steps[3].title.en → itself, steps[3].title, steps[3], steps."""
    while path:
        yield path
        path = path[: path.rfind("[")] if path.endswith("]") else path.rpartition(".")[0]


def _scan(text: str, multiline: str | None, depth: int) -> tuple[str | None, int, int]:
    """Skip strings and comments in one line; return the state it leaves for the next line, and
    the deepest bracket level reached on it."""
    i, n, deepest = 0, len(text), depth
    while i < n:
        if multiline is not None:
            if multiline == '"""' and text[i] == "\\":
                i += 2
            elif text.startswith(multiline, i):
                i, multiline = i + 3, None
            else:
                i += 1
            continue
        char = text[i]
        if char == "#":
            break
        if text.startswith('"""', i) or text.startswith("'''", i):
            multiline, i = text[i : i + 3], i + 3
            continue
        if char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return multiline, depth, deepest
