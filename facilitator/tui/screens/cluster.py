"""Clustering: the open proposals, near-duplicates grouped, merged with one key.

`m` merges the group under the cursor (or the proposals marked with Space): the facilitator
picks the wording to keep or edits it. `s` keeps the proposal under the cursor apart from its
group (the room says it is different), `x` drops it, `o` turns the marked proposals (or the
one under the cursor) into draft objectives. Merged and dropped proposals stay in the session
(the minutes list them), shown below the groups.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label, Static

from facilitator.room import brainstorm
from facilitator.room.cluster import best_wording
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.screens.room_base import RoomScreen, keep_cursor, row_key
from facilitator.tui.screens.room_dialogs import MergeDialog
from facilitator.tui.widgets.table import Table, text_width


class ClusterScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "cluster"
    TITLE_KEY = "cluster.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "merge", "cluster.bind.merge", id="cluster.merge"),
        Binding("space", "mark", "cluster.bind.mark", id="cluster.mark"),
        Binding("s", "separate", "cluster.bind.separate", id="cluster.separate"),
        Binding("x,delete", "drop", "cluster.bind.drop", id="cluster.drop"),
        Binding("o", "promote", "cluster.bind.promote", id="cluster.promote"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: set[str] = set()
        self.row_group: dict[str, list[str]] = {}
        """row key → the proposal ids of the group it belongs to (a group or a lone one)."""

    def compose_body(self) -> ComposeResult:
        yield Table(id="clusters", cursor_type="row")
        yield Label(self.tr("cluster.kept"), classes="section-title", id="kept-title")
        yield Static(id="kept", markup=False)

    def focus_first(self) -> None:
        self.query_one("#clusters", DataTable).focus()

    def session_changed(self) -> None:
        s = self.session
        by_id = {p.id: p for p in s.proposals}
        numbers = {p.id: i for i, p in enumerate(s.proposals, 1)}
        self.marked &= {p.id for p in brainstorm.open_proposals(s)}
        groups = brainstorm.groups(s)
        table = self.query_one("#clusters", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        table.add_column(" ", width=2, key="mark")
        table.add_column("#", width=4, key="n")
        wording = text_width(self.size.width, [2, 4, 14], most=74)
        table.add_column(self.tr("cluster.col.text"), width=wording, key="text")
        table.add_column(self.tr("cluster.col.score"), width=14, key="score")
        self.row_group = {}
        grouped: set[str] = set()
        for g, found in enumerate(groups, 1):
            head = f"group-{g}"
            title = self.tr("cluster.group", n=g, count=len(found.ids))
            table.add_row("", "", Text(title, style="bold yellow"),
                          Text(f"≥ {found.score:.0f}", style="yellow"), key=head)  # fmt: skip
            self.row_group[head] = found.ids
            for pid in found.ids:
                grouped.add(pid)
                self._add(table, by_id[pid], numbers, f"{found.scores.get(pid, 100):.0f}")
                self.row_group[pid] = found.ids
        lone = [p for p in brainstorm.open_proposals(s) if p.id not in grouped]
        if lone:
            table.add_row("", "", Text(self.tr("cluster.lone"), style="bold"), "", key="lone")
            for proposal in lone:
                self._add(table, proposal, numbers, "")
                self.row_group[proposal.id] = [proposal.id]
        keep_cursor(table, keep, fallback)
        merged = [p for p in s.proposals if p.status == "merged"]
        dropped = [p for p in s.proposals if p.status == "dropped"]
        lines = [
            self.tr("cluster.merged_line", n=numbers[p.id], text=p.text,
                    into=numbers.get(p.merged_into or "", "?"))
            for p in merged
        ]  # fmt: skip
        lines += [self.tr("cluster.dropped_line", n=numbers[p.id], text=p.text) for p in dropped]
        self.query_one("#kept", Static).update("\n".join(lines) or self.tr("cluster.kept.none"))
        promoted = sum(1 for p in brainstorm.open_proposals(s) if p.objective_id)
        self.status(
            self.tr(
                "cluster.status",
                open=len(brainstorm.open_proposals(s)),
                groups=len(groups),
                promoted=promoted,
                marked=len(self.marked),
            )
        )

    def _add(
        self, table: DataTable[Any], proposal: Any, numbers: dict[str, int], score: str
    ) -> None:
        mark = "●" if proposal.id in self.marked else ""
        text = Text(proposal.text)
        if proposal.objective_id:
            text.append("  " + self.tr("brainstorm.promoted"), style="green")
        table.add_row(mark, str(numbers[proposal.id]), text, score, key=proposal.id)

    # -- actions --------------------------------------------------------------------------------

    def _cursor_ids(self) -> list[str]:
        key = row_key(self.query_one("#clusters", DataTable))
        return self.row_group.get(key or "", [])

    def _cursor_proposal(self) -> str | None:
        key = row_key(self.query_one("#clusters", DataTable))
        return key if key in {p.id for p in self.session.proposals} else None

    def action_mark(self) -> None:
        pid = self._cursor_proposal()
        if pid is None:
            return
        self.marked ^= {pid}
        self.session_changed()
        table = self.query_one("#clusters", DataTable)
        if table.cursor_row + 1 < table.row_count:
            table.move_cursor(row=table.cursor_row + 1)

    def action_merge(self) -> None:
        s = self.session
        ids = [p.id for p in s.proposals if p.id in self.marked] or self._cursor_ids()
        if len(ids) < 2:
            lone = self._cursor_proposal() if not self.marked else None
            if lone is not None:  # say why: it has no near-duplicate, and what to do instead
                n = next(i for i, p in enumerate(s.proposals, 1) if p.id == lone)
                self.notify(self.tr("cluster.lone_merge", n=n), severity="warning", timeout=5)
            else:
                self.notify(self.tr("cluster.need_two"), severity="warning", timeout=5)
            return
        texts = [next(p.text for p in s.proposals if p.id == pid) for pid in ids]

        def done(text: str | None) -> None:
            if not text:
                return
            self.marked.clear()
            merged_id = self.act(lambda w: w.merge_proposals(ids, text)).value
            keep_cursor(self.query_one("#clusters", DataTable), merged_id)
            self.notify(self.tr("cluster.merged", count=len(ids)), timeout=2)

        self.app.push_screen(
            MergeDialog(
                self.tr("cluster.merge.title", count=len(ids)), texts, best_wording(texts),
                self.lang,
            ),
            done,
        )  # fmt: skip

    def action_separate(self) -> None:
        pid = self._cursor_proposal()
        group = self._cursor_ids()
        if pid is None or len(group) < 2:
            return
        others = [other for other in group if other != pid]
        self.act(lambda w: w.keep_apart(pid, others))

    def action_drop(self) -> None:
        pid = self._cursor_proposal()
        if pid is None:
            return
        self.act(lambda w: w.drop_proposal(pid))

    def action_promote(self, everything: bool = False) -> None:
        """Draft objectives from the marked proposals, else the one under the cursor (or, from
        the palette, from every open proposal not yet promoted)."""
        s = self.session
        todo = brainstorm.unpromoted(s)
        if not everything:
            cursor = self._cursor_proposal()
            chosen = self.marked or ({cursor} if cursor else set())
            todo = [p for p in todo if p.id in chosen]
        if not todo:
            self.notify(self.tr("cluster.promote.none"), timeout=3)
            return
        ids = [p.id for p in todo]
        note = self.tr("cluster.promote.note")

        def promote() -> None:
            self.marked.clear()
            self.act(lambda w: w.promote_proposals(ids, note))
            self.notify(self.tr("cluster.promoted", count=len(ids)), timeout=3)

        if len(ids) == 1:
            promote()
            return
        self.app.push_screen(
            ConfirmDialog(
                self.tr("cluster.promote.title"),
                self.tr("cluster.promote.body", count=len(ids)),
                self.lang,
                danger=False,
            ),
            lambda yes: promote() if yes else None,
        )

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.cluster.merge", self.action_merge),
            ("cmd.cluster.promote", self.action_promote),
            ("cmd.cluster.promote_all", lambda: self.action_promote(everything=True)),
        ]
