"""Hostile template and pack files (issue 16): every checker and loader answers `file:line: …`,
never a traceback and never a hang."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.datafiles import MAX_TOML_BYTES
from facilitator.training import PackError, check_pack, load_pack, load_packs, packs_dir
from facilitator.workshops import (
    Problem,
    TemplateError,
    check_template,
    load_template,
)

DEEP = 600  # tomllib recursed once per level and gave up near 500

HOSTILE = {
    "nested-arrays": ("title = 'x'\nnested = " + "[" * DEEP + "]" * DEEP + "\n", 2),
    "nested-tables": ("title = 'x'\n\nnested = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n", 3),
    # One bracket a line: the line where the 33rd opens.
    "nested-lines": ("title = 'x'\nnested = [\n" + "[\n" * DEEP + "]\n" * DEEP + "]\n", 34),
    # Dotted keys and table headers nest without a bracket: tomllib reads them, repr() did not.
    "dotted-keys": ("title = 'x'\n" + ".".join(["a"] * DEEP) + " = 1\n", 2),
    "deep-header": ("title = 'x'\n\n[" + ".".join(["a"] * DEEP) + "]\nb = 1\n", 3),
    "long-integer": ("title = 'x'\n\nduration_minutes = 1" + "0" * 5000 + "\n", 3),
    "huge-hex": ("title = 'x'\nlevel = 0x" + "f" * 5000 + "\n", 2),
    "huge-negative": ("title = 'x'\n[[steps]]\nminutes = -9223372036854775809\n", 3),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _one_error_at(problems: list[Problem], path: Path, line: int) -> Problem:
    errors = [p for p in problems if p.is_error]
    assert errors, problems
    assert errors[0].file == str(path) and errors[0].line == line, str(errors[0])
    assert str(errors[0]).startswith(f"{path}:{line}: ")
    return errors[0]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_template_is_reported_with_its_line(tmp_path: Path, name: str) -> None:
    text, line = HOSTILE[name]
    path = _write(tmp_path, name, text)
    _one_error_at(check_template(path), path, line)
    with pytest.raises(TemplateError) as raised:
        load_template(path)
    _one_error_at(raised.value.problems, path, line)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_pack_is_reported_with_its_line(tmp_path: Path, name: str) -> None:
    text, line = HOSTILE[name]
    path = _write(tmp_path, name, text)
    _one_error_at(check_pack(path), path, line)
    with pytest.raises(PackError) as raised:
        load_pack(path)
    _one_error_at(raised.value.problems, path, line)
    packs, problems = load_packs(tmp_path)  # one broken pack in a folder
    assert not packs
    _one_error_at(problems, path, line)


def test_the_limits_are_stated_in_the_message(tmp_path: Path) -> None:
    nested = _write(tmp_path, "nested", HOSTILE["nested-arrays"][0])
    assert "nested more than" in check_template(nested)[0].message
    number = _write(tmp_path, "number", HOSTILE["huge-hex"][0])
    assert "64-bit" in check_template(number)[0].message


def _finishes(call: Callable[[], Any], fifo: Path, seconds: float = 5.0) -> Any:
    """`call()`'s result; fails (and unblocks the reader) if it is still waiting on the FIFO."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():  # give the blocked reader a writer, then the end of file
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(seconds)
        pytest.fail(f"reading {fifo} hung")
    return result[0] if result else None


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    problems = _finishes(lambda: check_template(fifo), fifo)
    problem = _one_error_at(problems, fifo, 1)
    assert "not a regular file" in problem.message
    _one_error_at(_finishes(lambda: check_pack(fifo), fifo), fifo, 1)
    packs, problems = _finishes(lambda: load_packs(tmp_path), fifo)
    assert not packs
    _one_error_at(problems, fifo, 1)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text("title = 'x'\n" + "# padding\n" * (MAX_TOML_BYTES // 10), encoding="utf-8")
    problem = _one_error_at(check_template(path), path, 1)
    assert "larger than 1 MB" in problem.message
    _one_error_at(check_pack(path), path, 1)


@pytest.mark.parametrize(
    "args",
    [
        ["workshops", "check"],
        ["exercises", "check", "--no-engine"],
        ["exercises", "show"],
        ["train", "--pack"],
    ],
    ids=" ".join,
)
def test_the_commands_print_file_and_line_not_a_traceback(tmp_path: Path, args: list[str]) -> None:
    text, line = HOSTILE["nested-arrays"]
    path = _write(tmp_path, "nested", text)
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), *args, str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{path}:{line}: " in result.output
    assert "Traceback" not in result.output


def test_a_criterion_nested_too_deeply_is_a_problem_on_its_line(tmp_path: Path) -> None:
    """The condition parser recursed once per bracket: a pack's criterion crashed the checker."""
    lines = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8").splitlines()
    number = next(n for n, text in enumerate(lines, 1) if text.startswith("criteria = ["))
    lines[number - 1] = 'criteria = ["' + "(" * DEEP + "measurable" + ")" * DEEP + '"]'
    path = _write(tmp_path, "deep-criterion", "\n".join(lines))
    problem = _one_error_at(check_pack(path), path, number)
    assert problem.field == "exercises[1].criteria[1]" and "nested too deeply" in problem.message
