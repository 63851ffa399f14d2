"""Red-team report (issue 16), command line: terminal escapes in what the CLI prints, and
`score --jsonl` on hostile input (each line on its own, strict JSON out, distinct exit codes).
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from facilitator import workshops
from facilitator.cli import main
from facilitator.demo import demo_session
from facilitator.engine import Engine
from facilitator.minutes import jsonfile
from facilitator.store import SessionStore
from facilitator.terminal import for_terminal
from facilitator.training import list_packs, packs, packs_dir
from facilitator.training.progress import Attempt
from facilitator.training.store import TrainingStore

# OSC 52 sets the clipboard, CSI 2J clears the screen (7-bit and 8-bit forms), U+202E reverses
# the text, DEL; "[/b]" would be a closing tag to rich's markup.
ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b2J\u202e\x7f[/b]"
HOSTILE = f"Zorglub {ESCAPES} fin"


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; TOML also wants DEL escaped)."""
    return json.dumps(text).replace("\x7f", "\\u007f")


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


# --------------------------------------------------------------------------------------------
# Item 2: every printing command, fed hostile text, prints nothing a terminal would act on


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """Hostile sessions, templates, packs and trainees, made once for every command below."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    store = SessionStore(data)
    session = demo_session()
    session.title = HOSTILE
    session.objectives[0].versions[-1].text = HOSTILE
    session = store.create(session)
    store.update(session.id, lambda s: setattr(s, "place", HOSTILE))  # a backup to restore
    export = root / "session.json"
    export.write_bytes(jsonfile.render(session))

    shipped = (workshops.templates_dir() / "retrospective.toml").read_text(encoding="utf-8")
    templates = root / "templates"
    templates.mkdir()
    (templates / "retrospective.toml").write_text(
        shipped.replace('title.fr = "Rétrospective de fin de cycle OKR"',
                        f"title.fr = {toml_string(HOSTILE)}"),
        encoding="utf-8",
    )  # fmt: skip
    broken_templates = root / "broken-templates"
    broken_templates.mkdir()
    (broken_templates / "x.toml").write_text(
        shipped.replace('kind = "retrospective"', f"kind = {toml_string(HOSTILE)}"), "utf-8"
    )

    pack_text = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8")
    pack_folder = root / "packs"
    pack_folder.mkdir()
    (pack_folder / "fr-1-reperer.toml").write_text(
        pack_text.replace(
            'title = "Repérer le problème"', f"title = {toml_string(HOSTILE)}"
        ).replace('title = "Activité ou résultat ?"', f"title = {toml_string(HOSTILE)}"),
        encoding="utf-8",
    )
    broken_pack = root / "broken-pack.toml"
    broken_pack.write_text(
        pack_text.replace('skill = "spot"', f"skill = {toml_string(HOSTILE)}", 1), "utf-8"
    )

    first = list_packs()[1]
    attempt = Attempt("2026-03-19T09:00:00+00:00", HOSTILE, False, [False], {"overall": 40},
                      ["vague-verb"])  # fmt: skip
    TrainingStore(data / "training").update(
        HOSTILE, HOSTILE, lambda t: t.record(first.id, first.exercises[0].id, attempt)
    )

    jsonl = root / "drafts.jsonl"
    jsonl.write_text(
        json.dumps({"id": HOSTILE, "text": HOSTILE, "kind": "kr"}) + "\n"
        + json.dumps({"id": HOSTILE, "kind": "kr"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return {
        "data": data,
        "id": session.id,
        "export": export,
        "templates": templates,
        "broken_templates": broken_templates,
        "packs": pack_folder,
        "broken_pack": broken_pack,
        "jsonl": jsonl,
        "out": root / f"Zorglub {ESCAPES}.md",
        "missing": root / "no such folder" / f"Zorglub {ESCAPES}.md",
        "report": root / f"Zorglub {ESCAPES}.docx",
        "other": root / "other",
    }


def hostile_rules(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules and rule problems as a hostile rule file would make them."""
    real, real_statuses = Engine.rules, Engine.rule_statuses
    fields = ("title", "message", "rationale", "source")

    def hostile(rule: Any) -> Any:
        return dataclasses.replace(rule, **dict.fromkeys(fields, HOSTILE), suggestions=(HOSTILE,))

    def rules(self: Engine, lang: str | None = None) -> list[Any]:
        found = list(real(self, lang))
        found[0] = hostile(found[0])
        return found

    def rule_statuses(self: Engine, lang: str | None = None) -> list[Any]:
        found = list(real_statuses(self, lang))
        found[0] = dataclasses.replace(found[0], rule=hostile(found[0].rule))
        return found

    monkeypatch.setattr(Engine, "rules", rules)
    monkeypatch.setattr(Engine, "rule_statuses", rule_statuses)
    monkeypatch.setattr(Engine, "check_examples", lambda self, lang: [HOSTILE])


def shipped_folder(name: str) -> Callable[[dict[str, Any], pytest.MonkeyPatch], None]:
    """The shipped templates or packs replaced by the hostile folder `world[name]`."""

    def setup(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
        module, function = (packs, "packs_dir") if name == "packs" else (workshops, "templates_dir")
        monkeypatch.setattr(module, function, lambda: world[name])

    return setup


def data(world: dict[str, Any]) -> list[str]:
    return ["--data-dir", str(world["data"])]


SETUP = {
    "rules": hostile_rules,
    "rules ID": hostile_rules,
    "rules --check": hostile_rules,
    "workshops": shipped_folder("templates"),
    "workshops broken": shipped_folder("broken_templates"),
    "exercises": shipped_folder("packs"),
}
CASES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "score": lambda w: ["score", HOSTILE, "--kind", "kr"],
    "score json": lambda w: ["score", HOSTILE, "--format", "json"],
    "score jsonl": lambda w: ["score", "--jsonl", str(w["jsonl"])],
    "rules": lambda w: ["rules", "--lang", "en"],
    "rules ID": lambda w: ["rules", Engine(validate=False).rules("en")[0].id, "--lang", "en"],
    "rules --check": lambda w: ["rules", "--check", "--lang", "en"],
    "workshops": lambda w: ["workshops"],
    "workshops broken": lambda w: ["workshops"],
    "workshops check": lambda w: ["workshops", "check", str(w["broken_templates"] / "x.toml")],
    "export": lambda w: ["export", w["id"], "-o", str(w["out"]), *data(w)],
    "export error": lambda w: ["export", w["id"], "-o", str(w["missing"]), *data(w)],
    "import": lambda w: ["import", str(w["export"]), "--data-dir", str(w["other"])],
    "sessions": lambda w: ["sessions", *data(w)],
    "sessions restore": lambda w: ["sessions", "restore", w["id"], *data(w)],
    "exercises": lambda w: ["exercises"],
    "exercises show": lambda w: ["exercises", "show", str(w["packs"] / "fr-1-reperer.toml")],
    "exercises check": lambda w: ["exercises", "check", "--no-engine", str(w["broken_pack"])],
    "exercises progress": lambda w: ["exercises", "progress", *data(w)],
    "exercises report": lambda w: ["exercises", "report", "-o", str(w["report"]), *data(w)],
}


@pytest.mark.parametrize("case", CASES)
def test_no_command_prints_an_escape_from_stored_text(
    case: str, world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    if case in SETUP:
        SETUP[case](world, monkeypatch)
    result = CliRunner().invoke(main, CASES[case](world))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Zorglub" in result.output, result.output  # the hostile text did reach the output
    for stream in (result.stdout, result.stderr):
        assert for_terminal(stream) == stream, ascii(stream)


def test_json_output_keeps_the_hostile_text_exactly_but_escaped() -> None:
    result = CliRunner().invoke(main, ["score", HOSTILE, "--format", "json"])
    assert result.exit_code == 0
    assert for_terminal(result.stdout) == result.stdout
    assert strict_json(result.stdout)["text"] == HOSTILE


# --------------------------------------------------------------------------------------------
# Item 3: score --jsonl


def score_jsonl(lines: list[str] | str | io.BytesIO, *args: str) -> tuple[Result, list[Any]]:
    text = "".join(f"{line}\n" for line in lines) if isinstance(lines, list) else lines
    result = CliRunner().invoke(main, ["score", "--jsonl", "-", *args], input=text)
    return result, [strict_json(line) for line in result.stdout.splitlines()]


def test_a_bad_line_gets_its_own_error_and_the_run_goes_on() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Grow ARR", "kind": "kr"}),
        "[" * 100_000,
        '{"id": ' + "9" * 5_001 + ', "text": "Grow ARR"}',
        '{"id": [1, 2], "text": "Grow ARR"}',
        json.dumps({"id": "b", "text": "Réduire de 30 % les déviations d'ici fin 2026"}),
    ]
    result, out = score_jsonl(lines)
    assert result.exit_code == 2, result.output
    assert [o.get("line") for o in out] == [1, 2, 3, 4, 5]
    assert [o["id"] for o in out] == ["a", None, None, None, "b"]
    assert "scores" in out[0] and "scores" in out[4]
    assert out[1]["error"] == "line 2: the JSON is nested too deeply"
    assert out[2]["error"].startswith("line 3: a number is too long")
    assert out[3]["error"].startswith("line 4: field 'id' must be")


@pytest.mark.parametrize(
    ("written", "id_out"),
    [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("1e400", "Infinity")],
)
def test_ids_that_are_not_numbers_in_json_come_out_as_strings(written: str, id_out: str) -> None:
    result, out = score_jsonl(['{"id": ' + written + ', "text": "Grow ARR", "kind": "kr"}'])
    assert result.exit_code == 0, result.output
    assert out[0]["id"] == id_out and "scores" in out[0]


def test_a_byte_order_mark_is_accepted() -> None:
    result, out = score_jsonl("\ufeff" + json.dumps({"id": 1, "text": "Grow ARR"}) + "\n")
    assert result.exit_code == 0, result.output
    assert out[0]["id"] == 1 and "scores" in out[0]


def test_each_line_carries_the_notices_of_a_cut_draft() -> None:
    single = CliRunner().invoke(main, ["score", "Grow" * 25_000, "--format", "json"])
    notices = strict_json(single.stdout)["notices"]
    assert any("only the beginning was assessed" in n for n in notices)
    _, out = score_jsonl([json.dumps({"id": 1, "text": "Grow" * 25_000})])
    assert out[0]["notices"] == notices


def test_an_engine_crash_on_one_line_is_an_internal_error_not_bad_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = Engine.assess_many

    def crashing(self: Engine, items: list[dict[str, Any]], *args: Any) -> Any:
        if "'boom'" in repr(items):
            raise RuntimeError("engine bug")
        return real(self, items, *args)

    monkeypatch.setattr(Engine, "assess_many", crashing)
    lines = [json.dumps({"id": i, "text": text}) for i, text in enumerate(["Grow ARR", "boom"])]
    result, out = score_jsonl([*lines, "not json", lines[0]], "--fail-under", "100")
    assert result.exit_code == 3, result.output
    assert "scores" in out[0] and "scores" in out[3]
    assert out[1] == {"id": 1, "line": 2, "error": "line 2: internal error (RuntimeError: "
                      "engine bug); please report it with this line"}  # fmt: skip
    assert out[2]["error"].startswith("line 3: invalid JSON")


class FailingInput(io.RawIOBase):
    """Standard input that gives `data`, then fails as a broken pipe or disk would."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.data:
            raise OSError(5, "Input/output error")
        n = min(len(buffer), len(self.data))
        buffer[:n], self.data = self.data[:n], self.data[n:]
        return n


def test_output_is_written_batch_by_batch_and_a_crash_has_its_own_status() -> None:
    line = json.dumps({"id": 1, "text": "Grow ARR", "kind": "kr"}) + "\n"
    stream = io.BufferedReader(FailingInput((line * 256).encode()))
    result = CliRunner().invoke(main, ["score", "--jsonl", "-"], input=stream)
    assert result.exit_code == 3
    assert len(result.stdout.splitlines()) == 256  # the first batch was out before the failure
    assert "Input/output error" in result.stderr
    assert "what was written before is complete" in result.stderr


def test_exit_statuses_are_distinct_and_documented() -> None:
    good = json.dumps({"id": 1, "text": "Grow ARR", "kind": "kr"})
    assert score_jsonl([good])[0].exit_code == 0
    assert score_jsonl([good], "--fail-under", "100")[0].exit_code == 1
    assert score_jsonl([good, "{"], "--fail-under", "100")[0].exit_code == 2
    usage = " ".join(CliRunner().invoke(main, ["score", "--help"]).output.split())
    for status in ("0 fine", "1 a score is under --fail-under", "2 bad input", "3 internal error"):
        assert status in usage


def test_a_text_and_jsonl_together_are_refused(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.jsonl"
    drafts.write_text(json.dumps({"id": 1, "text": "Grow ARR"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "Grow ARR", "--jsonl", str(drafts)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "give a TEXT to score, or --jsonl FILE, not both" in result.stderr
