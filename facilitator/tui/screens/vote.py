"""Votes: each participant answers "clearly a priority?" and places their dots, in turn.

The facilitator enters one ballot at a time: the voter whose ballot is open is shown at the
top, and only `]`/`[` changes voter. A complete ballot stays open (the screen says it is
complete and how to move on), so dots typed after the last answer still go to the person who
is voting. While votes are hidden, the
screen shows only the current voter's own answers and who is still to vote; `r` reveals every
objective's results together once everyone has voted, as bars, with the share of objectives
judged clearly a priority (stored in the session) and its change since the session this one
follows.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static

from facilitator.room import votes
from facilitator.room.steps import step_option
from facilitator.session import Session
from facilitator.store import StoreError
from facilitator.tui.screens.room_base import RoomScreen, fit, keep_cursor, row_key
from facilitator.tui.widgets.table import Table, text_width

ANSWER_STYLE = {"yes": "bold green", "unsure": "bold yellow", "no": "bold red"}
ANSWERS = ("yes", "unsure", "no")
BAR = 24


class VoteScreen(RoomScreen):
    FIT_COLUMNS = True
    key = "vote"
    TITLE_KEY = "vote.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1,y,o", "answer('yes')", "vote.bind.yes", id="vote.yes", key_display="1"),
        Binding("2,u,question_mark", "answer('unsure')", "vote.bind.unsure", id="vote.unsure",
                key_display="2"),
        Binding("3,n", "answer('no')", "vote.bind.no", id="vote.no", key_display="3"),
        Binding("plus,equals_sign", "dots(1)", "vote.bind.dot", id="vote.dot", key_display="+"),
        Binding("minus", "dots(-1)", "vote.bind.undot", id="vote.undot", key_display="-",
                show=False),
        Binding("right_square_bracket", "voter(1)", "vote.bind.voter", id="vote.voter",
                key_display="]"),
        Binding("left_square_bracket", "voter(-1)", "vote.bind.voter_prev",
                id="vote.voter_prev", show=False),
        Binding("r", "reveal", "vote.bind.reveal", id="vote.reveal"),
        Binding("h", "hide", "vote.bind.hide", id="vote.hide", show=False),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.voter: str | None = None

    @property
    def hidden_until_all(self) -> bool:
        return bool(step_option(self.session, "vote", "hide_votes_until_all"))

    @property
    def show_results(self) -> bool:
        return votes.is_revealed(self.session) or not self.hidden_until_all

    def compose_body(self) -> ComposeResult:
        yield Label(id="voter", classes="voter", markup=False)
        yield Table(id="ballot", cursor_type="row")
        with VerticalScroll(id="results-pane"):
            yield Static(id="results")

    def focus_first(self) -> None:
        self.query_one("#ballot", DataTable).focus()

    def on_mount(self) -> None:
        people = votes.waiting_for(self.session) or votes.voters(self.session)
        self.voter = people[0].id if people else None
        super().on_mount()

    # -- drawing --------------------------------------------------------------------------------

    def session_changed(self) -> None:
        s = self.session
        objectives = votes.candidates(s)
        table = self.query_one("#ballot", DataTable)
        keep = row_key(table)
        fallback = table.cursor_row
        table.clear(columns=True)
        wording = text_width(self.size.width, [3, 14, 10, 10], most=64)
        table.add_column("#", width=3, key="n")
        table.add_column(self.tr("vote.col.objective"), width=wording, key="objective")
        table.add_column(self.tr("vote.col.answer"), width=14, key="answer")
        table.add_column(self.tr("vote.col.dots"), width=10, key="dots")
        table.add_column(self.tr("vote.col.voted"), width=10, key="voted")
        present = votes.voters(s)
        for i, objective in enumerate(objectives, 1):
            ballot = s.votes.get(objective.id)
            answer = ballot.priority.get(self.voter or "") if ballot else None
            dots = ballot.dots.get(self.voter or "", 0) if ballot else 0
            count = sum(1 for p in present if ballot and p.id in ballot.priority)
            table.add_row(
                str(i),
                fit(objective.text, wording),
                Text(self._answer(answer), style=ANSWER_STYLE[answer])
                if answer
                else Text("·", style="dim"),
                Text("●" * dots, style="bold cyan"),
                f"{count}/{len(present)}",
                key=objective.id,
            )
        keep_cursor(table, keep, fallback)
        self._draw_voter()
        self._draw_results()

    def _answer(self, answer: str) -> str:
        match answer:
            case "yes":
                return self.tr("vote.answer.yes")
            case "unsure":
                return self.tr("vote.answer.unsure")
            case _:
                return self.tr("vote.answer.no")

    def person_name(self, pid: str | None) -> str:
        return next((p.name for p in self.session.participants if p.id == pid), "—")

    def _draw_voter(self) -> None:
        s = self.session
        present = votes.voters(s)
        if self.voter is None:
            self.query_one("#voter", Label).update(self.tr("vote.no_voters"))
            return
        index = next((i for i, p in enumerate(present, 1) if p.id == self.voter), 0)
        done = "  ✓ " + self.tr("vote.ballot_complete") if votes.has_voted(s, self.voter) else ""
        self.query_one("#voter", Label).update(
            self.tr(
                "vote.voter",
                name=self.person_name(self.voter),
                n=index,
                total=len(present),
                left=votes.dots_left(s, self.voter),
                dots=s.dots_per_participant,
            )
            + done
        )

    def _draw_results(self) -> None:
        s = self.session
        waiting = votes.waiting_for(s)
        if waiting:
            names = ", ".join(p.name for p in waiting[:8]) + (" …" if len(waiting) > 8 else "")
            status = self.tr("vote.waiting", count=len(waiting), names=names)
        else:
            status = self.tr("vote.all_voted")
        results = self.query_one("#results", Static)
        if not self.show_results:
            self.status(status + "  ·  " + self.tr("vote.hidden"))
            results.update(Text(self.tr("vote.hidden.long"), style="dim"))
            return
        self.status(status)
        results.update(self._results_text())

    def _results_text(self) -> Text:
        """The share judged clearly a priority (and its change) first, then per objective a
        stacked bar of the answers (yes / not sure / no) and a bar of the dots."""
        s = self.session
        found = votes.results(s)
        text = Text()
        if s.priority_share is not None:
            judged, voted = votes.share_counts(s)
            percentage = f"{s.priority_share * 100:.0f}"
            text.append(
                self.tr("vote.share", judged=judged, total=voted, share=percentage) + "\n",
                style="bold",
            )
            gone = votes.voted_not_candidates(s)
            if gone:
                text.append(self.tr("vote.share.gone", count=gone) + "\n", style="dim")
            change = votes.change(s, self._load)
            if change is not None:
                sign = "+" if change.points >= 0 else "−"
                text.append(
                    self.tr(
                        "vote.change",
                        points=f"{sign}{abs(change.points):.0f}",
                        title=change.previous.title or change.previous.id,
                        before=f"{change.previous_share * 100:.0f}",
                    )
                    + "\n",
                    style="bold green" if change.points >= 0 else "bold red",
                )
            text.append("\n")
        legend = Text("  ")
        for answer in ANSWERS:
            legend.append("██ ", style=ANSWER_STYLE[answer].split()[-1])
            legend.append(self._answer(answer) + "   ", style="dim")
        legend.append("██ ", style="cyan")
        legend.append(self.tr("vote.col.dots") + "\n\n", style="dim")
        text.append_text(legend)
        most_dots = max((r.dots for r in found), default=0) or 1
        for i, r in enumerate(found, 1):
            text.append(f"{i:>2}. {fit(r.objective.text, 86)}", style="bold")
            if r.judged_priority:
                text.append("  ★ " + self.tr("vote.judged"), style="bold green")
            text.append("\n    ")
            text.append_text(self._stacked(r))
            counts = " / ".join(str(r.tally[a]) for a in ("yes", "unsure", "no"))
            text.append(f" {counts:<10}", style="dim")
            text.append(votes.bar(r.dots / most_dots, BAR // 2), style="cyan")
            text.append(f" ●{r.dots}\n", style="cyan")
        return text

    def _stacked(self, r: votes.Result) -> Text:
        """One bar of BAR cells: green for yes, yellow for not sure, red for no."""
        bar = Text()
        if not r.voters:
            return Text("·" * BAR, style="dim")
        used, cumulative = 0, 0.0
        for answer in ("yes", "unsure", "no"):
            cumulative += r.share(answer)
            cells = round(cumulative * BAR) - used  # rounding the running total keeps BAR cells
            bar.append("█" * cells, style=ANSWER_STYLE[answer].split()[-1])
            used += cells
        return bar

    def _load(self, session_id: str) -> Session | None:
        try:
            return self.fapp.store.load(session_id)
        except StoreError:
            return None

    # -- actions --------------------------------------------------------------------------------

    def _objective(self) -> str | None:
        return row_key(self.query_one("#ballot", DataTable))

    def action_answer(self, answer: str) -> None:
        objective_id, voter = self._objective(), self.voter
        if objective_id is None or voter is None:
            return
        table = self.query_one("#ballot", DataTable)
        row = table.cursor_row
        complete_before = votes.has_voted(self.session, voter)
        self.act(lambda w: w.set_priority(objective_id, voter, answer))
        if row + 1 < table.row_count:
            table.move_cursor(row=row + 1)
        if votes.has_voted(self.session, voter) and not complete_before:
            # Complete, but still open: dots may follow, and only `]` moves on.
            if votes.waiting_for(self.session):
                message = self.tr("vote.ballot_done", name=self.person_name(voter))
            else:
                message = self.tr("vote.all_voted.notify")
            self.notify(message, timeout=4)

    def action_dots(self, delta: int) -> None:
        objective_id, voter = self._objective(), self.voter
        if objective_id is None or voter is None:
            return
        if delta > 0 and votes.dots_left(self.session, voter) <= 0:
            self.notify(
                self.tr("vote.no_dots_left", dots=self.session.dots_per_participant),
                severity="warning",
                timeout=3,
            )
            return
        self.act(lambda w: w.add_dots(objective_id, voter, delta))

    def action_voter(self, step: int) -> None:
        """Open the next (`step` 1) or previous (-1) participant's ballot, at its first line."""
        present = [p.id for p in votes.voters(self.session)]
        if not present:
            return
        index = present.index(self.voter) if self.voter in present else -1
        self.voter = present[(index + step) % len(present)]
        self.session_changed()
        self.query_one("#ballot", DataTable).move_cursor(row=0)
        self.notify(self.tr("vote.next_voter", name=self.person_name(self.voter)), timeout=2)

    def action_reveal(self) -> None:
        s = self.session
        if not votes.everyone_voted(s):
            names = ", ".join(p.name for p in votes.waiting_for(s))
            self.notify(self.tr("vote.not_yet", names=names), severity="warning", timeout=4)
            return
        self.act(lambda w: w.reveal_votes())
        self.notify(self.tr("vote.revealed"), timeout=3)
        self.query_one("#results-pane").scroll_home(animate=False)

    def action_hide(self) -> None:
        self.act(lambda w: w.hide_votes())

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [("cmd.vote.reveal", self.action_reveal), ("cmd.vote.hide", self.action_hide)]
