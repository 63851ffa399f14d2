"""Silent brainstorm: type the cards fast, one per Enter, attributed or anonymous.

The entry field keeps the keyboard: Enter adds the proposal and clears the field for the next
card. A card may start with "Name:" to credit a participant ("Marc: Réduire …"); otherwise the
author shown above the field is used (ctrl+↑/↓ changes it). When the template's step says
`anonymous`, nobody is credited, a leading "Name:" is taken out of the card's text and authors
are never shown. A card that near-duplicates an
earlier one is marked at once (≈ #n); the clustering step merges them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label

from facilitator.room import brainstorm
from facilitator.room.cluster import compare
from facilitator.room.steps import step_option
from facilitator.tui.screens.room_base import RoomScreen, keep_cursor, row_key
from facilitator.tui.widgets.table import Table, text_width
from facilitator.workshop.checks import clean


class BrainstormScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "brainstorm"
    TITLE_KEY = "brainstorm.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+down", "author(1)", "brainstorm.bind.author", id="brainstorm.author"),
        Binding("ctrl+up", "author(-1)", "brainstorm.bind.author", id="brainstorm.author_prev",
                show=False),
        Binding("ctrl+g", "app.goto('cluster')", "brainstorm.bind.cluster",
                id="brainstorm.cluster"),
        Binding("delete", "drop", "brainstorm.bind.drop", id="brainstorm.drop"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.author: str | None = None
        self.editing: str | None = None
        """The proposal whose wording is in the entry field (Enter on a row), if any."""

    @property
    def anonymous(self) -> bool:
        return bool(step_option(self.session, "brainstorm", "anonymous"))

    def compose_body(self) -> ComposeResult:
        yield Table(id="proposals", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="entry-row"):
            yield Label(id="author", markup=False)
            key = "brainstorm.placeholder" + (".anonymous" if self.anonymous else "")
            yield Input(id="entry", placeholder=self.tr(key))

    def focus_first(self) -> None:
        self.query_one("#entry", Input).focus()

    def session_changed(self) -> None:
        s = self.session
        table = self.query_one("#proposals", DataTable)
        keep = row_key(table)
        table.clear(columns=True)
        fixed = [4, 22] if self.anonymous else [4, 18, 22]
        table.add_column("#", width=4, key="n")
        wording = text_width(self.size.width, fixed, most=66)
        table.add_column(self.tr("brainstorm.col.text"), width=wording, key="text")
        if not self.anonymous:
            table.add_column(self.tr("brainstorm.col.author"), width=18, key="author")
        table.add_column(self.tr("brainstorm.col.state"), width=22, key="state")
        numbers = {p.id: i for i, p in enumerate(s.proposals, 1)}
        earlier: list[tuple[int, str]] = []
        for i, proposal in enumerate(s.proposals, 1):
            state = self._state(proposal, numbers, earlier)
            style = (
                "dim strike"
                if proposal.status == "dropped"
                else ("dim" if proposal.status == "merged" else "")
            )
            cells: list[Any] = [str(i), Text(proposal.text, style=style)]
            if not self.anonymous:
                cells.append(self.person_name(proposal.author))
            cells.append(state)
            table.add_row(*cells, key=proposal.id)
            if proposal.status == "open":
                earlier.append((i, proposal.text))
        keep_cursor(table, keep, table.row_count - 1)
        if keep is None and table.row_count:
            table.scroll_end(animate=False)
        open_count = len(brainstorm.open_proposals(s))
        mode = self.tr("brainstorm.anonymous") if self.anonymous else ""
        self.status(self.tr("brainstorm.status", total=len(s.proposals), open=open_count) + mode)
        self._draw_author()

    def _state(
        self, proposal: Any, numbers: dict[str, int], earlier: list[tuple[int, str]]
    ) -> Text:
        if proposal.status == "merged":
            into = numbers.get(proposal.merged_into or "", "?")
            return Text(self.tr("brainstorm.merged", n=into), style="dim")
        if proposal.status == "dropped":
            return Text(self.tr("brainstorm.dropped"), style="dim")
        if proposal.objective_id:
            return Text(self.tr("brainstorm.promoted"), style="green")
        twins = [n for n, text in earlier if compare(proposal.text, text).same]
        if twins:
            return Text("≈ " + ", ".join(f"#{n}" for n in twins), style="bold yellow")
        return Text("")

    def person_name(self, author: str | None) -> str:
        if author is None:
            return "—"
        return next((p.name for p in self.session.participants if p.id == author), author)

    def _draw_author(self) -> None:
        label = self.query_one("#author", Label)
        if self.anonymous:
            label.update(self.tr("brainstorm.author.anonymous"))
        else:
            label.update(self.tr("brainstorm.author", name=self.person_name(self.author)))

    # -- entry ----------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input
        text = clean(field.value).strip()
        if not text:
            return
        named, text = brainstorm.card_author(text, self.session.participants, self.anonymous)
        if named is not None:
            self.author = named  # the next cards are probably theirs too
        if self.editing is not None:  # a correction keeps its author unless one is named
            self._save_edit(self.editing, text, named)
            field.value = ""
            return
        author = None if self.anonymous else (named or self.author)
        twins = brainstorm.duplicates_of(self.session, text)
        field.value = ""
        table = self.query_one("#proposals", DataTable)
        pid = self.act(lambda w: w.add_proposal(text, author)).value
        keep_cursor(table, pid)
        table.scroll_end(animate=False)
        if twins:
            self.notify(self.tr("brainstorm.twin", text=twins[0].text), timeout=3)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "author":  # nobody is credited in an anonymous brainstorm
            return not self.anonymous
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a proposal: its wording goes into the field to be corrected (Enter saves)."""
        event.stop()
        pid = event.row_key.value
        proposal = next((p for p in self.session.proposals if p.id == pid), None)
        if proposal is None or proposal.status != "open":
            return
        self.editing = proposal.id
        entry = self.query_one("#entry", Input)
        entry.value = proposal.text
        entry.focus()
        self.notify(self.tr("brainstorm.editing"), timeout=2)

    def _save_edit(self, pid: str, text: str, author: str | None) -> None:
        self.editing = None
        self.act(lambda w: w.edit_proposal(pid, text, author))

    def action_author(self, step: int) -> None:
        if self.anonymous:
            return
        people = [None, *[p.id for p in self.session.present_participants()]]
        index = people.index(self.author) if self.author in people else 0
        self.author = people[(index + step) % len(people)]
        self._draw_author()

    def action_drop(self) -> None:
        """Drop the proposal under the cursor (kept for the minutes); again to restore it."""
        table = self.query_one("#proposals", DataTable)
        pid = row_key(table)
        if pid is None:
            return
        proposal = next(p for p in self.session.proposals if p.id == pid)
        if proposal.status == "merged":
            return
        if proposal.status == "dropped":
            self.act(lambda w: w.restore_proposal(pid))
        else:
            self.act(lambda w: w.drop_proposal(pid))

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [("cmd.brainstorm.drop", self.action_drop)]
