"""`facilitator demo`: the bundled demo session (a CODIR framing workshop, in French),
opened in the app.
"""

from __future__ import annotations

import click

from facilitator.cli.common import (
    DATA_DIR_HELP,
    session_store,
)


@click.command()
@click.option("--reset", is_flag=True, help="Start the demo again from its original state.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None, help=DATA_DIR_HELP)
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

    store = session_store(ctx, data_dir)
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
