"""The `facilitator` command line: score drafts, explain rules, list and check workshop templates.

Heavy imports (spaCy, Textual) happen inside the commands that need them, so `--help` is instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from facilitator import __version__

EXIT_BELOW_THRESHOLD = 1
EXIT_BAD_INPUT = 2


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="facilitator")
@click.pass_context
def main(ctx: click.Context) -> None:
    """OKR workshop facilitation and objective-drafting assistant (français / English)."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


# --- score -----------------------------------------------------------------------------------


@main.command()
@click.argument("text", required=False)
@click.option(
    "--kind",
    "-k",
    default="objective",
    show_default=True,
    type=click.Choice(["objective", "kr", "key_result"]),
    help="What the text is.",
)
@click.option(
    "--lang",
    "-l",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "fr", "en"]),
    help="Language of the text.",
)
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json"]),
    help="Human-readable or JSON output.",
)
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8", errors="replace"),
    help="Read one JSON object per line {id, text, kind, lang?} ('-' for stdin).",
)
@click.option("--glossary", "-g", multiple=True, help="An acronym the room knows (repeatable).")
@click.option(
    "--fail-under",
    type=click.IntRange(0, 100),
    default=None,
    help="Exit with status 1 when an overall score is below this.",
)
def score(
    text: str | None,
    kind: str,
    lang: str,
    fmt: str,
    jsonl: IO[str] | None,
    glossary: tuple[str, ...],
    fail_under: int | None,
) -> None:
    """Score an objective or key result for clarity, ambition and measurability.

    Exit status: 0 fine, 1 a score is under --fail-under, 2 bad input (a line of --jsonl).
    """
    from facilitator.engine import Engine

    if jsonl is None and text is None:
        raise click.UsageError("give a TEXT to score, or --jsonl FILE")
    engine = Engine()
    _warn_problems(engine)
    if jsonl is not None:
        sys.exit(_score_jsonl(engine, jsonl, glossary, fail_under))
    assert text is not None
    assessment = engine.assess(text, kind, None if lang == "auto" else lang, glossary)
    _warn_problems(engine)
    if fmt == "json":
        click.echo(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2))
    else:
        from facilitator.report import render_assessment

        render_assessment(assessment)
    if fail_under is not None and assessment.scores.overall < fail_under:
        sys.exit(EXIT_BELOW_THRESHOLD)


def _score_jsonl(
    engine: Any, stream: IO[str], glossary: tuple[str, ...], fail_under: int | None
) -> int:
    """Score a JSONL stream in batches; a bad line gets an error line and the rest still runs."""
    status = 0
    for batch in _batches(_read_jsonl(stream), 256):
        good = [(n, item) for n, item in batch if "error" not in item]
        items = [
            {
                "text": item["text"],
                "kind": item["kind"],
                "lang": item.get("lang"),
                "glossary": glossary,
            }
            for _, item in good
        ]
        results = iter(engine.assess_many(items))
        for n, item in batch:
            if "error" in item:
                status = EXIT_BAD_INPUT
                click.echo(
                    json.dumps(
                        {"id": item.get("id"), "line": n, "error": item["error"]},
                        ensure_ascii=False,
                    )
                )
                continue
            a = next(results)
            out = {"id": item.get("id"), **_jsonl_fields(a)}
            click.echo(json.dumps(out, ensure_ascii=False))
            if fail_under is not None and a.scores.overall < fail_under and status == 0:
                status = EXIT_BELOW_THRESHOLD
    _warn_problems(engine)
    return status


def _jsonl_fields(a: Any) -> dict[str, Any]:
    d = a.to_dict()
    return {k: d[k] for k in ("lang", "kind", "scores", "flags", "parts", "findings", "rewrite")}


def _read_jsonl(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    from facilitator.engine import normalize_kind

    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, {"error": f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"}
            continue
        if not isinstance(item, dict):
            yield n, {"error": f"line {n}: expected a JSON object {{id, text, kind, lang?}}"}
            continue
        text = item.get("text")
        if not isinstance(text, str):
            yield (
                n,
                {
                    "id": item.get("id"),
                    "error": f"line {n}: field 'text' is missing or not a string",
                },
            )
            continue
        try:
            item["kind"] = normalize_kind(str(item.get("kind") or "objective"))
        except ValueError as exc:
            yield n, {"id": item.get("id"), "error": f"line {n}: field 'kind': {exc}"}
            continue
        lang = item.get("lang")
        if lang not in (None, "", "auto", "fr", "en"):
            yield (
                n,
                {"id": item.get("id"), "error": f"line {n}: field 'lang' must be fr, en or auto"},
            )
            continue
        yield n, item


def _batches(
    items: Iterator[tuple[int, dict[str, Any]]], size: int
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    batch: list[tuple[int, dict[str, Any]]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


_warned: set[str] = set()


def _warn_problems(engine: Any) -> None:
    """Rules or lexicons the engine refused are reported once, on stderr, with their file."""
    for problem in engine.problems:
        if str(problem) not in _warned:
            _warned.add(str(problem))
            click.echo(f"warning: rule refused: {problem}", err=True)


# --- rules -----------------------------------------------------------------------------------


@main.command()
@click.argument("rule_id", required=False)
@click.option(
    "--lang",
    "-l",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="Only this language's rules.",
)
@click.option("--check", is_flag=True, help="Run every rule's examples and report failures.")
def rules(rule_id: str | None, lang: str | None, check: bool) -> None:
    """List the rules, or explain one: `facilitator rules kr-no-target`."""
    from facilitator.engine import Engine
    from facilitator.report import explain_rule, list_rules

    engine = Engine(validate=False)
    if check:
        failures = [
            p for code in ([lang] if lang else ["fr", "en"]) for p in engine.check_examples(code)
        ]
        for p in [*engine.problems, *failures]:
            click.echo(str(p))
        total = sum(len(r.bad) + len(r.good) for r in engine.rules(lang))
        click.echo(
            f"{total - len(failures)} of {total} examples pass in {len(engine.rules(lang))} rules"
        )
        sys.exit(1 if failures or engine.problems else 0)
    if rule_id is None:
        list_rules(engine.rules(lang))
        return
    matches = [r for r in engine.rules(lang) if r.id == rule_id]
    if not matches:
        known = sorted({r.id for r in engine.rules(lang)})
        import difflib

        close = difflib.get_close_matches(rule_id, known, n=3)
        hint = (
            f" Did you mean: {', '.join(close)}?"
            if close
            else " Run `facilitator rules` to list them."
        )
        raise click.ClickException(f"no rule '{rule_id}'.{hint}")
    for rule in matches:
        explain_rule(rule)


# --- workshops -------------------------------------------------------------------------------


@main.group(invoke_without_command=True)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.pass_context
def workshops(ctx: click.Context, lang: str) -> None:
    """List the workshop templates, or check one: `facilitator workshops check FILE`."""
    if ctx.invoked_subcommand is not None:
        return
    from facilitator.workshops import TemplateError, list_templates

    try:
        for t in list_templates(lang):
            click.echo(
                f"{t.id:<16} {t.kind:<13} {t.duration_minutes:>4} min  "
                f"{t.participants:<6} {t.text('title', lang)}"
            )
    except TemplateError as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        sys.exit(1)


@workshops.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def workshops_check(file: str) -> None:
    """Validate a workshop template: each problem with file, line and field."""
    from facilitator.workshops import check_template, has_errors

    problems = check_template(file)
    for p in problems:
        click.echo(str(p))
    if not problems:
        click.echo(f"{file}: OK")
    sys.exit(1 if has_errors(problems) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
