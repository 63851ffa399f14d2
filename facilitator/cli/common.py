"""What the command line's modules share: exit statuses, the --data-dir help, the session store a
command names, the engine with the organisation's configuration, and the output helpers that keep
a terminal safe (`json_text`, `describe_error`, `warn_problems`).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from facilitator.terminal import for_terminal

EXIT_BELOW_THRESHOLD = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
DATA_DIR_HELP = (
    "Folder of the session files (default: $FACILITATOR_DATA_DIR, else the user data folder)."
)


def session_store(ctx: click.Context, data_dir: str | None) -> Any:
    """The store named by this command's --data-dir, else the main group's, else the default."""
    from facilitator.store import SessionStore

    chosen = data_dir or (ctx.obj or {}).get("data_dir")
    return SessionStore(chosen) if chosen else SessionStore()


# --- configuration ---------------------------------------------------------------------------

CONFIG_HELP = (
    "An organisation's facilitator.toml (default: the nearest one in this folder or above)."
)


def config_options(command: Any) -> Any:
    """`--config PATH` and `--no-config`, for the commands that build an engine."""
    command = click.option(
        "--no-config", is_flag=True, help="Ignore any facilitator.toml: the bundled settings."
    )(command)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help=CONFIG_HELP,
    )(command)


def make_engine(config_path: str | None, no_config: bool, **options: Any) -> Any:
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
        click.echo(f"error: the engine could not start ({describe_error(error)})", err=True)
        sys.exit(EXIT_INTERNAL)


def describe_error(error: BaseException) -> str:
    return for_terminal(f"{type(error).__name__}: {error}")


def json_text(data: Any, indent: int | None = None) -> str:
    """Strict JSON (no NaN) that a terminal shows as it is.

    json.dumps escapes the C0 controls, ESC included, but writes DEL, the C1 controls, the
    bidirectional overrides and lone surrogates as they are: output holding one is written all
    in \\u escapes instead, which is the same data.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
    if for_terminal(text) != text:
        text = json.dumps(data, ensure_ascii=True, allow_nan=False, indent=indent)
    return text


_warned: set[str] = set()


def warn_problems(engine: Any) -> None:
    """Rules or lexicons the engine refused are reported once, on stderr, with their file."""
    for problem in engine.problems:
        if str(problem) not in _warned:
            _warned.add(str(problem))
            click.echo(f"warning: rule refused: {for_terminal(problem)}", err=True)
