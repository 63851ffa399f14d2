"""The objectives and their life: retain (`r`), drop (`x`), merge into another (`m`), reorder
(`shift+↑/↓`), delete a junk objective (`Suppr`, after a confirmation), undo the last of these
(`u`); `p` proposes the vote's outcome as the retained set; `w` says in whose name decisions
are recorded.

A thin screen over the workshop service's objective operations: each change is tried on a copy
first (a refusal is shown, nothing saved), then saved, and its undo record kept on a stack
shared with the wrap-up (per app and session, for as long as the app runs).

About 520 lines, on purpose: the seven operations go through one try-on-a-copy path and one
undo stack; spread over modules, that path would be copied.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitator.room import objectives as life
from facilitator.room import votes, wrapup
from facilitator.session import Objective, Session
from facilitator.tui.i18n import t
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.widgets.table import Table
from facilitator.workshop import Workshop

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

STATUS_STYLE = {"retained": "bold green", "dropped": "red", "draft": "yellow"}
STATUS_KEYS = {
    "draft": "obj.status.draft",
    "retained": "obj.status.retained",
    "dropped": "obj.status.dropped",
}
"""An objective's status as the screen shows it (a merged one names its target)."""
ACTION_KEYS = {
    "retain": "obj.action.retain",
    "drop": "obj.action.drop",
    "merge": "obj.action.merge",
    "reopen": "obj.action.reopen",
    "move": "obj.action.move",
    "delete": "obj.action.delete",
    "retain_set": "obj.action.retain_set",
}
"""What an undo undid, by the change's action."""

# -- what the objectives screen and the wrap-up share -------------------------------------------

_UNDO: weakref.WeakKeyDictionary[Any, dict[str, list[life.Undo]]] = weakref.WeakKeyDictionary()
_DECIDER: weakref.WeakKeyDictionary[Any, dict[str, str]] = weakref.WeakKeyDictionary()


def undo_stack(app: FacilitatorApp) -> list[life.Undo]:
    session = app.session
    if session is None:
        return []
    return _UNDO.setdefault(app, {}).setdefault(session.id, [])


def decider_choices(session: Session) -> list[tuple[str, str]]:
    """(label, value): the participants together, each participant present, then the
    facilitator when named apart."""
    everyone = t(session.lang, "obj.decider.everyone")
    out = [(everyone, everyone)]
    out += [(p.name or p.id, p.id) for p in session.present_participants()]
    names = {label for label, _ in out}
    if session.facilitator.strip() and session.facilitator not in names:
        out.append((session.facilitator, session.facilitator))
    return out


def decider(app: FacilitatorApp) -> str:
    """In whose name decisions are recorded: the last one chosen, else the participants
    together. A framing workshop's decisions are the committee's, not its facilitator's: the
    minutes say "Retenu par les participants" unless someone is named."""
    session = app.session
    if session is None:
        return ""
    chosen = _DECIDER.get(app, {}).get(session.id)
    values = [value for _, value in decider_choices(session)]
    if chosen and chosen in values:
        return chosen
    return values[0]


def set_decider(app: FacilitatorApp, value: str) -> None:
    if app.session is not None:
        _DECIDER.setdefault(app, {})[app.session.id] = value


def apply(app: FacilitatorApp, operation: Callable[[Workshop], life.Undo]) -> bool:
    """Run an operation of the objectives' life and keep its undo; a refusal is notified,
    nothing is saved."""
    done = app.act(operation, warn=(life.ObjectiveError,))
    if not done or done.value is None:
        return False
    undo_stack(app).append(done.value)
    return True


def undo_last(app: FacilitatorApp) -> life.Undo | None:
    """Undo the last change kept on the stack; the record undone (None when nothing was)."""
    stack = undo_stack(app)
    if not stack:
        app.notify(t(app.lang, "obj.undo.nothing"), timeout=3)
        return None
    record = stack[-1]
    # A conflict leaves the record on the stack, the session untouched.
    if not app.act(lambda w: w.undo_objective_change(record), warn=(life.ObjectiveError,)):
        return None
    stack.pop()
    app.notify(t(app.lang, "obj.undone", action=t(app.lang, ACTION_KEYS[record.action])))
    return record


def numbers(session: Session) -> dict[str, str]:
    """O1, O2 … for the objectives in play, as the minutes number them."""
    return {o.id: f"O{i}" for i, o in enumerate(life.active(session), 1)}


def status_text(lang: str, session: Session, objective: Objective) -> Text:
    if objective.merged:
        target = numbers(session).get(objective.merged_into or "", "?")
        text = Text(t(lang, "obj.status.merged", target=target), style="dim")
    else:
        key = STATUS_KEYS.get(objective.status)
        label = t(lang, key) if key else objective.status
        text = Text(label, style=STATUS_STYLE.get(objective.status, ""))
    return text


def decided_text(session: Session, objective: Objective) -> str:
    if objective.status == "draft":
        return ""
    who = wrapup.owner_name(session, objective.decided_by)
    when = (objective.decided_at or "")[:10]
    return " · ".join(x for x in (who, when) if x)


def propose_retained(app: FacilitatorApp, after: Callable[[], None] | None = None) -> None:
    """The wrap-up's question: which objectives are retained? Checked: the vote's outcome;
    the facilitator edits, confirms; the others still in play are dropped."""
    session = app.session
    if session is None:
        return
    lang = app.lang
    in_play = life.active(session)
    if not in_play:
        app.notify(t(lang, "obj.propose.none"), severity="warning", timeout=4)
        return
    outcome = life.vote_outcome(session)
    if not votes.is_revealed(session):
        basis = t(lang, "obj.propose.hidden")
    elif outcome:
        basis = t(lang, "obj.propose.basis", count=len(outcome))
    else:
        basis = t(lang, "obj.propose.no_outcome")
    preselected = set(outcome) or {o.id for o in in_play if o.status == "retained"}

    def done(result: tuple[list[str], str] | None) -> None:
        if result is None:
            return
        chosen, by = result
        set_decider(app, by)
        if apply(app, lambda w: w.retain_set(chosen, by=by)):
            app.notify(t(app.lang, "obj.propose.done", retained=len(chosen),
                         dropped=len(in_play) - len(chosen)), timeout=4)  # fmt: skip
        app.refresh_session_screen()
        if after is not None:
            after()

    app.push_screen(
        RetainDialog(
            session, in_play, preselected, basis, decider(app), decider_choices(session), lang
        ),
        done,
    )


class RetainDialog(ModalScreen[tuple[list[str], str] | None]):
    """Check the objectives to retain (Space), say who decides, Enter confirms, Esc cancels."""

    DEFAULT_CLASSES = "dialog"
    DEFAULT_CSS = """
    RetainDialog .dialog-box.retain { width: 96; max-width: 100%; }
    RetainDialog #retain-list { height: auto; max-height: 14; }
    RetainDialog .retain-basis { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="retain.cancel"),
        Binding("enter,ctrl+s", "confirm", show=False, id="retain.confirm", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        in_play: Sequence[Objective],
        preselected: set[str],
        basis: str,
        by: str,
        choices: Sequence[tuple[str, str]],
        lang: str,
    ) -> None:
        super().__init__()
        self.session = session
        self.in_play = list(in_play)
        self.preselected = preselected
        self.basis = basis
        self.by = by
        self.choices = list(choices)
        self.lang = lang

    def compose(self) -> ComposeResult:
        numbering = numbers(self.session)
        yield_votes = {r.objective.id: r for r in votes.results(self.session)}
        revealed = votes.is_revealed(self.session)
        with Vertical(classes="dialog-box retain"):
            yield Label(t(self.lang, "obj.propose.title"), classes="dialog-title")
            yield Static(self.basis, classes="retain-basis", markup=False)
            items = []
            for o in self.in_play:
                label = Text(f"{numbering[o.id]} ", style="bold")
                label.append(fit(o.text, 70))
                result = yield_votes.get(o.id)
                if revealed and result is not None:
                    label.append(
                        f"  ✓{result.tally['yes']}/{result.voters} ●{result.dots}", style="cyan"
                    )
                items.append(Selection(label, o.id, o.id in self.preselected))
            yield SelectionList[str](*items, id="retain-list")
            yield Label(t(self.lang, "obj.decider"), classes="form-label")
            yield Select(
                [(Text(label), value) for label, value in self.choices],
                value=self.by if self.by in {v for _, v in self.choices} else Select.NULL,
                id="retain-by",
                compact=True,
            )
            yield Static(id="retain-error", classes="form-error", markup=False)
            yield Static(t(self.lang, "obj.propose.hint"), classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#retain-error").display = False
        self.query_one("#retain-list", SelectionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter picks in the open list of the decider, and confirms everywhere else.
        return not (
            action == "confirm" and isinstance(self.focused, Select) and self.focused.expanded
        )

    def action_confirm(self) -> None:
        chosen = list(self.query_one("#retain-list", SelectionList).selected)
        value = self.query_one("#retain-by", Select).value
        by = "" if value is Select.NULL or value is None else str(value)
        problem = ""
        if not chosen:
            problem = t(self.lang, "obj.propose.need_one")
        elif not by:
            problem = t(self.lang, "obj.need_decider")
        if problem:
            error = self.query_one("#retain-error", Static)
            error.update(problem)
            error.display = True
            return
        order = {o.id: i for i, o in enumerate(self.in_play)}
        self.dismiss((sorted(chosen, key=order.__getitem__), by))

    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the screen --------------------------------------------------------------------------------


class ObjectivesScreen(RoomScreen):
    key = "objectives"
    TITLE_KEY = "obj.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retain", "obj.bind.retain", id="obj.retain"),
        Binding("x", "drop", "obj.bind.drop", id="obj.drop"),
        Binding("m", "merge", "obj.bind.merge", id="obj.merge"),
        Binding("shift+up,ctrl+up", "move(-1)", "obj.bind.up", id="obj.up", key_display="⇧↑"),
        Binding("shift+down,ctrl+down", "move(1)", "obj.bind.down", id="obj.down",
                key_display="⇧↓"),
        Binding("delete,d", "delete", "obj.bind.delete", id="obj.delete", key_display="Suppr"),
        Binding("u,ctrl+z", "undo", "obj.bind.undo", id="obj.undo", key_display="u"),
        Binding("p", "propose", "obj.bind.propose", id="obj.propose"),
        Binding("w", "decider", "obj.bind.decider", id="obj.decider"),
        Binding("c", "app.goto('wrapup')", "obj.bind.wrapup", id="obj.wrapup", show=False),
    ]  # fmt: skip

    DEFAULT_CSS = """
    ObjectivesScreen #objectives { height: 1fr; }
    ObjectivesScreen #obj-detail { height: auto; max-height: 5; margin-top: 1; color: $text-muted; }
    """

    def compose_body(self) -> ComposeResult:
        yield Table(id="objectives", cursor_type="row")
        yield Static(id="obj-detail", markup=False)

    def on_resize(self) -> None:
        self.session_changed()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _detail(self) -> None:
        """The highlighted objective in full, and who decided it when (cut in the table)."""
        o = self.current()
        detail = Text()
        if o is not None:
            s = self.session
            detail.append(f"{numbers(s).get(o.id, '—')} ", style="bold")
            detail.append(o.text + "\n")
            detail.append(status_text(self.lang, s, o))
            decided = decided_text(s, o)
            if decided:
                detail.append(f"  {decided}", style="dim")
            detail.append(f"  · {self.tr('obj.col.krs')} {len(o.key_results)}", style="dim")
        self.query_one("#obj-detail", Static).update(detail)

    def focus_first(self) -> None:
        self.query_one("#objectives", DataTable).focus()

    def current(self) -> Objective | None:
        key = row_key(self.query_one("#objectives", DataTable))
        return next((o for o in self.session.objectives if o.id == key), None)

    def session_changed(self) -> None:
        s = self.session
        table = self.query_one("#objectives", DataTable)
        keep = row_key(table)
        index = table.cursor_row
        table.clear(columns=True)
        numbering = numbers(s)
        revealed = votes.is_revealed(s)
        # Columns fit the screen: "decided by" only when there is room (the line under the
        # table always says it), the wording takes what is left.
        wide = self.size.width >= 110
        fixed = [3, 22 if wide else 18, 3, 9 if revealed else 0, 28 if wide else 0]
        shown = [w for w in fixed if w]
        room = max(self.size.width - 6, 60) - sum(shown) - 2 * (len(shown) + 1)
        text_width = max(20, min(room, 90))
        table.add_column("#", width=3, key="n")
        table.add_column(self.tr("obj.col.text"), width=text_width, key="text")
        table.add_column(self.tr("obj.col.status"), width=fixed[1], key="status")
        if wide:
            table.add_column(self.tr("obj.col.decided"), width=fixed[4], key="decided")
        table.add_column(self.tr("obj.col.krs"), width=3, key="krs")
        if revealed:
            table.add_column(self.tr("obj.col.vote"), width=9, key="vote")
        for o in s.objectives:
            ballot = s.votes.get(o.id)
            vote = ""
            if revealed and ballot is not None:
                tally = ballot.tally()
                vote = f"✓{tally['yes']}/{sum(tally.values())} ●{ballot.dots_total}"
            style = "dim" if o.status == "dropped" else ""
            cells: list[Any] = [
                Text(numbering.get(o.id, "—"), style="bold" if o.id in numbering else "dim"),
                Text(fit(o.text, text_width), style=style),
                status_text(self.lang, s, o),
            ]
            if wide:
                cells.append(Text(fit(decided_text(s, o), fixed[4]), style="dim"))
            cells.append(str(len(o.key_results)))
            if revealed:
                cells.append(Text(vote, style="cyan"))
            table.add_row(*cells, key=o.id)
        keep_cursor(table, keep, index)
        self._detail()
        counts = {k: 0 for k in ("retained", "draft", "dropped")}
        for o in s.objectives:
            counts[o.status] = counts.get(o.status, 0) + 1
        by = wrapup.owner_name(s, decider(self.fapp)) or "?"
        self.status(
            self.tr(
                "obj.status",
                retained=counts["retained"],
                drafts=counts["draft"],
                dropped=counts["dropped"],
                by=by,
            )
        )

    # -- actions ------------------------------------------------------------------------------

    def _done(self, message: str) -> None:
        self.session_changed()
        self.update_bar()
        self.notify(message, timeout=3)

    def _by(self) -> str | None:
        by = decider(self.fapp)
        if not by:
            self.notify(self.tr("obj.need_decider"), severity="warning", timeout=4)
            return None
        return by

    def action_retain(self) -> None:
        """Retain the objective; on a retained one, back to draft."""
        self._decide("retained", Workshop.retain_objective, done_key="obj.retained")

    def action_drop(self) -> None:
        """Drop the objective; on a dropped (or merged) one, back to draft."""
        self._decide("dropped", Workshop.drop_objective, done_key="obj.dropped")

    def _decide(self, status: str, decide: Callable[..., life.Undo], done_key: str) -> None:
        """`decide(workshop, objective_id, by=…)` on the objective in view, by the decider; one
        that has `status` already goes back to draft instead."""
        o = self.current()
        by = self._by()
        if o is None or by is None:
            return
        oid = o.id
        if o.status == status:
            if apply(self.fapp, lambda w: w.reopen_objective(oid)):
                self._done(self.tr("obj.reopened"))
        elif apply(self.fapp, lambda w: decide(w, oid, by=by)):
            self._done(self.tr(done_key))

    def action_merge(self) -> None:
        from facilitator.tui.screens.room_dialogs import ChoiceDialog

        o = self.current()
        by = self._by()
        if o is None or by is None:
            return
        oid = o.id
        numbering = numbers(self.session)
        targets = [
            (f"{numbering[x.id]}  {fit(x.text, 70)}", x.id)
            for x in life.active(self.session)
            if x.id != oid
        ]
        if o.status not in life.ACTIVE or not targets:
            key = "obj.merge.not_active" if o.status not in life.ACTIVE else "obj.merge.no_target"
            self.notify(self.tr(key), severity="warning", timeout=4)
            return

        def chosen(into: str | None) -> None:
            if into is None:
                return
            if apply(self.fapp, lambda w: w.merge_objective(oid, into, by=by)):
                self._done(self.tr("obj.merged", target=numbering.get(into, "?")))

        self.app.push_screen(
            ChoiceDialog(self.tr("obj.merge.title", text=fit(o.text, 60)), targets), chosen
        )

    def action_move(self, delta: int) -> None:
        o = self.current()
        if o is None:
            return
        oid = o.id
        if apply(self.fapp, lambda w: w.move_objective(oid, delta)):
            self.session_changed()
            self.update_bar()

    def action_delete(self) -> None:
        from facilitator.tui.screens.dialogs import ConfirmDialog

        o = self.current()
        if o is None:
            return
        oid = o.id
        children = life.merged_into(self.session, oid)
        if children:
            self.notify(self.tr("obj.delete.merged", count=len(children)), severity="warning",
                        timeout=5)  # fmt: skip
            return
        ballots = self.session.votes.get(oid)
        has_votes = ballots is not None and bool(ballots.priority or ballots.dots)
        count = len(o.key_results)
        krs = self.tr("obj.delete.krs", count=count) if count else self.tr("obj.delete.no_krs")
        body = self.tr(
            "obj.delete.body",
            text=fit(o.text, 80),
            krs=krs + (self.tr("obj.delete.votes") if has_votes else ""),
        )

        def answered(yes: bool | None) -> None:
            if yes and apply(self.fapp, lambda w: w.delete_objective(oid)):
                self._done(self.tr("obj.deleted"))

        self.app.push_screen(ConfirmDialog(self.tr("obj.delete.title"), body, self.lang), answered)

    def action_undo(self) -> None:
        record = undo_last(self.fapp)
        if record is not None:
            self.session_changed()
            self.update_bar()
            table = self.query_one("#objectives", DataTable)
            keep_cursor(table, record.ids[0], table.cursor_row)  # on what came back
            self._detail()

    def action_propose(self) -> None:
        propose_retained(self.fapp)

    def action_decider(self) -> None:
        from facilitator.tui.screens.room_dialogs import ChoiceDialog

        choices = decider_choices(self.session)
        if not choices:
            self.notify(self.tr("obj.need_decider"), severity="warning", timeout=4)
            return

        def chosen(value: str | None) -> None:
            if value is not None:
                set_decider(self.fapp, value)
                self.session_changed()

        self.app.push_screen(ChoiceDialog(self.tr("obj.decider"), choices), chosen)

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.obj.propose", self.action_propose),
            ("cmd.obj.undo", self.action_undo),
        ]
