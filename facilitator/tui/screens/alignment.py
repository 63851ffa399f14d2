"""Alignment: each objective linked to a parent objective of the strategy.

Orphans (no parent, not marked independent) are flagged in red. For the objective under the
cursor the likeliest parents are listed with their reason (shared words, similarity), computed
off the UI thread on the engine's normalised texts: `1`–`3` links to a suggestion, `p` picks any
parent, `i` marks the objective deliberately independent, `u` unlinks it, `t` shows the tree.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Label, Static

from facilitator.room import alignment
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.screens.room_dialogs import ChoiceDialog
from facilitator.tui.widgets.table import Table, text_width


class Suggested(Message):
    def __init__(self, objective_id: str, text: str, found: list[alignment.Suggestion]) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.text = text
        self.found = found


class AlignmentScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "alignment"
    TITLE_KEY = "align.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "suggestion(0)", "align.bind.link", id="align.link", key_display="1-3"),
        Binding("2", "suggestion(1)", "align.bind.link", id="align.link2", show=False),
        Binding("3", "suggestion(2)", "align.bind.link", id="align.link3", show=False),
        Binding("p", "pick", "align.bind.pick", id="align.pick"),
        Binding("i", "independent", "align.bind.independent", id="align.independent"),
        Binding("u", "unlink", "align.bind.unlink", id="align.unlink"),
        Binding("t", "app.goto('tree')", "align.bind.tree", id="align.tree"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.suggestions: dict[str, tuple[str, list[alignment.Suggestion]]] = {}
        """objective id → (the wording the suggestions are about, the suggestions)"""

    def compose_body(self) -> ComposeResult:
        yield Table(id="links", cursor_type="row")
        yield Label(self.tr("align.suggestions"), classes="section-title", id="sugg-title")
        yield Static(id="suggestions")

    def focus_first(self) -> None:
        self.query_one("#links", DataTable).focus()

    def _objectives(self) -> list[Any]:
        return [o for o in self.session.objectives if o.status != "dropped"]

    def session_changed(self) -> None:
        s = self.session
        numbers = {p.id: i for i, p in enumerate(s.parents, 1)}
        table = self.query_one("#links", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        # The wording and its parent share what the screen leaves, 58 to 46 at most.
        both = text_width(self.size.width, [4, 0], least=40, most=104)
        wording = both * 58 // 104
        parent_width = both - wording
        table.add_column("#", width=4, key="n")
        table.add_column(self.tr("align.col.objective"), width=wording, key="objective")
        table.add_column(self.tr("align.col.parent"), width=parent_width, key="parent")
        orphans = 0
        for i, objective in enumerate(self._objectives(), 1):
            if objective.parent_id in numbers:
                parent = s.parent(objective.parent_id or "")
                link = Text(f"P{numbers[parent.id]} · {fit(parent.text, parent_width - 6)}")
            elif objective.independent:
                link = Text(self.tr("align.independent"), style="italic cyan")
            else:
                orphans += 1
                link = Text(self.tr("align.orphan"), style="bold white on red")
            table.add_row(f"O{i}", fit(objective.text, wording), link, key=objective.id)
        keep_cursor(table, keep, fallback)
        if not s.parents:
            self.status(self.tr("align.no_parents"))
        else:
            self.status(self.tr("align.status", total=len(self._objectives()), orphans=orphans))
        self._draw_suggestions()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._draw_suggestions()

    def _current(self) -> Any | None:
        oid = row_key(self.query_one("#links", DataTable))
        return next((o for o in self._objectives() if o.id == oid), None)

    def _draw_suggestions(self) -> None:
        widget = self.query_one("#suggestions", Static)
        objective = self._current()
        if objective is None or not self.session.parents:
            widget.update("")
            return
        known = self.suggestions.get(objective.id)
        if known is None or known[0] != objective.text:
            widget.update(Text(self.tr("align.computing"), style="dim"))
            self._suggest(objective.id, objective.text)
            return
        found = known[1]
        if not found:
            widget.update(Text(self.tr("align.none"), style="dim"))
            return
        numbers = {p.id: i for i, p in enumerate(self.session.parents, 1)}
        text = Text()
        for k, suggestion in enumerate(found, 1):
            parent = self.session.parent(suggestion.parent_id)
            current = objective.parent_id == parent.id
            text.append(f" {k} ", style="bold reverse")
            text.append(f" P{numbers[parent.id]} {parent.text}", style="bold" if current else "")
            if current:
                text.append("  ✓", style="bold green")
            text.append("\n     ")
            words = ", ".join(suggestion.shared) or "—"
            text.append(
                self.tr(
                    "align.reason",
                    score=f"{suggestion.score * 100:.0f}",
                    words=words,
                    fuzzy=f"{suggestion.fuzzy:.0f}",
                ),
                style="dim",
            )
            text.append("\n")
        widget.update(text)

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def _suggest(self, objective_id: str, text: str) -> None:
        """Normalise through the engine's lexical tier (fast, no model needed), then compare."""
        session = self.session
        engine = self.fapp.engine

        def normalized(value: str) -> str:
            if engine is None:
                return value
            try:
                return str(
                    engine.assess(value, "objective", session.lang, tier="lexical").normalized
                )
            except Exception:  # the comparison works on raw text too
                return value

        parents = [(p.id, normalized(p.text)) for p in session.parents]
        found = alignment.suggest_parents(normalized(text), parents)
        self.post_message(Suggested(objective_id, text, found))

    def on_suggested(self, message: Suggested) -> None:
        self.suggestions[message.objective_id] = (message.text, message.found)
        current = self._current()
        if current is not None and current.id == message.objective_id:
            self._draw_suggestions()

    # -- actions --------------------------------------------------------------------------------

    def _link(self, parent_id: str | None) -> None:
        objective = self._current()
        if objective is None:
            return
        oid = objective.id
        self.act(lambda w: w.link_objective(oid, parent_id))

    def action_suggestion(self, index: int) -> None:
        objective = self._current()
        if objective is None:
            return
        found = self.suggestions.get(objective.id, ("", []))[1]
        if index >= len(found):
            self.notify(self.tr("align.no_such", n=index + 1), timeout=2)
            return
        self._link(found[index].parent_id)
        self.notify(self.tr("align.linked"), timeout=2)

    def action_pick(self) -> None:
        if self._current() is None or not self.session.parents:
            return
        choices = [(f"P{i} · {p.text}", p.id) for i, p in enumerate(self.session.parents, 1)]

        def chosen(parent_id: str | None) -> None:
            if parent_id:
                self._link(parent_id)

        self.app.push_screen(ChoiceDialog(self.tr("align.pick.title"), choices), chosen)

    def action_independent(self) -> None:
        objective = self._current()
        if objective is not None:
            oid = objective.id
            self.act(lambda w: w.mark_independent(oid))

    def action_unlink(self) -> None:
        self._link(None)

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.align.link", lambda: self.action_suggestion(0)),
            ("cmd.align.independent", self.action_independent),
        ]
