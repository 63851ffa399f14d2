"""`facilitator score` (a draft, or a JSONL stream of drafts, batch by batch) and
`facilitator rules` (the rules, one rule explained, the effective set of a facilitator.toml,
every rule's examples checked).

Exit statuses (the worst one met): 0 fine, 1 a score under --fail-under, 2 bad input, 3 internal
error; JSON output is escaped by `json_text`, so the data stays whole.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from facilitator.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_BELOW_THRESHOLD,
    EXIT_INTERNAL,
    config_options,
    describe_error,
    json_text,
    make_engine,
    warn_problems,
)
from facilitator.terminal import for_terminal, one_line_for_terminal


@click.command()
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
    "--domain",
    "domains",
    multiple=True,
    help="A domain pack whose acronyms the room knows: pharma, software… (repeatable).",
)
@click.option(
    "--fail-under",
    type=click.IntRange(0, 100),
    default=None,
    help="Exit with status 1 when an overall score is below this.",
)
@config_options
def score(
    text: str | None,
    kind: str,
    lang: str,
    fmt: str,
    jsonl: IO[str] | None,
    glossary: tuple[str, ...],
    domains: tuple[str, ...],
    fail_under: int | None,
    config_path: str | None,
    no_config: bool,
) -> None:
    """Score an objective or key result for clarity, ambition and measurability.

    Exit status: 0 fine, 1 a score is under --fail-under, 2 bad input (a usage error, or a line
    of --jsonl that cannot be scored: it gets an error line and the others still run),
    3 internal error (a bug, or the input could not be read to the end).

    The nearest facilitator.toml (this folder or above) sets the organisation's rules, levels,
    glossary and domains; --config names one, --no-config ignores it.
    """
    if jsonl is not None and text is not None:
        raise click.UsageError("give a TEXT to score, or --jsonl FILE, not both")
    if jsonl is None and text is None:
        raise click.UsageError("give a TEXT to score, or --jsonl FILE")
    engine = make_engine(config_path, no_config, domains=domains)
    try:
        warn_problems(engine)
        if jsonl is not None:
            sys.exit(_score_jsonl(engine, jsonl, glossary, fail_under))
        assert text is not None
        assessment = engine.assess(text, kind, None if lang == "auto" else lang, glossary)
        warn_problems(engine)
        if fmt == "json":
            click.echo(json_text(assessment.to_dict(), indent=2))
        else:
            from facilitator.terminal_report import render_assessment

            render_assessment(assessment)
    except Exception as error:  # its own status: a crash must never read as a low score
        click.echo(
            f"error: the run stopped on an internal error ({describe_error(error)}); what was "
            "written before is complete. Please report it with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    if fail_under is not None and assessment.scores.overall < fail_under:
        sys.exit(EXIT_BELOW_THRESHOLD)


# A batch is written as soon as it is scored, before the next is read: 256 drafts, or fewer
# when they are long, so that memory stays bounded whatever the lines hold.
_BATCH_DRAFTS = 256
_BATCH_CHARS = 4_000_000


def _score_jsonl(
    engine: Any, stream: IO[str], glossary: tuple[str, ...], fail_under: int | None
) -> int:
    """Score a JSONL stream batch by batch; a line that cannot be scored gets an error line and
    the others still run. The status is the worst met (internal error > bad line > low score)."""
    status = 0
    for batch in _batches(_read_jsonl(stream)):
        drafts = [
            {"text": i["text"], "kind": i["kind"], "lang": i.get("lang"), "glossary": glossary}
            for _, i in batch
            if "error" not in i
        ]
        results = iter(_assess_each(engine, drafts))
        for n, item in batch:
            out: dict[str, Any] = {"id": item.get("id"), "line": n}
            if "error" in item:
                status = max(status, EXIT_BAD_INPUT)
                out["error"] = item["error"]
            elif isinstance(a := next(results), Exception):
                status = max(status, EXIT_INTERNAL)
                out["error"] = (
                    f"line {n}: internal error ({type(a).__name__}: {a}); "
                    "please report it with this line"
                )
            else:
                out.update(_jsonl_fields(a))
                if fail_under is not None and a.scores.overall < fail_under:
                    status = max(status, EXIT_BELOW_THRESHOLD)
            click.echo(json_text(out))  # click.echo flushes: each line is out as it is done
    warn_problems(engine)
    return status


def _assess_each(engine: Any, items: list[dict[str, Any]]) -> list[Any]:
    """The batch's assessments, in order. If the engine fails on the batch, each draft is
    assessed alone, so that a draft it fails on costs only its own line (the exception takes
    its place in the list)."""
    try:
        return list(engine.assess_many(items))
    except Exception:
        results: list[Any] = []
        for item in items:
            try:
                results.extend(engine.assess_many([item]))
            except Exception as error:
                results.append(error)
        return results


def _jsonl_fields(a: Any) -> dict[str, Any]:
    d = a.to_dict()
    fields = ("lang", "kind", "scores", "flags", "parts", "findings", "rewrite", "notices")
    # …and, for an objective, the key results to choose from.
    return {k: d[k] for k in (*fields, "key_result_proposals")}


def _read_jsonl(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank line as (number, item); a line that cannot be scored comes as
    (number, {"id"?, "error"}), and nothing in a line stops the lines after it."""
    from facilitator.engine import normalize_kind

    for n, line in enumerate(stream, start=1):
        if n == 1:
            line = line.removeprefix("\ufeff")  # the byte-order mark Windows editors write
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, {"error": f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"}
            continue
        except RecursionError:
            yield n, {"error": f"line {n}: the JSON is nested too deeply"}
            continue
        except ValueError:  # the only other one: Python's bound on an integer's digits
            digits = sys.get_int_max_str_digits()
            yield n, {"error": f"line {n}: a number is too long (over {digits:,} digits): "
                      "write long ids as strings"}  # fmt: skip
            continue
        if not isinstance(item, dict):
            yield n, {"error": f"line {n}: expected a JSON object {{id, text, kind, lang?}}"}
            continue
        ident = item.get("id")
        if isinstance(ident, dict | list):
            yield n, {"error": f"line {n}: field 'id' must be a string, a number or null"}
            continue
        if isinstance(ident, float) and not math.isfinite(ident):
            ident = json.dumps(ident)  # "NaN", "Infinity": strict JSON has no such numbers
        item["id"] = ident
        text = item.get("text")
        if not isinstance(text, str):
            yield n, {"id": ident, "error": f"line {n}: field 'text' is missing or not a string"}
            continue
        try:
            item["kind"] = normalize_kind(str(item.get("kind") or "objective"))
        except ValueError as exc:
            yield n, {"id": ident, "error": f"line {n}: field 'kind': {exc}"}
            continue
        if item.get("lang") not in (None, "", "auto", "fr", "en"):
            yield n, {"id": ident, "error": f"line {n}: field 'lang' must be fr, en or auto"}
            continue
        yield n, item


def _batches(
    items: Iterator[tuple[int, dict[str, Any]]],
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    batch: list[tuple[int, dict[str, Any]]] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item[1].get("text", ""))
        if len(batch) == _BATCH_DRAFTS or chars >= _BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


# --- rules -----------------------------------------------------------------------------------


@click.command()
@click.argument("rule_id", required=False)
@click.option(
    "--lang",
    "-l",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="Only this language's rules.",
)
@click.option("--check", is_flag=True, help="Run every rule's examples and report failures.")
@config_options
def rules(
    rule_id: str | None, lang: str | None, check: bool, config_path: str | None, no_config: bool
) -> None:
    """List the rules, or explain one: `facilitator rules kr-no-target`.

    With a facilitator.toml (the nearest one, or --config PATH), the list is the effective set:
    each rule on or off, its level and weight, and the line of the file that set them.
    """
    from facilitator.terminal_report import explain_rule, list_rules

    engine = make_engine(config_path, no_config, validate=False)
    if check:
        failures = [
            p for code in ([lang] if lang else ["fr", "en"]) for p in engine.check_examples(code)
        ]
        for p in [*engine.problems, *failures]:
            click.echo(for_terminal(p))
        total = sum(len(r.bad) + len(r.good) for r in engine.rules(lang))
        click.echo(
            f"{total - len(failures)} of {total} examples pass in {len(engine.rules(lang))} rules"
        )
        sys.exit(1 if failures or engine.problems else 0)
    if rule_id is None:
        if engine.config is None:
            list_rules(engine.rules(lang))
        else:
            _list_effective(engine.config, engine.rule_statuses(lang))
        return
    statuses = engine.rule_statuses(lang)
    matches = [s.rule for s in statuses if s.rule.id == rule_id]
    if not matches:
        known = sorted({s.rule.id for s in statuses})
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


def _list_effective(config: Any, statuses: list[Any]) -> None:
    """The rules as the configuration leaves them, one line each, with where each setting came
    from (plain columns: a table would wrap the places in a narrow terminal)."""
    rows = [("id", "lang", "on", "level", "weight", "set by")]
    for s in sorted(statuses, key=lambda s: (s.rule.lang, s.rule.dimension, s.rule.id)):
        origins = [where if key == "on" else f"{key}: {where}" for key, where in s.origins.items()]
        if s.extra:
            origins.insert(0, f"file: {s.rule.path}")
        rows.append(
            (
                s.rule.id,
                s.rule.lang,
                "on" if s.on else "off",
                s.rule.level,
                f"{s.rule.weight:g}",
                "; ".join(origins) or "-",
            )
        )
    widths = [max(len(one_line_for_terminal(r[i])) for r in rows) for i in range(5)]
    for row in rows:
        cells = [one_line_for_terminal(c).ljust(w) for c, w in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, one_line_for_terminal(row[5])]).rstrip())
    on = sum(s.on for s in statuses)
    click.echo(f"{on} of {len(statuses)} rules on, with {for_terminal(config.path)}")
