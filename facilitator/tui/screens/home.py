"""Home: the sessions (resume, duplicate, delete), a new session from a template, the language."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Label, Static

from facilitator.store import SessionSummary, StoreError
from facilitator.tui.screens.base import BaseScreen, SessionBar
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.screens.template_picker import TemplatePicker
from facilitator.tui.widgets.table import Table, text_width

KIND_KEYS = {
    "framing": "kind.framing",
    "drafting": "kind.drafting",
    "review": "kind.review",
    "retrospective": "kind.retrospective",
}
"""A session's kind in the sessions table (a kind no template knows shows as it is stored)."""


def _when(iso: str) -> str:
    return iso[:16].replace("T", " ") if iso else ""


class HomeScreen(BaseScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "home.bind.open", id="home.open", show=False),
        Binding("n", "new", "home.bind.new", id="home.new"),
        Binding("d", "duplicate", "home.bind.duplicate", id="home.duplicate"),
        Binding("delete,x", "delete", "home.bind.delete", id="home.delete"),
        Binding("f", "follow_up", "home.bind.follow_up", id="home.follow_up"),
        Binding("l", "app.switch_language", "home.bind.language", id="home.language"),
        Binding("t", "train", "home.bind.train", id="home.train"),
        Binding("v", "trainer", "home.bind.trainer", id="home.trainer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self._failure = ""
        """The error the last reading of the folder met, already shown ("" when it went well)."""

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Vertical(id="home"):
            yield Label(self.tr("app.title"), id="home-brand")
            yield Label(self.tr("home.title"), id="home-title", classes="section-title")
            yield Table(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-empty", markup=False)
            yield Static(id="home-datadir", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.reload()
        self.query_one("#sessions", DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back on home (from a session, a dialog, the trainer): the list shows the folder as
        it is now, with the sessions made and the times changed meanwhile."""
        if self.is_mounted:
            self.reload()

    def language_changed(self) -> None:
        self.query_one("#home-brand", Label).update(self.tr("app.title"))
        self.query_one("#home-title", Label).update(self.tr("home.title"))
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the sessions folder again; keep the cursor on `select` (or where it was)."""
        table = self.query_one("#sessions", DataTable)
        if select is None and self.summaries and table.row_count:
            row = min(table.cursor_row, len(self.summaries) - 1)
            select = self.summaries[row].id
        try:
            self.summaries = list(self.fapp.store.list())
            self._failure = ""
        except (StoreError, OSError) as error:
            self.summaries = []
            # Said once: closing the dialog shows home again, which reloads (no dialog loop).
            if str(error) != self._failure:
                self._failure = str(error)
                self.fapp.show_error(self.tr("error.load.title"), str(error))
        table.clear(columns=True)
        title = text_width(self.size.width, [12, 10, 14, 22, 16], least=24, most=60)
        table.add_column(self.tr("home.col.title"), width=title, key="title")
        table.add_column(self.tr("home.col.kind"), width=12, key="kind")
        table.add_column(self.tr("home.col.date"), width=10, key="date")
        table.add_column(self.tr("home.col.org"), width=14, key="org")
        table.add_column(self.tr("home.col.content"), width=22, key="content")
        table.add_column(self.tr("home.col.updated"), width=16, key="updated")
        for summary in self.summaries:
            if summary.damaged:
                table.add_row(
                    f"{summary.id}  {self.tr('home.damaged')}", "", "", "", "", "", key=summary.id
                )
                continue
            counts = summary.counts
            table.add_row(
                summary.title or self.tr("untitled"),
                self.tr(KIND_KEYS[summary.kind]) if summary.kind in KIND_KEYS else summary.kind,
                summary.date,
                summary.organisation,
                self.tr(
                    "home.content",
                    participants=counts.get("participants", 0),
                    objectives=counts.get("objectives", 0),
                    key_results=counts.get("key_results", 0),
                ),
                _when(summary.updated),
                key=summary.id,
            )
        if select is not None:
            for i, summary in enumerate(self.summaries):
                if summary.id == select:
                    table.move_cursor(row=i)
        self.name_selected()
        self.query_one("#home-empty", Static).update(
            "" if self.summaries else self.tr("home.empty")
        )
        self.query_one("#home-datadir", Static).update(
            self.tr("home.datadir", path=self.fapp.store.data_dir)
        )

    def _selected(self) -> SessionSummary | None:
        table = self.query_one("#sessions", DataTable)
        if not self.summaries or table.cursor_row < 0:
            return None
        return self.summaries[min(table.cursor_row, len(self.summaries) - 1)]

    def name_selected(self) -> None:
        """The bar names the session under the cursor (nothing while a session is open)."""
        summary = self._selected()
        subject = ""
        if summary is not None:
            subject = summary.id if summary.damaged else summary.title or self.tr("untitled")
        bar = self.query_one(SessionBar)
        bar.subject = subject
        bar.update_bar()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.name_selected()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        if summary.damaged:
            self.fapp.show_error(self.tr("error.load.title"), summary.problem)
            return
        self.fapp.open_session(summary.id)

    def palette_commands(self) -> list[tuple[str, Any]]:
        commands: list[tuple[str, Any]] = [("cmd.session.new", self.action_new)]
        summary = self._selected()
        if summary is not None and not summary.damaged:
            commands.append(("cmd.cycle.follow_up", self.action_follow_up))
        return commands

    def action_new(self) -> None:
        from facilitator.workshops import TemplateError, list_templates

        try:
            templates = list_templates(self.lang)
        except TemplateError as error:
            self.fapp.show_error(self.tr("error.template.title"), str(error))
            return

        def chosen(template: Any) -> None:
            if template is not None:
                self.fapp.create_session(template, self.lang)

        self.app.push_screen(TemplatePicker(templates, self.lang), chosen)

    def action_duplicate(self) -> None:
        summary = self._selected()
        if summary is None or summary.damaged:
            return
        try:
            copy = self.fapp.store.duplicate(summary.id)
        except StoreError as error:
            self.fapp.show_error(self.tr("error.store.title"), str(error))
            return
        self.notify(self.tr("home.duplicated", title=copy.title), timeout=3)
        self.reload(select=copy.id)

    def action_follow_up(self) -> None:
        """A review or retrospective that carries the selected session's objectives over."""
        from facilitator.tui.room_actions import start_follow_up

        summary = self._selected()
        if summary is not None and not summary.damaged:
            start_follow_up(self.fapp, summary.id)

    def action_delete(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        title = summary.title or summary.id

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.fapp.store.delete(summary.id)
            except StoreError as error:
                self.fapp.show_error(self.tr("error.store.title"), str(error))
                return
            self.notify(self.tr("home.deleted", title=title), timeout=3)
            self.reload()

        self.app.push_screen(
            ConfirmDialog(
                self.tr("home.delete.title"), self.tr("home.delete.body", title=title), self.lang
            ),
            confirmed,
        )

    def action_train(self) -> None:
        """Guided OKR-writing exercises (the trainer mode)."""
        from facilitator.tui.screens.training_start import open_training

        open_training(self.fapp)

    def action_trainer(self) -> None:
        """The trainer's view of the trainees' progress."""
        from facilitator.tui.screens.training_start import open_trainer

        open_trainer(self.fapp)
