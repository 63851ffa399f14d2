"""The shipped exercise packs validate themselves with the real engine: every starting draft fails
its criteria, every model answer meets them, every choice's `confirm` agrees with the answer key.
Plus what the trainer mode promises: at least 40 exercises in French and English, every skill,
the pharmaceutical topics, and a README that documents the format the code checks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.engine import Engine
from facilitator.training import SKILLS, check_pack, list_packs, packs_dir
from facilitator.training.criteria import grade, split_items
from facilitator.training.model import (
    CHOICE_KEYS,
    CRITERION_KEYS,
    EXERCISE_KEYS,
    PACK_KEYS,
    PLACEHOLDERS,
)

PACK_FILES = sorted(packs_dir().glob("*.toml"))


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.stem)
def test_shipped_pack_validates_itself_with_the_real_engine(path: Path, engine: Engine) -> None:
    """No structural problem, no warning, and the engine agrees with every exercise."""
    problems = check_pack(path, engine)
    assert problems == [], "\n".join(map(str, problems))


def test_drafts_fail_and_model_answers_pass_item_by_item(engine: Engine) -> None:
    """The same guarantee, spelled out (not through the checker): each draft fails, each model
    answer passes, with the real engine's full pass."""

    def graded(ex, text):  # type: ignore[no-untyped-def]
        items = split_items(text, ex.items)
        words = list(ex.glossary)
        found = [engine.assess(i, kind=ex.kind, lang=ex.lang, glossary=words) for i in items]
        return grade(ex.criteria, ex.items, found)

    for pack in list_packs():
        for ex in pack.exercises:
            assert not graded(ex, ex.draft).passed, f"{ex.key}: the draft already passes"
            model = graded(ex, ex.model_answer)
            assert model.passed, f"{ex.key}: the model answer fails {model}"


def test_enough_exercises_in_both_languages_with_rising_difficulty() -> None:
    packs = list_packs()
    exercises = [e for p in packs for e in p.exercises]
    assert len(exercises) >= 40
    for lang in ("fr", "en"):
        mine = [e for e in exercises if e.lang == lang]
        assert len(mine) >= 20, lang
        assert {e.skill for e in mine} == set(SKILLS), lang
        # Packs go from spotting (level 1) to the pharmaceutical pack (level 4).
        levels = [p.level for p in packs if p.lang == lang]
        assert levels == sorted(levels) and len(set(levels)) == len(levels)
    for pack in packs:
        levels = [e.level for e in pack.exercises]
        assert levels == sorted(levels), pack.id


def test_every_exercise_is_complete() -> None:
    for pack in list_packs():
        for ex in pack.exercises:
            assert ex.instructions and ex.draft and ex.model_answer and ex.explanation, ex.key
            assert ex.hints, ex.key
            assert ex.criteria, ex.key
            # Hints are revealed one at a time: each says something new.
            assert len(set(ex.hints)) == len(ex.hints), ex.key
            if ex.is_choice:
                assert ex.correct_choice >= 0, ex.key
                # The engine confirms the right answer of every choice exercise.
                assert ex.choices[ex.correct_choice].confirm is not None, ex.key
            assert "{" not in ex.model_answer and "{" not in ex.draft, ex.key


def test_spot_exercises_are_answered_by_choosing_and_by_rewriting() -> None:
    for lang in ("fr", "en"):
        spot = [
            e for p in list_packs() for e in p.exercises if e.skill == "spot" and e.lang == lang
        ]
        assert {e.answer for e in spot} == {"choice", "rewrite"}, lang
    multi = [e for p in list_packs() for e in p.exercises if e.items > 1]
    assert {e.skill for e in multi} == {"split", "key-results"}
    assert {e.items for e in multi if e.skill == "key-results"} == {3}


def test_the_pharmaceutical_packs_cover_the_required_topics() -> None:
    topics = {
        "fr": ("déviation", "dossiers", "lancement", "cas graves", "formations"),
        "en": ("deviation", "dossier", "launch", "serious cases", "training"),
    }
    for pack in list_packs():
        if "pharma" not in pack.id:
            continue
        text = " ".join(
            f"{e.context} {e.instructions} {e.draft} {e.model_answer}" for e in pack.exercises
        ).lower()
        for topic in topics[pack.lang]:
            assert topic in text, (pack.id, topic)


def test_placeholders_keep_deadlines_in_the_future_and_the_past() -> None:
    from datetime import date

    from facilitator.training import load_pack

    pack = load_pack("fr-3-resultats-cles", today=date(2031, 5, 1))
    exercise = pack.exercise("echeance-passee")
    assert "fin 2030" in exercise.draft and "fin 2032" in exercise.model_answer


# --- the README documents the format the code checks ------------------------------------------

README = (packs_dir() / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_key_in_both_languages() -> None:
    for name in (*PACK_KEYS, *EXERCISE_KEYS, *CHOICE_KEYS, *CRITERION_KEYS, *SKILLS):
        assert re.search(rf"`(\[\[)?{re.escape(name)}(\]\])?`", README), name
    for placeholder in PLACEHOLDERS:
        assert f"{{{placeholder}}}" in README
    assert "## Français" in README and "## English" in README
    for pack in list_packs():
        assert f"`{pack.id}`" in README, pack.id


def test_readme_example_is_a_valid_pack(tmp_path: Path, engine: Engine) -> None:
    example = README[README.index("## Exemple / Example") :]
    match = re.search(r"```toml\n(.*?)```", example, re.S)
    assert match
    path = tmp_path / "mon-pack.toml"
    path.write_text(match.group(1), encoding="utf-8")
    assert check_pack(path, engine) == []
