"""The objective workbench: type a draft, watch the scores move, accept suggestions, keep versions.

Scoring never runs on the UI thread: every keystroke starts an exclusive thread worker for the
engine's lexical tier, and a pause of DEBOUNCE seconds starts another for the full pass. Results
come back as messages and are shown only if they are still about the text on screen.

Each accepted suggestion, accepted rewrite or explicit save adds a version (with its scores and
the rules that fired); leaving an item with unsaved changes saves them too, so nothing is lost.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static, TextArea, Tree
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode
from textual.worker import get_current_worker

from facilitator.session import KeyResult, Session, Versioned
from facilitator.tui.app import MAX_FIELD_CHARS
from facilitator.tui.i18n import t
from facilitator.tui.screens.base import HIDDEN_NAVIGATION, SessionScreen
from facilitator.tui.undo import UndoHistory
from facilitator.tui.widgets.draft_editor import DraftEditor
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.history import HistoryTable
from facilitator.tui.widgets.score_bars import ScoreBars
from facilitator.tui.widgets.word_diff import word_diff
from facilitator.workshop.accepted import Accepted, can_redo, can_undo
from facilitator.workshop.assessments import (
    KR_FIELDS,
    apply_suggestion,
    can_accept,
    edited_fields,
    kr_fields,
    rule_ids,
    scores_of,
)
from facilitator.workshop.checks import clean
from facilitator.workshop.drafting import working_drafts

DEBOUNCE = 0.3
"""Seconds of pause before the full pass runs."""


@dataclass
class Target:
    """What the editor holds: an objective or a key result, saved (ids set) or new."""

    kind: str  # "objective" | "key_result"
    objective_id: str | None = None
    kr_id: str | None = None

    @property
    def saved(self) -> bool:
        return (self.objective_id if self.kind == "objective" else self.kr_id) is not None


def _draft_key(target: Target) -> str:
    return f"{target.kind}:{target.objective_id or 'new'}:{target.kr_id or 'new'}"


def _ids(target: Target) -> tuple[str, str | None]:
    """The workshop service's name for the item: its objective's id and its own (a key
    result's)."""
    return target.objective_id or "", target.kr_id if target.kind == "key_result" else None


class Assessed(Message):
    """An engine result for `text`, from the lexical tier or the full pass."""

    def __init__(
        self, assessment: Any, text: str, kind: str, started: float, stages: tuple[float, ...] = ()
    ) -> None:
        super().__init__()
        self.assessment = assessment
        self.text = text
        self.kind = kind
        self.started = started
        self.stages = stages
        """perf_counter() when the worker started and when the engine answered."""


class Scored(Message):
    """A wording about to become a version, now scored (off the UI thread)."""

    def __init__(
        self,
        target: Target,
        text: str,
        note: str,
        assessment: Any | None,
        replaces: int | None = None,
    ) -> None:
        super().__init__()
        self.target = target
        self.text = text
        self.note = note
        self.assessment = assessment
        self.replaces = replaces
        """For an accepted change: the version it replaces (what ctrl+z brings back)."""


class WorkbenchScreen(SessionScreen):
    key = "workbench"
    FOOTER_HIDDEN = HIDDEN_NAVIGATION
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
        Binding("ctrl+k", "new_key_result", "wb.bind.new_kr", id="workbench.new_kr"),
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

    def __init__(self) -> None:
        super().__init__()
        self.target = Target("objective")
        self.shown: Any = None
        """The assessment on screen (always about the text on screen, or None)."""
        self._timer: Timer | None = None
        self._auto_fields: dict[str, str] = {}
        self._edited: set[str] = set()
        self._follow: set[str] | None = None
        self._head: tuple[str, str] = ("", "")
        self._cut_view: str | None = None
        """The beginning the editor shows of a stored wording too long for it, else None."""
        self.latencies: dict[str, list[float]] = {"lexical": [], "full": []}
        self._trace = os.environ.get("FACILITATOR_LATENCY_LOG")

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        with Horizontal(id="wb"):
            with Vertical(id="wb-side"):
                yield Label(self.tr("wb.objectives"), classes="section-title", id="items-title")
                yield Tree("", id="items")
                yield Static(self.tr("wb.empty"), id="items-empty")
            with VerticalScroll(id="wb-main"):
                with Horizontal(id="item-head"):
                    yield Label(id="item-title")
                    yield Label(id="item-state")
                yield DraftEditor(id="editor", undo_keys=False)
                with Horizontal(id="scores-row"):
                    yield ScoreBars(id="scores")
                    yield Static(id="rewrite")
                with Vertical(id="kr-fields"):
                    yield Label(self.tr("wb.kr.fields"), classes="subtitle")
                    with Horizontal(id="kr-inputs"):
                        for name in KR_FIELDS:
                            with Vertical(classes="kr-field"):
                                yield Label(self.tr(f"wb.kr.{name}"))
                                yield Input(id=f"kr-{name}", classes="kr-input", compact=True)
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
        if isinstance(remembered, Target) and self._item(remembered) is not None:
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
    def text(self) -> str:
        return clean(self.editor.text).strip()

    # -- the session's items ------------------------------------------------------------------

    def _item(self, target: Target, session: Session | None = None) -> Versioned | None:
        session = session or self.session
        try:
            if target.objective_id is None:
                return None
            objective = session.objective(target.objective_id)
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
        tree: Tree[Target] = self.query_one("#items", Tree)
        tree.show_root = False
        tree.clear()
        select: TreeNode[Target] | None = None
        for i, objective in enumerate(self.session.objectives, start=1):
            node = tree.root.add(
                self._label(f"O{i}", objective), data=Target("objective", objective.id), expand=True
            )
            if self.target.kind == "objective" and self.target.objective_id == objective.id:
                select = node
            for j, kr in enumerate(objective.key_results, start=1):
                leaf = node.add_leaf(
                    self._label(f"KR{i}.{j}", kr), data=Target("key_result", objective.id, kr.id)
                )
                if self.target.kr_id == kr.id:
                    select = leaf
        if select is not None:
            tree.move_cursor(select)
        self.query_one("#items-empty").display = not self.session.objectives

    @staticmethod
    def _label(prefix: str, item: Versioned) -> Text:
        current = item.current
        score = (
            f"{current.scores['overall']:.0f}" if current and "overall" in current.scores else "—"
        )
        star = "★" if item.final is not None else " "
        if getattr(item, "status", "") == "dropped":
            star = "✕"  # dropped by the room, kept for the minutes
        text = item.text
        text = text if len(text) <= 60 else text[:59] + "…"
        return Text(f"{prefix} {star}{score:>3} {text}")  # a Text: Tree reads a str as markup

    def load_target(self, target: Target, *, text: str | None = None) -> None:
        """Show `target` in the editor: its current wording (or `text`), fields and history."""
        self.target = target
        self.fapp.ui_state[("workbench", self.session.id)] = target
        item = self._item(target)
        stored = item.text if item is not None else ""
        # An imported wording can be of any length: whole, it made the editor lag, and the
        # engine reads only its beginning. That beginning stands for it until the room saves.
        cut = len(stored) > MAX_FIELD_CHARS
        self._cut_view = clean(stored[:MAX_FIELD_CHARS]).strip() if cut else None
        if text is None:
            draft = working_drafts(self.session).get(_draft_key(target))
            text = draft or stored[:MAX_FIELD_CHARS]
            if cut and not draft:
                message = self.tr("wb.cut", size=len(stored), max=MAX_FIELD_CHARS)
                self.notify(message, severity="warning", timeout=10)
        self.shown = None
        self.editor.text = text
        self.editor.move_cursor(self.editor.document.end)
        self.editor.set_findings([], None)
        self.findings.show([], self.lang)
        self._load_kr_fields(item if isinstance(item, KeyResult) else None)
        self.query_one("#kr-fields").display = target.kind == "key_result"
        self.editor.placeholder = self.tr(f"wb.placeholder.{target.kind}")
        self.draw_head()
        self.query_one("#history", HistoryTable).show(item, self.lang)
        self.query_one("#scores", ScoreBars).show(None, self._saved_scores(), None, self.lang)
        self.query_one("#rewrite", Static).update("")
        self.assess_now()

    def _saved_scores(self) -> dict[str, float] | None:
        item = self._item(self.target)
        return dict(item.latest.scores) if item is not None and item.latest else None

    def draw_head(self) -> None:
        target = self.target
        item = self._item(target)
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
            self.query_one("#item-state", Label).update(state)

    @property
    def dirty(self) -> bool:
        item = self._item(self.target)
        return self._wording_changed(item) or (item is not None and self._fields_dirty(item))

    def _wording_changed(self, item: Versioned | None) -> bool:
        text = self.text
        if item is None or item.latest is None:
            return bool(text)
        return text not in (item.latest.text, self._cut_view)

    def _fields_dirty(self, item: Versioned) -> bool:
        if not isinstance(item, KeyResult):
            return False
        return any(getattr(item, name) != value for name, value in self._field_values().items())

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
        """Lexical tier at once, full pass after a pause; both off the UI thread.

        `started` is the time of the keystroke that changed the text (0: not a keystroke);
        the time from it to the painted result is recorded in `latencies`.
        """
        engine = self.fapp.engine
        if engine is None:
            return
        text = self.text
        self._assess(text, self.target.kind, "lexical", started)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self._full_pass(text, started))

    def _full_pass(self, text: str, started: float) -> None:
        if text != self.text:
            return
        self._keep_working_draft(text)
        if self.fapp.full_ready(self.draft_lang(text)):
            self._assess(text, self.target.kind, "full", started)
        else:
            self.fapp.ensure_model(self.draft_lang(text))

    # -- the wording being typed survives a kill -------------------------------------------------

    def _keep_working_draft(self, text: str) -> None:
        """Save the wording on screen, at each pause in typing, apart from the versions: if the
        process is killed mid-sentence, reopening the item brings the words back."""
        if self.dirty and self.fapp.workshop is not None:
            self.fapp.workshop.keep_working_draft(_draft_key(self.target), text)

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

    def _assess(self, text: str, kind: str, tier: str, started: float) -> None:
        group = f"assess-{tier}"
        # Read here, on the UI thread: the app may close the session while the worker runs.
        session = self.session
        self.run_worker(
            lambda: self._assess_in_thread(session, text, kind, tier, started),
            thread=True,
            exclusive=True,
            group=group,
            exit_on_error=False,
            name=group,
        )

    def _assess_in_thread(
        self, session: Session, text: str, kind: str, tier: str, started: float
    ) -> None:
        begun = time.perf_counter()
        assessment = self.fapp.engine.assess(
            text,
            kind=kind,
            lang=self.draft_lang(text, session),
            glossary=list(session.glossary),
            tier=tier,
        )
        len(assessment.key_result_proposals)  # worked out here, off the UI thread
        len(getattr(assessment, "alternatives", ()))  # each one is scored: off the UI thread too
        if not get_current_worker().is_cancelled:
            stages = (begun, time.perf_counter())
            self.post_message(Assessed(assessment, text, kind, started, stages))

    def on_assessed(self, message: Assessed) -> None:
        a = message.assessment
        if message.text != self.text or message.kind != self.target.kind:
            return  # typed on since: a newer result is coming
        if (
            self.shown is not None
            and self.shown.text == a.text
            and a.tier == "lexical"
            and self.shown.tier != "lexical"
        ):
            return  # the full pass already answered for this text
        received = time.perf_counter()
        self.shown = a
        self._show(a)
        shown = time.perf_counter()
        tier = "lexical" if a.tier == "lexical" else "full"

        if not message.started:
            return

        def painted() -> None:
            now = time.perf_counter()
            elapsed = (now - message.started) * 1000
            self.latencies[tier].append(elapsed)
            if self._trace:  # key → worker start → engine done → message → widgets → painted
                marks = (message.started, *message.stages, received, shown, now)
                steps = "\t".join(f"{(b - a) * 1000:.2f}" for a, b in pairwise(marks))
                with open(self._trace, "a", encoding="utf-8") as log:
                    log.write(f"{tier}\t{elapsed:.2f}\t{len(message.text)}\t{steps}\n")

        self.call_after_refresh(painted)

    def _show(self, a: Any) -> None:
        scores = scores_of(a) if a.text.strip() else None
        self.query_one("#scores", ScoreBars).show(scores, self._saved_scores(), a.tier, self.lang)
        self.findings.show(a.findings, self.lang)
        self._highlight()
        self.query_one("#rewrite", Static).update(self._rewrite_text(a), layout=False)
        if self.target.kind == "key_result":
            self._autofill(a.parts)
        self._show_proposals(a)

    def _rewrite_text(self, a: Any) -> Text | str:
        """The best alternative as a difference from the draft, what it changed, the questions
        to settle before accepting it, and the other wordings with their scores."""
        found = list(getattr(a, "alternatives", ()))
        best = found[0] if found else a.rewrite
        if best is None:
            return ""
        overall = self.tr("wb.score.overall")
        line = Text()
        line.append(self.tr("wb.rewrite") + " (ctrl+r)\n", style="bold")
        line.append_text(word_diff(a.text, best.text))
        line.append(f"\n{overall} {a.scores.overall} → {best.scores.overall}", style="dim")
        if getattr(best, "changed", ""):
            line.append(f" · {best.changed}", style="dim")
        for question in best.questions:
            line.append(f"\n? {question}", style="yellow")
        for other in found[1:]:
            line.append(f"\n· {other.text} ({overall} {other.scores.overall})", style="dim")
        return line

    def _highlight(self) -> None:
        a = self.shown
        if a is None:
            self.editor.set_findings([], None)
            return
        spans = [(f.start, f.end, f.level) for f in a.findings]
        # A finding about the whole draft (too long, no "why" …) is not underlined: the list
        # says it; underlining everything would hide the findings about words.
        whole = max(1, len(a.text.strip()))
        spans = [
            (start, end, level) if end - start < 0.9 * whole else (start, start, level)
            for start, end, level in spans
        ]
        self.editor.set_findings(spans, self.findings.highlighted if a.findings else None)

    def on_option_list_option_highlighted(self, event: Any) -> None:
        if event.option_list is self.findings:
            self._highlight()

    def on_option_list_option_selected(self, event: Any) -> None:
        if event.option_list is self.findings:
            event.stop()
            self.action_accept()

    def _engine_changed(self, _: int) -> None:
        self.assess_now()

    # -- key-result fields ----------------------------------------------------------------------

    def _load_kr_fields(self, kr: KeyResult | None) -> None:
        self._edited = edited_fields(kr) if kr is not None else set()
        self._follow = None
        self._auto_fields = {}
        names = [p.name for p in self.session.participants if p.name]
        for name in KR_FIELDS:
            field = self.query_one(f"#kr-{name}", Input)
            value = getattr(kr, name) if kr is not None else ""
            if name == "owner":
                value = self._owner_name(value)
                field.suggester = SuggestFromList(names, case_sensitive=False)
            self._auto_fields[name] = value
            field.value = value

    def _autofill(self, parts: dict[str, Any]) -> None:
        """Fields follow the engine's extraction unless the room corrected them.

        On the first result for an item, a saved value that differs from the extraction counts
        as a correction and is kept; an empty one, or one equal to the extraction, follows.
        """
        extracted = kr_fields(parts)
        if self._follow is None:
            current = {n: self.query_one(f"#kr-{n}", Input).value for n in extracted}
            self._follow = {
                n
                for n, value in extracted.items()
                if n not in self._edited and (not current[n] or current[n] == value)
            }
        for name in self._follow:
            value = extracted[name]
            field = self.query_one(f"#kr-{name}", Input)
            if field.value != value:
                self._auto_fields[name] = value
                field.value = value

    def _owner_name(self, owner: str) -> str:
        """Owners are stored as participant ids when they name a participant."""
        for person in self.session.participants:
            if person.id == owner:
                return person.name
        return owner

    def _owner_value(self, text: str) -> str:
        folded = text.casefold()
        for person in self.session.participants:
            if person.name.casefold() == folded:
                return person.id
        return text

    def _field_values(self) -> dict[str, str]:
        values = {
            name: clean(self.query_one(f"#kr-{name}", Input).value).strip() for name in KR_FIELDS
        }
        values["owner"] = self._owner_value(values["owner"])
        return values

    def on_input_changed(self, event: Input.Changed) -> None:
        field = event.input
        if not field.has_class("kr-input") or field.id is None:
            return
        name = field.id.removeprefix("kr-")
        if event.value != self._auto_fields.get(name) and field.has_focus:
            self._edited.add(name)
            if self._follow is not None:
                self._follow.discard(name)
        self.draw_head()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.has_class("kr-input"):
            event.stop()
            self.save_fields()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.has_class("kr-input"):
            self.save_fields()

    def save_fields(self) -> None:
        """Save the room's corrections of an existing key result's fields."""
        target = self.target
        item = self._item(target)
        if not isinstance(item, KeyResult) or not self._fields_dirty(item):
            return
        values = self._field_values()
        edited = sorted(self._edited)
        oid, kid = target.objective_id or "", target.kr_id or ""
        self.fapp.act(lambda w: w.correct_key_result(oid, kid, values, edited))
        self.draw_head()

    # -- versions -------------------------------------------------------------------------------

    def action_save(self) -> None:
        text = self.text
        if not text:
            self.notify(self.tr("wb.empty_draft"), timeout=2)
            return
        item = self._item(self.target)
        if item is not None and item.latest is not None and not self._wording_changed(item):
            if self._fields_dirty(item):
                self.save_fields()
            self.notify(self.tr("wb.nochange", n=item.latest.n), timeout=2)
            return
        self.save_version(text, self.note_text("note.saved"))

    def on_draft_editor_submitted(self, event: DraftEditor.Submitted) -> None:
        event.stop()
        self.action_save()

    def save_version(self, text: str, note: str, replaces: int | None = None) -> None:
        """Score `text` with the best tier available (off the UI thread), then save it.

        `replaces`: the wording comes from an accepted change that replaces that version."""
        target = Target(self.target.kind, self.target.objective_id, self.target.kr_id)
        if self.fapp.engine is None:  # still starting: save the wording, unscored
            self.commit(target, text, note, None, replaces)
            return
        shown = self.shown
        lang = self.draft_lang(text)
        best = "full" if self.fapp.full_ready(lang) else "lexical"
        if (
            shown is not None
            and shown.text == text
            and (shown.tier != "lexical" or best == "lexical")
        ):
            self.commit(target, text, note, shown, replaces)
            return
        session = self.session

        def score() -> None:
            try:
                a = self.fapp.engine.assess(
                    text,
                    kind=target.kind,
                    lang=lang,
                    glossary=list(session.glossary),
                    tier=best,
                )
            except Exception:
                # The wording is saved even if the engine cannot score it; the error is reported.
                self.post_message(Scored(target, text, note, None, replaces))
                raise
            self.post_message(Scored(target, text, note, a, replaces))

        self.run_worker(score, thread=True, group="save", exit_on_error=False, name="save")

    def on_scored(self, message: Scored) -> None:
        self.commit(
            message.target, message.text, message.note, message.assessment, message.replaces
        )

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
        fields = self._field_values() if target.kind == "key_result" else {}
        edited = sorted(self._edited)
        # The wording is a version now: its working draft, kept under the key the item had while
        # typed ("new" for a new one), is no longer needed.
        settled = [_draft_key(target)]
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
        item = self._item(target)
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
                self.undo_history.record(_draft_key(target), accepted)
        if self.target.kind == target.kind and self.target.objective_id in (None, oid):
            self.target = target
            self.fapp.ui_state[("workbench", self.session.id)] = target
        self.fill_tree()
        self.draw_head()
        self.query_one("#history", HistoryTable).show(self._item(self.target), self.lang)
        if self.shown is not None:
            self._show(self.shown)
        if ok and item is not None and item.latest is not None:
            self.notify(self.tr("wb.saved", n=item.latest.n), timeout=2)
        return ok

    def _commit_now(self, note: str) -> bool:
        """Save the text on screen at once (leaving the item, quitting): nothing is lost."""
        text = self.text
        if not text or not self.dirty:
            return False
        item = self._item(self.target)
        if item is not None and item.latest is not None and not self._wording_changed(item):
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

    def flush(self) -> None:
        if self.fapp.session is None or not self.is_mounted:
            return
        if self._cut_view is not None:
            # Leaving would save the beginning shown for the whole wording: what was typed is
            # kept apart instead, and becomes a version only when the room saves it.
            self._keep_working_draft(self.text)
            return
        self._commit_now(self.note_text("note.autosaved"))

    # -- accepting the coach's proposals --------------------------------------------------------

    def _current_assessment(self) -> Any | None:
        a = self.shown
        return a if a is not None and a.text == self.text else None

    def action_accept(self) -> None:
        a = self._current_assessment()
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
        note = self.note_text("note.accepted", rule=finding.rule, old=finding.text, new=suggestion)
        self._apply_new_wording(new, note)

    def action_rewrite(self) -> None:
        a = self._current_assessment()
        found = list(getattr(a, "alternatives", ())) if a is not None else []
        best = found[0] if found else (a.rewrite if a is not None else None)
        if a is None or best is None:
            self.notify(self.tr("wb.no_rewrite"), timeout=2)
            return
        # The version's note says why it changed: the rules the safe edits resolved, or the
        # strategy of the alternative; the questions stay on screen for the room to settle.
        plain = a.rewrite is not None and best.text == a.rewrite.text
        why = ", ".join(a.rewrite.resolved) if plain else best.strategy
        self._apply_new_wording(best.text, self.note_text("note.rewrite", rules=why))
        if best.questions:
            self.notify("\n".join(best.questions), title=self.tr("wb.rewrite.ask"), timeout=10)

    def _apply_new_wording(self, new: str, note: str) -> None:
        # The wording the room had becomes a version first, so the history shows the gain.
        if self.dirty:
            self._commit_now(self.note_text("note.saved"))
        item = self._item(self.target)
        replaces = item.latest.n if item is not None and item.latest is not None else None
        self.editor.text = new
        self.editor.move_cursor(self.editor.document.end)
        self.save_version(clean(new).strip(), note, replaces)

    # -- undo and redo of the accepted changes --------------------------------------------------

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
        self._undo_or_redo(undoing=True)

    def action_redo_change(self) -> None:
        if self.editor.has_focus and self.editor.history.redo_stack:
            self.editor.redo()
            return
        self._undo_or_redo(undoing=False)

    def _undo_or_redo(self, *, undoing: bool) -> None:
        target = Target(self.target.kind, self.target.objective_id, self.target.kr_id)
        stacks = self.undo_history.stacks(_draft_key(target))
        if undoing:
            source, dest, done = stacks.done, stacks.undone, "undone"
            possible = can_undo
        else:
            source, dest, done = stacks.undone, stacks.done, "redone"
            possible = can_redo
        word = "undo" if undoing else "redo"
        if not source:
            self.notify(self.tr(f"wb.{word}.nothing"), timeout=3)
            return
        change = source[-1]
        if self.dirty or not possible(self.session, self._item(target), change):
            # Worded, saved or restored since: the change is no longer the last one.
            self.notify(self.tr(f"wb.{word}.stale"), severity="warning", timeout=6)
            return
        note = self.note_text(f"note.{done}", note=change.note)
        oid, kid = _ids(target)
        if undoing:
            self.fapp.act(lambda w: w.undo_accepted(oid, kid, change, note))
        else:
            self.fapp.act(lambda w: w.redo_accepted(oid, kid, change, note))
        # A failed write stays applied on screen (and is written at the next save): the
        # stacks follow what the session shows.
        if not possible(self.session, self._item(target), change):
            source.pop()
            dest.append(change)
            if change.kind == "proposal":
                self.notify(self.tr(f"wb.{done}.proposal", text=change.after_text), timeout=4)
            else:
                self.notify(self.tr(f"wb.{done}", note=change.note), timeout=4)
        self._after_history_change(reload_text=change.kind == "wording")

    def action_final(self) -> None:
        if self.dirty:
            self._commit_now(self.note_text("note.saved"))
        item = self._item(self.target)
        if item is None or item.latest is None:
            self.notify(self.tr("wb.empty_draft"), timeout=2)
            return
        self._mark_final(item.latest.n)

    def _mark_final(self, n: int) -> None:
        oid, kid = _ids(self.target)
        if self.fapp.act(lambda w: w.mark_final(oid, kid, n)):
            self.notify(self.tr("wb.marked_final", n=n), timeout=2)
        self._after_history_change()

    def on_history_table_mark_final(self, message: HistoryTable.MarkFinal) -> None:
        message.stop()
        self._mark_final(message.n)

    def on_history_table_restore(self, message: HistoryTable.Restore) -> None:
        message.stop()
        target = self.target
        if self.dirty:
            self._commit_now(self.note_text("note.saved"))
        note, n = self.note_text("note.restored", n=message.n), message.n
        oid, kid = _ids(target)
        if self.fapp.act(lambda w: w.restore_version(oid, kid, n, note)):
            item = self._item(target)
            if item is not None and item.latest is not None:
                self.notify(self.tr("wb.restored", n=message.n, m=item.latest.n), timeout=3)
        self._after_history_change(reload_text=True)

    def _after_history_change(self, reload_text: bool = False) -> None:
        self.fill_tree()
        if reload_text:
            self.load_target(self.target)
        else:
            self.draw_head()
            self.query_one("#history", HistoryTable).show(self._item(self.target), self.lang)

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
        self.load_target(Target(target.kind, target.objective_id, target.kr_id))
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
            ("cmd.workbench.undo", lambda: self._undo_or_redo(undoing=True)),
            ("cmd.workbench.redo", lambda: self._undo_or_redo(undoing=False)),
        ]

    # -- key results the coach proposes ---------------------------------------------------------

    def _show_proposals(self, a: Any) -> None:
        """The coach's key results for the objective on screen (none for a key result)."""
        found = getattr(a, "key_result_proposals", None) or []
        proposals = list(found) if self.target.kind == "objective" else []
        self.query_one("#proposals", ProposalList).show(proposals, self.lang)
        self.query_one("#proposals-box").display = bool(proposals)

    def on_proposal_list_chosen(self, message: ProposalList.Chosen) -> None:
        message.stop()
        self.action_add_proposal()

    def action_add_proposal(self) -> None:
        """Add the highlighted proposal as a new key result of the objective on screen: scored
        off the UI thread like any version, its version 1 noted with the coach's reason."""
        a = self._current_assessment()
        proposal = self.query_one("#proposals", ProposalList).selected
        if (
            self.target.kind != "objective"
            or a is None
            or proposal is None
            or proposal not in (getattr(a, "key_result_proposals", None) or [])
        ):
            self.notify(self.tr("wb.no_proposal"), timeout=3)
            return
        if self.dirty:  # the objective as worded becomes a version: the key result needs it
            self._commit_now(self.note_text("note.saved"))
        oid = self.target.objective_id
        if oid is None:
            self.notify(self.tr("wb.need_objective"), timeout=3)
            return
        text = clean(proposal.text).strip()
        kind = self.note_text(f"wb.kind.{proposal.kind}")
        note = self.note_text("note.proposal", kind=kind, why=clean(proposal.why).strip())
        engine = self.fapp.engine
        if engine is None:
            self._add_key_result(ProposalScored(oid, text, note, None))
            return
        lang = self.draft_lang(text)
        tier = "full" if self.fapp.full_ready(lang) else "lexical"
        glossary = list(self.session.glossary)

        def score() -> None:
            try:
                scored = engine.assess(
                    text, kind="key_result", lang=lang, glossary=glossary, tier=tier
                )
            except Exception:  # the key result is added even if the engine cannot score it
                self.post_message(ProposalScored(oid, text, note, None))
                raise
            self.post_message(ProposalScored(oid, text, note, scored))

        self.run_worker(score, thread=True, group="save", exit_on_error=False, name="proposal")

    def on_proposal_scored(self, message: ProposalScored) -> None:
        self._add_key_result(message)

    def _add_key_result(self, message: ProposalScored) -> None:
        a = message.assessment
        scores = scores_of(a) if a is not None else {}
        findings = rule_ids(a.findings) if a is not None else []
        done = self.fapp.act(
            lambda w: w.add_key_result(
                message.objective_id,
                message.text,
                scores=scores,
                findings=findings,
                note=message.note,
            )
        )
        kid = done.value
        if done:
            objective = self.session.objective(message.objective_id)
            added = next((i for i, k in enumerate(objective.key_results) if k.id == kid), None)
            if added is not None:
                accepted = Accepted(
                    "proposal",
                    message.note,
                    after_text=message.text,
                    objective_id=message.objective_id,
                    key_result=objective.key_results[added].to_dict(),
                    index=added,
                )
                self.undo_history.record(
                    _draft_key(Target("objective", message.objective_id)), accepted
                )
            self.fill_tree()
            self.notify(self.tr("wb.proposal_added", text=message.text), timeout=3)


class ProposalScored(Message):
    """A proposed key result, scored off the UI thread, to add to its objective."""

    def __init__(self, objective_id: str, text: str, note: str, assessment: Any | None) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.text = text
        self.note = note
        self.assessment = assessment


class ProposalBox(Vertical):
    """The title and the list of proposed key results, hidden until there are some."""

    DEFAULT_CSS = """
    ProposalBox {
        height: auto;
        display: none;
    }
    ProposalBox ProposalList {
        height: auto;
        max-height: 10;
    }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="section-title")
        yield ProposalList(id="proposals")


class ProposalList(OptionList):
    """The key results the coach proposes for the objective on screen: an outcome, a leading
    indicator, a counter-measure. The highlighted one is the one ctrl+o (or enter) adds."""

    class Chosen(Message):
        """Enter on a proposal: add it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.proposals: list[Any] = []
        self._key: tuple[str, ...] = ()

    def show(self, proposals: list[Any], lang: str) -> None:
        key = (lang, *(p.text for p in proposals))
        if key == self._key:
            return
        self._key = key
        self.proposals = list(proposals)
        self.clear_options()
        # Text, never markup: the objective's own words are in the proposals.
        self.add_options([Option(_proposal_prompt(p, lang)) for p in proposals])
        if proposals:
            self.highlighted = 0

    @property
    def selected(self) -> Any | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.proposals):
            return None
        return self.proposals[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen())


def _proposal_prompt(proposal: Any, lang: str) -> Text:
    text = Text()
    text.append("＋ ", style="bold green")
    text.append(proposal.text)
    text.append(f"\n   {t(lang, f'wb.kind.{proposal.kind}')} · {proposal.why}", style="dim")
    return text
