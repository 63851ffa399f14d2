"""`facilitator train`: the workshop app, opened on the training screens once it is ready.

Kept out of the training screens so that no screen module imports (or subclasses) the app.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from facilitator.store import SessionStore
from facilitator.training import PackError, load_pack, load_packs
from facilitator.tui.app import FacilitatorApp, run_to_exit
from facilitator.tui.screens.training_start import open_training


class TrainingApp(FacilitatorApp):
    """The app, with the trainer's own packs folder and the pack and trainee to open at once."""

    def __init__(
        self,
        store: SessionStore,
        *,
        pack: str | None = None,
        trainee: str | None = None,
        group: str = "",
        reveal_after: int | None = None,
        packs_dir: str | Path | None = None,
        **options: Any,
    ) -> None:
        super().__init__(store, **options)
        self.extra_packs_dirs = (Path(packs_dir),) if packs_dir else ()
        self.opening_pack = pack
        self.opening_trainee = trainee
        self.opening_group = group
        self.reveal_after = reveal_after

    def on_ready(self) -> None:
        open_training(
            self,
            pack=self.opening_pack,
            trainee=self.opening_trainee,
            group=self.opening_group,
            reveal_after=self.reveal_after,
        )


def training_app(
    data_dir: str | Path | None = None,
    *,
    pack: str | None = None,
    trainee: str | None = None,
    group: str = "",
    lang: str | None = None,
    reveal_after: int | None = None,
    packs_dir: str | Path | None = None,
    **options: Any,
) -> TrainingApp:
    """The app, set to open on the training screens once it is ready (`options` go to the app:
    tests pass an engine double)."""
    if lang is None and pack:
        # `facilitator train --pack en-…`: the whole app in the pack's language, from the start.
        with contextlib.suppress(PackError):  # reported once the app is up
            lang = load_pack(pack).lang
        if lang is None and packs_dir:
            found = load_packs(extra=[packs_dir])[0]
            lang = next((p.lang for p in found if p.id == pack), None)
    store = SessionStore(data_dir) if data_dir is not None else SessionStore()
    return TrainingApp(
        store,
        pack=pack,
        trainee=trainee,
        group=group,
        reveal_after=reveal_after,
        packs_dir=packs_dir,
        lang=lang,
        **options,
    )


def run_training(
    data_dir: str | Path | None = None,
    *,
    pack: str | None = None,
    trainee: str | None = None,
    group: str = "",
    lang: str | None = None,
    reveal_after: int | None = None,
    packs_dir: str | Path | None = None,
) -> None:
    """`facilitator train`: the app, opened on the training screens."""
    run_to_exit(
        training_app(
            data_dir,
            pack=pack,
            trainee=trainee,
            group=group,
            lang=lang,
            reveal_after=reveal_after,
            packs_dir=packs_dir,
        )
    )
