"""Every rule's examples are its tests: each bad example fires, no good example does."""

from pathlib import Path

import pytest

from facilitator.engine import Engine
from facilitator.paths import data_dir

LANGS = ("fr", "en")


@pytest.fixture(scope="module")
def unvalidated() -> Engine:
    return Engine(validate=False)


def test_rules_and_lexicons_load_without_problems(unvalidated):
    assert unvalidated.problems == []


def _rule_files() -> list[tuple[str, Path]]:
    """(language, rule file) of every bundled rule, read from the folders at collection time so
    that each rule is its own test (the engine is loaded once, by the fixture below)."""
    rules = data_dir("rules")
    return [(lang, path) for lang in LANGS for path in sorted(rules.glob(f"{lang}/*/*.toml"))]


@pytest.fixture(scope="module")
def failures(unvalidated) -> dict[str, list[str]]:
    """Failed examples per rule file, all languages, from one batch run per language."""
    by_path: dict[str, list[str]] = {}
    for lang in LANGS:
        for problem in unvalidated.check_examples(lang):
            by_path.setdefault(str(Path(problem.path).resolve()), []).append(problem.message)
    return by_path


@pytest.mark.parametrize(
    ("lang", "path"), _rule_files(), ids=[f"{lang}/{path.stem}" for lang, path in _rule_files()]
)
def test_every_example_of_the_rule_passes(unvalidated, failures, lang, path):
    assert path.stem in {rule.id for rule in unvalidated.rules(lang)}, f"{path} was not loaded"
    assert failures.get(str(path.resolve()), []) == []


@pytest.mark.parametrize("lang", LANGS)
def test_at_least_thirty_rules_per_language(unvalidated, lang):
    assert len(unvalidated.rules(lang)) >= 30


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_is_documented(unvalidated, lang):
    for rule in unvalidated.rules(lang):
        assert rule.title and rule.message and rule.rationale and rule.source, rule.path
        assert rule.bad and rule.good, rule.path
        assert rule.path.parent.name == rule.dimension, f"{rule.path}: folder != dimension"


def test_flags_come_from_rules_in_both_languages(unvalidated):
    for lang in LANGS:
        flags = {r.flag for r in unvalidated.rules(lang)}
        assert {"low_ambition", "jargon"} <= flags, lang


def test_english_rules_work_in_reduced_mode():
    """Without an English model every English rule still fires on a bad example (lower recall
    allowed) and never on a good one."""
    reduced = Engine(validate=False, english_models=())
    assert reduced.assess("Grow ARR", lang="en").tier == "reduced"
    failures = reduced.check_examples("en")
    by_rule: dict[str, list[str]] = {}
    for f in failures:
        by_rule.setdefault(Path(f.path).stem, []).append(f.message)
    for rule in reduced.rules("en"):
        msgs = by_rule.get(rule.id, [])
        assert not [m for m in msgs if m.startswith("good")], (rule.id, msgs)
        missed = [m for m in msgs if m.startswith("bad")]
        assert len(missed) < len(rule.bad), f"{rule.id}: no bad example fires in reduced mode"


def test_reduced_mode_has_a_one_line_notice():
    reduced = Engine(validate=False, english_models=())
    a = reduced.assess("Grow ARR to 2M by Q4", "key_result", lang="en")
    assert len(a.notices) == 1 and "reduced" in a.notices[0]


def test_loader_refuses_a_rule_whose_examples_fail(tmp_path):
    rules = tmp_path / "rules"
    for lang in LANGS:
        (rules / lang / "clarity").mkdir(parents=True)
    src = data_dir("rules") / "fr" / "ambition" / "hedge.toml"
    broken = src.read_text(encoding="utf-8").replace(
        'text = "Essayer de réduire le délai de livraison"',
        'text = "Réduire le délai de livraison"',
    )
    (rules / "fr" / "clarity" / "hedge.toml").write_text(
        broken.replace('dimension = "ambition"', 'dimension = "clarity"'), encoding="utf-8"
    )
    eng = Engine(rules_dir=rules)
    eng.load("fr")
    assert eng.rules("fr") == []
    assert any("hedge.toml" in p.path and "does not fire" in p.message for p in eng.problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id = 'x'", "field 'kind' is missing"),
        ("not toml [", "invalid TOML"),
        (
            "id='x'\nkind='existence'\ndimension='clarity'\napplies_to='both'\nlevel='info'\n"
            "message='m'\nrationale='r'\nsource='s'\naction='ask'",
            "field 'level' is 'info'",
        ),
    ],
)
def test_loader_names_the_file_and_field_of_a_broken_rule(tmp_path, content, expected):
    (tmp_path / "fr").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "fr" / "x.toml").write_text(content, encoding="utf-8")
    eng = Engine(rules_dir=tmp_path, validate=False)
    [problem] = eng.problems
    assert "x.toml" in problem.path and expected in problem.message


def test_a_missing_feature_lexicon_is_reported(tmp_path):
    import shutil

    lexicons = tmp_path / "lexicons"
    shutil.copytree(data_dir("lexicons"), lexicons)
    (lexicons / "fr" / "activity-verbs.tsv").unlink()
    eng = Engine(lexicons_dir=lexicons, validate=False)
    assert any("activity-verbs.tsv" in p.path and "missing" in p.message for p in eng.problems)


def test_every_failure_belongs_to_a_bundled_rule(failures):
    """Guards the per-rule tests above: a failure they cannot see would be a silent pass."""
    files = {str(path.resolve()) for _, path in _rule_files()}
    assert set(failures) <= files, sorted(set(failures) - files)
