"""`facilitator workshops`: the workshop templates, and `workshops check FILE`."""

from __future__ import annotations

import sys

import click

from facilitator.terminal import for_terminal, one_line_for_terminal


@click.group(invoke_without_command=True)
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
