"""The one way a change reaches a stored session: `SessionChanges`, the base of `Workshop`.

Each operation builds a change, a function over a `Session` that is deterministic (its ids and
times are chosen before), and runs it through `SessionStore.update`: the store re-reads the file
under its lock, applies the change and writes it, so two threads or two processes changing the
same session each build on the other's changes and none is lost.

Nothing done is lost either when the disk refuses: the change is then applied to the session in
memory all the same, kept as pending, and replayed, before the next change, at the next save.
`NotSaved` says so; its `result` is what the change returned in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from facilitator.session import Session
from facilitator.store import SessionStore, StoreError
from facilitator.workshop.errors import NotSaved

T = TypeVar("T")


class SessionChanges:
    """One stored session, changed only through `_change` (see the module's docstring).

    One instance may serve several threads (its pending changes are guarded by a lock); other
    processes open their own instance on the same store folder.
    """

    def __init__(
        self,
        store: SessionStore,
        session_id: str,
        *,
        clock: Callable[[], datetime] | None = None,
        session: Session | None = None,
    ) -> None:
        """`clock` replaces the wall clock (timers, decision times, due dates: tests fix it);
        `session`, when the caller has just loaded it, saves reading it again."""
        self.store = store
        self.session_id = session_id
        self.clock = clock
        self._session = session
        self._pending: list[Callable[[Session], object]] = []
        self._lock = threading.RLock()

    @property
    def session(self) -> Session:
        """The session as last saved (with what other writers had saved by then), plus the
        changes still pending. Read-only for callers: change it through the operations."""
        if self._session is None:
            self._session = self.store.load(self.session_id)
        return self._session

    @property
    def pending(self) -> int:
        """How many changes the store refused and the next save will replay."""
        return len(self._pending)

    def now(self) -> datetime:
        return self.clock() if self.clock is not None else datetime.now(UTC)

    def reload(self) -> Session:
        """Read the session again (another front end changed it); a pending change stays
        applied on top, to be written at the next save."""
        with self._lock:
            session = self.store.load(self.session_id)
            for change in self._pending:
                change(session)
            self._session = session
            return session

    def _change(self, change: Callable[[Session], T]) -> T:
        """Apply `change` and save it with every pending one; return what `change` returned.

        Raises what `change` raises (nothing is saved or kept), or `NotSaved` when the store
        refuses the write (the change is then applied in memory and kept for the next save).
        """
        with self._lock:
            current = self.session
            self._pending.append(change)
            pending = list(self._pending)
            results: list[Any] = []

            def apply(session: Session) -> None:
                results.clear()  # the store may run it again after reading a newer file
                results.extend(fn(session) for fn in pending)

            try:
                saved = self.store.update(self.session_id, apply)
            except StoreError as error:
                try:
                    result = change(current)
                except Exception:  # the change itself is wrong: it is not kept
                    self._pending.remove(change)
                    raise NotSaved(error) from error
                raise NotSaved(error, result) from error
            except BaseException:
                self._pending.remove(change)
                raise
            self._pending.clear()
            self._session = saved
            return cast(T, results[-1])

    def _change_giving(self, value: T, change: Callable[[Session], object]) -> T:
        """`_change` for an operation whose result is known before it runs (the id of what it
        creates): `NotSaved.result` then holds it too."""

        def run(session: Session) -> T:
            change(session)
            return value

        return self._change(run)

    def _change_quietly(self, change: Callable[[Session], object]) -> bool:
        """Best effort, for what nobody asked to save (a working draft): False, and nothing
        kept, when the store refuses or an earlier change is still pending."""
        with self._lock:
            if self._pending:
                return False
            try:
                self._session = self.store.update(self.session_id, change)
            except StoreError:
                return False
            return True
