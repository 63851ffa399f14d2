"""The workbench's list of the session's objectives and their key results."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from facilitator.session import Session, Versioned
from facilitator.tui.workbench.target import Target


class ItemTree(Tree[Target]):
    """O1, KR1.1 …: each item with its mark (★ final, ✕ dropped), its score and its wording."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.show_root = False

    def fill(self, session: Session, target: Target) -> None:
        """List `session`'s items, the cursor on `target`'s."""
        self.clear()
        select: TreeNode[Target] | None = None
        for i, objective in enumerate(session.objectives, start=1):
            node = self.root.add(
                _label(f"O{i}", objective), data=Target("objective", objective.id), expand=True
            )
            if target.kind == "objective" and target.objective_id == objective.id:
                select = node
            for j, kr in enumerate(objective.key_results, start=1):
                leaf = node.add_leaf(
                    _label(f"KR{i}.{j}", kr), data=Target("key_result", objective.id, kr.id)
                )
                if target.kr_id == kr.id:
                    select = leaf
        if select is not None:
            self.move_cursor(select)


def _label(prefix: str, item: Versioned) -> Text:
    current = item.current
    score = f"{current.scores['overall']:.0f}" if current and "overall" in current.scores else "—"
    star = "★" if item.final is not None else " "
    if getattr(item, "status", "") == "dropped":
        star = "✕"  # dropped by the room, kept for the minutes
    text = item.text
    text = text if len(text) <= 60 else text[:59] + "…"
    return Text(f"{prefix} {star}{score:>3} {text}")  # a Text: Tree reads a str as markup
