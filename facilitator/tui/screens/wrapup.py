"""Wrap-up: what the session decided and what is still open, before the room leaves.

Parking-lot items without a follow-up (owner and next step) block the close: Enter on one
gives it its follow-up. Actions are listed with their owner and due date; objectives not
aligned, actions missing an owner or a date, and votes never revealed are flagged. The
objectives are summed up (retained, drafts, dropped), with warnings that do not block:
objectives without key results, key results without an owner, drafts not yet decided,
retained wordings not final. `p` proposes the vote's outcome as the retained set (the
facilitator edits and confirms), `o` opens the objectives, `u` undoes the last decision on
them. `c` closes the wrap-up (the last step) once nothing blocks, after a confirmation when
warnings remain.

Before the minutes are written from here, the versions saved without the engine's scores
(typed before it was ready, imported, accepted from a proposal) are scored in a worker, so
the minutes never say "not assessed" of a wording the engine could have assessed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from facilitator.room import wrapup
from facilitator.session import Objective
from facilitator.tui import room_actions
from facilitator.tui.screens import objectives as objectives_screen
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.widgets.table import Table, text_width


class WrapupScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "wrapup"
    TITLE_KEY = "wrapup.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "close_wrapup", "wrapup.bind.close", id="wrapup.close"),
        Binding("l", "app.goto('log')", "wrapup.bind.log", id="wrapup.log"),
        Binding("e", "export_minutes", "wrapup.bind.export", id="wrapup.export"),
        Binding("p", "propose", "wrapup.bind.propose", id="wrapup.propose"),
        Binding("o", "app.goto('objectives')", "wrapup.bind.objectives", id="wrapup.objectives"),
        Binding("u", "undo", "wrapup.bind.undo", id="wrapup.undo", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="wrapup"):
            yield Label(id="blocking-title", classes="section-title")
            yield Table(id="blocking", cursor_type="row")
            yield Static(id="report")

    def focus_first(self) -> None:
        self.query_one("#blocking", DataTable).focus()

    def on_mount(self) -> None:
        super().on_mount()
        self.fapp.score_unscored()  # the minutes are written from here: no "not assessed"

    def session_changed(self) -> None:
        s = self.session
        items = wrapup.open_items(s)
        table = self.query_one("#blocking", DataTable)
        keep = row_key(table)
        table.clear(columns=True)
        wording = text_width(self.size.width, [20, 20], least=24, most=60)
        table.add_column(self.tr("log.col.text"), width=wording, key="text")
        table.add_column(self.tr("log.col.owner"), width=20, key="owner")
        table.add_column(self.tr("log.col.next_step"), width=20 if self.narrow else 36,
                         key="next")  # fmt: skip
        for p in items.parking:
            missing = Text(self.tr("log.missing"), style="bold red")
            table.add_row(
                fit(p.text, wording),
                wrapup.owner_name(s, p.owner) or missing,
                fit(p.next_step, 20 if self.narrow else 36) or missing,
                key=p.id,
            )
        keep_cursor(table, keep)
        table.display = bool(items.parking)
        title = self.query_one("#blocking-title", Label)
        if items.parking:
            title.update(
                Text(self.tr("wrapup.blocking", count=len(items.parking)), style="bold red")
            )
        else:
            title.update(Text(self.tr("wrapup.parking_clear"), style="bold green"))
        self.query_one("#report", Static).update(self._report(items))
        step = s.step if s.step is not None and s.step.kind == "wrapup" else None
        if step is None:  # closed from another step: the wrap-up step `wrapup.close` marks
            step = next((st for st in reversed(s.agenda) if st.kind == "wrapup"), None)
        closed = step is not None and step.status == "done"
        if closed:
            self.status(self.tr("wrapup.closed"))
        elif items.blocking:
            self.status(self.tr("wrapup.cannot_close", count=len(items.parking)))
        elif items.warnings:
            self.status(self.tr("wrapup.can_close_warnings", count=items.warnings))
        else:
            self.status(self.tr("wrapup.can_close"))

    def _report(self, items: wrapup.OpenItems) -> Text:
        s = self.session
        text = Text()

        def section(title: str, style: str = "bold") -> None:
            text.append("\n" + title + "\n", style=style)

        self._objectives(text, items)
        section(self.tr("wrapup.decisions", count=len(s.decisions)))
        for d in s.decisions:
            text.append(f"  • {d.text}\n")
        section(self.tr("wrapup.actions", count=len(items.actions)))
        for a in items.actions:
            owner = wrapup.owner_name(s, a.owner) or "?"
            text.append(f"  • {fit(a.text, 70)}", style="")
            text.append(f"  — {owner}, {a.due or '?'}\n", style="cyan")
        if items.incomplete_actions:
            section(
                self.tr("wrapup.incomplete", count=len(items.incomplete_actions)), "bold yellow"
            )
            for a in items.incomplete_actions:
                text.append(f"  • {fit(a.text, 90)}\n", style="yellow")
        if items.orphans:
            section(self.tr("wrapup.orphans", count=len(items.orphans)), "bold yellow")
            for o in items.orphans:
                text.append(f"  • {fit(o.text, 90)}\n", style="yellow")
        if items.votes_hidden:
            section(self.tr("wrapup.votes_hidden"), "bold yellow")
        followed = [p for p in s.parking if p.has_follow_up or p.resolved]
        if followed:
            section(self.tr("wrapup.parking_followed", count=len(followed)))
            for p in followed:
                owner = wrapup.owner_name(s, p.owner)
                tail = f"  — {owner} : {p.next_step}" if p.has_follow_up else ""
                text.append(f"  • {fit(p.text, 60)}", style="dim" if p.resolved else "")
                text.append(tail + "\n", style="cyan")
        return text

    def _objectives(self, text: Text, items: wrapup.OpenItems) -> None:
        """Where the objectives stand, and what to check before the room leaves."""
        s = self.session
        numbering = objectives_screen.numbers(s)
        retained = [o for o in s.objectives if o.status == "retained"]
        counts = {
            "retained": len(retained),
            "drafts": sum(o.status == "draft" for o in s.objectives),
            "dropped": sum(o.status == "dropped" for o in s.objectives),
        }
        text.append("\n" + self.tr("wrapup.objectives", **counts) + "\n", style="bold")
        for o in retained:
            text.append(f"  ✓ {numbering.get(o.id, '')} ", style="bold green")
            text.append(f"{fit(o.text, 80)}\n")
        if not retained and s.objectives:
            text.append("  " + self.tr("wrapup.propose_hint") + "\n", style="cyan")

        def warn(key: str, lines: list[str]) -> None:
            if lines:
                text.append("\n" + self.tr(key, count=len(lines)) + "\n", style="bold yellow")
                for line in lines:
                    text.append(f"  • {line}\n", style="yellow")

        def ref(o: Objective) -> str:
            return f"{numbering.get(o.id, '')} {fit(o.text, 80)}".strip()

        warn("wrapup.warn.undecided", [ref(o) for o in items.undecided])
        warn("wrapup.warn.no_krs", [ref(o) for o in items.without_key_results])
        warn(
            "wrapup.warn.unowned",
            [
                f"{numbering.get(o.id, '')} · {fit(kr.text, 76)}"
                for o, kr in items.unowned_key_results
            ],
        )
        warn(
            "wrapup.warn.figures",
            [f"{numbering.get(o.id, '')} · {fit(kr.text, 76)}" for o, kr in items.figures_to_set],
        )
        warn("wrapup.warn.not_final", [ref(o) for o in items.not_final])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            room_actions.parking_follow_up(self.fapp, event.row_key.value)

    def action_close_wrapup(self) -> None:
        items = wrapup.open_items(self.session)
        if items.blocking:
            self.notify(
                self.tr("wrapup.cannot_close", count=len(items.parking)),
                severity="warning",
                timeout=4,
            )
            return
        if items.warnings:
            from facilitator.tui.screens.dialogs import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self._close()

            body = self.tr("wrapup.confirm.body", count=items.warnings)
            self.app.push_screen(
                ConfirmDialog(self.tr("wrapup.confirm.title"), body, self.lang), answered
            )
            return
        self._close()

    def _close(self) -> None:
        self.act(lambda w: w.close_wrapup())
        self.notify(self.tr("wrapup.closed"), timeout=4)

    def action_propose(self) -> None:
        objectives_screen.propose_retained(self.fapp)

    def action_undo(self) -> None:
        if objectives_screen.undo_last(self.fapp) is not None:
            self.session_changed()
            self.update_bar()

    def action_export_minutes(self) -> None:
        """The deliverable of the workshop: the Word minutes, from the wrap-up step."""
        from facilitator.tui.minutes_export import export_minutes

        export_minutes(self.fapp, "docx")

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [
            ("cmd.wrapup.close", self.action_close_wrapup),
            ("cmd.obj.propose", self.action_propose),
        ]
