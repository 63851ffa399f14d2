"""The room's log, open from any step: decisions, actions (an owner present, a due date) and
the parking lot (topics set aside, each to get an owner and a next step)."""

from __future__ import annotations

from typing import Any, Literal

from facilitator.room import carried, wrapup
from facilitator.session import Session, new_id
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput

LogList = Literal["decisions", "actions", "parking"]
LOG_LISTS: tuple[LogList, ...] = ("decisions", "actions", "parking")


class LogOperations(SessionChanges):
    def due_date(self, text: str) -> str:
        """A typed due date as ISO ("3/4" is the next 3 April); `InvalidInput` otherwise."""
        try:
            return wrapup.parse_due(text, self.now().date())
        except ValueError:
            raise InvalidInput("due", f"{text!r} is not a date", "write it as 31/12/2026") from None

    def add_decision(self, text: str) -> str:
        """A decision, noted at the current step; returns its id."""
        text, item_id = checks.required("text", text, "decision"), new_id()
        return self._change_giving(item_id, lambda s: wrapup.add_decision(s, item_id, text))

    def add_action(self, text: str, owner: str, due: str) -> str:
        """An action for `owner` (a participant present) by `due` (as typed); returns its id."""
        text = checks.required("text", text, "action")
        checks.present(self.session, owner)
        due_iso, item_id = self.due_date(due), new_id()
        return self._change_giving(
            item_id, lambda s: wrapup.add_action(s, item_id, text, owner, due_iso)
        )

    def update_action(self, action_id: str, text: str, owner: str, due: str) -> None:
        self._entry(self.session, "actions", action_id)
        text = checks.required("text", text, "action")
        checks.present(self.session, owner)
        due_iso = self.due_date(due)

        def update(s: Session) -> None:
            action = self._entry(s, "actions", action_id)
            checks.present(s, owner)
            action.text, action.owner, action.due = text, owner, due_iso

        self._change(update)

    def set_action_done(self, action_id: str, done: bool) -> None:
        """Mark an action done (or not done again); a dropped action done is no longer dropped."""
        self._entry(self.session, "actions", action_id)

        def mark(s: Session) -> None:
            action = self._entry(s, "actions", action_id)
            if done:
                carried.set_dropped(action, False)
            action.done = done

        self._change(mark)

    def set_action_dropped(self, action_id: str, dropped: bool) -> None:
        """Give an action up without doing it (kept, so the minutes say so), or take it up
        again. A follow-up closes the actions it carried this way or with `set_action_done`."""
        self._entry(self.session, "actions", action_id)
        self._change(lambda s: carried.set_dropped(self._entry(s, "actions", action_id), dropped))

    def park(self, text: str, owner: str = "", next_step: str = "") -> str:
        """A topic set aside (its owner, a participant present, and next step may come later);
        returns its id."""
        text = checks.required("text", text, "topic")
        if owner:
            checks.present(self.session, owner)
        next_step, item_id = checks.optional(next_step), new_id()
        return self._change_giving(
            item_id, lambda s: wrapup.park(s, item_id, text, owner, next_step)
        )

    def follow_up_parking(self, item_id: str, owner: str, next_step: str) -> None:
        """Give a parking-lot item its owner and next step."""
        self._entry(self.session, "parking", item_id)
        checks.present(self.session, owner)
        next_step = checks.required("next_step", next_step, "next step")
        self._change(lambda s: wrapup.follow_up_parking(s, item_id, owner, next_step))

    def set_parking_resolved(self, item_id: str, resolved: bool) -> None:
        self._entry(self.session, "parking", item_id)
        self._change(lambda s: setattr(self._entry(s, "parking", item_id), "resolved", resolved))

    def remove_entry(self, kind: LogList, item_id: str) -> None:
        """Remove a decision, an action or a parking-lot item."""
        self._entry(self.session, kind, item_id)
        self._change(lambda s: setattr(s, kind, [i for i in getattr(s, kind) if i.id != item_id]))

    @staticmethod
    def _entry(session: Session, kind: str, item_id: str) -> Any:
        if kind not in LOG_LISTS:
            raise InvalidInput("kind", f"{kind!r} is not a list of the log", f"one of {LOG_LISTS}")
        return checks.find(getattr(session, kind), item_id, kind.rstrip("s"))
