"""The trainer's view: per trainee, exercises done, attempts and hints; across the group, the rules
that fire most in the attempts (the common mistakes to address); ctrl+e writes the Word report.

The view re-reads the progress files every few seconds, so a trainer following a live session
sees the group's attempts arrive (each trainee saves from their own window or process).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.store import StoreError
from facilitator.training import Pack
from facilitator.training.progress import TraineeProgress
from facilitator.training.store import TrainingStore, beside_sessions
from facilitator.training.summary import Summary, summarize, trainee_detail
from facilitator.tui.screens.base import BaseScreen, SessionBar
from facilitator.tui.widgets.table import Table

STYLES = Path(__file__).resolve().parent.parent / "styles"
ALL = "*"
REFRESH_SECONDS = 5.0
ROOM_PORT = 8766
"""The training room's usual port (`facilitator train --room`'s default)."""
COLUMN_KEYS = {
    "trainee": "tr.col.trainee",
    "group": "tr.col.group",
    "opened": "tr.col.opened",
    "done": "tr.col.done",
    "after": "tr.col.after",
    "attempts": "tr.col.attempts",
    "hints": "tr.col.hints",
    "revealed": "tr.col.revealed",
    "score": "tr.col.score",
    "status": "tr.col.status",
    "last": "tr.col.last",
    "rule": "tr.col.rule",
    "trainees": "tr.col.trainees",
    "failed": "tr.col.failed",
    "exercise": "tr.col.exercise",
    "mean": "tr.col.mean",
}
"""Every column title of the trainer's tables, by column id."""
STATUS_KEYS = {
    "done": "tr.status.done",
    "done_after_reveal": "tr.status.done_after_reveal",
    "revealed": "tr.status.revealed",
    "open": "tr.status.open",
}
"""A trainee's state on one exercise (`training.summary`'s statuses)."""


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".removesuffix(".0")


class TrainerScreen(BaseScreen):
    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "training.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "tr.bind.export", id="trainer.export"),
        Binding("f5", "refresh", "tr.bind.refresh", id="trainer.refresh"),
        Binding("ctrl+o", "training_room", "tr.bind.room", id="trainer.room"),
        Binding("escape", "back", "tr.bind.back", id="trainer.back"),
    ]

    def __init__(
        self, packs: list[Pack], store: TrainingStore | None = None, group: str | None = None
    ) -> None:
        super().__init__()
        self.packs = packs
        self._store = store
        self.group = group
        self.trainees: list[TraineeProgress] = []
        self.summary: Summary | None = None
        self._seen: tuple[Any, ...] = ()
        self.detail_of: int = 0
        """Index in `trainees` of the trainee whose answers are shown below the table."""
        self.room: Any = None
        """The training room opened from this view (a `BackgroundTraining`), or None."""

    @property
    def store(self) -> TrainingStore:
        if self._store is None:
            self._store = beside_sessions(self.fapp.store.data_dir)
        return self._store

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Horizontal(id="trainer"):
            with Vertical(id="trainer-side"):
                yield Label(self.tr("tr.trainer.groups"), classes="section-title", id="tg-title")
                yield OptionList(id="trainer-groups", markup=False)
            with VerticalScroll(id="trainer-main"):
                yield Label(self.tr("tr.trainer.title"), id="trainer-title")
                yield Static(id="trainer-room", markup=False)
                yield Static(id="trainer-summary", markup=False)
                yield Static(id="trainer-empty", markup=False)
                yield Label(self.tr("tr.trainer.trainees"), classes="section-title", id="tt-title")
                yield Table(id="trainer-trainees", cursor_type="row", zebra_stripes=True)
                yield Static(id="trainer-notes", markup=False)
                yield Label(id="td-title", classes="section-title", markup=False)
                yield Table(id="trainer-detail", cursor_type="row", zebra_stripes=True)
                yield Label(self.tr("tr.trainer.mistakes"), classes="section-title", id="tm-title")
                yield Table(id="trainer-mistakes", cursor_type="row", zebra_stripes=True)
                yield Label(self.tr("tr.trainer.exercises"), classes="section-title", id="te-title")
                yield Table(id="trainer-exercises", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.reload(force=True)
        self.query_one("#trainer-groups", OptionList).focus()
        self.set_interval(REFRESH_SECONDS, self.reload, name="trainer-refresh")

    def language_changed(self) -> None:
        for selector, key in (
            ("#tg-title", "tr.trainer.groups"),
            ("#trainer-title", "tr.trainer.title"),
            ("#tt-title", "tr.trainer.trainees"),
            ("#tm-title", "tr.trainer.mistakes"),
            ("#te-title", "tr.trainer.exercises"),
        ):
            self.query_one(selector, Label).update(self.tr(key))
        self.reload(force=True)

    # -- data -----------------------------------------------------------------------------------

    def reload(self, force: bool = False) -> None:
        try:
            everyone, problems = self.store.trainees()
        except (StoreError, OSError) as error:
            self.fapp.show_error(self.tr("tr.store.problems"), str(error))
            return
        seen = (self.lang, self.group, *(t.to_dict().__repr__() for t in everyone))
        if seen == self._seen and not force:
            return
        self._seen = seen
        if problems and force:
            self.fapp.show_error(
                self.tr("tr.store.problems"), "\n\n".join(str(p) for p in problems[:5])
            )
        self.fill_groups(everyone)
        self.trainees = [
            t for t in everyone if self.group is None or t.group.casefold() == self.group.casefold()
        ]
        self.summary = summarize(
            self.trainees, lang=self.report_lang(), group=self.group, packs=self.packs
        )
        self.fill_tables(self.summary)

    def report_lang(self) -> str:
        """The packs' language when the trainees used packs of one language, else the app's."""
        used = {e.pack for t in self.trainees for e in t.exercises.values()}
        langs = {p.lang for p in self.packs if p.id in used}
        return langs.pop() if len(langs) == 1 else self.lang

    def fill_groups(self, everyone: list[TraineeProgress]) -> None:
        options = self.query_one("#trainer-groups", OptionList)
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for trainee in everyone:
            key = trainee.group.casefold()
            counts[key] = counts.get(key, 0) + 1
            names.setdefault(key, trainee.group)
        options.clear_options()
        everyone_line = self.tr(
            "tr.trainer.group_line", group=self.tr("tr.trainer.all"), n=len(everyone)
        )
        options.add_option(Option(everyone_line, id=ALL))
        keys = sorted(counts)
        for key in keys:
            label = names[key] or self.tr("tr.trainer.nogroup")
            options.add_option(
                Option(self.tr("tr.trainer.group_line", group=label, n=counts[key]), id=f"g:{key}")
            )
        selected = 0
        if self.group is not None and self.group.casefold() in keys:
            selected = 1 + keys.index(self.group.casefold())
        options.highlighted = selected

    def fill_tables(self, s: Summary) -> None:
        self.query_one("#trainer-summary", Static).update(
            self.tr("tr.trainer.summary", **s.totals())
        )
        self.query_one("#trainer-empty", Static).update(
            "" if s.trainees else self.tr("tr.trainer.empty")
        )
        trainees = self.query_one("#trainer-trainees", DataTable)
        trainees.clear(columns=True)
        columns = [
            "trainee",
            "group",
            "opened",
            "done",
            "after",
            "attempts",
            "hints",
            "revealed",
            "score",
        ]
        for key in columns:
            trainees.add_column(self.tr(COLUMN_KEYS[key]), key=key)
        for row in s.trainees:
            trainees.add_row(
                row.name,
                row.group,
                str(row.opened),
                str(row.done),
                str(row.after_reveal),
                str(row.attempts),
                str(row.hints),
                str(row.revealed),
                _number(row.mean_overall),
            )
        self.query_one("#trainer-notes", Static).update(
            f"{self.tr('tr.trainer.done_note')}\n{self.tr('tr.trainer.score_note')}"
            if s.trainees
            else ""
        )
        if s.trainees:
            self.detail_of = min(self.detail_of, len(s.trainees) - 1)
            trainees.move_cursor(row=self.detail_of)
        self.fill_detail()
        mistakes = self.query_one("#trainer-mistakes", DataTable)
        mistakes.clear(columns=True)
        for key in ("rule", "attempts", "failed", "trainees"):
            mistakes.add_column(self.tr(COLUMN_KEYS[key]), key=key)
        for m in s.mistakes[:10]:
            mistakes.add_row(m.title, str(m.attempts), str(m.failed), str(m.trainees))
        exercises = self.query_one("#trainer-exercises", DataTable)
        exercises.clear(columns=True)
        for key in ("exercise", "opened", "done", "mean", "hints", "revealed"):
            exercises.add_column(self.tr(COLUMN_KEYS[key]), key=key)
        for e in s.exercises:
            exercises.add_row(
                e.label or e.title,
                str(e.trainees),
                str(e.done),
                _number(e.mean_attempts),
                str(e.hints),
                str(e.revealed),
            )

    def fill_detail(self) -> None:
        """What the trainee highlighted in the table wrote last, exercise by exercise."""
        title = self.query_one("#td-title", Label)
        table = self.query_one("#trainer-detail", DataTable)
        table.clear(columns=True)
        s = self.summary
        if s is None or not self.trainees:
            title.update("")
            table.display = False
            return
        trainee = self.trainees[min(self.detail_of, len(self.trainees) - 1)]
        title.update(self.tr("tr.trainer.detail", name=trainee.name))
        table.display = True
        for key in ("exercise", "status", "attempts", "hints", "last"):
            table.add_column(self.tr(COLUMN_KEYS[key]), key=key)
        for d in trainee_detail(trainee, packs=self.packs, labels=s.labels):
            answer = " / ".join(d.answer.splitlines())
            if d.choice:
                answer = self.tr("tr.trainer.choice", text=answer)
            table.add_row(
                d.label,
                self.tr(STATUS_KEYS[d.status]),
                str(d.attempts),
                str(d.hints),
                answer or "—",
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "trainer-trainees" or event.cursor_row == self.detail_of:
            return
        self.detail_of = max(0, event.cursor_row)
        self.fill_detail()

    # -- actions --------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ALL
        if option_id == ALL:
            self.group = None
        else:
            key = option_id.removeprefix("g:")
            self.group = next(
                (t.group for t in self.store.trainees()[0] if t.group.casefold() == key), key
            )
        self.reload(force=True)

    def action_refresh(self) -> None:
        self.reload(force=True)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        """The Word report of the group shown, in the packs' language (see `save_file`)."""
        from facilitator.training.report import default_report_name, export_report
        from facilitator.tui.screens.training_report import (
            TRAINING_REPORT_KEYS,
            documents_dir,
            save_file,
        )

        lang, trainees, group = self.report_lang(), list(self.trainees), self.group

        def write(path: Path, overwrite: bool) -> Path:
            return export_report(
                path, trainees, lang=lang, group=group, packs=self.packs, overwrite=overwrite
            )

        suggested = documents_dir() / default_report_name(group, lang)
        save_file(self.fapp, str(suggested), TRAINING_REPORT_KEYS, write)

    def action_training_room(self) -> None:
        """Open the group's training room to the local network (the trainees join from their
        browsers; this view and the web dashboard follow them), or close it."""
        shown = self.query_one("#trainer-room", Static)
        if self.room is not None:
            self.room.stop()
            self.room = None
            shown.update(self.tr("tr.room.closed"))
            return
        from facilitator.web.training_launch import BackgroundTraining, prepare

        room = prepare(self.store, self.group or "", default=[p.id for p in self.packs[:1]])
        for port in (ROOM_PORT, 0):  # the usual port, else any free one
            running = BackgroundTraining(self.store, room, self.packs, host="0.0.0.0", port=port)
            try:
                running.start()
            except OSError:
                running.stop()
                continue
            self.room = running
            break
        if self.room is None:
            self.notify(self.tr("tr.room.failed"), severity="error")
            return
        shown.update(
            self.tr(
                "tr.room.open",
                code=room.code,
                join=f"{self.room.url}/?code={room.code}",
                board=self.room.trainer_url,
            )
        )

    def on_unmount(self) -> None:
        if self.room is not None:
            self.room.stop()

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.training.export", self.action_export),
            ("cmd.training.refresh", self.action_refresh),
            ("cmd.training.room", self.action_training_room),
        ]
