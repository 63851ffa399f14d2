"""A trainee's progress file, saved at each change; a change the disk refused is kept on screen
and replayed with the next save (changes are idempotent)."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.store import StoreError
from facilitator.training.progress import TraineeProgress
from facilitator.training.store import TrainingStore

Change = Callable[[TraineeProgress], object]


class ProgressFile:
    """`progress` is the trainee's progress as the screen shows it."""

    def __init__(self, store: TrainingStore, trainee: str, group: str) -> None:
        self.store = store
        self.trainee = trainee
        self.group = group
        self.progress = TraineeProgress(trainee, group)
        self._pending: list[Change] = []

    def load(self) -> None:
        """Read the saved progress (raises StoreError, the empty progress kept)."""
        self.progress = self.store.load(self.trainee, self.group)

    def save(self, change: Change) -> StoreError | None:
        """Apply `change` and save it at once, with the changes a failed save kept; a failed
        save applies `change` on screen only, and returns the error."""
        self._pending.append(change)
        pending = list(self._pending)

        def apply(trainee: TraineeProgress) -> None:
            for fn in pending:
                fn(trainee)

        try:
            self.progress = self.store.update(self.trainee, self.group, apply)
        except StoreError as error:
            change(self.progress)
            return error
        self._pending.clear()
        return None
