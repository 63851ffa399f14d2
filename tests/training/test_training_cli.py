"""`facilitator exercises …` and `facilitator train` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.training import list_packs, packs_dir
from facilitator.training.progress import Attempt
from facilitator.training.store import TrainingStore


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_exercises_lists_the_packs(runner: CliRunner) -> None:
    result = runner.invoke(main, ["exercises"])
    assert result.exit_code == 0, result.output
    total = sum(len(p.exercises) for p in list_packs())
    assert f"{total} exercises in {len(list_packs())} packs" in result.output
    assert "fr-4-pharma" in result.output and "en-4-pharma" in result.output
    english = runner.invoke(main, ["exercises", "--lang", "en"])
    assert "fr-1-reperer" not in english.output and "en-1-spot-the-problem" in english.output


def test_exercises_show_and_unknown_pack(runner: CliRunner) -> None:
    result = runner.invoke(main, ["exercises", "show", "fr-1-reperer"])
    assert result.exit_code == 0 and "activite-ou-resultat" in result.output
    assert "choix" in result.output and "niveau 1" in result.output  # the pack's language
    missing = runner.invoke(main, ["exercises", "show", "fr-1-reprer"])
    assert missing.exit_code == 1 and 'did you mean "fr-1-reperer"' in missing.output


def test_exercises_check_a_shipped_pack_with_and_without_the_engine(runner: CliRunner) -> None:
    path = str(packs_dir() / "en-1-spot-the-problem.toml")
    quick = runner.invoke(main, ["exercises", "check", "--no-engine", path])
    assert quick.exit_code == 0 and "OK (9 exercises, structure only)" in quick.output
    full = runner.invoke(main, ["exercises", "check", path])
    assert full.exit_code == 0, full.output
    assert "graded by the engine" in full.output


def test_exercises_check_reports_file_line_and_field(runner: CliRunner, tmp_path: Path) -> None:
    text = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8")
    broken = text.replace('skill = "spot"', 'skill = "spots"', 1).replace(
        'criteria = ["jargon == 0"]', 'criteria = ["jargon == 0", "clarte >= 80"]'
    )
    path = tmp_path / "fr-1-reperer.toml"
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(main, ["exercises", "check", "--no-engine", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    skill_line = broken.splitlines().index('skill = "spots"') + 1
    # The shared checks (ids, choices, unknown keys) speak the pack's language too.
    assert lines[0].startswith(
        f"{path}:{skill_line}: exercises[1].skill: valeur inconnue pour skill\u00a0: "
        "«\u00a0spots\u00a0» ; vouliez-vous dire «\u00a0spot\u00a0»\u00a0?".replace(" ;", "\u202f;")
    )
    criteria_line = broken.splitlines().index('criteria = ["jargon == 0", "clarte >= 80"]') + 1
    assert lines[1].startswith(f"{path}:{criteria_line}: exercises[3].criteria[2]: ")
    # A French pack's own messages are in French (issue 15, item 7), or in English with -l en.
    assert "nom inconnu «\u00a0clarte\u00a0»" in lines[1]
    assert "vouliez-vous dire «\u00a0clarity\u00a0»" in lines[1]
    english = runner.invoke(main, ["exercises", "check", "-l", "en", "--no-engine", str(path)])
    assert 'unknown name "clarte"' in english.output
    assert f'{skill_line}: exercises[1].skill: unknown skill "spots"; did you mean "spot"' in (
        english.output
    )
    assert 'did you mean "clarity"' in english.output


def test_exercises_check_with_the_engine_finds_a_wrong_model_answer(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = (packs_dir() / "en-3-key-results.toml").read_text(encoding="utf-8")
    old = (
        'model_answer = "Win back 15% of customers inactive for more than 6 months by the end '
        'of March"'
    )
    assert old in text
    path = tmp_path / "en-3-key-results.toml"
    path.write_text(text.replace(old, 'model_answer = "Win back inactive customers"'), "utf-8")
    result = runner.invoke(main, ["exercises", "check", str(path)])
    assert result.exit_code == 1
    line = text.splitlines().index(old) + 1
    assert f"{path}:{line}: exercises[2].model_answer: the model answer does not meet:" in (
        result.output
    )
    assert "Measurable: a target figure" in result.output


def _record(root: Path) -> None:
    store = TrainingStore(root / "training")
    pack = list_packs()[1]  # fr-1-reperer
    ex = pack.exercises[0]
    wrong = Attempt("2026-03-19T09:00:00+00:00", "Un résultat", False, [], {}, [], choice=1)
    right = Attempt("2026-03-19T09:01:00+00:00", "Une activité", True, [], {}, [], choice=0)
    store.update("Anne", "CODIR", lambda t: t.record(pack.id, ex.id, wrong))
    store.update("Anne", "CODIR", lambda t: t.record(pack.id, ex.id, right))
    rewrite = list_packs()[3].exercises[0]  # fr-2-reformuler
    attempt = Attempt("2026-03-19T09:05:00+00:00", "Améliorer", False, [False], {"overall": 80},
                      ["vague-verb"])  # fmt: skip
    store.update("Bob", "CODIR", lambda t: t.record(rewrite.pack, rewrite.id, attempt))


def test_exercises_progress_and_report(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "sessions"
    _record(data)
    result = runner.invoke(main, ["exercises", "progress", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    # French packs: the progress is told in French.
    assert (
        "stagiaires\u00a0: 2 · exercices commencés\u00a0: 2 · réussis\u00a0: 1 "
        "(+0 après la réponse modèle)" in result.output
    )
    assert "vague-verb — Verbe vague" in result.output
    english = runner.invoke(main, ["exercises", "progress", "-l", "en", "--data-dir", str(data)])
    assert (
        "trainees: 2 · exercises started: 2 · passed: 1 (+0 after the model answer)"
        in english.output
    )
    assert "score: mean overall score" in english.output
    empty = runner.invoke(
        main, ["exercises", "progress", "-g", "Nobody", "-l", "en", "--data-dir", str(data)]
    )
    assert "no trainee" in empty.output

    out = tmp_path / "rapport.docx"
    report = runner.invoke(
        main, ["--data-dir", str(data), "exercises", "report", "-o", str(out), "-g", "CODIR"]
    )
    assert report.exit_code == 0, report.output
    assert "(2 stagiaires, français, " in report.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Groupe\u00a0: CODIR" in texts and "Anne" in texts and "Bob" in texts
    again = ["--data-dir", str(data), "exercises", "report", "-o", str(out)]
    refused = runner.invoke(main, again)
    assert refused.exit_code == 1 and "--force" in refused.output  # never replaced silently
    assert runner.invoke(main, [*again, "--force"]).exit_code == 0
    bad = runner.invoke(
        main,
        ["exercises", "report", "-o", str(tmp_path / "no" / "r.docx"), "--data-dir", str(data)],
    )
    assert bad.exit_code == 1 and "does not exist" in bad.output


def test_train_opens_the_training_screens(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple] = []

    def fake_run(data_dir, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((data_dir, kwargs))

    monkeypatch.setattr("facilitator.tui.training_app.run_training", fake_run)
    data = tmp_path / "sessions"
    result = runner.invoke(
        main,
        [
            "train",
            "--pack",
            "fr-2-reformuler",
            "-t",
            "Anne",
            "-g",
            "CODIR",
            "--reveal-after",
            "1",
            "--data-dir",
            str(data),
        ],
    )
    assert result.exit_code == 0, result.output
    assert calls == [
        (
            data,
            {
                "pack": "fr-2-reformuler",
                "trainee": "Anne",
                "group": "CODIR",
                "lang": None,
                "reveal_after": 1,
                "packs_dir": None,
            },
        )
    ]
    unknown = runner.invoke(main, ["train", "--pack", "fr-2-reformule"])
    assert unknown.exit_code == 1 and 'did you mean "fr-2-reformuler"' in unknown.output


def test_exercises_progress_speaks_french_when_asked(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "sessions"
    _record(data)
    result = runner.invoke(main, ["exercises", "progress", "-l", "fr", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "stagiaire" in out and "tentatives" in out and "erreurs fréquentes" in out
    assert "trainee" not in out and "attempts" not in out and "common mistakes" not in out
    assert "score\u00a0: moyenne du score global" in out
    empty = runner.invoke(
        main, ["exercises", "progress", "-l", "fr", "-g", "Personne", "--data-dir", str(data)]
    )
    assert "aucun stagiaire" in empty.output and "«\u00a0Personne\u00a0»" in empty.output


OWN_PACK = """\
id = "mon-pack"
lang = "fr"
title = "Mon pack maison"
description = "Le pack du formateur."

[[exercises]]
id = "un"
title = "Un"
kind = "key_result"
skill = "activity-to-result"
level = 1
instructions = "Transformez l'activité en résultat."
draft = "Organiser 3 ateliers avec les équipes terrain"
criteria = ["not output", "measurable", "has_deadline"]
hints = ["Qu'est-ce qui doit augmenter ?"]
model_answer = "Faire passer de 12 à 40 le nombre d'idées des équipes terrain d'ici fin juin"
explanation = "Un résultat clé mesure l'effet, pas l'effort."
"""


def test_a_trainers_own_packs_are_listed_from_the_data_folder_and_packs_dir(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "sessions"
    (data / "packs").mkdir(parents=True)
    (data / "packs" / "mon-pack.toml").write_text(OWN_PACK, encoding="utf-8")
    listed = runner.invoke(main, ["--data-dir", str(data), "exercises"])
    assert listed.exit_code == 0, listed.output
    assert "mon-pack" in listed.output and "Mon pack maison" in listed.output
    assert str(data / "packs") in listed.output  # where to put one's packs

    other = tmp_path / "formation"
    other.mkdir()
    (other / "autre.toml").write_text(
        OWN_PACK.replace('id = "mon-pack"', 'id = "autre"').replace("maison", "bis"),
        encoding="utf-8",
    )
    both = runner.invoke(
        main, ["--data-dir", str(data), "exercises", "--packs-dir", str(other), "-l", "fr"]
    )
    assert "mon-pack" in both.output and "autre" in both.output

    # The same id twice: the second is left out, with a problem naming both files.
    (other / "copie.toml").write_text(OWN_PACK, encoding="utf-8")
    twice = runner.invoke(main, ["--data-dir", str(data), "exercises", "--packs-dir", str(other)])
    assert twice.exit_code == 1
    assert 'id "mon-pack" is already used by' in twice.output
    assert twice.output.count("Mon pack maison") == 1

    # `train --pack` finds a pack of the data folder by its id.
    calls: list[dict] = []
    monkeypatch.setattr(
        "facilitator.tui.training_app.run_training",
        lambda data_dir, **kwargs: calls.append(kwargs),
    )
    opened = runner.invoke(
        main, ["train", "--pack", "autre", "--packs-dir", str(other), "--data-dir", str(data)]
    )
    assert opened.exit_code == 0, opened.output
    assert calls[0]["pack"] == "autre" and calls[0]["packs_dir"] == str(other)
