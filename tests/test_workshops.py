"""Workshop templates: the shipped ones are complete, and broken ones are reported precisely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import workshops
from facilitator.workshops import (
    LANGUAGES,
    STEP_KINDS,
    STEP_TEXTS,
    TEMPLATE_KINDS,
    Problem,
    TemplateError,
    check_template,
    has_errors,
    list_templates,
    load_template,
    templates_dir,
)

SHIPPED = ["codir-framing", "team-drafting", "monthly-review", "retrospective"]
SHIPPED_FILES = sorted(templates_dir().glob("*.toml"))


# --- shipped templates ------------------------------------------------------------------------


def test_the_required_templates_are_shipped() -> None:
    assert {t.id for t in list_templates("fr")} >= set(SHIPPED)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_template_has_no_problem_at_all(path: Path) -> None:
    problems = check_template(path)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_template_is_complete_in_both_languages(path: Path) -> None:
    template = load_template(path)
    assert template.id == path.stem
    assert sum(step.minutes for step in template.steps) == template.duration_minutes
    for field in ("title", "description"):
        fr, en = (template.text(field, lang) for lang in LANGUAGES)
        assert fr.strip() and en.strip() and fr != en, f"{field} is not translated"
    for step in template.steps:
        for field in STEP_TEXTS:
            fr, en = (step.text(field, lang) for lang in LANGUAGES)
            assert fr.strip() and en.strip(), f"{step.id}.{field} is empty"
            assert fr != en, f"{step.id}.{field} is the same in French and English"
        # A facilitator's script is several concrete sentences, not a label.
        sentences = re.findall(r"[.?!…](?:\s|$)", step.text("script", "fr"))
        assert len(sentences) >= 2, f"{step.id}: script too short"
        fr_prompts, en_prompts = step.prompt_list("fr"), step.prompt_list("en")
        assert len(fr_prompts) == len(en_prompts)
        if step.kind != "break":
            assert fr_prompts, f"{step.id} asks the room nothing"
        assert all(q.rstrip().endswith("?") for q in fr_prompts + en_prompts)


def test_codir_framing_follows_the_agreed_agenda() -> None:
    template = load_template("codir-framing")
    assert template.kind == "framing"
    assert 170 <= template.duration_minutes <= 190
    kinds = [step.kind for step in template.steps]
    assert kinds == [
        "intro",
        "brainstorm",
        "cluster",
        "draft_objectives",
        "draft_key_results",
        "break",
        "vote",
        "alignment",
        "decisions",
        "wrapup",
    ]
    # A CODIR brainstorm is anonymous so rank does not weigh on the proposals.
    assert template.steps[kinds.index("brainstorm")].anonymous is True
    vote = template.steps[kinds.index("vote")]
    assert vote.hide_votes_until_all is True and vote.dots_per_participant >= 1


def test_team_monthly_and_retro_templates_fit_their_brief() -> None:
    team = load_template("team-drafting")
    assert (team.kind, team.duration_minutes, team.participants) == ("drafting", 120, "4–10")
    assert {"draft_objectives", "draft_key_results"} <= {s.kind for s in team.steps}

    review = load_template("monthly-review")
    assert review.kind == "review" and 50 <= review.duration_minutes <= 70
    assert {"review", "decisions"} <= {s.kind for s in review.steps}
    assert "blocage" in " ".join(s.text("title", "fr") for s in review.steps).lower()

    retro = load_template("retrospective")
    assert retro.kind == "retrospective" and 80 <= retro.duration_minutes <= 100
    assert {"grading", "retro"} <= {s.kind for s in retro.steps}
    grading = next(s for s in retro.steps if s.kind == "grading")
    assert "0.7" in grading.text("script", "en") and "0,7" in grading.text("script", "fr")


def test_list_follows_the_okr_cycle_and_checks_the_language() -> None:
    kinds = [t.kind for t in list_templates("en")]
    assert kinds == sorted(kinds, key=TEMPLATE_KINDS.index)
    assert [t.id for t in list_templates("fr-FR")] == [t.id for t in list_templates("fr")]
    with pytest.raises(ValueError, match="unsupported language"):
        list_templates("de")


def test_texts_are_reflowed_like_markdown() -> None:
    step = load_template("codir-framing").steps[0]
    assert "\n" not in step.text("instruction", "fr")  # wrapped lines in the TOML are joined
    assert "  " not in step.text("script", "en")


def test_unknown_template_id_suggests_the_closest() -> None:
    with pytest.raises(TemplateError) as caught:
        load_template("codir-framming")
    assert 'did you mean "codir-framing"' in str(caught.value)


def test_a_broken_or_duplicate_shipped_template_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshops, "templates_dir", lambda: tmp_path)
    for name in ("alpha", "beta"):
        (tmp_path / f"{name}.toml").write_text(
            _template(FOUR_STEPS, template_id=name), encoding="utf-8"
        )
    assert [t.id for t in list_templates()] == ["alpha", "beta"]
    assert load_template("beta").path == tmp_path / "beta.toml"

    (tmp_path / "beta.toml").write_text(
        _template(FOUR_STEPS, duration=1, template_id="beta"), encoding="utf-8"
    )
    with pytest.raises(TemplateError) as caught:
        list_templates()  # never silently drops the broken one
    assert [p.field for p in caught.value.problems] == ["duration_minutes"]

    (tmp_path / "beta.toml").write_text(
        _template(FOUR_STEPS, template_id="alpha"), encoding="utf-8"
    )
    with pytest.raises(TemplateError) as caught:
        list_templates()
    assert "already used by alpha.toml" in str(caught.value)


def test_module_is_headless() -> None:
    code = (
        "import sys, facilitator.workshops as w; w.list_templates();"
        "print(sorted(m for m in ('textual', 'spacy', 'tinydb') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the README documents the format the code checks ------------------------------------------

README = (templates_dir() / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_kind_and_field() -> None:
    for name in (*STEP_KINDS, *TEMPLATE_KINDS, *workshops.TEMPLATE_KEYS, *workshops.STEP_KEYS):
        # texts are documented as `title.fr`, the steps table as `[[steps]]`
        documented = re.search(rf"`(\[\[)?{name}(\.fr|\]\])?`", README)
        assert documented, f"workshops/README.md does not document {name}"
    assert "## Français" in README and "## English" in README


def test_readme_example_passes_check(tmp_path: Path) -> None:
    example = re.search(r"```toml\n(.*?)```", README, re.S)
    assert example is not None
    path = tmp_path / "kickoff-light.toml"
    path.write_text(example.group(1), encoding="utf-8")
    assert check_template(path) == []


# --- broken templates -------------------------------------------------------------------------


def _step(number: int, kind: str = "discussion", minutes: int = 10, step_id: str = "") -> str:
    return f"""
[[steps]]
id = "{step_id or f"step-{number}"}"
kind = "{kind}"
minutes = {minutes}
title.fr = "Étape {number}"
title.en = "Step {number}"
script.fr = \"\"\"
L’animateur explique l’étape {number}.
Puis il lance l’échange.
\"\"\"
script.en = \"\"\"
The facilitator explains step {number}.
Then starts the discussion.
\"\"\"
prompts.fr = [
  "Première question ?",
  "Deuxième question ?",
]
prompts.en = [
  "First question?",
  "Second question?",
]
instruction.fr = "Répondez."
instruction.en = "Answer."
"""


def _template(steps: str, duration: int = 40, template_id: str = "custom") -> str:
    return f"""# a custom workshop
id = "{template_id}"
kind = "drafting"
duration_minutes = {duration}
participants = "4–10"

[title]
fr = "Atelier"
en = "Workshop"

[description]
fr = "Un atelier."
en = "A workshop."
{steps}"""


FOUR_STEPS = "".join(_step(n) for n in range(1, 5))


def _write(tmp_path: Path, text: str, name: str = "custom.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_valid_fixture_has_no_problem(tmp_path: Path) -> None:
    # The control for every fixture below: only the mutation makes them fail.
    path = _write(tmp_path, _template(FOUR_STEPS))
    assert check_template(path) == []
    template = load_template(path)
    assert template.step("step-3").text("script", "en") == (
        "The facilitator explains step 3. Then starts the discussion."
    )
    assert template.steps[2].prompt_list("fr") == ("Première question ?", "Deuxième question ?")


def test_toml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS).replace(
        'minutes = 10\ntitle.fr = "Étape 2"', 'minutes = ten\ntitle.fr = "Étape 2"'
    )
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert (problem.file, problem.field, problem.is_error) == (str(path), "(syntax)", True)
    assert problem.line == _line_of(text, "minutes = ten")
    assert problem.message.startswith("TOML syntax error")
    assert str(problem).startswith(f"{path}:{problem.line}: (syntax): TOML syntax error")


def test_unclosed_multiline_string_points_at_its_start(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS)
    # Drop the closing quotes of step 4's English script: tomllib only says "end of document".
    last_close = text.rindex('"""')
    text = text[:last_close] + text[last_close + 3 :]
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "(syntax)"
    assert problem.line == _line_of(text, 'script.en = """', 4)


def test_missing_english_title_on_step_3(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS).replace('title.en = "Step 3"\n', "")
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "steps[3].title.en"
    assert problem.line == _line_of(text, 'title.fr = "Étape 3"')  # where the title is
    assert "English" in problem.message and 'title.en = "…"' in problem.message
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert caught.value.problems == [problem]


def test_missing_title_in_subtable_form(tmp_path: Path) -> None:
    step = _step(2).replace('title.fr = "Étape 2"\ntitle.en = "Step 2"\n', "")
    step += '\n[steps.title]\nfr = "Étape 2"\n'
    text = _template(_step(1) + step, duration=20)
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "steps[2].title.en"
    assert problem.line == _line_of(text, "[steps.title]")


def test_missing_step_field_points_at_the_step_header(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS).replace(
        'instruction.fr = "Répondez."\ninstruction.en = "Answer."\n', "", 1
    )
    problem = _only(check_template(_write(tmp_path, text)))
    assert problem.field == "steps[1].instruction"
    assert problem.line == _line_of(text, "[[steps]]")


def test_unknown_kind_suggests_the_closest(tmp_path: Path) -> None:
    text = _template(_step(1) + _step(2, kind="brainstrom") + _step(3) + _step(4))
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "steps[2].kind"
    assert problem.line == _line_of(text, 'kind = "brainstrom"')
    assert 'unknown step kind "brainstrom"' in problem.message
    assert 'did you mean "brainstorm"?' in problem.message


def test_duplicate_step_ids(tmp_path: Path) -> None:
    text = _template(_step(1) + _step(2, step_id="vote") + _step(3) + _step(4, step_id="vote"))
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "steps[4].id"
    assert problem.line == _line_of(text, 'id = "vote"', 2)
    assert 'duplicate step id "vote"' in problem.message and "steps[2]" in problem.message


def test_minutes_that_do_not_add_up(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS, duration=45)
    path = _write(tmp_path, text)
    problem = _only(check_template(path))
    assert problem.field == "duration_minutes"
    assert problem.line == _line_of(text, "duration_minutes = 45")
    assert "add up to 40" in problem.message and "duration_minutes = 40" in problem.message


@pytest.mark.parametrize("bad", ["0", "-5", "7.5", '"10"', "true"])
def test_minutes_must_be_a_positive_whole_number(tmp_path: Path, bad: str) -> None:
    text = _template(_step(1) + _step(2).replace("minutes = 10", f"minutes = {bad}"), 20)
    problems = check_template(_write(tmp_path, text))
    # The sum is not compared when a step's minutes are already wrong: one problem, not two.
    problem = _only(problems)
    assert problem.field == "steps[2].minutes"
    assert problem.line == _line_of(text, f"minutes = {bad}")


def test_single_language_text_is_an_error(tmp_path: Path) -> None:
    text = (
        _template(FOUR_STEPS)
        .replace('[title]\nfr = "Atelier"\nen = "Workshop"\n', "", 1)
        .replace('participants = "4–10"', 'participants = "4–10"\ntitle = "Atelier"')
    )
    problem = _only(check_template(_write(tmp_path, text)))
    assert problem.field == "title"
    assert problem.line == _line_of(text, 'title = "Atelier"')
    assert "French and an English version" in problem.message


def test_unknown_keys_are_warnings_with_a_suggestion(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS).replace(
        'kind = "discussion"', 'kind = "discussion"\ninstructions = "x"', 1
    )
    text = text.replace('en = "Workshop"', 'en = "Workshop"\nde = "Werkstatt"')
    path = _write(tmp_path, text)
    problems = check_template(path)
    assert [(p.field, p.severity) for p in problems] == [
        ("title.de", "warning"),
        ("steps[1].instructions", "warning"),
    ]
    assert problems[1].line == _line_of(text, "instructions =")
    assert 'did you mean "instruction"?' in problems[1].message
    assert "warning: " in str(problems[1])
    assert not has_errors(problems)
    load_template(path)  # warnings do not block


def test_options_are_typed_and_tied_to_their_step_kind(tmp_path: Path) -> None:
    steps = _step(1, kind="vote").replace(
        "minutes = 10", 'minutes = 10\ndots_per_participant = "3"'
    ) + _step(2, kind="discussion").replace("minutes = 10", "minutes = 10\nanonymous = true")
    problems = check_template(_write(tmp_path, _template(steps, duration=20)))
    assert [(p.field, p.severity) for p in problems] == [
        ("steps[1].dots_per_participant", "error"),
        ("steps[2].anonymous", "warning"),
    ]


def test_prompt_lists_of_different_length_warn(tmp_path: Path) -> None:
    text = _template(FOUR_STEPS).replace('  "Second question?",\n', "", 1)
    problem = _only(check_template(_write(tmp_path, text)))
    assert (problem.field, problem.severity) == ("steps[1].prompts.en", "warning")


def test_id_differing_from_file_name_warns(tmp_path: Path) -> None:
    path = _write(tmp_path, _template(FOUR_STEPS, template_id="other"))
    problem = _only(check_template(path))
    assert (problem.field, problem.severity, problem.line) == ("id", "warning", 2)


def test_missing_file_and_bad_encoding_are_problems_not_tracebacks(tmp_path: Path) -> None:
    missing = _only(check_template(tmp_path / "nope.toml"))
    assert missing.field == "(file)" and missing.is_error
    path = tmp_path / "latin1.toml"
    path.write_bytes('id = "x"\ntitle.fr = "Étape"\n'.encode("latin-1"))
    bad = _only(check_template(path))
    assert (bad.field, bad.line) == ("(file)", 2)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "custom.toml"
    path.write_text(_template(FOUR_STEPS), encoding="utf-8-sig")
    assert check_template(path) == []
