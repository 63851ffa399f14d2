"""Accepting the coach's split of a draft that holds two ideas: the first part becomes the
item's new version, each other part a new item beside it (an objective, or a key result of the
same objective), scored off the UI thread like any version. The notes say where each came from,
so the minutes can tell the room's split from a new idea."""

from __future__ import annotations

from typing import Any

from facilitator.tui.workbench.proposals import CoachProposals
from facilitator.workshop.assessments import kr_fields, rule_ids, scores_of


class SplitAcceptance(CoachProposals):
    """ctrl+r, alt+r, alt+t, alt+y on a split: the parts become items."""

    def accept_alternative(self, draft: Any, best: Any) -> None:
        if not getattr(best, "parts", None):
            super().accept_alternative(draft, best)
            return
        parts = [text for text, _ in best.parts]
        target = self.target.copy()
        oid = target.objective_id
        if target.kind == "key_result" and oid is None:
            self.notify(self.tr("wb.need_objective"), timeout=3)
            return
        self.apply_new_wording(parts[0], self.note_text("note.split", count=len(parts)))
        self.show_new_wording()
        note = self.note_text("note.split_from", text=draft.text)
        for text in parts[1:]:

            def add(a: Any, text: str = text) -> None:
                scores = scores_of(a) if a is not None else {}
                findings = rule_ids(a.findings) if a is not None else []
                if target.kind == "objective":
                    self.fapp.act(
                        lambda w: w.save_objective(
                            None, text, scores=scores, findings=findings, note=note
                        )
                    )
                else:
                    assert oid is not None
                    fields = kr_fields(a.parts) if a is not None else None
                    self.fapp.act(
                        lambda w: w.add_key_result(
                            oid, text, scores=scores, findings=findings, note=note, fields=fields
                        )
                    )
                self.fill_tree()

            self.score_then(text, target.kind, add, "split")
        self.notify(self.tr("wb.split_done", count=len(parts)), timeout=4)
