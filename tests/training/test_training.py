"""Trainer mode, headless: the pack checker (file, line, field), criteria and grading, the
trainee progress store, the group summary and the Word training report."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from facilitator.engine import Engine
from facilitator.store import CorruptSessionError, ForeignFileError
from facilitator.training import check_pack, has_errors, load_pack, load_packs
from facilitator.training.criteria import (
    CriterionError,
    compile_criterion,
    describe,
    facts,
    grade,
    split_items,
)
from facilitator.training.progress import Attempt, TraineeProgress
from facilitator.training.report import build_report, export_report
from facilitator.training.store import TrainingStore, trainee_file_id
from facilitator.training.summary import summarize
from tests.test_headless import _loaded_after

ROOT = Path(__file__).resolve().parents[2]

BASE = """\
id = "mini"
lang = "fr"
title = "Mini"
description = "Un pack minuscule."

[[exercises]]
id = "un"
title = "Un"
kind = "key_result"
skill = "activity-to-result"
level = 1
instructions = "Transformez l'activité en résultat."
draft = "Organiser 3 ateliers avec les équipes terrain"
criteria = [
    "not output",
    "measurable",
    "has_deadline",
]
hints = ["Qu'est-ce qui doit augmenter ?"]
model_answer = "Faire passer de 12 à 40 le nombre d'idées des équipes terrain d'ici fin juin"
explanation = "Un résultat clé mesure l'effet, pas l'effort."
"""

CHOICE = """
[[exercises]]
id = "deux"
title = "Deux"
kind = "key_result"
skill = "spot"
level = 2
answer = "choice"
instructions = "Activité ou résultat ?"
draft = "Organiser 3 ateliers clients d'ici fin mars"
criteria = ["not output"]
hints = ["Et si rien ne changeait chez les clients ?"]
model_answer = "Faire passer le taux de réachat de 20 % à 30 % d'ici fin juin"
explanation = "Organiser est un moyen."

[[exercises.choices]]
text = "Une activité"
correct = true
confirm = "output"

[[exercises.choices]]
text = "Un résultat"
confirm = "not output"
"""


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, start: int = 0) -> int:
    return text[: text.index(needle, start)].count("\n") + 1


# --- the checker: file, line, field -----------------------------------------------------------


def test_the_base_fixture_is_valid(tmp_path: Path) -> None:
    assert check_pack(write(tmp_path, BASE + CHOICE)) == []
    pack = load_pack(write(tmp_path, BASE + CHOICE))
    assert [e.id for e in pack.exercises] == ["un", "deux"]
    assert pack.exercises[1].correct_choice == 0


CRIT = "exercises[1].criteria"
DEADLINE = '    "has_deadline",'
MISTAKES = [
    ('    "measurable",', '    "mesurable",', f"{CRIT}[2]", 'did you mean "measurable"'),
    (DEADLINE, '    "not rule.vague-verbe",', f"{CRIT}[3]", 'did you mean "rule.vague-verb"'),
    ('kind = "key_result"', 'kind = "key-result"', "exercises[1].kind", '"key_result"'),
    ('skill = "activity-to-result"', 'skill = "jargons"', "exercises[1].skill", '"jargon"'),
    (DEADLINE, '    "measurable and has_deadline",', f"{CRIT}[3]", "give it a label"),
    (DEADLINE, '    "overall >=",', f"{CRIT}[3]", "unexpected end"),
    ('lang = "fr"', 'lang = "de"', "lang", "allowed: fr, en"),
    ("hints = [", "hint = [", "exercises[1].hint", 'did you mean "hints"'),
    ('title = "Un"', 'title.fr = "Un"', "exercises[1].title", "one language"),
    ("level = 1\n", 'level = "1"\n', "exercises[1].level", "without quotes: level = 1"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), MISTAKES)
def test_a_mistake_is_reported_with_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    assert old in BASE
    text = BASE.replace(old, new, 1)
    path = write(tmp_path, text)
    problems = [p for p in check_pack(path) if p.field == field]
    assert problems, check_pack(path)
    problem = problems[0]
    assert problem.file == str(path)
    assert problem.line == line_of(text, new.strip().split("\n")[0])
    assert words in problem.message
    assert str(problem).startswith(f"{path}:{problem.line}: {field}: ")


def test_a_missing_field_points_at_its_exercise(tmp_path: Path) -> None:
    text = BASE.replace("explanation = \"Un résultat clé mesure l'effet, pas l'effort.\"\n", "")
    problems = check_pack(write(tmp_path, text))
    assert [(p.line, p.field) for p in problems] == [
        (line_of(text, "[[exercises]]"), "exercises[1].explanation")
    ]
    assert "missing" in problems[0].message


def test_syntax_errors_duplicates_choices_and_items(tmp_path: Path) -> None:
    broken = BASE.replace('title = "Un"', 'title = "Un')
    (problem,) = check_pack(write(tmp_path, broken))
    assert problem.field == "(syntax)" and problem.line == line_of(broken, 'title = "Un')

    twice = BASE + BASE[BASE.index("[[exercises]]") :]
    (dup,) = [p for p in check_pack(write(tmp_path, twice)) if p.is_error]
    assert dup.field == "exercises[2].id" and "duplicate" in dup.message
    assert dup.line == line_of(twice, 'id = "un"', twice.rindex("[[exercises]]"))

    no_answer = BASE + CHOICE.replace("correct = true\n", "")
    (choice,) = check_pack(write(tmp_path, no_answer))
    assert choice.field == "exercises[2].choices" and "0 choices" in choice.message
    assert choice.line == line_of(no_answer, "[[exercises.choices]]")

    three = BASE.replace("level = 1\n", "level = 1\nitems = 3\n")
    (items,) = check_pack(write(tmp_path, three))
    assert items.field == "exercises[1].model_answer" and "3 items" in items.message


def test_warnings_do_not_stop_a_pack(tmp_path: Path) -> None:
    text = BASE.replace("level = 1\n", "level = 3\n") + CHOICE.replace("level = 2", "level = 1")
    path = write(tmp_path, text, "other-name.toml")
    problems = check_pack(path)
    assert {p.field for p in problems} == {"id", "exercises[2].level"}
    assert not has_errors(problems)
    assert len(load_pack(path).exercises) == 2


def test_the_engine_checks_drafts_model_answers_and_answer_keys(
    tmp_path: Path, engine: Engine
) -> None:
    assert check_pack(write(tmp_path, BASE + CHOICE), engine) == []
    easy = BASE.replace(
        'draft = "Organiser 3 ateliers avec les équipes terrain"',
        "draft = \"Faire passer de 12 à 40 le nombre d'idées d'ici fin juin\"",
    )
    # (and a warning: draft and model answer both have a baseline no criterion checks)
    (problem,) = [p for p in check_pack(write(tmp_path, easy), engine) if p.is_error]
    assert problem.field == "exercises[1].draft" and problem.line == line_of(easy, "draft =")
    assert "already meets every criterion" in problem.message

    weak = BASE.replace(
        "model_answer = \"Faire passer de 12 à 40 le nombre d'idées des équipes terrain d'ici fin "
        'juin"',
        'model_answer = "Faire passer de 12 à 40 le nombre d\'idées des équipes terrain"',
    )
    (problem,) = check_pack(write(tmp_path, weak), engine)
    assert problem.field == "exercises[1].model_answer"
    assert "Une échéance" in problem.message  # the label of the failed criterion

    wrong_key = BASE + CHOICE.replace('confirm = "not output"', 'confirm = "measurable"')
    (problem,) = check_pack(write(tmp_path, wrong_key), engine)
    assert problem.field == "exercises[2].choices[2].confirm"
    assert problem.line == line_of(wrong_key, 'confirm = "measurable"')
    assert "disagrees with the answer key" in problem.message


def test_shipped_packs_load_without_problems() -> None:
    packs, problems = load_packs()
    assert problems == [] and len(packs) >= 8


# --- criteria and grading ---------------------------------------------------------------------


def test_labels_are_written_for_simple_conditions() -> None:
    assert describe("not rule.vague-verb", "fr") == "Le coach ne signale plus\u00a0: Verbe vague"
    assert describe("not rule.vague-verb", "en") == "No more finding: Vague verb"
    assert describe("measurable", "fr") == "Mesurable\u00a0: une valeur cible chiffrée"
    assert describe("not output", "en") == "A result, not an activity"
    assert describe("jargon == 0", "fr") == "Sans jargon"
    assert describe("overall >= 80", "fr") == "Score global ≥ 80"
    assert describe("not jargon.synergies", "fr") == "Sans le mot «\u00a0synergies\u00a0»"
    assert describe("measurable and has_deadline", "fr") is None
    labelled = compile_criterion("has_baseline or has_target", "Un point de départ", "fr")
    assert labelled.label == "Un point de départ"
    with pytest.raises(CriterionError, match="unknown name"):
        compile_criterion("import os", "", "fr")


def test_grading_uses_the_engine_facts(engine: Engine) -> None:
    pack = load_pack("fr-3-resultats-cles")
    ex = pack.exercise("trois-kr-service")
    assess = [engine.assess(t, kind=ex.kind, lang="fr") for t in split_items(ex.model_answer, 3)]
    assert grade(ex.criteria, 3, assess).passed
    # Two lines only, or the same line three times: the count criterion fails.
    assert not grade(ex.criteria, 3, assess[:2]).passed
    assert not grade(ex.criteria, 3, [assess[0]] * 3).count_ok
    one = engine.assess("Optimiser les synergies", kind="objective", lang="fr")
    values = facts(one)
    assert values["jargon.synergies"] and values["rule.buzzword"] and values["jargon"] >= 1
    assert split_items("1. Un\n\n- Deux\n• Trois", 3) == ["Un", "Deux", "Trois"]


# --- progress and the store -------------------------------------------------------------------


def _attempt(when: str, text: str, passed: bool, rules: list[str], overall: float) -> Attempt:
    return Attempt(when, text, passed, [passed], {"overall": overall}, rules, "full")


def test_progress_round_trips_and_replays_idempotently() -> None:
    trainee = TraineeProgress("  Anne   Martin ", "CODIR")
    first = _attempt("2026-03-19T09:00:00+00:00", "Organiser", False, ["kr-output-activity"], 60)
    for _ in range(2):  # a failed save replays the same changes: nothing counts twice
        trainee.record("p", "e", first, title="Un", skill="spot")
        trainee.use_hint("p", "e", 1, "2026-03-19T09:01:00+00:00")
    trainee.record("p", "e", _attempt("2026-03-19T09:02:00+00:00", "Faire passer", True, [], 100))
    entry = trainee.progress("p", "e")
    assert entry is not None
    assert (len(entry.attempts), entry.hints_used, entry.done, entry.attempts_to_pass) == (
        2,
        1,
        True,
        2,
    )
    assert trainee.name == "Anne Martin"
    copy = TraineeProgress.from_dict(json.loads(json.dumps(trainee.to_dict())))
    assert copy.to_dict() == trainee.to_dict()


def test_store_saves_per_trainee_atomically_and_privately(tmp_path: Path) -> None:
    store = TrainingStore(tmp_path / "training")
    assert store.load("Anne", "G").exercises == {}  # no file yet, nothing written
    assert not (tmp_path / "training").exists()
    store.update("Anne", "G", lambda t: t.use_hint("p", "e", 1, "2026-03-19T09:00:00+00:00"))
    store.update("anne", "g", lambda t: t.reveal("p", "e", "2026-03-19T09:05:00+00:00"))
    path = store.path("Anne", "G")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.with_name(path.name + ".bak").exists()
    saved = store.load("ANNE", "g")
    assert saved.progress("p", "e").revealed and saved.progress("p", "e").hints_used == 1
    # Same name, other group: another trainee.
    assert trainee_file_id("Anne", "G") != trainee_file_id("Anne", "H")

    def boom(t: TraineeProgress) -> None:
        t.reveal("p", "x", "2026-03-19T10:00:00+00:00")
        raise RuntimeError("bug")

    before = path.read_bytes()
    with pytest.raises(RuntimeError):
        store.update("Anne", "G", boom)
    assert path.read_bytes() == before


def test_store_reports_damaged_and_foreign_files(tmp_path: Path) -> None:
    store = TrainingStore(tmp_path)
    store.update("Bea", "", lambda t: t.use_hint("p", "e", 1, "2026-03-19T09:00:00+00:00"))
    store.path("Cleo").write_bytes(b'{"meta": {"1": {"format": "facilitator-training", "sch')
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    trainees, problems = store.trainees()
    assert [t.name for t in trainees] == ["Bea"]
    kinds = sorted(type(p).__name__ for p in problems)
    assert kinds == [CorruptSessionError.__name__, ForeignFileError.__name__]
    assert all(str(p.path) in str(p) for p in problems)
    with pytest.raises(CorruptSessionError, match="cut off"):
        store.load("Cleo")


WORKER = """
import sys
from facilitator.training.store import TrainingStore
from facilitator.training.progress import Attempt
store = TrainingStore(sys.argv[1])
for n in range(int(sys.argv[3])):
    when = f"2026-03-19T09:{n:02d}:00+00:00"
    attempt = Attempt(when, f"{sys.argv[2]} {n}", False, [], {}, [], "full")
    store.update("Anne", "G", lambda t, a=attempt: t.record("p", "e", a))
"""


def test_two_processes_saving_the_same_trainee_lose_nothing(tmp_path: Path) -> None:
    count = 15
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(tmp_path), name, str(count)], cwd=ROOT)
        for name in ("window-1", "window-2")
    ]
    assert [w.wait(timeout=60) for w in workers] == [0, 0]
    entry = TrainingStore(tmp_path).load("Anne", "G").progress("p", "e")
    assert entry is not None and len(entry.attempts) == 2 * count


# --- summary and the Word report --------------------------------------------------------------


T0 = "2026-03-19T09:00:00+00:00"


def _group() -> list[TraineeProgress]:
    pack = load_pack("fr-3-resultats-cles")
    ex1, ex2 = pack.exercises[0], pack.exercises[3]
    anne = TraineeProgress("Anne Martin", "CODIR")
    rules = ["kr-output-activity", "kr-no-deadline"]
    wrong = _attempt(T0, "Organiser 4 ateliers", False, rules, 70)
    anne.record(pack.id, ex1.id, wrong, title=ex1.title, skill=ex1.skill)
    anne.use_hint(pack.id, ex1.id, 2, "2026-03-19T09:01:00+00:00")
    right = _attempt("2026-03-19T09:02:00+00:00", "Faire passer\x07 de 12 à 40", True, [], 100)
    anne.record(pack.id, ex1.id, right)
    bob = TraineeProgress("Bob Durand", "CODIR")
    bob.record(
        pack.id, ex1.id, _attempt(T0, "Lancer", False, ["kr-output-activity", "kr-no-target"], 60)
    )
    later = "2026-03-19T09:03:00+00:00"
    bob.record(pack.id, ex2.id, _attempt(later, "Atteindre 85 %", False, ["kr-no-baseline"], 90))
    bob.reveal(pack.id, ex2.id, "2026-03-19T09:04:00+00:00")
    return [anne, bob]


def test_summary_finds_the_common_mistakes() -> None:
    packs, _ = load_packs()
    s = summarize(_group(), lang="fr", group="CODIR", packs=packs)
    assert [(t.name, t.opened, t.done, t.attempts, t.hints, t.revealed) for t in s.trainees] == [
        ("Anne Martin", 1, 1, 2, 2, 0),
        ("Bob Durand", 2, 0, 2, 0, 1),
    ]
    top = s.mistakes[0]
    assert (top.rule, top.attempts, top.failed, top.trainees) == ("kr-output-activity", 2, 2, 2)
    assert top.title == "Activité plutôt que résultat" and top.message
    assert [r.skill for r in s.skills] == ["activity-to-result", "baseline-deadline"]
    assert s.exercises[0].mean_attempts == 1.5


def test_the_word_report_has_the_expected_content(tmp_path: Path) -> None:
    packs, _ = load_packs()
    path = export_report(
        tmp_path / "rapport.docx",
        _group(),
        lang="fr",
        group="CODIR",
        packs=packs,
        today=date(2026, 3, 19),
    )
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Rapport d’entraînement OKR"
    assert "Groupe\u00a0: CODIR" in paragraphs
    for heading in (
        "Les erreurs fréquentes, à reprendre ensemble",
        "Où le groupe a peiné",
        "Par exercice",
        "Par stagiaire",
        "Anne Martin",
        "Bob Durand",
    ):
        assert heading in paragraphs, heading
    assert any(
        "Stagiaires\u00a0: 2 · exercices commencés\u00a0: 3 · réussis\u00a0: 1" in p
        for p in paragraphs
    )
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    mistakes = next(t for head, t in tables.items() if head[0] == "Remarque du coach")
    first = [c.text for c in mistakes.rows[1].cells]
    assert first[0] == "Activité plutôt que résultat" and first[2:] == ["2", "2", "2"]
    trainees = next(t for head, t in tables.items() if head[0] == "Stagiaire")
    assert [r.cells[0].text for r in trainees.rows[1:]] == ["Anne Martin", "Bob Durand"]
    detail = [t for t in document.tables if t.rows[0].cells[-1].text == "Dernière réponse"]
    assert len(detail) == 2
    assert detail[0].rows[1].cells[1].text == "réussi"
    assert detail[0].rows[1].cells[4].text == "Faire passer de 12 à 40"  # control char dropped
    assert document.core_properties.language == "fr-FR"


def test_the_report_is_in_english_for_english_packs() -> None:
    minutes = build_report(_group(), lang="en", group=None, today=date(2026, 3, 19))
    texts = [getattr(b, "text", "") for b in minutes.blocks]
    assert texts[0] == "OKR training report"
    assert "Common mistakes to go over together" in texts
    assert "All groups" in texts


# --- headless -----------------------------------------------------------------------------------


def test_training_modules_import_neither_textual_nor_spacy() -> None:
    loaded = _loaded_after(
        "import facilitator.training, facilitator.training.report, facilitator.training.store\n"
        "from facilitator.training import load_packs\n"
        "load_packs()"
    )
    assert "textual" not in loaded and "spacy" not in loaded
