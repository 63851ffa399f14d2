"""The key results the coach proposes for the objective on screen (an outcome, a leading
indicator, a counter-measure): the highlighted one becomes a key result with ctrl+o or enter,
scored off the UI thread like any version, its version 1 noted with the coach's reason."""

from __future__ import annotations

from typing import Any

from facilitator.tui.workbench.proposal_list import KIND_KEYS, ProposalList
from facilitator.tui.workbench.target import Target, draft_key
from facilitator.tui.workbench.versions import VersionSaving
from facilitator.workshop.accepted import Accepted
from facilitator.workshop.assessments import kr_fields, rule_ids, scores_of
from facilitator.workshop.checks import clean


class CoachProposals(VersionSaving):
    """The proposals' list under the objective on screen, and adding one."""

    def show_proposals(self, a: Any) -> None:
        """The coach's key results for the objective on screen (none for a key result)."""
        found = getattr(a, "key_result_proposals", None) or []
        proposals = list(found) if self.target.kind == "objective" else []
        self.query_one("#proposals", ProposalList).show(proposals, self.lang)
        self.query_one("#proposals-box").display = bool(proposals)

    def on_proposal_list_chosen(self, message: ProposalList.Chosen) -> None:
        message.stop()
        self.action_add_proposal()

    def action_add_proposal(self) -> None:
        """Add the highlighted proposal as a new key result of the objective on screen."""
        a = self.current_assessment()
        proposal = self.query_one("#proposals", ProposalList).selected
        if (
            self.target.kind != "objective"
            or a is None
            or proposal is None
            or proposal not in (getattr(a, "key_result_proposals", None) or [])
        ):
            self.notify(self.tr("wb.no_proposal"), timeout=3)
            return
        self.commit_if_dirty()  # the objective as worded becomes a version: the KR needs it
        oid = self.target.objective_id
        if oid is None:
            self.notify(self.tr("wb.need_objective"), timeout=3)
            return
        text = clean(proposal.text).strip()
        kind = self.note_text(KIND_KEYS[proposal.kind])
        note = self.note_text("note.proposal", kind=kind, why=clean(proposal.why).strip())

        def add(scored: Any) -> None:
            self._add_key_result(oid, text, note, scored)

        self.score_then(text, "key_result", add, "proposal")

    def _add_key_result(self, oid: str, text: str, note: str, a: Any | None) -> None:
        scores = scores_of(a) if a is not None else {}
        findings = rule_ids(a.findings) if a is not None else []
        fields = kr_fields(a.parts) if a is not None else None
        done = self.fapp.act(
            lambda w: w.add_key_result(
                oid, text, scores=scores, findings=findings, note=note, fields=fields
            )
        )
        kid = done.value
        if done:
            objective = self.session.objective(oid)
            added = next((i for i, k in enumerate(objective.key_results) if k.id == kid), None)
            if added is not None:
                accepted = Accepted(
                    "proposal",
                    note,
                    after_text=text,
                    objective_id=oid,
                    key_result=objective.key_results[added].to_dict(),
                    index=added,
                )
                self.undo_history.record(draft_key(Target("objective", oid)), accepted)
            self.fill_tree()
            self.notify(self.tr("wb.proposal_added", text=text), timeout=3)
