"""An objective's owner beside its wording: who carries it after the workshop (the minutes
print it under each objective). Typed as a name; a participant's name is stored as their id,
as key results' owners are.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from facilitator.session import Objective, Participant
from facilitator.tui.i18n import t
from facilitator.tui.workbench.key_result_fields import owner_name, owner_value
from facilitator.workshop.checks import clean


class ObjectiveOwner(Horizontal):
    """The owner of the objective on screen."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Label(t(self.lang, "wb.objective.owner"), id="objective-owner-label")
        yield Input(
            id="objective-owner",
            classes="owner-input",
            compact=True,
            placeholder=t(self.lang, "wb.objective.owner.placeholder"),
        )

    @property
    def field(self) -> Input:
        return self.query_one("#objective-owner", Input)

    def load(self, objective: Objective | None, participants: Sequence[Participant]) -> None:
        names = [p.name for p in participants if p.name]
        self.field.suggester = SuggestFromList(names, case_sensitive=False)
        self.field.value = owner_name(objective.owner, participants) if objective else ""

    def value(self, participants: Sequence[Participant]) -> str:
        """The owner as the session stores it (a participant's id when it names one)."""
        return owner_value(clean(self.field.value).strip(), participants)
