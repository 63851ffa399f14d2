"""Exercise packs: `workshops/exercises/*.toml` → `Pack` objects, and their checker.

A trainer writes a pack without Python, so a mistake comes back as "file:line: field: what is
wrong and what to do" (the workshop templates' format and line locator, shared through
`facilitator.datafiles`). `check_pack(path, engine)` goes further and asks the real
engine whether each starting draft fails its criteria and each model answer meets them: a pack
that validates this way teaches what the coach will actually say.

Headless: no Textual, and no spaCy unless an engine is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from facilitator.datafiles import (
    Check,
    ItemLocator,
    Problem,
    did_you_mean,
    duplicates,
    has_errors,
    read_toml,
    reflow,
)
from facilitator.paths import data_dir
from facilitator.training.criteria import (
    compile_criterion,
)
from facilitator.training.model import (
    DEFAULT_REVEAL_AFTER,
    LANGUAGES,
    Choice,
    Criterion,
    Exercise,
    Pack,
)
from facilitator.training.pack_checks import check_structure, check_with_engine, criterion_parts

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


def check_pack(path: str | Path, engine: Any = None, lang: str | None = "en") -> list[Problem]:
    """All problems of one pack file, errors and warnings, in file order, their messages in
    `lang` (None: the pack's own language, English when it has none).

    With an `engine`, a pack without errors is also graded by it: each starting draft must fail
    its criteria, each model answer must meet them, and each choice's `confirm` condition must
    agree with the answer key.
    """
    path = Path(path)
    data, problems, check = _read(path, lang)
    if data is not None and engine is not None and not has_errors(problems) and check is not None:
        pack = _build(data, path, date.today())
        for exercise in pack.exercises:
            check_with_engine(exercise, engine, check)
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


def _own_language(data: dict[str, Any] | None) -> str:
    lang = data.get("lang") if data is not None else None
    return lang if lang in LANGUAGES else "en"


def _read(
    path: Path, lang: str | None = "en"
) -> tuple[dict[str, Any] | None, list[Problem], Check | None]:
    """The pack file's data (None when unreadable), its problems in `lang` (None: the pack's
    own, read from its `lang` line even when the file is not valid TOML) and their `Check`."""
    data, locator, problems = read_toml(path, ItemLocator, lang)
    if data is None:
        return None, problems, None
    check = Check(str(path), locator, lang or _own_language(data))
    check_structure(data, path.stem, check)
    check.problems.sort(key=lambda p: p.line)
    return data, check.problems, check


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
            source, label = criterion_parts(item) or ("", "")
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
