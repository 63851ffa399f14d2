"""The `facilitator` command line: `main`, its options, and the commands it gathers.

Each group of commands has its module, which a newcomer finds by the command's name:

- `scoring`: `score` (a draft, or a JSONL stream) and `rules`;
- `workshops`: `workshops` and `workshops check`;
- `sessions`: `export`, `import`, `sessions` (list, restore, delete);
- `training`: `exercises` (check, show, progress, report) and `train`;
- `demo`: `demo`; without a command, `main` opens the app;
- `common`: what they share (exit statuses, the session store, the engine, safe output).

Heavy imports (spaCy, Textual) happen inside the commands that need them, so `--help` is instant.

Every text that comes from a session, a file or the room goes through `for_terminal` (or
`one_line_for_terminal` in a one-line cell) before it is printed: an imported title can carry
escape sequences that set the clipboard or clear the screen. JSON output is escaped instead
(`common.json_text`), so the data stays whole.
"""

from __future__ import annotations

from typing import Any

import click

from facilitator import __version__
from facilitator.cli import demo, scoring, sessions, training, workshops
from facilitator.cli.common import DATA_DIR_HELP
from facilitator.terminal import for_terminal
from facilitator.web.command import room


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
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """OKR workshop facilitation and objective-drafting assistant (français / English).

    Without a command, opens the workshop app (TUI); `facilitator demo` opens a demo session.
    """
    ctx.obj = {"data_dir": data_dir}
    if ctx.invoked_subcommand is None:
        from facilitator.tui import run

        run(data_dir)


# One line per command (click lists them by name in --help). A new command, or a new front
# end's (the participants' web page), is written in its own module and added here.
main.add_command(scoring.score)
main.add_command(scoring.rules)
main.add_command(workshops.workshops)
main.add_command(sessions.export_command)
main.add_command(sessions.import_command)
main.add_command(sessions.sessions_command)
main.add_command(training.exercises_command)
main.add_command(training.train)
main.add_command(demo.demo)
main.add_command(room)
