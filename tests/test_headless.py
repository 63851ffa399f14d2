"""The headless layers never import Textual (nor spaCy, until a model is loaded).

Each module is imported in a fresh interpreter, so nothing imported by the test run counts.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HEADLESS = [
    "facilitator.engine",
    "facilitator.store",
    "facilitator.session",
    "facilitator.workshops",
    "facilitator.minutes",
    "facilitator.demo",
    "facilitator.terminal_report",
    # The service every front end calls: the TUI and the web page share it.
    "facilitator.workshop",
    # The TUI package itself and its texts: Textual only comes with the app.
    "facilitator.tui",
    "facilitator.tui.i18n",
]


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("module", HEADLESS)
def test_module_imports_neither_textual_nor_spacy(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not part of this checkout")
    loaded = _loaded_after(f"import {module}")
    assert "textual" not in loaded
    assert "spacy" not in loaded


def test_the_engine_and_the_model_without_textual() -> None:
    """Building a session from a template and assessing a draft never bring Textual in."""
    loaded = _loaded_after(
        "from facilitator.engine import Engine\n"
        "from facilitator.workshop import session_from_template\n"
        "from facilitator.workshops import load_template\n"
        "session_from_template(load_template('codir-framing'), 'fr')\n"
        "Engine().assess('Réduire les retards', lang='fr', tier='lexical')"
    )
    assert "textual" not in loaded


def test_the_app_module_does_bring_textual() -> None:
    """The check above would pass vacuously if the test could not see Textual at all."""
    assert "textual" in _loaded_after("import facilitator.tui.app")
