"""An organisation's facilitator.toml: found upward, checked with file:line: field errors, applied
by the engine at load (rules on and off, levels, weights, limits, glossary, domains, word lists,
its own rules), and used by `facilitator score` and `facilitator rules`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.engine import ConfigError, Engine, find_config, load_config, resolve_config

ROOT = Path(__file__).resolve().parents[2]
KR_NO_DEADLINE = "Faire passer le taux de réclamation de 4 % à 2 %"


def write(folder: Path, text: str, name: str = "facilitator.toml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def configured(tmp_path: Path, text: str, validate: bool = False) -> Engine:
    return Engine(config=load_config(write(tmp_path, text)), validate=validate)


def rule_ids(engine: Engine, lang: str) -> set[str]:
    return {r.id for r in engine.rules(lang)}


def fired(engine: Engine, text: str, kind: str = "objective", lang: str = "fr") -> set[str]:
    return {f.rule for f in engine.assess(text, kind, lang).findings}


# --- discovery ---------------------------------------------------------------------------------


def test_the_nearest_file_upward_is_found(tmp_path):
    deep = tmp_path / "org" / "team" / "okr"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not find_config(deep).is_relative_to(tmp_path)
    top = write(tmp_path / "org", "glossary = ['KAM']\n")
    assert find_config(deep) == top.resolve()
    nearer = write(tmp_path / "org" / "team", "glossary = ['CODIR']\n")
    assert find_config(deep) == nearer.resolve()
    assert resolve_config(start_dir=deep).glossary == ("CODIR",)
    assert resolve_config(start_dir=deep, discover=False) is None
    assert resolve_config(top, start_dir=deep).glossary == ("KAM",)  # named beats found


def test_no_configuration_leaves_the_engine_as_it_was(engine):
    assert engine.config is None
    statuses = engine.rule_statuses()
    assert all(s.on and not s.origins for s in statuses)
    assert len(statuses) == len(engine.rules())


def test_the_shipped_example_loads_and_applies():
    config = load_config(ROOT / "docs" / "facilitator.example.toml")
    assert config.glossary == ("CODIR", "KAM") and config.domains == ("pharma",)
    eng = Engine(config=config, validate=False)
    assert "objective-no-why" not in rule_ids(eng, "fr")
    (rule,) = [r for r in eng.rules("fr") if r.id == "kr-no-deadline"]
    assert rule.level == "warning"
    (limit,) = [r for r in eng.rules("fr") if r.id == "too-many-words"]
    assert limit.max_objective == 25 and limit.max == 30 and "25 mots" in limit.message


# --- select and ignore -------------------------------------------------------------------------


def test_ignore_by_id_and_by_prefix(tmp_path):
    eng = configured(tmp_path, 'ignore = ["objective-no-why", "kr-"]\n')
    for lang in ("fr", "en"):
        ids = rule_ids(eng, lang)
        assert "objective-no-why" not in ids and not any(i.startswith("kr-") for i in ids)
        assert "too-many-words" in ids
    assert "kr-no-target" not in fired(eng, "Améliorer la satisfaction client", "key_result")


def test_select_keeps_only_what_it_names_and_the_most_specific_entry_wins(tmp_path):
    eng = configured(
        tmp_path, 'select = ["kr-"]\nignore = ["kr-no-"]\n[fr]\nselect = ["kr-no-target"]\n'
    )
    fr, en = rule_ids(eng, "fr"), rule_ids(eng, "en")
    assert all(i.startswith("kr-") for i in fr | en)
    assert "kr-no-target" in fr and "kr-no-deadline" not in fr  # the id beats the prefix
    assert "kr-no-target" not in en and "kr-placeholder" in en
    off = next(s for s in eng.rule_statuses("en") if s.rule.id == "too-many-words")
    assert not off.on and off.origins["on"] == "not in select"


def test_a_language_table_applies_to_that_language_only(tmp_path):
    eng = configured(tmp_path, '[en]\nignore = ["passive-voice"]\n')
    assert "passive-voice" in rule_ids(eng, "fr") and "passive-voice" not in rule_ids(eng, "en")


# --- levels, weights, limits -------------------------------------------------------------------


def test_level_and_weight_change_the_scores(engine, tmp_path):
    before = engine.assess(KR_NO_DEADLINE, "key_result", "fr")
    assert "kr-no-deadline" in {f.rule for f in before.findings}
    eng = configured(tmp_path, '[rules.kr-no-deadline]\nlevel = "error"\nweight = 40\n')
    after = eng.assess(KR_NO_DEADLINE, "key_result", "fr")
    (finding,) = [f for f in after.findings if f.rule == "kr-no-deadline"]
    assert finding.level == "error" and finding.weight == 40
    assert after.scores.measurability < before.scores.measurability
    assert after.scores.overall <= 60 < before.scores.overall  # the error cap
    status = next(s for s in eng.rule_statuses("fr") if s.rule.id == "kr-no-deadline")
    assert status.origins == {"level": "facilitator.toml:2", "weight": "facilitator.toml:3"}


def test_length_limits(engine, tmp_path):
    words = "Offrir à chaque patient suivi dans nos centres régionaux un accompagnement simple, humain et rapide tout au long de son parcours de soins"  # noqa: E501
    assert 20 < len(words.split()) <= 25
    assert "too-many-words" in fired(engine, words)
    eng = configured(tmp_path, "[rules.too-many-words]\nmax_objective = 25\nmax = 40\n")
    assert "too-many-words" not in fired(eng, words)
    longer = words + " et de celui de ses proches aidants"
    (finding,) = [
        f for f in eng.assess(longer, "objective", "fr").findings if f.rule == "too-many-words"
    ]
    assert "25 mots" in finding.message and "40" in finding.message  # the message follows


def test_a_limit_on_a_rule_that_counts_nothing_is_refused(tmp_path):
    path = write(tmp_path, "\n[rules.kr-no-deadline]\nmax = 3\n")
    with pytest.raises(ConfigError) as error:
        Engine(config=load_config(path), validate=False)
    assert str(error.value).startswith(f"{path}:3: rules.kr-no-deadline.max: ")
    assert "remove this line" in str(error.value)


# --- glossary, domains, word lists -------------------------------------------------------------


def test_glossary_and_domains_silence_acronyms(engine, tmp_path):
    text = "Obtenir l'AMM du nouveau traitement avec l'appui des KAM d'ici fin 2026"
    jargon = engine.assess(text, "objective", "fr").flags.jargon
    assert {"AMM", "KAM"} <= set(jargon)
    eng = configured(tmp_path, 'glossary = ["KAM"]\ndomains = ["pharma"]\n')
    assert not eng.assess(text, "objective", "fr").flags.jargon
    # A call's own domains replace the engine's packs, not the organisation's glossary.
    assert eng.assess(text, "objective", "fr", domains=[]).flags.jargon == ["AMM"]


def test_score_domain_option_adds_a_pack():
    text = "Obtenir l'AMM du nouveau traitement d'ici fin 2026"
    plain = json.loads(run("score", text, "--format", "json", "--no-config").output)
    pharma = json.loads(
        run("score", text, "--format", "json", "--no-config", "--domain", "pharma").output
    )
    assert plain["flags"]["jargon"] == ["AMM"] and pharma["flags"]["jargon"] == []
    r = run("score", text, "--no-config", "--domain", "pharmo")
    assert r.exit_code == 2 and "pharmo" in r.output


def test_an_extra_word_list_takes_effect(engine, tmp_path):
    text = "Devenir un acteur transformationnel du marché"
    assert "buzzword" not in fired(engine, text)
    write(
        tmp_path,
        "term\talternatives\tpos\tforms\tnote\tsource\ntransformationnel\tqui change\t\t\t\t\n",
        "mots-creux.tsv",
    )
    eng = configured(tmp_path, '[fr.word_lists]\nbuzzwords = "mots-creux.tsv"\n')
    (finding,) = [f for f in eng.assess(text, "objective", "fr").findings if f.rule == "buzzword"]
    assert finding.text == "transformationnel" and "qui change" in finding.suggestions


# --- the organisation's own rules --------------------------------------------------------------

ASAP_RULE = """id = "no-asap"
title = "ASAP"
kind = "sequence"
dimension = "measurability"
applies_to = "both"
level = "suggestion"
weight = 12
action = "ask"
message = "« {match} » n'est pas une date : pour quand ?"
rationale = "Une urgence sans date ne se suit pas."
source = "Charte OKR maison"
patterns = [[{lower = "asap"}]]

[[bad]]
text = "Livrer la nouvelle version asap"
span = "asap"

[[good]]
text = "Livrer la nouvelle version d'ici juin 2026"
"""


def test_an_extra_rules_folder_adds_a_rule(tmp_path):
    write(tmp_path / "nos-regles" / "fr" / "measurability", ASAP_RULE, "no-asap.toml")
    eng = configured(tmp_path, 'rules_dir = "nos-regles"\n[rules.no-asap]\nweight = 15\n', True)
    eng.load("fr")
    assert "no-asap" in rule_ids(eng, "fr") and not eng.problems
    (finding,) = [
        f
        for f in eng.assess("Livrer la V2 asap", "objective", "fr").findings
        if f.rule == "no-asap"
    ]
    assert finding.text == "asap" and finding.weight == 15
    (status,) = [s for s in eng.rule_statuses("fr") if s.rule.id == "no-asap"]
    assert status.extra and status.on


def test_an_extra_rule_whose_example_fails_is_refused_with_file_and_example(tmp_path):
    broken = ASAP_RULE.replace("Livrer la nouvelle version asap", "Livrer la nouvelle version vite")
    rule = write(tmp_path / "nos-regles" / "fr" / "clarity", broken, "no-asap.toml")
    eng = configured(tmp_path, 'rules_dir = "nos-regles"\n', True)
    eng.load("fr")
    assert "no-asap" not in rule_ids(eng, "fr")
    (problem,) = eng.problems
    assert problem.path == str(rule.resolve())
    assert 'bad example "Livrer la nouvelle version vite" does not fire' in problem.message
    (status,) = [s for s in eng.rule_statuses("fr") if s.rule.id == "no-asap"]
    assert not status.on and "refused" in status.origins["on"]


# --- bad files: file:line: field: problem; what to do ------------------------------------------


@pytest.mark.parametrize(
    "text, line, field, says",
    [
        ('glossary = ["KAM"\n', 1, "(syntax)", "TOML syntax error"),
        ('glossary = ["KAM"]\n\nignorre = ["kr-"]\n', 3, "ignorre", "did you mean 'ignore'?"),
        (
            '\n[rules.kr-no-dedline]\nlevel = "error"\n',
            2,
            "rules.kr-no-dedline",
            "'kr-no-deadline'",
        ),
        ('ignore = [\n  "hedge",\n  "objectiv-no-why",\n]\n', 3, "ignore[2]", "'objective-no-why'"),
        (
            '[fr]\nselect = ["anglicism"]\n[en]\nselect = ["anglicism"]\n',
            4,
            "en.select[1]",
            "no rule",
        ),
        (
            '[rules.hedge]\nlevel = "blocking"\n',
            2,
            "rules.hedge.level",
            "suggestion, warning, error",
        ),
        ('[rules.hedge]\n\nweight = "high"\n', 3, "rules.hedge.weight", "from 0 to 100"),
        (
            "[rules.too-many-words]\nmax_objective = 0\n",
            2,
            "rules.too-many-words.max_objective",
            "≥ 1",
        ),
        ('glossary = "CODIR"\n', 1, "glossary", 'glossary = ["CODIR", "KAM"]'),
        ('domains = ["pharmo"]\n', 1, "domains[1]", "did you mean 'pharma'?"),
        ('rules = "hedge"\n', 1, "rules", "must be a table"),
        ("[en]\nselect = []\n", 2, "en.select", "every rule would be off"),
        ('[fr.word_lists]\nbuzzwords = "absent.tsv"\n', 2, "fr.word_lists.buzzwords", "not found"),
        ('[word_lists]\nanglicisms = "a.tsv"\n', 2, "word_lists.anglicisms", "[fr.word_lists]"),
        ('[fr.word_lists]\nbuzwords = "a.tsv"\n', 2, "fr.word_lists.buzwords", "'buzzwords'"),
        ('rules_dir = "absent"\n', 1, "rules_dir", "not found"),
        ("[fr]\nglossary = ['KAM']\n", 2, "fr.glossary", "unknown key"),
    ],
)
def test_a_bad_file_says_where_and_what_to_do(tmp_path, text, line, field, says):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: {field}: "), message
    assert says in message


def test_a_bad_word_list_names_its_own_line(tmp_path):
    write(tmp_path, "term\talternatives\n\tvide\n", "mots.tsv")
    path = write(tmp_path, '[fr.word_lists]\nbuzzwords = "mots.tsv"\n')
    with pytest.raises(
        ConfigError,
        match=r"facilitator.toml:2: fr.word_lists.buzzwords: .*mots.tsv:2: field 'term' is empty",
    ):
        load_config(path)


# --- the command line --------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_rules_config_shows_the_effective_set(tmp_path):
    path = write(
        tmp_path, 'ignore = ["objective-no-why"]\n[rules.kr-no-deadline]\nlevel = "warning"\n'
    )
    r = run("rules", "--config", str(path), "--lang", "fr")
    assert r.exit_code == 0, r.output
    lines = {line.split()[0]: line for line in r.output.splitlines() if line.strip()}
    assert lines["objective-no-why"].split()[2] == "off"
    assert "facilitator.toml:1 (ignore 'objective-no-why')" in lines["objective-no-why"]
    deadline = lines["kr-no-deadline"].split()
    assert (
        deadline[2:4] == ["on", "warning"]
        and "level: facilitator.toml:3" in lines["kr-no-deadline"]
    )
    assert lines["hedge"].split()[2] == "on" and lines["hedge"].rstrip().endswith("-")
    assert f"rules on, with {path}" in r.output
    explained = run("rules", "kr-no-deadline", "--config", str(path), "--lang", "fr")
    assert "warning" in explained.output


def test_score_finds_the_configuration_upward_and_no_config_skips_it(tmp_path, monkeypatch):
    write(tmp_path, '[rules.kr-no-deadline]\nlevel = "error"\n')
    (tmp_path / "team").mkdir()
    monkeypatch.chdir(tmp_path / "team")
    found = json.loads(run("score", KR_NO_DEADLINE, "--kind", "kr", "--format", "json").output)
    skipped = run("score", KR_NO_DEADLINE, "--kind", "kr", "--format", "json", "--no-config")
    plain = json.loads(skipped.output)
    level = {f["rule"]: f["level"] for f in found["findings"]}
    assert level["kr-no-deadline"] == "error" and found["scores"]["overall"] <= 60
    assert {f["rule"]: f["level"] for f in plain["findings"]}["kr-no-deadline"] == "suggestion"
    named = run("score", KR_NO_DEADLINE, "--kind", "kr", "--config", str(tmp_path / "absent.toml"))
    assert named.exit_code == 2 and "absent.toml" in named.output
    both = run("score", "x", "--config", "a.toml", "--no-config")
    assert both.exit_code == 2 and "not both" in both.output


def test_score_with_a_bad_configuration_is_bad_input(tmp_path):
    path = write(tmp_path, 'ignore = ["objectiv-no-why"]\n')
    r = run("score", "Grow ARR", "--config", str(path))
    assert r.exit_code == 2
    assert f"{path}:1: ignore[1]: no rule is called or starts with 'objectiv-no-why'" in r.output
