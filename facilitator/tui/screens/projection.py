"""Projection: the current step for the wall, in large high-contrast text, without the
facilitator's script, coach remarks or keys (F8, or "project" in the palette; Esc or F8 again
returns).

What it shows follows where the facilitator was and the agenda: from the workbench (or in a
drafting step) the item being worded with its three scores as large digits and the changes the
room accepted; from the vote (or in the vote step) the results once revealed and only the count
of ballots before (the vote is secret until then); from the alignment or the tree (or in the
alignment step) the tree of the strategy; otherwise the agenda's step and its timer. While the
room server runs, the join address, code and QR code stand beside it. The screen reads the
session again every second, so it follows the step, the accepted versions and the votes live.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Label, Static

from facilitator.minutes.history_notes import readable_note
from facilitator.room import alignment, votes
from facilitator.room.steps import step_option
from facilitator.session import Objective, Session, Versioned
from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.screens.objectives import numbers
from facilitator.tui.timer_display import clock
from facilitator.workshop import step_texts
from facilitator.workshop.assessments import rule_title, score_delta

SOURCE_VIEWS = {"workbench": "wording", "vote": "vote", "alignment": "tree", "tree": "tree"}
"""The view projected from each screen (other screens: the step's view)."""
STEP_VIEWS = {
    "draft_objectives": "wording",
    "draft_key_results": "wording",
    "vote": "vote",
    "alignment": "tree",
}
"""The view of each kind of agenda step (other kinds: the step and its timer)."""
SCORES = (("clarity", "wb.score.clarity"), ("ambition", "wb.score.ambition"),
          ("measurability", "wb.score.measurability"))  # fmt: skip
CHANGES = 6
"""How many accepted changes the wall shows, most recent first."""


def project(app: Any) -> None:
    """Show the projection of the open session's current step (F8 and the palette)."""
    screen = app.screen
    if app.session is None or isinstance(screen, ProjectionScreen):
        return  # there F8 is the way back (the screen's own binding)
    source = screen.key if isinstance(screen, SessionScreen) else ""
    app.ui_state[("projection", app.session.id)] = (source, app.session.current_step)
    app.goto("projection")


class ProjectionScreen(SessionScreen):
    key = "projection"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "app.back", "bind.back", id="projection.close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="projection"):
            with VerticalScroll(id="proj-main"):
                yield Label(id="proj-step", markup=False)
                yield Static(id="proj-heading", markup=False)
                yield Static(id="proj-text", markup=False)
                with Horizontal(id="proj-scores"):
                    for name, _ in SCORES:
                        with Vertical(classes="proj-score"):
                            yield Label(id=f"proj-label-{name}", markup=False)
                            yield Digits(id=f"proj-{name}")
                yield Digits(id="proj-timer")
                yield Static(id="proj-body", markup=False)
            with Vertical(id="proj-join"):
                yield Static(id="proj-join-text", markup=False)
                yield Static(id="proj-qr", markup=False)
        yield Label(self.tr("proj.back"), id="proj-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._drawn: tuple[Any, ...] | None = None
        self.session_changed()
        self.set_interval(1.0, self.read_again, name="projection-read")

    def read_again(self) -> None:
        """Participants change the session from the room server's thread: read it again."""
        workshop = self.fapp.workshop
        if workshop is not None and self._server() is not None:
            workshop.reload()
        self.session_changed()

    def language_changed(self) -> None:
        self._drawn = None
        self.query_one("#proj-hint", Label).update(self.tr("proj.back"))
        self.session_changed()

    # -- what to show ---------------------------------------------------------------------------

    def view(self) -> str:
        """wording | vote | tree | agenda: the screen left's view while the agenda stays on the
        step it was left at, then the step's."""
        s = self.session
        source, step = self.fapp.ui_state.get(("projection", s.id), ("", s.current_step))
        if step == s.current_step and source in SOURCE_VIEWS:
            return SOURCE_VIEWS[source]
        return STEP_VIEWS.get(s.step.kind if s.step is not None else "", "agenda")

    def session_changed(self) -> None:
        if self.fapp.session is None:
            return  # the session closed under a queued redraw
        s, view = self.session, self.view()
        drawn = (view, self.lang, s.current_step, _fingerprint(s), self._join_urls())
        if drawn != self._drawn:
            self._drawn = drawn
            self._draw(s, view)
        self._draw_timer(s)

    def _draw(self, s: Session, view: str) -> None:
        step = self.query_one("#proj-step", Label)
        if s.step is not None:
            title = step_texts(s, s.current_step, self.lang).title
            step.update(self.tr("session.step", n=s.current_step + 1, total=len(s.agenda),
                                title=title))  # fmt: skip
        else:
            step.update(s.title or self.tr("untitled"))
        self.set_class(view == "wording", "-wording")
        self.set_class(view == "agenda", "-agenda")
        heading, text, body = {
            "wording": self._wording,
            "vote": self._vote,
            "tree": self._tree,
            "agenda": self._agenda,
        }[view](s)
        self.query_one("#proj-heading", Static).update(heading)
        self.query_one("#proj-text", Static).update(text)
        self.query_one("#proj-body", Static).update(body)
        self._draw_join()

    def _draw_timer(self, s: Session) -> None:
        step = s.step
        shown = step is not None and step.budget_seconds > 0
        timer = self.query_one("#proj-timer", Digits)
        timer.display = shown and self.has_class("-agenda")
        if step is not None and shown:
            timer.update(clock(step.remaining(self.fapp.now())))

    # -- the views: (heading, large text, body) -------------------------------------------------

    def _wording(self, s: Session) -> tuple[Text, Text, Text]:
        objective, item = _worded(s, self.fapp.ui_state.get(("workbench", s.id)))
        if objective is None or item is None:
            return Text(""), Text(self.tr("proj.nothing"), style="bold"), Text("")
        number = numbers(s).get(objective.id, "")
        if item is objective:
            heading = Text(self.tr("proj.objective", n=number), style="bold")
        else:
            heading = Text(f"{number} · {objective.text}\n", style="bold")
            kr = objective.key_results.index(item) + 1  # type: ignore[arg-type]
            heading.append(self.tr("proj.kr", n=f"KR{number.removeprefix('O')}.{kr}"))
        current = item.current
        for name, key in SCORES:
            self.query_one(f"#proj-label-{name}", Label).update(self.tr(key))
            value = current.scores.get(name) if current is not None else None
            self.query_one(f"#proj-{name}", Digits).update("—" if value is None else f"{value:.0f}")
        return heading, Text(item.text, style="bold"), self._changes(item)

    def _changes(self, item: Versioned) -> Text:
        """The versions the room moved to, most recent first: what each one fixed."""
        lang = self.session.lang
        text = Text(self.tr("proj.changes") + "\n", style="bold")
        later = [v for v in reversed(item.versions) if v is not item.versions[0]]
        if not later:
            text.append(self.tr("proj.no_changes"), style="dim")
        for version in later[:CHANGES]:
            delta = score_delta(item, version.n)
            fixed = ", ".join(rule_title(r, lang) for r in item.resolved(version.n))
            text.append(f"v{version.n}  ", style="bold")
            if delta:
                text.append(f"{delta:+.0f}  ", style="bold green" if delta > 0 else "bold red")
            note = readable_note(lang, version.note) if version.note else ""
            text.append((fixed or note or version.text) + "\n")
        return text

    def _vote(self, s: Session) -> tuple[Text, Text, Text]:
        heading = Text(self.tr("vote.title"), style="bold")
        shown = votes.is_revealed(s) or not step_option(s, "vote", "hide_votes_until_all")
        present = votes.voters(s)
        if not shown:
            voted = len(present) - len(votes.waiting_for(s))
            return heading, Text(self.tr("proj.vote.secret", voted=voted, total=len(present)),
                                 style="bold"), Text("")  # fmt: skip
        body = Text()
        found = votes.results(s)
        most_dots = max((r.dots for r in found), default=0) or 1
        for i, r in enumerate(found, 1):
            body.append(f"{i}. {r.objective.text}", style="bold")
            if r.judged_priority:
                body.append("  ★", style="bold green")
            body.append("\n   ")
            body.append(votes.bar(r.share("yes"), 20), style="bold green")
            body.append(f" {r.tally['yes']}/{r.voters}  ", style="bold green")
            body.append(votes.bar(r.dots / most_dots, 10), style="bold cyan")
            body.append(f" ●{r.dots}\n\n", style="bold cyan")
        share = ""
        if s.priority_share is not None:
            judged, total = votes.share_counts(s)
            share = self.tr("vote.share", judged=judged, total=total,
                            share=f"{s.priority_share * 100:.0f}")  # fmt: skip
        return heading, Text(share, style="bold"), body

    def _tree(self, s: Session) -> tuple[Text, Text, Text]:
        found = alignment.branches(s)
        numbering = numbers(s)
        body = Text()

        def objectives(items: list[Objective]) -> None:
            for o in items:
                body.append(f"   {numbering.get(o.id, '')} ", style="bold")
                body.append(o.text + "\n")

        for i, (parent, children) in enumerate(found.parents, 1):
            body.append(f"P{i} {parent.text}\n", style="bold magenta")
            objectives(children)
        if found.independent:
            body.append(self.tr("tree.independent") + "\n", style="bold cyan")
            objectives(found.independent)
        if found.orphans:
            body.append(self.tr("tree.orphans") + "\n", style="bold white on red")
            objectives(found.orphans)
        vision = Text(s.vision, style="bold") if s.vision else Text("")
        return Text(self.tr("tree.title"), style="bold"), vision, body

    def _agenda(self, s: Session) -> tuple[Text, Text, Text]:
        step = s.step
        if step is None:
            return Text(""), Text(s.title or self.tr("untitled"), style="bold"), Text("")
        texts = step_texts(s, s.current_step, self.lang)
        body = Text()
        if s.current_step + 1 < len(s.agenda):
            upcoming = step_texts(s, s.current_step + 1, self.lang).title
            body.append(self.tr("proj.next", title=upcoming), style="dim")
        return Text(s.title, style="bold"), Text(texts.title, style="bold"), body

    # -- the room's join panel ------------------------------------------------------------------

    def _server(self) -> Any:
        """The room server of this session when it runs (see the room server's screen)."""
        from facilitator.tui.screens import room_server

        background = room_server.SERVERS.get(self.session.id)
        return background if background is not None and background.running else None

    def _join_urls(self) -> tuple[str, ...]:
        background = self._server()
        if background is None:
            return ()
        from facilitator.web import launch
        from facilitator.workshop.participants import RoomState

        room = RoomState.of(self.session)
        if room.closed:
            return ()
        return (room.code, *launch.join_urls(background.host, background.port, room.code))

    def _draw_join(self) -> None:
        found = self._join_urls()
        panel = self.query_one("#proj-join", Vertical)
        panel.display = bool(found)
        if not found:
            return
        from facilitator.web import launch

        code, first, *_ = found
        text = Text(self.tr("proj.join") + "\n", style="bold")
        text.append(first + "\n", style="bold")
        text.append(self.tr("proj.join.code", code=code), style="bold reverse")
        self.query_one("#proj-join-text", Static).update(text)
        self.query_one("#proj-qr", Static).update(launch.qr_text(first))


def _worded(session: Session, target: Any) -> tuple[Objective | None, Versioned | None]:
    """The objective and the item (it or one of its key results) open in the workbench; the
    first objective when the workbench was not opened or its item is gone."""
    objective_id = getattr(target, "objective_id", None)
    objective = next((o for o in session.objectives if o.id == objective_id), None)
    if objective is None:
        objective = session.objectives[0] if session.objectives else None
        return objective, objective
    if getattr(target, "kind", "") == "key_result":
        kr_id = getattr(target, "kr_id", None)
        kr = next((k for k in objective.key_results if k.id == kr_id), None)
        if kr is not None:
            return objective, kr
    return objective, objective


def _fingerprint(session: Session) -> tuple[Any, ...]:
    """What the wall shows changes with: the wordings, their versions and the votes."""
    return (
        tuple((o.id, o.status, len(o.versions), o.final_version, o.parent_id, o.independent,
               tuple((k.id, len(k.versions)) for k in o.key_results))
              for o in session.objectives),
        tuple((oid, len(b.priority), b.dots_total, b.revealed) for oid, b in session.votes.items()),
        session.priority_share,
    )  # fmt: skip
