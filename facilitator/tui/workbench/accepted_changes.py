"""The workbench's accepted changes undone and redone: ctrl+z and ctrl+y undo the typing first
(in the editor), then the suggestions, rewrites and proposals accepted here (`tui/undo.py` keeps
the stacks, the workshop service applies the change)."""

from __future__ import annotations

from facilitator.tui.undo import UndoHistory
from facilitator.tui.workbench.editing import ItemEditing
from facilitator.tui.workbench.target import draft_key, service_ids
from facilitator.workshop.accepted import can_redo, can_undo


class AcceptedChanges(ItemEditing):
    """Undo and redo of what the workbench accepted, item by item."""

    @property
    def undo_history(self) -> UndoHistory:
        """The accepted changes of this session's items (kept while the app runs)."""
        history = self.fapp.ui_state.setdefault(("workbench-undo", self.session.id), None)
        if not isinstance(history, UndoHistory):
            history = self.fapp.ui_state[("workbench-undo", self.session.id)] = UndoHistory()
        return history

    def action_undo_change(self) -> None:
        """ctrl+z: the typing first (in the editor), then the last change accepted here."""
        if self.editor.has_focus and self.editor.history.undo_stack:
            self.editor.undo()
            return
        self.undo_or_redo(undoing=True)

    def action_redo_change(self) -> None:
        if self.editor.has_focus and self.editor.history.redo_stack:
            self.editor.redo()
            return
        self.undo_or_redo(undoing=False)

    def undo_or_redo(self, *, undoing: bool) -> None:
        target = self.target.copy()
        stacks = self.undo_history.stacks(draft_key(target))
        if undoing:
            source, dest, possible = stacks.done, stacks.undone, can_undo
        else:
            source, dest, possible = stacks.undone, stacks.done, can_redo
        if not source:
            self.notify(self.tr("wb.undo.nothing" if undoing else "wb.redo.nothing"), timeout=3)
            return
        change = source[-1]
        if self.dirty or not possible(self.session, self.item(target), change):
            # Worded, saved or restored since: the change is no longer the last one.
            stale = "wb.undo.stale" if undoing else "wb.redo.stale"
            self.notify(self.tr(stale), severity="warning", timeout=6)
            return
        note = self.note_text("note.undone" if undoing else "note.redone", note=change.note)
        oid, kid = service_ids(target)
        if undoing:
            self.fapp.act(lambda w: w.undo_accepted(oid, kid, change, note))
        else:
            self.fapp.act(lambda w: w.redo_accepted(oid, kid, change, note))
        # A failed write stays applied on screen (and is written at the next save): the
        # stacks follow what the session shows.
        if not possible(self.session, self.item(target), change):
            source.pop()
            dest.append(change)
            if change.kind == "proposal":
                key = "wb.undone.proposal" if undoing else "wb.redone.proposal"
                self.notify(self.tr(key, text=change.after_text), timeout=4)
            else:
                key = "wb.undone" if undoing else "wb.redone"
                self.notify(self.tr(key, note=change.note), timeout=4)
        self.after_history_change(reload_text=change.kind == "wording")
