"""The room's ideas: the brainstorm's proposals, their clustering into one wording, and the
objectives drafted from them."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.room import brainstorm
from facilitator.session import Session, new_id
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput


class IdeaOperations(SessionChanges):
    def add_proposal(self, text: str, author: str | None = None) -> str:
        """A proposal, credited to participant `author` (None: anonymous); returns its id."""
        text = checks.required("text", text, "proposal")
        if author is not None:
            checks.participant(self.session, author)
        pid = new_id()
        return self._change_giving(pid, lambda s: s.add_proposal(text, author, proposal_id=pid))

    def edit_proposal(self, proposal_id: str, text: str, author: str | None = None) -> None:
        """Correct a proposal's wording (and credit it to `author`, when given)."""
        checks.proposal(self.session, proposal_id)
        text = checks.required("text", text, "proposal")
        if author is not None:
            checks.participant(self.session, author)

        def update(s: Session) -> None:
            proposal = checks.proposal(s, proposal_id)
            proposal.text = text
            if author is not None:
                proposal.author = author

        self._change(update)

    def drop_proposal(self, proposal_id: str) -> None:
        """Set a proposal aside (kept for the minutes)."""
        checks.proposal(self.session, proposal_id)
        self._change(lambda s: setattr(checks.proposal(s, proposal_id), "status", "dropped"))

    def restore_proposal(self, proposal_id: str) -> None:
        """Bring a dropped proposal back."""
        if checks.proposal(self.session, proposal_id).status != "dropped":
            raise InvalidInput("proposal", "is not dropped", "only a dropped proposal comes back")
        self._change(lambda s: setattr(checks.proposal(s, proposal_id), "status", "open"))

    def merge_proposals(self, proposal_ids: Sequence[str], text: str) -> str:
        """Merge proposals into a new one worded `text` (the sources stay, marked merged);
        returns the new proposal's id."""
        ids = list(dict.fromkeys(proposal_ids))
        if len(ids) < 2:
            raise InvalidInput("proposal_ids", "fewer than two proposals", "mark two or more")
        for pid in ids:
            checks.proposal(self.session, pid)
        text, merged_id = checks.required("text", text, "merged wording"), new_id()
        return self._change_giving(
            merged_id, lambda s: s.merge_proposals(ids, text, merged_id=merged_id)
        )

    def keep_apart(self, proposal_id: str, others: Sequence[str]) -> None:
        """The room says these proposals differ from `proposal_id`: never group them again."""
        for pid in (proposal_id, *others):
            checks.proposal(self.session, pid)

        def separate(s: Session) -> None:
            for other in others:
                brainstorm.keep_apart(s, [proposal_id, other])

        self._change(separate)

    def promote_proposals(self, proposal_ids: Sequence[str], note: str = "brainstorm") -> list[str]:
        """Draft an objective from each proposal (one already promoted is skipped); returns the
        new objectives' ids."""
        for pid in proposal_ids:
            checks.proposal(self.session, pid)
        pairs = [(pid, new_id()) for pid in dict.fromkeys(proposal_ids)]
        return self._change(lambda s: [o.id for o in brainstorm.promote(s, pairs, note)])
