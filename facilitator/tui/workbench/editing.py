"""The workbench's first concern: which item the editor holds, its wording, its fields and its
head line, and the coach reading the wording live (see `tui/live_assessment.py`).

`ItemEditing` is the base of the workbench screen; the modules beside this one add the versions,
the accepted changes and the coach's proposals, and `tui/screens/workbench.py` lays it all out.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.widgets import Input, Label, TextArea

from facilitator.session import KeyResult, Objective, Session, Versioned
from facilitator.tui.app import MAX_FIELD_CHARS
from facilitator.tui.i18n import t
from facilitator.tui.live_assessment import Assessed, Draft, LiveAssessment
from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.history import HistoryTable
from facilitator.tui.widgets.score_bars import ScoreBars
from facilitator.tui.workbench.item_tree import ItemTree
from facilitator.tui.workbench.key_result_fields import KeyResultFields
from facilitator.tui.workbench.objective_owner import ObjectiveOwner
from facilitator.tui.workbench.rewrite_panel import RewritePanel
from facilitator.tui.workbench.target import Target, draft_key
from facilitator.workshop.checks import clean
from facilitator.workshop.drafting import working_drafts

# The catalogue key of the editor's placeholder for each kind of item.
PLACEHOLDER_KEYS = {
    "objective": "wb.placeholder.objective",
    "key_result": "wb.placeholder.key_result",
}


class ItemEditing(SessionScreen):
    """The item in the editor and its live assessment; `show_assessment` paints a result."""

    def __init__(self) -> None:
        super().__init__()
        self.target = Target("objective")
        self._head: tuple[str, str] = ("", "")
        self._cut_view: str | None = None
        """The beginning the editor shows of a stored wording too long for it, else None."""
        self.live = LiveAssessment(
            self,
            "assess",
            on_screen=self._on_screen,
            on_result=self._assessed,
            on_pause=lambda draft: self.keep_working_draft(draft.text),
        )

    def note_text(self, key: str, **values: object) -> str:
        """A version's note, in the session's language: the client's minutes print it."""
        return t(self.session.lang, key, **values)

    @property
    def editor(self) -> DraftEditor:
        return self.query_one("#editor", DraftEditor)

    @property
    def findings(self) -> FindingsList:
        return self.query_one("#findings", FindingsList)

    @property
    def fields(self) -> KeyResultFields:
        return self.query_one("#kr-fields", KeyResultFields)

    @property
    def owner(self) -> ObjectiveOwner:
        return self.query_one("#objective-owner-row", ObjectiveOwner)

    @property
    def text(self) -> str:
        return clean(self.editor.text).strip()

    @property
    def shown(self) -> Any:
        """The assessment on screen (always about the text on screen, or None)."""
        return self.live.shown

    @property
    def latencies(self) -> dict[str, list[float]]:
        """Milliseconds from a keystroke to its result painted, per tier."""
        return self.live.latencies

    # -- the session's items ------------------------------------------------------------------

    def item(self, target: Target) -> Versioned | None:
        """`target`'s objective or key result in the session, or None (new, or gone)."""
        try:
            if target.objective_id is None:
                return None
            objective = self.session.objective(target.objective_id)
            if target.kind == "objective":
                return objective
            return objective.key_result(target.kr_id) if target.kr_id else None
        except KeyError:
            return None

    def _objective_number(self, objective_id: str | None) -> int:
        for i, objective in enumerate(self.session.objectives, start=1):
            if objective.id == objective_id:
                return i
        return len(self.session.objectives) + 1

    def fill_tree(self) -> None:
        self.query_one("#items", ItemTree).fill(self.session, self.target)
        self.query_one("#items-empty").display = not self.session.objectives

    def remember(self, target: Target) -> None:
        """Make `target` the item on screen, and the one the workbench reopens on."""
        self.target = target
        self.fapp.ui_state[("workbench", self.session.id)] = target

    def load_target(self, target: Target, *, text: str | None = None) -> None:
        """Show `target` in the editor: its current wording (or `text`), fields and history."""
        self.remember(target)
        item = self.item(target)
        stored = item.text if item is not None else ""
        # An imported wording can be of any length: whole, it made the editor lag, and the
        # engine reads only its beginning. That beginning stands for it until the room saves.
        cut = len(stored) > MAX_FIELD_CHARS
        self._cut_view = clean(stored[:MAX_FIELD_CHARS]).strip() if cut else None
        if text is None:
            draft = working_drafts(self.session).get(draft_key(target))
            text = draft or stored[:MAX_FIELD_CHARS]
            if cut and not draft:
                message = self.tr("wb.cut", size=len(stored), max=MAX_FIELD_CHARS)
                self.notify(message, severity="warning", timeout=10)
        self.live.clear()
        self.editor.text = text
        self.editor.move_cursor(self.editor.document.end)
        self.editor.set_findings([], None)
        self.findings.show([], self.lang)
        participants = self.session.participants
        self.fields.load(item if isinstance(item, KeyResult) else None, participants)
        self.fields.display = target.kind == "key_result"
        self.owner.load(item if isinstance(item, Objective) else None, participants)
        self.owner.display = target.kind == "objective" and isinstance(item, Objective)
        self.editor.placeholder = self.tr(PLACEHOLDER_KEYS[target.kind])
        self.draw_head()
        self.query_one("#history", HistoryTable).show(item, self.lang)
        self.query_one("#scores", ScoreBars).show(None, self.saved_scores(), None, self.lang)
        self.query_one(RewritePanel).show(None, self.lang)
        self.assess_now()

    def saved_scores(self) -> dict[str, float] | None:
        item = self.item(self.target)
        return dict(item.latest.scores) if item is not None and item.latest else None

    def draw_head(self) -> None:
        target = self.target
        item = self.item(target)
        number = self._objective_number(target.objective_id)
        if target.kind == "objective":
            title = self.tr("wb.objective", n=number) if item else self.tr("wb.new_objective")
        elif item is not None:
            objective = self.session.objective(target.objective_id or "")
            index = next(
                i for i, kr in enumerate(objective.key_results, 1) if kr.id == target.kr_id
            )
            title = self.tr("wb.key_result", o=number, n=index)
        else:
            title = self.tr("wb.new_key_result", o=number)
        parts = [title]
        if item is not None and item.latest is not None:
            parts.append(self.tr("wb.version", n=item.latest.n))
            if item.final is not None:
                parts.append(self.tr("wb.final") + f" (v{item.final.n})")
        head = "  ·  ".join(parts)
        state = self.tr("wb.unsaved") if self.dirty else ""
        if (head, state) != self._head:  # once per change, not once per keystroke
            self._head = (head, state)
            self.query_one("#item-title", Label).update(head)
            shown = self.query_one("#item-state", Label)
            shown.update(state)
            shown.display = bool(state)  # no empty line under the title when they are stacked

    def after_history_change(self, reload_text: bool = False) -> None:
        """Redraw after the item's versions changed (`reload_text`: its wording too)."""
        self.fill_tree()
        if reload_text:
            self.load_target(self.target)
        else:
            self.draw_head()
            self.query_one("#history", HistoryTable).show(self.item(self.target), self.lang)

    @property
    def dirty(self) -> bool:
        item = self.item(self.target)
        return self.wording_changed(item) or (item is not None and self.fields_dirty(item))

    def wording_changed(self, item: Versioned | None) -> bool:
        text = self.text
        if item is None or item.latest is None:
            return bool(text)
        return text not in (item.latest.text, self._cut_view)

    def fields_dirty(self, item: Versioned) -> bool:
        return isinstance(item, KeyResult) and self.fields.differ(item, self.session.participants)

    def field_values(self) -> dict[str, str]:
        return self.fields.values(self.session.participants)

    # -- live assessment ------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is not self.editor:
            return
        raw = self.editor.text
        cleaned = clean(raw)
        if cleaned != raw:  # pasted line breaks or no-break spaces
            self.editor.text = cleaned
            self.editor.move_cursor(self.editor.document.end)
            return
        self.draw_head()
        self.assess_now(self.editor.key_time())

    def assess_now(self, started: float = 0.0) -> None:
        """Coach the text on screen: lexical tier at once, full pass after a pause.

        `started` is the time of the keystroke that changed the text (0: not a keystroke);
        the time from it to the painted result is recorded in `latencies`.
        """
        text, kind = self.text, self.target.kind
        engine, session = self.fapp.engine, self.session  # read here: a worker reads no screen

        def score(tier: str) -> Any:
            lang = self.draft_lang(text, session)
            a = engine.assess(
                text, kind=kind, lang=lang, glossary=list(session.glossary), tier=tier
            )
            len(a.key_result_proposals)  # worked out here, off the UI thread
            len(getattr(a, "alternatives", ()))  # each one is scored: off the UI thread too
            return a

        def lang() -> str:  # asked at the pause only: detecting a language has a cost
            return self.draft_lang(text)

        self.live.changed(Draft(text, kind, score, lang, started))

    def _on_screen(self) -> tuple[str, Hashable]:
        return self.text, self.target.kind

    def _assessed(self, result: Assessed) -> None:
        self.show_assessment(result.assessment)

    def show_assessment(self, a: Any) -> None:
        """Paint assessment `a` of the text on screen (the screen lays it out)."""
        raise NotImplementedError

    def draft_lang(self, text: str, session: Session | None = None) -> str:
        """The language the draft is written in: the session's, unless a draft of three words
        or more is clearly in the other one (a French session switched to English keeps its
        French drafts assessed in French). A worker passes the `session` it was given."""
        lang = (session or self.session).lang
        detect = getattr(self.fapp.engine, "detect_lang", None)
        if detect is not None and len(text.split()) >= 3:
            try:
                detected = detect(text)
            except Exception:
                return lang
            if detected in ("fr", "en"):
                return str(detected)
        return lang

    # -- the wording being typed survives a kill -------------------------------------------------

    def keep_working_draft(self, text: str) -> None:
        """Save the wording on screen, at each pause in typing, apart from the versions: if the
        process is killed mid-sentence, reopening the item brings the words back."""
        if self.dirty and self.fapp.workshop is not None:
            self.fapp.workshop.keep_working_draft(draft_key(self.target), text)

    # -- key-result fields ----------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.has_class("kr-input"):
            self.draw_head()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.has_class("kr-input"):
            event.stop()
            self.save_fields()
        elif event.input.has_class("owner-input"):
            event.stop()
            self.save_owner()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.has_class("kr-input"):
            self.save_fields()
        elif event.input.has_class("owner-input"):
            self.save_owner()

    def save_owner(self) -> None:
        """Save the owner typed for the objective on screen, when it changed."""
        item = self.item(self.target)
        if not isinstance(item, Objective):
            return
        owner = self.owner.value(self.session.participants)
        if owner != item.owner:
            oid = item.id
            self.fapp.act(lambda w: w.set_objective_owner(oid, owner))

    def save_fields(self) -> None:
        """Save the room's corrections of an existing key result's fields."""
        target = self.target
        item = self.item(target)
        if not isinstance(item, KeyResult) or not self.fields_dirty(item):
            return
        values = self.field_values()
        edited = sorted(self.fields.edited)
        oid, kid = target.objective_id or "", target.kr_id or ""
        self.fapp.act(lambda w: w.correct_key_result(oid, kid, values, edited))
        self.draw_head()
