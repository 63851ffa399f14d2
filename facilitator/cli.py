"""The `facilitator` command line: score drafts, explain rules, list and check workshop templates.

Heavy imports (spaCy, Textual) happen inside the commands that need them, so `--help` is instant.

Every text that comes from a session, a file or the room goes through `for_terminal` (or
`one_line_for_terminal` in a one-line cell) before it is printed: an imported title can carry
escape sequences that set the clipboard or clear the screen. JSON output is escaped instead
(`_json_text`), so the data stays whole.
"""

from __future__ import annotations

import contextlib
import json
import math
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from facilitator import __version__
from facilitator.terminal import for_terminal, one_line_for_terminal

EXIT_BELOW_THRESHOLD = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
_DATA_DIR_HELP = (
    "Folder of the session files (default: $FACILITATOR_DATA_DIR, else the user data folder)."
)


class _Commands(click.Group):
    """The command group. Error messages quote file names and file content, so every one of
    them, from any command or from click itself, goes through `for_terminal` here."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            # Cleaned in place, so the exception keeps its type and exit code; click 8.5 types
            # `message` as Final, hence the write through the instance's dict.
            vars(error)["message"] = for_terminal(error.message)
            raise


@click.group(cls=_Commands, invoke_without_command=True)
@click.version_option(__version__, prog_name="facilitator")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """OKR workshop facilitation and objective-drafting assistant (français / English).

    Without a command, opens the workshop app (TUI); `facilitator demo` opens a demo session.
    """
    ctx.obj = {"data_dir": data_dir}
    if ctx.invoked_subcommand is None:
        from facilitator.tui import run

        run(data_dir)


@main.command()
@click.option("--reset", is_flag=True, help="Start the demo again from its original state.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def demo(ctx: click.Context, reset: bool, data_dir: str | None) -> None:
    """Open the bundled demo session (a CODIR framing workshop, in French) in the app.

    The demo is saved with the other sessions the first time; later runs resume it where the
    facilitator left it (--reset starts it again; the demo as it was is its backup, which
    `facilitator sessions restore` brings back).
    """
    from facilitator.demo import demo_session
    from facilitator.store import StoreError, export_session
    from facilitator.tui import run
    from facilitator.workshop import create_session

    store = _session_store(ctx, data_dir)
    session = demo_session()
    try:
        if reset:
            # In place, not deleted then created: a deletion keeps a copy in deleted/, and each
            # reset piled one more there.
            store.import_dict(export_session(session), replace=True)
        elif not store.exists(session.id):
            create_session(store, session)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:  # a folder the system refuses to look at (a name too long …)
        raise click.ClickException(f"{store.data_dir}: {error.strerror or error}") from None
    run(store.data_dir, session.id)


# --- configuration ---------------------------------------------------------------------------

_CONFIG_HELP = (
    "An organisation's facilitator.toml (default: the nearest one in this folder or above)."
)


def _config_options(command: Any) -> Any:
    command = click.option(
        "--no-config", is_flag=True, help="Ignore any facilitator.toml: the bundled settings."
    )(command)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help=_CONFIG_HELP,
    )(command)


def _engine(config_path: str | None, no_config: bool, **options: Any) -> Any:
    """The engine with the organisation's configuration; a bad one is bad input (status 2)."""
    from facilitator.engine import ConfigError, Engine, resolve_config
    from facilitator.engine.lexicon import LexiconError

    if config_path is not None and no_config:
        raise click.UsageError("give --config PATH or --no-config, not both")
    try:
        config = resolve_config(config_path, discover=not no_config)
        return Engine(config=config, **options)
    except (ConfigError, LexiconError) as error:
        click.echo(f"error: {for_terminal(error)}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as error:  # its own status, as in `score`: a crash is no bad input
        click.echo(f"error: the engine could not start ({_describe(error)})", err=True)
        sys.exit(EXIT_INTERNAL)


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
@_config_options
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
    engine = _engine(config_path, no_config, domains=domains)
    try:
        _warn_problems(engine)
        if jsonl is not None:
            sys.exit(_score_jsonl(engine, jsonl, glossary, fail_under))
        assert text is not None
        assessment = engine.assess(text, kind, None if lang == "auto" else lang, glossary)
        _warn_problems(engine)
        if fmt == "json":
            click.echo(_json_text(assessment.to_dict(), indent=2))
        else:
            from facilitator.report import render_assessment

            render_assessment(assessment)
    except Exception as error:  # its own status: a crash must never read as a low score
        click.echo(
            f"error: the run stopped on an internal error ({_describe(error)}); what was "
            "written before is complete. Please report it with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    if fail_under is not None and assessment.scores.overall < fail_under:
        sys.exit(EXIT_BELOW_THRESHOLD)


def _describe(error: BaseException) -> str:
    return for_terminal(f"{type(error).__name__}: {error}")


def _json_text(data: Any, indent: int | None = None) -> str:
    """Strict JSON (no NaN) that a terminal shows as it is.

    json.dumps escapes the C0 controls, ESC included, but writes DEL, the C1 controls, the
    bidirectional overrides and lone surrogates as they are: output holding one is written all
    in \\u escapes instead, which is the same data.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
    if for_terminal(text) != text:
        text = json.dumps(data, ensure_ascii=True, allow_nan=False, indent=indent)
    return text


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
            click.echo(_json_text(out))  # click.echo flushes: each line is out as it is done
    _warn_problems(engine)
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


_warned: set[str] = set()


def _warn_problems(engine: Any) -> None:
    """Rules or lexicons the engine refused are reported once, on stderr, with their file."""
    for problem in engine.problems:
        if str(problem) not in _warned:
            _warned.add(str(problem))
            click.echo(f"warning: rule refused: {for_terminal(problem)}", err=True)


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
@_config_options
def rules(
    rule_id: str | None, lang: str | None, check: bool, config_path: str | None, no_config: bool
) -> None:
    """List the rules, or explain one: `facilitator rules kr-no-target`.

    With a facilitator.toml (the nearest one, or --config PATH), the list is the effective set:
    each rule on or off, its level and weight, and the line of the file that set them.
    """
    from facilitator.report import explain_rule, list_rules

    engine = _engine(config_path, no_config, validate=False)
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
            cells = (t.id, t.kind, t.participants, t.text("title", lang))
            name, kind, people, title = (one_line_for_terminal(cell) for cell in cells)
            click.echo(f"{name:<16} {kind:<13} {t.duration_minutes:>4} min  {people:<6} {title}")
    except TemplateError as exc:
        for p in exc.problems:
            click.echo(for_terminal(p), err=True)
        sys.exit(1)


@workshops.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def workshops_check(file: str) -> None:
    """Validate a workshop template: each problem with file, line and field."""
    from facilitator.workshops import check_template, has_errors

    problems = check_template(file)
    for p in problems:
        click.echo(for_terminal(p))
    if not problems:
        click.echo(f"{for_terminal(file)}: OK")
    sys.exit(1 if has_errors(problems) else 0)


# --- export, import, sessions ------------------------------------------------------------------


def _session_store(ctx: click.Context, data_dir: str | None) -> Any:
    """The store named by this command's --data-dir, else the main group's, else the default."""
    from facilitator.store import SessionStore

    chosen = data_dir or (ctx.obj or {}).get("data_dir")
    return SessionStore(chosen) if chosen else SessionStore()


@main.command("export")
@click.argument("session_id", metavar="SESSION", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="File to write (default: from the session's title and date, in this folder).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "json", "csv"]),
    default=None,
    help="Word minutes, Markdown, JSON (re-importable) or CSV (default: from -o, else docx).",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False),
    default=None,
    help="A client .docx or .dotx whose styles, header and footer the Word minutes take "
    "(a regular file of at most 20 MB, unpacking to at most 100 MB).",
)
@click.option(
    "--csv-delimiter",
    type=click.Choice([",", ";"]),
    default=",",
    show_default=True,
    help="';' suits Excel set to French (decimals then use a comma).",
)
@click.option("--demo", is_flag=True, help="Export the bundled demo session.")
@click.option(
    "--force",
    "-f",
    is_flag=True,
    help="Replace the file if it exists (never a read-only file, a link, a FIFO or a device).",
)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def export_command(
    ctx: click.Context,
    session_id: str | None,
    output: str | None,
    fmt: str | None,
    template: str | None,
    csv_delimiter: str,
    demo: bool,
    force: bool,
    data_dir: str | None,
) -> None:
    """Export a session: minutes in Word (.docx) or Markdown, the full session as JSON, or the
    objectives and key results as CSV. SESSION is a session id (`facilitator sessions` lists
    them). Writes atomically: a failed export leaves any previous file untouched. A new file is
    readable by its owner only; an existing one is replaced only with --force.
    """
    from pathlib import Path

    from facilitator.minutes import ExportError, default_filename, export_session, format_for
    from facilitator.store import StoreError

    if demo == bool(session_id):
        raise click.UsageError("give a SESSION id, or --demo for the bundled demo (not both)")
    if fmt is None and output is not None:
        fmt = format_for(output)
        if fmt is None and Path(output).suffix:
            raise click.UsageError(
                f"cannot tell the format from '{output}': name it .docx, .md, .json or .csv, "
                "or give --format"
            )
    fmt = fmt or "docx"
    try:
        if demo:
            from facilitator.demo import demo_session

            session = demo_session()
        else:
            assert session_id is not None
            session = _session_store(ctx, data_dir).load(session_id)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    path = Path(output) if output else Path(default_filename(session, fmt))
    try:
        export_session(session, path, fmt, template, delimiter=csv_delimiter, overwrite=force)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    except Exception as error:  # a bug must still come out as a message, not a traceback
        raise click.ClickException(
            f"{path}: the export failed ({type(error).__name__}: {error}); nothing was written"
        ) from None
    click.echo(f"{for_terminal(path)} ({fmt}, {path.stat().st_size:,} bytes)")


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite the stored session with the same id (its previous state becomes the backup; "
    "a damaged one is kept aside as <file>.damaged-<time>).",
)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def import_command(ctx: click.Context, file: str, replace: bool, data_dir: str | None) -> None:
    """Import a session exported as JSON (`facilitator export SESSION --format json`), or a
    session file (one kept by `facilitator sessions delete`, say).

    The session keeps its id unless that id is taken or invalid (then it gets a new one;
    --replace overwrites a taken one instead). Invalid characters (lone surrogates) become
    U+FFFD; what the app could not use (a bad date, language or duplicate id) is refused.
    """
    from facilitator.minutes import jsonfile
    from facilitator.store import StoreError, export_session

    store = _session_store(ctx, data_dir)
    try:
        session = jsonfile.load(file)
        done = store.import_data(export_session(session), replace=replace)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    saved = done.session
    title = one_line_for_terminal(saved.title) or "(untitled)"
    click.echo(f"imported “{title}” as session {saved.id} into {for_terminal(store.data_dir)}")
    if done.id_problem:
        click.echo(f"({for_terminal(done.id_problem)}: the import got a new id)")
    if done.damaged is not None:
        click.echo(
            f"The session file {for_terminal(done.damaged.path)} is damaged "
            f"({for_terminal(done.damaged.problem)}). To put the import in its place, run "
            f"`facilitator import {for_terminal(file)} --replace`: the damaged file is then kept "
            "aside as <file>.damaged-<time>."
        )
    if done.set_aside is not None:
        kept = for_terminal(done.set_aside)
        click.echo(f"The damaged session file it replaced is kept as {kept}")
    if done.replaced:
        click.echo(
            "Invalid characters (lone surrogates) were replaced by U+FFFD in: "
            + for_terminal(", ".join(done.replaced))
        )


@main.group("sessions", invoke_without_command=True)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def sessions_command(ctx: click.Context, data_dir: str | None) -> None:
    """List the stored sessions; `facilitator sessions restore ID` puts back a backup,
    `facilitator sessions delete ID` deletes one."""
    ctx.ensure_object(dict)
    if data_dir:
        ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is not None:
        return
    from facilitator.store import StoreError

    store = _session_store(ctx, None)
    try:
        summaries = store.list()
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    if not summaries:
        click.echo(f"no session in {for_terminal(store.data_dir)}")
        return
    for s in summaries:
        # every field comes from a file (the id from its name): one line each, no escapes
        line = one_line_for_terminal
        if s.damaged:
            click.echo(f"{line(s.id):<24} DAMAGED  {line(s.problem)}")
        else:
            updated = line(s.updated[:16].replace("T", " "))
            click.echo(f"{line(s.id):<24} {updated:<16}  {s.kind:<13} {s.lang:<2}  {line(s.title)}")


@sessions_command.command("restore")
@click.argument("session_id", metavar="ID")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def sessions_restore(ctx: click.Context, session_id: str, data_dir: str | None) -> None:
    """Put back the state a session had before its last change (its backup file).

    A readable session and its backup swap places, so a restore can itself be undone; a damaged
    session file is kept aside as <file>.damaged-<time>.
    """
    from facilitator.store import StoreError

    store = _session_store(ctx, data_dir)
    try:
        session = store.restore_backup(session_id)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    title = one_line_for_terminal(session.title)
    click.echo(f"restored session {session.id} “{title}” from its backup")


@sessions_command.command("delete")
@click.argument("session_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Delete without asking for confirmation.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def sessions_delete(ctx: click.Context, session_id: str, yes: bool, data_dir: str | None) -> None:
    """Delete a session, damaged or not (asks first, unless --yes).

    Its files are moved to deleted/<ID>-<time>/ in the sessions folder, not erased:
    `facilitator import` of the session file there brings it back.
    """
    from facilitator.store import SUFFIX, StoreError, UnreadableSessionError

    store = _session_store(ctx, data_dir)
    if not yes:
        try:
            what = f"“{one_line_for_terminal(store.load(session_id).title) or '(untitled)'}”"
        except UnreadableSessionError:
            what = "(damaged)"
        except StoreError as error:
            raise click.ClickException(str(error)) from None
        click.confirm(f"Delete session {session_id} {what}?", abort=True)
    try:
        kept = store.delete(session_id)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"deleted session {session_id}; its files are kept in {for_terminal(kept)}: "
        f"`facilitator import {for_terminal(kept / (session_id + SUFFIX))}` brings it back"
    )


# --- training: exercises and the trainer's report ----------------------------------------------


def _training_store(ctx: click.Context, data_dir: str | None) -> Any:
    """The trainees' progress files: `training/` inside the sessions folder."""
    from facilitator.training.store import TrainingStore

    return TrainingStore(_session_store(ctx, data_dir).data_dir / "training")


_PACKS_DIR_HELP = (
    "A folder of your own packs, listed with the shipped ones (as are those in the data "
    "folder's packs/ folder)."
)


def _packs_folders(ctx: click.Context, data_dir: str | None = None) -> list[Any]:
    """The trainer's own packs folders: `packs/` in the data folder, then `--packs-dir`."""
    from facilitator.store import StoreError
    from facilitator.training import user_packs_dir

    folders = []
    # No usable data folder: the shipped packs and --packs-dir still count.
    with contextlib.suppress(StoreError, OSError):
        folders.append(user_packs_dir(_session_store(ctx, data_dir).data_dir))
    extra: Any = None
    node: click.Context | None = ctx
    while node is not None and extra is None:  # `--packs-dir` of this command or its group
        extra, node = node.params.get("packs_dir"), node.parent
    if extra:
        folders.append(extra)
    return folders


def _load_packs(ctx: click.Context | None = None, data_dir: str | None = None) -> Any:
    """The packs that load (the shipped ones and the trainer's own); the others' problems go
    to stderr."""
    from facilitator.training import load_packs

    packs, problems = load_packs(extra=_packs_folders(ctx, data_dir) if ctx else ())
    for problem in problems:
        click.echo(for_terminal(problem), err=True)
    return packs, problems


@main.group("exercises", invoke_without_command=True)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None, help="One language.")
@click.option("--packs-dir", type=click.Path(file_okay=False), default=None, help=_PACKS_DIR_HELP)
@click.pass_context
def exercises_command(ctx: click.Context, lang: str | None, packs_dir: str | None) -> None:
    """List the exercise packs; `facilitator exercises check FILE` validates one.

    Packs are TOML files in workshops/exercises/ (format: workshops/exercises/README.md), in
    the data folder's packs/ folder, or in the folder given with --packs-dir.
    """
    if ctx.invoked_subcommand is not None:
        return
    packs, problems = _load_packs(ctx)
    shown = [p for p in packs if not lang or p.lang == lang]
    for pack in shown:
        click.echo(
            f"{one_line_for_terminal(pack.id):<24} {pack.lang}  level {pack.level}  "
            f"{len(pack.exercises):>3} exercises  {one_line_for_terminal(pack.title)}"
        )
    click.echo(f"{sum(len(p.exercises) for p in shown)} exercises in {len(shown)} packs")
    folders = ", ".join(for_terminal(f) for f in _packs_folders(ctx))
    click.echo(f"your own packs: {folders}")
    sys.exit(1 if problems else 0)


@exercises_command.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--no-engine",
    is_flag=True,
    help="Check the structure only (skip grading the drafts and model answers with the engine).",
)
def exercises_check(file: str, no_engine: bool) -> None:
    """Validate an exercise pack: each problem with file, line and field.

    Then the engine grades each starting draft (it must fail its criteria) and each model answer
    (it must meet them).
    """
    from facilitator.training import check_pack, has_errors

    engine = None
    if not no_engine:
        from facilitator.engine import Engine

        engine = Engine()
        _warn_problems(engine)
    problems = check_pack(file, engine)
    for p in problems:
        click.echo(for_terminal(p))
    if not has_errors(problems):
        from facilitator.training import load_pack

        pack = load_pack(file)
        how = "structure only" if no_engine else "drafts and model answers graded by the engine"
        click.echo(f"{for_terminal(file)}: OK ({len(pack.exercises)} exercises, {how})")
    sys.exit(1 if has_errors(problems) else 0)


@exercises_command.command("show")
@click.argument("pack")
def exercises_show(pack: str) -> None:
    """The exercises of a pack (by id, or a pack file)."""
    from facilitator.training import PackError, load_pack, skill_label

    try:
        loaded = load_pack(pack)
    except PackError as error:
        raise click.ClickException(str(error)) from None
    title, pack_id = one_line_for_terminal(loaded.title), one_line_for_terminal(loaded.id)
    click.echo(f"{title} ({pack_id}, {loaded.lang}, level {loaded.level})")
    for ex in loaded.exercises:
        answer = "choice" if ex.is_choice else f"{ex.items} line(s)" if ex.items > 1 else "rewrite"
        name, kind, skill, title = (
            one_line_for_terminal(text)
            for text in (ex.id, ex.kind, skill_label(ex.skill, loaded.lang), ex.title)
        )
        click.echo(
            f"{ex.number:>3}. {name:<30} {kind:<10} L{ex.level} {answer:<10} {skill} — {title}"
        )


def _group_progress(
    ctx: click.Context,
    data_dir: str | None,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
) -> tuple[Any, Any, Any, str]:
    """The store, the group's progress (damaged files reported, not fatal), the packs, and the
    report's language."""
    from facilitator.store import StoreError

    store = _training_store(ctx, data_dir)
    try:
        trainees, problems = store.trainees(group)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    for problem in problems:
        click.echo(f"warning: {for_terminal(problem)}", err=True)
    packs, _ = _load_packs(ctx, data_dir)
    return store, trainees, packs, lang or _report_lang(packs, trainees, pack_id)


@exercises_command.command("progress")
@click.option("--group", "-g", default=None, help="One group (default: every trainee).")
@click.option("--pack", "pack_id", default=None, help="One pack's exercises only.")
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def exercises_progress(
    ctx: click.Context,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
    data_dir: str | None,
) -> None:
    """The trainer's view: per trainee, exercises done, attempts and hints; the common mistakes."""
    from facilitator.training.summary import summarize

    store, trainees, packs, lang = _group_progress(ctx, data_dir, group, pack_id, lang)
    s = summarize(trainees, lang=lang, group=group, packs=packs, pack=pack_id)
    say = _PROGRESS_TEXTS[lang]
    if not s.trainees:
        where = f"{store.root}" + (say["for_group"].format(group=group) if group else "")
        click.echo(say["none"].format(where=for_terminal(where)))
        return
    click.echo(say["summary"].format(**s.totals()))
    click.echo("")
    click.echo(say["head"])
    for t in s.trainees:
        score = "—" if t.mean_overall is None else f"{t.mean_overall:.0f}"
        name, team = one_line_for_terminal(t.name)[:28], one_line_for_terminal(t.group)[:16]
        click.echo(
            f"{name:<28} {team:<16} {t.opened:>9} {t.done:>8} {t.after_reveal:>8} "
            f"{t.attempts:>10} {t.hints:>7} {t.revealed:>6} {score:>6}"
        )
    click.echo(say["notes"])
    if s.mistakes:
        click.echo("")
        click.echo(say["mistakes"])
        for m in s.mistakes[:10]:
            click.echo(
                say["mistake"].format(attempts=m.attempts, failed=m.failed, trainees=m.trainees)
                + f"{one_line_for_terminal(m.rule)} — {one_line_for_terminal(m.title)}"
            )


_PROGRESS_TEXTS = {
    "fr": {
        "for_group": " pour le groupe «\u00a0{group}\u00a0»",
        "none": "aucun stagiaire dans {where}",
        "summary": (
            "{trainees} stagiaire(s), {done} exercice(s) réussi(s) (+{after} après la réponse "
            "modèle) sur {opened} commencé(s), {attempts} tentative(s), {hints} indice(s), "
            "{revealed} réponse(s) modèle(s) affichée(s)"
        ),
        "head": (
            f"{'stagiaire':<28} {'groupe':<16} commencés  réussis  ap. rép.  tentatives  "
            "indices  vues  score"
        ),
        "notes": (
            "réussis\u00a0: sans avoir vu la réponse modèle\u00a0; ap. rép.\u00a0: réussis après "
            "l’avoir vue\u00a0; score\u00a0: moyenne du score global (0–100) de la dernière "
            "réponse à chaque exercice de réécriture"
        ),
        "mistakes": (
            "erreurs fréquentes (règles qui se déclenchent le plus dans les tentatives)\u00a0:"
        ),
        "mistake": (
            "  {attempts:>3} tentative(s) (dont {failed} échouée(s)), {trainees} "
            "stagiaire(s)\u00a0: "
        ),
    },
    "en": {
        "for_group": " for group {group!r}",
        "none": "no trainee in {where}",
        "summary": (
            "{trainees} trainee(s), {done} passed (+{after} after the model answer) of {opened} "
            "started, {attempts} attempts, {hints} hints, {revealed} model answers shown"
        ),
        "head": (
            f"{'trainee':<28} {'group':<16}   started   passed   after r.   attempts    "
            "hints  shown  score"
        ),
        "notes": (
            "passed: without seeing the model answer; after r.: passed once it was shown; "
            "score: mean overall score (0–100) of the last answer to each rewrite exercise"
        ),
        "mistakes": "common mistakes (rules that fired most in the attempts):",
        "mistake": "  {attempts:>3} attempts ({failed} failed), {trainees} trainee(s): ",
    },
}


def _report_lang(packs: Any, trainees: Any, pack_id: str | None) -> str:
    used = {e.pack for t in trainees for e in t.exercises.values()}
    if pack_id:
        used = {pack_id}
    langs = {p.lang for p in packs if p.id in used}
    return langs.pop() if len(langs) == 1 else "fr"


@exercises_command.command("report")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="The .docx to write (default: from the group and today's date).")  # fmt: skip
@click.option("--group", "-g", default=None, help="One group (default: every trainee).")
@click.option("--pack", "pack_id", default=None, help="One pack's exercises only.")
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None,
              help="Report language (default: the packs' language).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace the report if the file already exists.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def exercises_report(
    ctx: click.Context,
    output: str | None,
    group: str | None,
    pack_id: str | None,
    lang: str | None,
    force: bool,
    data_dir: str | None,
) -> None:
    """Write the Word training report: where the group struggled, trainee by trainee."""
    from pathlib import Path

    from facilitator.minutes import ExportError
    from facilitator.training.report import default_report_name, export_report

    _, trainees, packs, lang = _group_progress(ctx, data_dir, group, pack_id, lang)
    path = Path(output) if output else Path(default_report_name(group, lang))
    try:
        export_report(
            path, trainees, lang=lang, group=group, packs=packs, pack=pack_id, overwrite=force
        )
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{for_terminal(path)} ({len(trainees)} trainee(s), {lang}, {path.stat().st_size:,} bytes)"
    )


@main.command("train")
@click.option("--pack", "-p", default=None, help="A pack id, or a pack file, to open at once.")
@click.option("--trainee", "-t", default=None, help="The trainee's name (asked if not given).")
@click.option("--group", "-g", default="", help="The group (course, cohort) the trainee is in.")
@click.option(
    "--reveal-after",
    type=click.IntRange(1, 50),
    default=None,
    help="Attempts before the model answer may be shown (default: each pack's, usually 3).",
)
@click.option("--lang", "-l", type=click.Choice(["fr", "en"]), default=None)
@click.option("--packs-dir", type=click.Path(file_okay=False), default=None, help=_PACKS_DIR_HELP)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=_DATA_DIR_HELP)
@click.pass_context
def train(
    ctx: click.Context,
    pack: str | None,
    trainee: str | None,
    group: str,
    reveal_after: int | None,
    lang: str | None,
    packs_dir: str | None,
    data_dir: str | None,
) -> None:
    """Guided OKR-writing exercises, graded live by the coach (the app's training screens).

    Progress is saved per trainee beside the sessions; `facilitator exercises progress` and
    `facilitator exercises report` give the trainer's view.
    """
    from facilitator.training import PackError, load_pack, load_packs
    from facilitator.tui.training_app import run_training

    if pack and pack not in {p.id for p in load_packs(extra=_packs_folders(ctx, data_dir))[0]}:
        try:
            load_pack(pack)
        except PackError as error:
            raise click.ClickException(str(error)) from None
    store = _session_store(ctx, data_dir)
    run_training(
        store.data_dir,
        pack=pack,
        trainee=trainee,
        group=group,
        lang=lang,
        reveal_after=reveal_after,
        packs_dir=packs_dir,
    )


if __name__ == "__main__":  # pragma: no cover
    main()
