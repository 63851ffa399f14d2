"""The undo and redo stacks of the workbench: per item on screen (ctrl+z there undoes what was
accepted there), kept while the app runs. What an undo does to the session is the workshop
service's (`facilitator.workshop.accepted`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.workshop.accepted import Accepted


@dataclass
class Stacks:
    done: list[Accepted] = field(default_factory=list)
    undone: list[Accepted] = field(default_factory=list)


class UndoHistory:
    """The stacks of every item, by the workbench's item key."""

    LIMIT = 50

    def __init__(self) -> None:
        self._items: dict[str, Stacks] = {}

    def stacks(self, key: str) -> Stacks:
        return self._items.setdefault(key, Stacks())

    def record(self, key: str, change: Accepted) -> None:
        """A new accepted change: it can be undone; what was undone before can no longer be
        redone (as in any editor)."""
        stacks = self.stacks(key)
        stacks.done.append(change)
        del stacks.done[: -self.LIMIT]
        stacks.undone.clear()
