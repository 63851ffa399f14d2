"""The workbench's versions: each explicit save, accepted suggestion or accepted rewrite adds a
version with its scores and the rules that fired; leaving an item with unsaved changes saves
them too, so nothing is lost. A wording is scored off the UI thread before it is saved."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType

from facilitator.minutes.history_notes import accepted_note, rewrite_note
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.tui.widgets.history import HistoryTable
from facilitator.tui.workbench.accepted_changes import AcceptedChanges
from facilitator.tui.workbench.rewrite_panel import ALTERNATIVE_KEYS
from facilitator.tui.workbench.target import Target, draft_key, service_ids
from facilitator.workshop.accepted import Accepted
from facilitator.workshop.assessments import apply_suggestion, can_accept, rule_ids, scores_of
from facilitator.workshop.checks import clean


class VersionSaving(AcceptedChanges):
    """Saving, scoring and restoring the versions of the item on screen."""

    # Any of the coach's alternatives in one key (ctrl+r, on the screen, takes the first): the
    # rewrite panel writes these keys beside them. Above the editor, which would type the letter;
    # out of the footer, which is full.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            key, f"rewrite({n})", label, id=f"workbench.rewrite_{n + 1}", show=False, priority=True
        )
        for n, (key, label) in enumerate(
            zip(
                ALTERNATIVE_KEYS,
                ("wb.bind.rewrite_1", "wb.bind.rewrite_2", "wb.bind.rewrite_3"),
                strict=True,
            )
        )
    ]

    def action_save(self) -> None:
        text = self.text
        if not text:
            self.notify(self.tr("wb.empty_draft"), timeout=2)
            return
        item = self.item(self.target)
        if item is not None and item.latest is not None and not self.wording_changed(item):
            if self.fields_dirty(item):
                self.save_fields()
            self.notify(self.tr("wb.nochange", n=item.latest.n), timeout=2)
            return
        self.save_version(text, self.note_text("note.saved"))

    def on_draft_editor_submitted(self, event: DraftEditor.Submitted) -> None:
        event.stop()
        self.action_save()

    def score_then(self, text: str, kind: str, then: Callable[[Any], None], name: str) -> None:
        """Score `text` as a `kind` with the best tier available, off the UI thread, then call
        `then` with the assessment on the UI thread. It gets None while the engine is starting,
        or if the engine fails on the text: what the room worded is kept all the same (and the
        error is reported)."""
        engine = self.fapp.engine
        if engine is None:
            then(None)
            return
        lang = self.draft_lang(text)
        tier = "full" if self.fapp.full_ready(lang) else "lexical"
        glossary = list(self.session.glossary)

        def score() -> None:
            try:
                a = engine.assess(text, kind=kind, lang=lang, glossary=glossary, tier=tier)
            except Exception:
                self.post_message(events.Callback(callback=partial(then, None)))
                raise
            self.post_message(events.Callback(callback=partial(then, a)))

        self.run_worker(score, thread=True, group="save", exit_on_error=False, name=name)

    def save_version(self, text: str, note: str, replaces: int | None = None) -> None:
        """Score `text` with the best tier available (off the UI thread), then save it.

        `replaces`: the wording comes from an accepted change that replaces that version."""
        target = self.target.copy()

        def save(a: Any) -> None:
            self.commit(target, text, note, a, replaces)

        shown = self.shown
        if (
            self.fapp.engine is not None
            and shown is not None
            and shown.text == text
            and (shown.tier != "lexical" or not self.fapp.full_ready(self.draft_lang(text)))
        ):
            save(shown)  # the result on screen is as good as a new one
            return
        self.score_then(text, target.kind, save, "save")

    def commit(
        self,
        target: Target,
        text: str,
        note: str,
        assessment: Any | None,
        replaces: int | None = None,
    ) -> bool:
        """Add `text` as a new version of `target` (creating the item if new); `replaces`: the
        version an accepted change replaces, so that ctrl+z can bring it back."""
        scores = scores_of(assessment) if assessment is not None else {}
        findings = rule_ids(assessment.findings) if assessment is not None else []
        fields: dict[str, str] = {}
        if target.kind == "key_result":
            parts = getattr(assessment, "parts", None)
            participants = self.session.participants
            fields = (
                self.fields.values_for(parts, participants)
                if parts is not None
                else self.field_values()
            )
        edited = sorted(self.fields.edited)
        # The wording is a version now: its working draft, kept under the key the item had while
        # typed ("new" for a new one), is no longer needed.
        settled = [draft_key(target)]
        if target.kind == "objective":
            old = target.objective_id
            done = self.fapp.act(
                lambda w: w.save_objective(
                    old, text, scores=scores, findings=findings, note=note, drafts_done=settled
                )
            )
            target.objective_id = done.value or old
        else:
            kid = target.kr_id
            done = self.fapp.act(
                lambda w: w.save_key_result(
                    target.objective_id or "",
                    kid,
                    text,
                    scores=scores,
                    findings=findings,
                    note=note,
                    fields=fields,
                    edited=edited,
                    drafts_done=settled,
                )
            )
            target.kr_id = done.value or kid
        ok, oid = bool(done), target.objective_id
        item = self.item(target)
        if ok and replaces is not None and item is not None and item.latest is not None:
            before = next((v for v in item.versions if v.n == replaces), None)
            if before is not None:
                accepted = Accepted(
                    "wording",
                    note,
                    before=replaces,
                    after=item.latest.n,
                    before_text=before.text,
                    after_text=item.latest.text,
                )
                self.undo_history.record(draft_key(target), accepted)
        if self.target.kind == target.kind and self.target.objective_id in (None, oid):
            self.remember(target)
        self.fill_tree()
        self.draw_head()
        self.query_one("#history", HistoryTable).show(self.item(self.target), self.lang)
        if self.shown is not None:
            self.show_assessment(self.shown)
        if ok and item is not None and item.latest is not None:
            self.notify(self.tr("wb.saved", n=item.latest.n), timeout=2)
        return ok

    def commit_now(self, note: str) -> bool:
        """Save the text on screen at once (leaving the item, quitting): nothing is lost."""
        text = self.text
        if not text or not self.dirty:
            return False
        item = self.item(self.target)
        if item is not None and item.latest is not None and not self.wording_changed(item):
            self.save_fields()
            return True
        a = self.shown
        if a is None or a.text != text:
            engine = self.fapp.engine
            # A lexical pass costs well under a millisecond: acceptable once, when leaving.
            try:
                a = engine.assess(
                    text,
                    kind=self.target.kind,
                    lang=self.draft_lang(text),
                    glossary=list(self.session.glossary),
                    tier="lexical",
                )
            except Exception:  # the wording matters more than its score
                a = None
        return self.commit(self.target, text, note, a)

    def commit_if_dirty(self) -> None:
        """The wording the room had becomes a version before a change replaces it, so the
        history shows what changed."""
        if self.dirty:
            self.commit_now(self.note_text("note.saved"))

    def flush(self) -> None:
        if self.fapp.session is None or not self.is_mounted:
            return
        if self._cut_view is not None:
            # Leaving would save the beginning shown for the whole wording: what was typed is
            # kept apart instead, and becomes a version only when the room saves it.
            self.keep_working_draft(self.text)
            return
        self.commit_now(self.note_text("note.autosaved"))

    # -- accepting the coach's suggestions ------------------------------------------------------

    def current_assessment(self) -> Any | None:
        """The assessment on screen if it is about the text on screen."""
        a = self.shown
        return a if a is not None and a.text == self.text else None

    def action_accept(self) -> None:
        a = self.current_assessment()
        finding = self.findings.selected_finding if a is not None else None
        if a is None or finding is None:
            self.notify(self.tr("wb.no_finding"), timeout=2)
            return
        if not can_accept(finding):
            self.notify(self.tr("wb.not_acceptable", message=finding.message), timeout=5)
            return
        old = self.text
        new = apply_suggestion(old, finding)
        suggestion = finding.suggestions[0] if finding.suggestions else ""
        note = accepted_note(self.session.lang, finding.rule, finding.text, suggestion)
        self.apply_new_wording(new, note)

    def chosen_alternative(self, index: int) -> tuple[Any, Any] | None:
        """The assessment on screen and its alternative number `index` (the first: the best),
        or the plain rewrite when there is no alternative; None (and the room is told) when
        there is nothing to accept."""
        a = self.current_assessment()
        found = list(getattr(a, "alternatives", ())) if a is not None else []
        if not found and index == 0 and a is not None:
            found = [a.rewrite] if a.rewrite is not None else []
        best = found[index] if a is not None and index < len(found) else None
        if a is None or best is None:
            self.notify(self.tr("wb.no_rewrite"), timeout=2)
            return None
        return a, best

    def action_rewrite(self, index: int = 0) -> None:
        """Accept the coach's alternative number `index` (the first: the best), or the plain
        rewrite when there is no alternative."""
        chosen = self.chosen_alternative(index)
        if chosen is not None:
            self.accept_alternative(*chosen)

    def accept_alternative(self, a: Any, best: Any) -> None:
        """Make `best`, an alternative to assessment `a`'s draft, the item's new version."""
        # The version's note says why it changed: the rules the safe edits resolved, or the
        # strategy of the alternative; the questions stay on screen for the room to settle.
        plain = a.rewrite is not None and best.text == a.rewrite.text
        if plain:
            note = rewrite_note(self.session.lang, a.rewrite.resolved)
        else:
            note = self.note_text("note.rewrite", rules=getattr(best, "changed", ""))
        self.apply_new_wording(best.text, note)
        self.show_new_wording()
        if best.questions:
            self.notify("\n".join(best.questions), title=self.tr("wb.rewrite.ask"), timeout=10)

    def show_new_wording(self) -> None:
        """Back to the new wording, in view, wherever the key was pressed (the rewrite panel, a
        key-result field): at 80×24 the room would not see it otherwise. The editor heads the
        scrolling panel; scrolling it to its top, at once, is what the room sees while the
        panels below change height with the new wording's assessment."""
        self.editor.focus(scroll_visible=False)
        self.query_one("#wb-main").scroll_home(animate=False)

    def apply_new_wording(self, new: str, note: str) -> None:
        self.commit_if_dirty()
        item = self.item(self.target)
        replaces = item.latest.n if item is not None and item.latest is not None else None
        self.editor.text = new
        self.editor.move_cursor(self.editor.document.end)
        self.save_version(clean(new).strip(), note, replaces)

    # -- the history: final version, restoring one ----------------------------------------------

    def action_final(self) -> None:
        self.commit_if_dirty()
        item = self.item(self.target)
        if item is None or item.latest is None:
            self.notify(self.tr("wb.empty_draft"), timeout=2)
            return
        self._mark_final(item.latest.n)

    def _mark_final(self, n: int) -> None:
        oid, kid = service_ids(self.target)
        if self.fapp.act(lambda w: w.mark_final(oid, kid, n)):
            self.notify(self.tr("wb.marked_final", n=n), timeout=2)
        self.after_history_change()

    def on_history_table_mark_final(self, message: HistoryTable.MarkFinal) -> None:
        message.stop()
        self._mark_final(message.n)

    def on_history_table_restore(self, message: HistoryTable.Restore) -> None:
        message.stop()
        target = self.target
        self.commit_if_dirty()
        note, n = self.note_text("note.restored", n=message.n), message.n
        oid, kid = service_ids(target)
        if self.fapp.act(lambda w: w.restore_version(oid, kid, n, note)):
            item = self.item(target)
            if item is not None and item.latest is not None:
                self.notify(self.tr("wb.restored", n=message.n, m=item.latest.n), timeout=3)
        self.after_history_change(reload_text=True)
