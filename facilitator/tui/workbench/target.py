"""What the workbench's editor holds: an objective or a key result, saved or new."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Target:
    """An objective or a key result, saved (ids set) or new."""

    kind: str  # "objective" | "key_result"
    objective_id: str | None = None
    kr_id: str | None = None

    def copy(self) -> Target:
        """The same item, apart from this one (a save sets the ids of a new item)."""
        return Target(self.kind, self.objective_id, self.kr_id)


def draft_key(target: Target) -> str:
    """The key of the item's working draft and of its accepted changes."""
    return f"{target.kind}:{target.objective_id or 'new'}:{target.kr_id or 'new'}"


def service_ids(target: Target) -> tuple[str, str | None]:
    """The workshop service's name for the item: its objective's id and its own (a key
    result's)."""
    return target.objective_id or "", target.kr_id if target.kind == "key_result" else None
