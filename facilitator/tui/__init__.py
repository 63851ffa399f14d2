"""The Textual front end. Importing this package does not import Textual; `run` does.

Text a person or a file wrote (titles, names, objectives, cards, packs) never reaches Textual as
a markup string, where "[@click=app.quit]" would be an action and a stray "[/b]" a crash: tables
are `widgets.table.Table`, notifications are plain (`FacilitatorApp.notify`), and a label, static
or option list that shows such text is built with `markup=False` or is given a rich `Text`.
"""

from __future__ import annotations

from pathlib import Path


def run(
    data_dir: str | Path | None = None, session_id: str | None = None, lang: str | None = None
) -> None:
    """Open the TUI on the sessions in `data_dir` (default: the store's), optionally one session."""
    from facilitator.tui.app import run as run_app

    run_app(data_dir, session_id, lang)
