"""The stored sessions from the command line: `export` (Word or Markdown minutes, JSON,
CSV), `import` (a JSON export or a session file), and `sessions` (list, `restore` a backup,
`delete`).
"""

from __future__ import annotations

import click

from facilitator.cli.common import (
    DATA_DIR_HELP,
    session_store,
)
from facilitator.terminal import for_terminal, one_line_for_terminal


@click.command("export")
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
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
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
            session = session_store(ctx, data_dir).load(session_id)
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


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite the stored session with the same id (its previous state becomes the backup; "
    "a damaged one is kept aside as <file>.damaged-<time>).",
)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
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

    store = session_store(ctx, data_dir)
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


@click.group("sessions", invoke_without_command=True)
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
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

    store = session_store(ctx, None)
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
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.pass_context
def sessions_restore(ctx: click.Context, session_id: str, data_dir: str | None) -> None:
    """Put back the state a session had before its last change (its backup file).

    A readable session and its backup swap places, so a restore can itself be undone; a damaged
    session file is kept aside as <file>.damaged-<time>.
    """
    from facilitator.store import StoreError

    store = session_store(ctx, data_dir)
    try:
        session = store.restore_backup(session_id)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    title = one_line_for_terminal(session.title)
    click.echo(f"restored session {session.id} “{title}” from its backup")


@sessions_command.command("delete")
@click.argument("session_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Delete without asking for confirmation.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.pass_context
def sessions_delete(ctx: click.Context, session_id: str, yes: bool, data_dir: str | None) -> None:
    """Delete a session, damaged or not (asks first, unless --yes).

    Its files are moved to deleted/<ID>-<time>/ in the sessions folder, not erased:
    `facilitator import` of the session file there brings it back.
    """
    from facilitator.store import SUFFIX, StoreError, UnreadableSessionError

    store = session_store(ctx, data_dir)
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
