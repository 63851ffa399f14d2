"""The Textual front end. Importing this package does not import Textual; `run` does."""

from __future__ import annotations

from pathlib import Path


def run(
    data_dir: str | Path | None = None, session_id: str | None = None, lang: str | None = None
) -> None:
    """Open the TUI on the sessions in `data_dir` (default: the store's), optionally one session."""
    from facilitator.tui.app import run as run_app

    run_app(data_dir, session_id, lang)
