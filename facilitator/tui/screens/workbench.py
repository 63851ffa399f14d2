"""The objective workbench: type a draft, watch the scores move, accept suggestions, keep versions.

Scoring never runs on the UI thread: the screen's live assessment (`tui/live_assessment.py`)
runs the engine's lexical tier at each keystroke and the full pass after a pause, in thread
workers, and shows a result only if it is still about the text on screen.

This module lays the screen out and paints an assessment; its concerns live in
`tui/workbench/`, one module each: the item in the editor (`editing`), its versions
(`versions`), the accepted changes undone and redone (`accepted_changes`), and the key results
the coach proposes (`proposals`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Static, Tree

from facilitator.tui.live_assessment import DEBOUNCE as DEBOUNCE  # tests time pauses with it
from facilitator.tui.screens.base import HIDDEN_NAVIGATION
from facilitator.tui.widgets.draft_editor import DraftEditor, finding_spans
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.history import HistoryTable
from facilitator.tui.widgets.score_bars import ScoreBars
from facilitator.tui.workbench.item_tree import ItemTree
from facilitator.tui.workbench.key_result_fields import KeyResultFields
from facilitator.tui.workbench.objective_owner import ObjectiveOwner
from facilitator.tui.workbench.proposal_list import ProposalBox
from facilitator.tui.workbench.rewrite_panel import RewritePanel
from facilitator.tui.workbench.split import SplitAcceptance
from facilitator.tui.workbench.target import Target
from facilitator.workshop.assessments import scores_of

TALL = 50
"""From this many rows the workbench is tall ("-tall"): the editor and the panels grow; below,
"-short" (an 80×24 terminal) keeps each to what the screen holds. Widths use the app's "-narrow"
breakpoint: there the rewrite panel stacks under the scores (workbench.tcss)."""


class WorkbenchScreen(SplitAcceptance):
    key = "workbench"
    FOOTER_HIDDEN = HIDDEN_NAVIGATION
    # Textual types it an instance variable holding a list: a ClassVar would not override it.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "wb.bind.save", id="workbench.save"),
        Binding("ctrl+t", "accept", "wb.bind.accept", id="workbench.accept"),
        Binding("ctrl+r", "rewrite", "wb.bind.rewrite", id="workbench.rewrite"),
        # The editor leaves these keys to the screen: the typing is undone first while there
        # is some (see action_undo_change), then what the workbench accepted.
        Binding("ctrl+z", "undo_change", "wb.bind.undo", id="workbench.undo"),
        Binding("ctrl+y", "redo_change", "wb.bind.redo", id="workbench.redo"),
        Binding("ctrl+f", "final", "wb.bind.final", id="workbench.final"),
        Binding("ctrl+n", "new_objective", "wb.bind.new_objective", id="workbench.new_objective"),
        # Over the key-result fields' own ctrl+k (delete to the end): a key result is added
        # from wherever the cursor is.
        Binding("ctrl+k", "new_key_result", "wb.bind.new_kr", id="workbench.new_kr", priority=True),
        # Shown in the proposals' title rather than the footer, which is full.
        Binding(
            "ctrl+o",
            "add_proposal",
            "wb.bind.add_proposal",
            id="workbench.add_proposal",
            show=False,
        ),
        Binding(
            "ctrl+down",
            "finding(1)",
            "wb.bind.next_finding",
            id="workbench.next_finding",
            show=False,
        ),
        Binding(
            "ctrl+up",
            "finding(-1)",
            "wb.bind.prev_finding",
            id="workbench.prev_finding",
            show=False,
        ),
    ]

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        with Horizontal(id="wb"):
            with Vertical(id="wb-side"):
                yield Label(self.tr("wb.objectives"), classes="section-title", id="items-title")
                yield ItemTree(id="items")
                yield Static(self.tr("wb.empty"), id="items-empty")
            main = VerticalScroll(id="wb-main")
            # Not a stop for Tab: shift+Tab from the editor goes to the objectives' tree, and each
            # panel that takes the focus scrolls itself into view.
            main.can_focus = False
            with main:
                with Horizontal(id="item-head"):
                    yield Label(id="item-title")
                    yield Label(id="item-state")
                yield DraftEditor(id="editor", undo_keys=False)
                with Horizontal(id="scores-row"):
                    yield ScoreBars(id="scores")
                    yield RewritePanel(id="rewrite-box")
                yield KeyResultFields(self.lang, id="kr-fields")
                yield ObjectiveOwner(self.lang, id="objective-owner-row")
                yield Label(self.tr("wb.findings"), classes="section-title", id="findings-title")
                yield FindingsList(id="findings")
                yield ProposalBox(self.tr("wb.proposals"), id="proposals-box")
                yield Label(self.tr("wb.history"), classes="section-title", id="history-title")
                yield HistoryTable(id="history")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "engine_version", self._engine_changed, init=False)
        remembered = self.fapp.ui_state.get(("workbench", self.session.id))
        if isinstance(remembered, Target) and self.item(remembered) is not None:
            self.target = remembered
        elif self.session.objectives:
            self.target = Target("objective", self.session.objectives[0].id)
        self.fill_tree()
        self.load_target(self.target)
        self.editor.focus()

    def language_changed(self) -> None:
        text = self.editor.text
        self.refresh(recompose=True)

        def restore() -> None:
            self._head = ("", "")
            self.fill_tree()
            self.load_target(self.target, text=text)

        self.call_after_refresh(restore)

    def _engine_changed(self, _: int) -> None:
        self.assess_now()

    # -- an assessment on screen ----------------------------------------------------------------

    def show_assessment(self, a: Any) -> None:
        scores = scores_of(a) if a.text.strip() else None
        self.query_one("#scores", ScoreBars).show(scores, self.saved_scores(), a.tier, self.lang)
        self.findings.show(a.findings, self.lang)
        self._highlight()
        self.query_one(RewritePanel).show(a, self.lang)
        if self.target.kind == "key_result":
            self.fields.autofill(a.parts)
        self.show_proposals(a)

    def _highlight(self) -> None:
        a = self.shown
        if a is None:
            self.editor.set_findings([], None)
            return
        spans = finding_spans(a.findings, a.text)
        self.editor.set_findings(spans, self.findings.highlighted if a.findings else None)

    def on_option_list_option_highlighted(self, event: Any) -> None:
        if event.option_list is self.findings:
            self._highlight()

    def on_option_list_option_selected(self, event: Any) -> None:
        if event.option_list is self.findings:
            event.stop()
            self.action_accept()

    def action_finding(self, delta: int) -> None:
        self.findings.move(delta)
        self._highlight()

    # -- new items and navigation ---------------------------------------------------------------

    def action_new_objective(self) -> None:
        self.flush()
        self.load_target(Target("objective"))
        self.fill_tree()
        self.editor.focus()

    def action_new_key_result(self) -> None:
        if self.target.objective_id is None:
            if self.text:
                self.flush()
            if self.target.objective_id is None:
                self.notify(self.tr("wb.need_objective"), timeout=3)
                return
        else:
            self.flush()
        self.load_target(Target("key_result", self.target.objective_id))
        self.editor.focus()

    def on_tree_node_selected(self, event: Tree.NodeSelected[Target]) -> None:
        event.stop()
        target = event.node.data
        if target is None:
            return
        if target == self.target:
            self.editor.focus()
            return
        self.flush()
        self.load_target(target.copy())
        self.fill_tree()
        self.editor.focus()

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.workbench.save", self.action_save),
            ("cmd.workbench.accept", self.action_accept),
            ("cmd.workbench.rewrite", self.action_rewrite),
            ("cmd.workbench.final", self.action_final),
            ("cmd.workbench.new_objective", self.action_new_objective),
            ("cmd.workbench.new_kr", self.action_new_key_result),
            ("cmd.workbench.add_proposal", self.action_add_proposal),
            ("cmd.workbench.undo", lambda: self.undo_or_redo(undoing=True)),
            ("cmd.workbench.redo", lambda: self.undo_or_redo(undoing=False)),
        ]
