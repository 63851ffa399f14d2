"""The live coach on participants' devices: the engine, loaded once, run in worker threads.

The lexical tier answers every keystroke; the full pass (spaCy) runs when the participant pauses.
Each tier has its own single worker thread, so a queue of full passes never delays a keystroke's
feedback, and the event loop never runs the engine itself. Full passes waiting together are run
as one batch (`Engine.assess_many` pipes them through spaCy at once).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from facilitator.engine import Assessment, Engine
from facilitator.workshop.assessments import rule_ids, scores_of

MAX_FINDINGS = 6
"""Findings shown on a phone: the most important first."""

MAX_BATCH = 16
"""Full passes run together at most: a longer batch would delay its first draft's answer."""


@dataclass(frozen=True)
class Draft:
    text: str
    kind: str  # objective | key_result
    lang: str
    glossary: tuple[str, ...] = ()


def view(assessment: Assessment) -> dict[str, Any]:
    """What the phone shows of an assessment: scores, findings with their suggestions, the
    rewrite; plain JSON."""
    findings = [
        {
            "rule": f.rule,
            "level": f.level,
            "text": f.text,
            "message": f.message,
            "suggestions": list(f.suggestions[:3]),
        }
        for f in assessment.findings[:MAX_FINDINGS]
    ]
    rewrite = assessment.rewrite.text if assessment.rewrite is not None else None
    return {
        "tier": assessment.tier,
        "scores": scores_of(assessment),
        "findings": findings,
        "rewrite": rewrite if rewrite and rewrite != assessment.text else None,
    }


def stored(assessment: Assessment) -> tuple[dict[str, float], list[str]]:
    """The scores and rule ids a version keeps of its assessment."""
    return scores_of(assessment), rule_ids(assessment.findings)


class Coach:
    """`await coach.lexical(draft)`, `await coach.full(draft)`: assessments off the event loop.

    `engine` defaults to a new `Engine()`; spaCy's models load on the first full pass of a
    language, or ahead of the first participant with `warm_up`.
    """

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine if engine is not None else Engine()
        self._lexical = ThreadPoolExecutor(1, thread_name_prefix="coach-lexical")
        self._full = ThreadPoolExecutor(1, thread_name_prefix="coach-full")
        self._waiting: list[tuple[Draft, asyncio.Future[Assessment]]] = []
        self._running = False
        self._loop: asyncio.AbstractEventLoop | None = None
        """The event loop of the batch running: a room stopped while it ran never settles it."""

    async def warm_up(self, langs: Iterable[str]) -> None:
        loop = asyncio.get_running_loop()
        for lang in langs:
            await loop.run_in_executor(self._full, self.engine.load, lang)

    async def lexical(self, draft: Draft) -> Assessment:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._lexical,
            lambda: self.engine.assess(
                draft.text, draft.kind, draft.lang, glossary=draft.glossary, tier="lexical"
            ),
        )

    async def full(self, draft: Draft) -> Assessment:
        """The full pass; drafts that arrive while a batch runs go through together next."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            # A room server stopped and started again (in the app, or between tests): the
            # old loop's batch and waiting drafts will never settle; forget them, or every
            # full pass after the restart would wait for them forever.
            self._waiting, self._running, self._loop = [], False, loop
        future: asyncio.Future[Assessment] = loop.create_future()
        self._waiting.append((draft, future))
        if not self._running:
            self._start_batch()
        return await future

    def _start_batch(self) -> None:
        batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
        self._running = True
        items = [
            {"text": d.text, "kind": d.kind, "lang": d.lang, "glossary": list(d.glossary)}
            for d, _ in batch
        ]
        loop = asyncio.get_running_loop()
        work = loop.run_in_executor(self._full, lambda: self.engine.assess_many(items))

        def settle(done: asyncio.Future[list[Assessment]]) -> None:
            error = None if done.cancelled() else done.exception()
            for index, (_, future) in enumerate(batch):
                if future.done():
                    continue
                if done.cancelled():
                    future.cancel()
                elif error is not None:
                    future.set_exception(error)
                else:
                    future.set_result(done.result()[index])
            self._running = False
            if self._waiting:
                self._start_batch()

        work.add_done_callback(settle)

    def close(self) -> None:
        self._lexical.shutdown(wait=False, cancel_futures=True)
        self._full.shutdown(wait=False, cancel_futures=True)
