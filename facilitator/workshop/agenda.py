"""The agenda: moving between steps, the step timers, closing the workshop at the wrap-up."""

from __future__ import annotations

from facilitator.room import wrapup
from facilitator.session import Session
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput

TIMER_SUSPENDED = "timer_suspended"
"""Session.extra key: the id of the step whose running timer was paused when the session was
closed (it restarts when the session is opened again; the room's time away is not counted)."""


class AgendaOperations(SessionChanges):
    def next_step(self) -> None:
        now = self.now()
        self._change(lambda s: s.next_step(now))

    def previous_step(self) -> None:
        now = self.now()
        self._change(lambda s: s.previous_step(now))

    def goto_step(self, index: int) -> None:
        if not 0 <= index < len(self.session.agenda):
            raise InvalidInput("index", f"no step {index}", "count the agenda's steps from 0")
        now = self.now()
        self._change(lambda s: s.goto_step(index, now))

    def start_timer(self) -> None:
        now = self.now()
        self._change(lambda s: s.start_timer(now))

    def pause_timer(self) -> None:
        now = self.now()
        self._change(lambda s: s.pause_timer(now))

    def extend_step(self, minutes: int = 5) -> None:
        """More time for the current step."""
        index = self.session.current_step
        if self.session.step is None:
            raise InvalidInput("step", "the session has no current step", "open the agenda")
        if minutes <= 0:
            raise InvalidInput("minutes", f"{minutes} is not a positive number of minutes")
        self._change(lambda s: s.agenda[index].extend(minutes))

    def suspend_timer(self) -> bool:
        """Closing the session: a running step timer stops counting, and is marked to restart
        when the session opens again. Without this the wall clock ran on: a session reopened
        the next morning had used up its step overnight. False when no timer was running."""
        step = self.session.step
        if step is None or not step.running:
            return False
        now, step_id = self.now(), step.id

        def suspend(s: Session) -> None:
            if s.step is not None and s.step.id == step_id and s.step.running:
                s.step.stop(now)
                s.extra[TIMER_SUSPENDED] = step_id

        self._change(suspend)
        return True

    def resume_timer(self) -> bool:
        """Opening the session: a timer paused at closing runs again, from the time spent until
        then. One the facilitator paused stays paused. False when none was suspended."""
        if TIMER_SUSPENDED not in self.session.extra:
            return False
        step_id, now = self.session.extra.get(TIMER_SUSPENDED), self.now()

        def resume(s: Session) -> None:
            s.extra.pop(TIMER_SUSPENDED, None)
            step = s.step
            if step is not None and step.id == step_id and not step.running and not s.timer_paused:
                step.start(now)

        self._change(resume)
        return True

    def close_wrapup(self) -> None:
        """Finish the wrap-up step (the workshop is over); refused while a parking-lot item has
        no follow-up."""
        blocking = wrapup.open_items(self.session).parking
        if blocking:
            raise InvalidInput(
                "parking",
                f"{len(blocking)} item(s) without a follow-up",
                "give each an owner and a next step",
            )
        now = self.now()
        self._change(lambda s: wrapup.close(s, now))
