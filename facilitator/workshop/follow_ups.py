"""What the cycle's later meetings record: the monthly review's check-ins, the end-of-cycle
grades and the retrospective's lists."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.room import review
from facilitator.session import Session
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput

RETRO_LISTS = ("worked", "to_change")
"""The retrospective's lists: what worked, what to change."""


class FollowUpOperations(SessionChanges):
    def record_checkin(
        self,
        kr_id: str,
        current: str,
        confidence: int | None,
        comment: str = "",
        blockers: Sequence[str] = (),
    ) -> None:
        """This session's check-in of a key result (a second one corrects the first), dated
        today. A confidence lower than the last one needs a `comment`."""
        kr = checks.key_result(self.session, kr_id)
        if confidence is not None and not 0 <= confidence <= 10:
            raise InvalidInput("confidence", f"{confidence} is outside 0–10", "give 0 to 10")
        comment = checks.optional(comment)
        if review.needs_comment(self.session, kr, confidence) and not comment:
            raise InvalidInput("comment", "the confidence dropped", "say why in a comment")
        blockers = [b for b in (checks.optional(b) for b in blockers) if b]
        current, date = checks.optional(current), self.now().date().isoformat()
        self._change(
            lambda s: review.record_checkin(s, kr_id, current, confidence, comment, blockers, date)
        )

    def set_grade(self, kr_id: str, grade: float | None) -> None:
        """The key result's grade, 0.0 to 1.0 (None: not graded)."""
        checks.key_result(self.session, kr_id)
        if grade is not None:
            checks.grade(grade)
        self._change(lambda s: checks.key_result(s, kr_id).set_grade(grade))

    def set_committed(self, kr_id: str, committed: bool) -> None:
        """Committed (to be reached in full) or aspirational (0.7 is a success)."""
        checks.key_result(self.session, kr_id)
        self._change(lambda s: setattr(checks.key_result(s, kr_id), "committed", committed))

    def add_retro_line(self, list_name: str, text: str) -> None:
        _retro_list(self.session, list_name)
        text = checks.required("text", text, "line")
        self._change(lambda s: _retro_list(s, list_name).append(text))

    def remove_retro_line(self, list_name: str, index: int) -> None:
        if not 0 <= index < len(_retro_list(self.session, list_name)):
            raise InvalidInput("index", f"no line {index} in {list_name}")

        def drop(s: Session) -> None:
            lines = _retro_list(s, list_name)
            if 0 <= index < len(lines):
                lines.pop(index)

        self._change(drop)


def _retro_list(session: Session, name: str) -> list[str]:
    if name not in RETRO_LISTS:
        raise InvalidInput("list", f"{name!r} is not a retrospective list", f"one of {RETRO_LISTS}")
    lines: list[str] = getattr(session, name)
    return lines
