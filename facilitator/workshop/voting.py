"""The vote: each participant's priority answers and dots, revealed together."""

from __future__ import annotations

from facilitator.room import votes
from facilitator.session import PRIORITY_VOTES
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput


class VoteOperations(SessionChanges):
    def set_priority(self, objective_id: str, voter: str, answer: str) -> None:
        """`voter`'s answer (one of `PRIORITY_VOTES`) to "is this objective a priority?"."""
        checks.objective(self.session, objective_id)
        checks.participant(self.session, voter)
        if answer not in PRIORITY_VOTES:
            raise InvalidInput(
                "answer", f"{answer!r} is not a priority vote", f"one of {PRIORITY_VOTES}"
            )
        self._change(lambda s: votes.set_priority(s, objective_id, voter, answer))

    def add_dots(self, objective_id: str, voter: str, delta: int) -> int:
        """Place (or, delta < 0, take back) dots; returns the voter's dots on the objective."""
        checks.objective(self.session, objective_id)
        checks.participant(self.session, voter)
        left = votes.dots_left(self.session, voter)
        if delta > left:
            raise InvalidInput("delta", f"{voter} has {left} dots left", "take some back first")
        return self._change(lambda s: votes.add_dots(s, objective_id, voter, delta))

    def reveal_votes(self) -> float | None:
        """Reveal every objective's votes together; returns the share judged a priority."""
        return self._change(votes.reveal)

    def hide_votes(self) -> None:
        """Hide the results again (a new round of voting)."""
        self._change(votes.hide)
