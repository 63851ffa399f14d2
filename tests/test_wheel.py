"""An installed wheel works outside the source tree (rules, lexicons, workshops, measures inside
it)."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_scores_outside_the_source_tree(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    folders = (
        "rules/fr/",
        "rules/en/",
        "lexicons/fr/",
        "workshops/",
        "workshops/exercises/",
        "locales/fr/",
        "locales/en/",
    )
    for folder in (*folders, "lexicons/domains/", "measures/"):
        assert any(n.startswith(f"facilitator/_data/{folder}") for n in names), folder
    assert "facilitator/_data/rules/scoring.toml" in names
    venv = tmp_path / "venv"
    # The venv sees the system's spaCy and models, so nothing is downloaded; its own
    # site-packages (with the wheel) come first, ahead of any editable checkout.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    out = subprocess.run(
        [
            str(venv / "bin" / "facilitator"),
            "score",
            "Améliorer la satisfaction client",
            "--kind",
            "kr",
            "--format",
            "json",
        ],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    assert '"kr-no-target"' in out.stdout
    objective = subprocess.run(
        [str(venv / "bin" / "facilitator"), "score", "Fidéliser nos clients", "--format", "json"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    assert '"key_result_proposals"' in objective.stdout and "X" in objective.stdout
    where = subprocess.run(
        [str(py), "-c", "import facilitator; print(facilitator.__file__)"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(venv) in where
