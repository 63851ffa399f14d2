"""Live assessment: the coach reads a draft while it is typed, never on the UI thread.

A screen that coaches owns one `LiveAssessment` per editor and calls `changed` with each new
state of the draft. The engine's lexical tier runs at once in a thread worker; after a pause of
`DEBOUNCE` seconds without another change, the full pass runs in another (while the model is
still loading, the model is asked for instead and the lexical result stands). Both tiers' workers
belong to the component's one named group; a newer worker of a tier cancels the older one.

Results come back on the UI thread and reach the screen through `on_result` only while they are
still about the draft on screen: a result about text typed over since is dropped, and so is a
late lexical result once the full pass has answered for the same text.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from textual import events
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

if TYPE_CHECKING:
    from facilitator.tui.screens.base import BaseScreen

DEBOUNCE = 0.3
"""Seconds of pause before the full pass runs."""

TIERS = ("lexical", "full")


@dataclass(frozen=True)
class Draft:
    """One state of a draft, described on the UI thread when it changed."""

    text: str
    about: Hashable
    """What else the words belong to (the item's kind, the exercise): the same words in another
    place make a result stale too."""
    score: Callable[[str], Any]
    """tier → the engine's assessment of `text`. It runs in a worker thread, so it reads only what
    was captured when the draft was described, never the screen."""
    lang: Callable[[], str]
    """The language whose model the full pass needs; asked once, at the pause."""
    started: float = 0.0
    """perf_counter() of the keystroke that made this draft (0.0: a change by the program)."""


@dataclass(frozen=True)
class Assessed:
    """The engine's assessment of `draft`, from the lexical tier or the full pass."""

    draft: Draft
    assessment: Any
    stages: tuple[float, ...] = ()
    """perf_counter() when the worker started and when the engine answered."""


class LiveAssessment:
    """Debounced two-tier assessment of one editor's draft, for the screen that owns it.

    `on_screen()` says what the editor holds now, as `(text, about)`: a result is shown only if
    its draft still matches. `on_result` receives each result shown; `on_pause` (optional) is
    called with the draft when the pause starts the full pass, even while the model loads.
    """

    def __init__(
        self,
        owner: BaseScreen,
        group: str,
        *,
        on_screen: Callable[[], tuple[str, Hashable]],
        on_result: Callable[[Assessed], None],
        on_pause: Callable[[Draft], None] | None = None,
        delay: float = DEBOUNCE,
    ) -> None:
        self.owner = owner
        self.group = group
        self.delay = delay
        self._on_screen = on_screen
        self._on_result = on_result
        self._on_pause = on_pause
        self.shown: Any = None
        """The assessment last given to the screen (about the draft on screen, or None)."""
        self.latencies: dict[str, list[float]] = {tier: [] for tier in TIERS}
        """Milliseconds from a keystroke to its result painted, per tier."""
        self._timer: Timer | None = None
        self._workers: dict[str, Worker[None]] = {}
        self._trace = os.environ.get("FACILITATOR_LATENCY_LOG")

    def changed(self, draft: Draft) -> None:
        """Assess `draft`: the lexical tier now, the full pass after a pause in the changes."""
        if self.owner.fapp.engine is None:
            return  # still starting: the engine's arrival assesses the draft again
        self._run(draft, "lexical")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(self.delay, partial(self._pause, draft))

    def clear(self) -> None:
        """Forget the assessment shown (another item or exercise, an empty draft)."""
        self.shown = None

    def current(self, draft: Draft) -> bool:
        """Whether `draft` is still what the editor holds."""
        return (draft.text, draft.about) == self._on_screen()

    def _pause(self, draft: Draft) -> None:
        if not self.current(draft):
            return
        if self._on_pause is not None:
            self._on_pause(draft)
        lang = draft.lang()
        if self.owner.fapp.full_ready(lang):
            self._run(draft, "full")
        else:
            self.owner.fapp.ensure_model(lang)

    def _run(self, draft: Draft, tier: str) -> None:
        previous = self._workers.get(tier)
        if previous is not None:
            previous.cancel()  # its text is older: its result would be dropped anyway
        self._workers[tier] = self.owner.run_worker(
            partial(self._assess_in_thread, draft, tier),
            thread=True,
            group=self.group,
            exit_on_error=False,
            name=f"{self.group}-{tier}",
        )

    def _assess_in_thread(self, draft: Draft, tier: str) -> None:
        begun = time.perf_counter()
        assessment = draft.score(tier)
        if not get_current_worker().is_cancelled:
            result = Assessed(draft, assessment, (begun, time.perf_counter()))
            # post_message is thread-safe: the result is handled on the UI thread.
            self.owner.post_message(events.Callback(callback=partial(self.receive, result)))

    def receive(self, result: Assessed) -> None:
        """Show `result` unless it is stale (called on the UI thread)."""
        a, draft = result.assessment, result.draft
        if not self.current(draft):
            return  # typed on since: a newer result is coming
        shown = self.shown
        if (
            shown is not None
            and shown.text == a.text
            and a.tier == "lexical"
            and shown.tier != "lexical"
        ):
            return  # the full pass already answered for this text
        received = time.perf_counter()
        self.shown = a
        self._on_result(result)
        if draft.started:
            tier = "lexical" if a.tier == "lexical" else "full"
            marks = (draft.started, *result.stages, received, time.perf_counter())
            self.owner.call_after_refresh(self._painted, tier, marks, len(draft.text))

    def _painted(self, tier: str, marks: tuple[float, ...], size: int) -> None:
        now = time.perf_counter()
        elapsed = (now - marks[0]) * 1000
        self.latencies[tier].append(elapsed)
        if self._trace:  # key → worker start → engine done → message → widgets → painted
            steps = "\t".join(f"{(b - a) * 1000:.2f}" for a, b in pairwise((*marks, now)))
            with open(self._trace, "a", encoding="utf-8") as log:
                log.write(f"{tier}\t{elapsed:.2f}\t{size}\t{steps}\n")
