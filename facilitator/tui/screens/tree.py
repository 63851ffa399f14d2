"""The strategy as a tree: vision → parent objectives → objectives → key results, each with its
score (the engine's overall score of the current wording), and the figures the cycle adds:
priority votes, progress and confidence from the reviews, grades from the retrospective.
Orphans are gathered under a red branch."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Tree

from facilitator.room import alignment, review
from facilitator.session import KeyResult, Objective
from facilitator.tui.screens.room_base import RoomScreen, fit, percent


class TreeScreen(RoomScreen):
    key = "tree"
    TITLE_KEY = "tree.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "app.goto('alignment')", "tree.bind.alignment", id="tree.alignment"),
        Binding("o", "app.goto('objectives')", "tree.bind.objectives", id="tree.objectives"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Tree(Text(""), id="strategy")

    def focus_first(self) -> None:
        self.query_one("#strategy", Tree).focus()

    def session_changed(self) -> None:
        s = self.session
        tree: Tree[Any] = self.query_one("#strategy", Tree)
        tree.clear()
        tree.root.set_label(
            Text(self.tr("tree.vision") + " " + (fit(s.vision, 110) or "—"), style="bold")
        )
        found = alignment.branches(s)
        numbers = {o.id: i for i, o in enumerate(s.objectives, 1)}
        for i, (parent, objectives) in enumerate(found.parents, 1):
            label = Text(f"P{i} ", style="bold magenta")
            label.append(parent.text, style="bold")
            if not objectives:
                label.append("  " + self.tr("tree.no_objective"), style="dim")
            node = tree.root.add(label, expand=True)
            for objective in objectives:
                self._objective(node, objective, numbers[objective.id])
        if found.independent:
            node = tree.root.add(
                Text(self.tr("tree.independent"), style="italic cyan"), expand=True
            )
            for objective in found.independent:
                self._objective(node, objective, numbers[objective.id])
        if found.orphans:
            node = tree.root.add(
                Text(self.tr("tree.orphans"), style="bold white on red"), expand=True
            )
            for objective in found.orphans:
                self._objective(node, objective, numbers[objective.id])
        tree.root.expand()
        self.status(
            self.tr(
                "tree.status",
                parents=len(s.parents),
                objectives=sum(len(o) for _, o in found.parents)
                + len(found.independent)
                + len(found.orphans),
                orphans=len(found.orphans),
            )
        )

    def _objective(self, node: Any, objective: Objective, n: int) -> None:
        label = Text(f"O{n} ", style="bold")
        label.append(fit(objective.text, 80))
        label.append(_score(objective.current.scores if objective.current else {}))
        votes = self.session.votes.get(objective.id)
        if votes is not None and votes.revealed:
            tally = votes.tally()
            label.append(
                f"  ✓{tally['yes']}/{sum(tally.values())} ●{votes.dots_total}", style="cyan"
            )
        progress = review.objective_progress(self.session, objective)
        if progress is not None:
            label.append(f"  ▸ {percent(progress)}", style="green")
        grade = objective.grade_average()
        if grade is not None:
            label.append(f"  ★ {grade:.2f}", style="yellow")
        branch = node.add(label, expand=True)
        for j, kr in enumerate(objective.key_results, 1):
            branch.add_leaf(self._kr(kr, n, j))

    def _kr(self, kr: KeyResult, n: int, j: int) -> Text:
        label = Text(f"KR{n}.{j} ", style="dim")
        label.append(fit(kr.text, 76))
        label.append(_score(kr.current.scores if kr.current else {}))
        last = kr.last_checkin
        if last is not None:
            label.append(f"  ▸ {percent(last.progress)}", style="green")
            if last.confidence is not None:
                label.append(f" · {self.tr('tree.confidence')} {last.confidence}/10", style="green")
        if kr.grade is not None:
            label.append(f"  ★ {kr.grade:.1f}/{kr.expected_grade:.1f}", style="yellow")
        return label


def _score(scores: dict[str, float]) -> Text:
    if "overall" not in scores:
        return Text("")
    value = scores["overall"]
    style = "green" if value >= 80 else "yellow" if value >= 60 else "red"
    return Text(f"  [{value:.0f}]", style=style)
