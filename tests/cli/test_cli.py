"""The command line, through click's runner (same process, real engine)."""

import json

from click.testing import CliRunner

from facilitator.cli import main

DRAFT = "Optimiser les synergies pour améliorer significativement la satisfaction client"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_score_text_explains_and_proposes():
    r = run("score", DRAFT)
    assert r.exit_code == 0, r.output
    assert "Clarté" in r.output and "optimiser" in r.output.lower()
    assert "Pourquoi" in r.output and "Suggestions" in r.output
    # …and proposes a measurable version: a key result about the objective's purpose.
    assert "Faire passer la satisfaction client de X à Y" in " ".join(r.output.split())


def test_score_json_is_the_assessment():
    r = run(
        "score", "Reduce churn from 12% to 8% by end of Q2 2026", "--kind", "kr", "--format", "json"
    )
    data = json.loads(r.output)
    assert data["lang"] == "en" and data["kind"] == "key_result"
    assert data["flags"]["measurable"] and data["flags"]["has_baseline"]
    assert data["parts"]["target"] == "8%"


def test_score_empty_text_answers_clearly():
    r = run("score", "   ")
    assert r.exit_code == 0 and "Texte vide" in r.output


def test_score_needs_text_or_jsonl():
    r = run("score")
    assert r.exit_code == 2 and "TEXT" in r.output


def test_jsonl_mixed_languages_with_a_broken_line(tmp_path):
    lines = [
        json.dumps(
            {"id": "a", "text": "Réduire le churn de 5 % à 3 % d'ici fin 2026", "kind": "kr"}
        ),
        '{"id": "b", "text": broken',
        json.dumps({"id": "c", "text": "Grow ARR to 2M€ by Q4 2026", "kind": "key_result"}),
        json.dumps({"id": "d", "kind": "kr"}),
        json.dumps({"id": "e", "text": "Launch v2", "kind": "epic"}),
        json.dumps({"id": "f", "text": "Devenir la référence du service client"}),
    ]
    path = tmp_path / "drafts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("score", "--jsonl", str(path))
    assert r.exit_code == 2
    out = [json.loads(line) for line in r.output.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "e", "f"]
    assert out[0]["lang"] == "fr" and out[2]["lang"] == "en"
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    assert "text" in out[3]["error"] and "kind" in out[4]["error"]
    assert set(out[0]) == {"id", "line", "lang", "kind", "scores", "flags", "parts", "findings",
                           "rewrite", "notices", "key_result_proposals"}  # fmt: skip
    assert out[0]["key_result_proposals"] == [] and out[5]["key_result_proposals"]


def test_jsonl_from_stdin_and_fail_under():
    line = json.dumps({"id": 1, "text": "Améliorer la satisfaction client", "kind": "kr"})
    r = run("score", "--jsonl", "-", "--fail-under", "90", input=line + "\n")
    assert r.exit_code == 1
    assert json.loads(r.output)["scores"]["overall"] < 90
    ok = run("score", "--jsonl", "-", "--fail-under", "0", input=line + "\n")
    assert ok.exit_code == 0


def test_rules_list_and_explain():
    listing = run("rules")
    assert listing.exit_code == 0 and "kr-no-target" in listing.output
    page = run("rules", "kr-no-target", "--lang", "fr")
    assert "Pourquoi c'est un problème" in page.output and "À la place" in page.output
    assert run("rules", "kr-no-targt").exit_code != 0


def test_rules_check_runs_every_example():
    r = run("rules", "--check")
    assert r.exit_code == 0, r.output
    assert "examples pass" in r.output


def test_workshops_list_and_check(tmp_path):
    r = run("workshops")
    assert r.exit_code == 0 and "codir-framing" in r.output
    bad = tmp_path / "bad.toml"
    bad.write_text("id = 'x'\nkind = 'framing'\n", encoding="utf-8")
    checked = run("workshops", "check", str(bad))
    assert checked.exit_code == 1 and "bad.toml:" in checked.output


def test_the_entry_point_and_python_m_run_the_same_command_line():
    """`facilitator` (pyproject's [project.scripts]) and `python3 -m facilitator` both reach
    `facilitator.cli:main`, which gathers every command of the cli package's modules."""
    import subprocess
    import sys
    import tomllib
    from importlib import import_module
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    with (root / "pyproject.toml").open("rb") as file:
        target = tomllib.load(file)["project"]["scripts"]["facilitator"]
    module, name = target.split(":")
    assert getattr(import_module(module), name) is main
    commands = {"demo", "exercises", "export", "import", "rules", "score", "sessions", "train"}
    commands |= {"workshops"}
    assert commands <= set(main.commands)
    out = subprocess.run(
        [sys.executable, "-m", "facilitator", "--help"],
        capture_output=True, text=True, check=True, cwd=root,
    ).stdout  # fmt: skip
    assert all(f"  {command} " in out for command in commands)
