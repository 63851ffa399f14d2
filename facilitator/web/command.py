"""`facilitator room`: the room server, headless (the lead registers it in the CLI's group).

facilitator room SESSION [--host H] [--port P] [--step STEP] [--allow-new]
facilitator room --demo
facilitator room SESSION --close
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from facilitator.store import SessionStore, StoreError
from facilitator.workshop import Workshop, WorkshopError, create_session
from facilitator.workshop.participants import RoomState

if TYPE_CHECKING:
    from facilitator.web.server import RoomServer

# The server's modules (aiohttp, the QR code) are imported when the command runs: every
# `facilitator` command loads this module, and `facilitator --help` should stay quick.

DEFAULT_PORT = 8765


def serve(server: RoomServer, host: str, port: int) -> None:
    """Run the server until interrupted (ctrl+c); the room stays open for a restart."""
    from aiohttp import web

    web.run_app(server.app(), host=host, port=port, print=None)


@click.command("room")
@click.argument("session_id", required=False)
@click.option("--demo", is_flag=True, help="The bundled demo session (saved first if new).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on: 0.0.0.0 opens the room to the local network.",
)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option("--step", "step_id", default=None, help="An agenda step to open to participants.")
@click.option("--allow-new", is_flag=True, help="Let people not listed add themselves.")
@click.option("--close", is_flag=True, help="Close the room: every device is let go.")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None)
@click.pass_context
def room(
    ctx: click.Context,
    session_id: str | None,
    demo: bool,
    host: str,
    port: int,
    step_id: str | None,
    allow_new: bool,
    close: bool,
    data_dir: str | None,
) -> None:
    """Open SESSION to participants' phones and laptops: they join with a code (or the QR
    code), write their cards, word objectives with the coach and vote in secret."""
    from facilitator.web import launch
    from facilitator.web.server import RoomServer

    if demo == bool(session_id):
        raise click.UsageError("give a SESSION id, or --demo for the bundled demo (not both)")
    chosen = data_dir or (ctx.obj or {}).get("data_dir")
    store = SessionStore(chosen) if chosen else SessionStore()
    try:
        session_id = _demo(store) if demo else session_id
        assert session_id is not None
        workshop = Workshop(store, session_id)
        if close:
            workshop.close_room()
            click.echo("room closed")
            return
        code = launch.prepare(workshop, step_id, allow_new=allow_new)
    except (StoreError, WorkshopError) as error:
        raise click.ClickException(str(error)) from None
    _announce(workshop, host, port, code)
    serve(RoomServer(store, session_id, warm_up=True), host, port)


def _demo(store: SessionStore) -> str:
    from facilitator.demo import demo_session

    session = demo_session()
    if not store.exists(session.id):
        create_session(store, session)
    return session.id


def _announce(workshop: Workshop, host: str, port: int, code: str) -> None:
    from facilitator.web import launch

    session = workshop.session
    urls = launch.join_urls(host, port, code)
    click.echo(f"{session.title}: the room is open. Join code: {code}")
    for url in urls:
        click.echo(f"  {url}")
    if host not in launch.LOOPBACK:
        click.echo("Participants on the room's Wi-Fi open the address above or scan the code.")
    click.echo(launch.qr_text(urls[0]))
    opened = ", ".join(RoomState.of(workshop.session).open_steps)
    click.echo(f"Steps open to participants: {opened or 'none yet (--step STEP)'}")
    click.echo("ctrl+c stops the server; the room stays open for a restart (--close ends it).")
