"""A key result's parts beside its wording: baseline, target, unit, deadline and owner.

They follow the engine's reading of the wording until the room corrects one; a corrected field
keeps the room's value. Owners are stored as participant ids when they name a participant.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from facilitator.session import KeyResult, Participant
from facilitator.tui.i18n import t
from facilitator.workshop.assessments import KR_FIELDS, edited_fields, kr_fields
from facilitator.workshop.checks import clean

# The catalogue key of each field's label, in the order of KR_FIELDS.
LABEL_KEYS = {
    "baseline": "wb.kr.baseline",
    "target": "wb.kr.target",
    "unit": "wb.kr.unit",
    "deadline": "wb.kr.deadline",
    "owner": "wb.kr.owner",
}


class KeyResultFields(Vertical):
    """The fields of the key result on screen; `edited` names those the room corrected."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.edited: set[str] = set()
        self._follow: set[str] | None = None
        """The fields that follow the extraction (None until the item's first result)."""
        self._auto: dict[str, str] = {}
        """The values the program put in the fields (a change to another value is the room's)."""

    def compose(self) -> ComposeResult:
        yield Label(t(self.lang, "wb.kr.fields"), classes="subtitle")
        with Horizontal(id="kr-inputs"):
            for name in KR_FIELDS:
                with Vertical(classes="kr-field"):
                    yield Label(t(self.lang, LABEL_KEYS[name]))
                    yield Input(id=f"kr-{name}", classes="kr-input", compact=True)

    def _field(self, name: str) -> Input:
        return self.query_one(f"#kr-{name}", Input)

    def load(self, kr: KeyResult | None, participants: Sequence[Participant]) -> None:
        """Show `kr`'s fields (empty for a new key result or an objective)."""
        self.edited = edited_fields(kr) if kr is not None else set()
        self._follow = None
        self._auto = {}
        names = [p.name for p in participants if p.name]
        for name in KR_FIELDS:
            field = self._field(name)
            value = getattr(kr, name) if kr is not None else ""
            if name == "owner":
                value = owner_name(value, participants)
                field.suggester = SuggestFromList(names, case_sensitive=False)
            self._auto[name] = value
            field.value = value

    def autofill(self, parts: dict[str, Any]) -> None:
        """Fields follow the engine's extraction unless the room corrected them.

        On the first result for an item, a saved value that differs from the extraction counts
        as a correction and is kept; an empty one, or one equal to the extraction, follows.
        """
        extracted = kr_fields(parts)
        if self._follow is None:
            current = {n: self._field(n).value for n in extracted}
            self._follow = {
                n
                for n, value in extracted.items()
                if n not in self.edited and (not current[n] or current[n] == value)
            }
        for name in self._follow:
            value = extracted[name]
            field = self._field(name)
            if field.value != value:
                self._auto[name] = value
                field.value = value

    def values(self, participants: Sequence[Participant]) -> dict[str, str]:
        """The fields as the session stores them (the owner as a participant's id)."""
        values = {name: clean(self._field(name).value).strip() for name in KR_FIELDS}
        values["owner"] = owner_value(values["owner"], participants)
        return values

    def values_for(self, parts: Any, participants: Sequence[Participant]) -> dict[str, str]:
        """`values`, with the fields that follow the extraction read from `parts`, the engine's
        reading of the wording being saved: an accepted rewrite or split is saved with its own
        figures, not those the fields still showed for the wording it replaces."""
        values = self.values(participants)
        following = self._follow if self._follow is not None else set(KR_FIELDS) - self.edited
        for name, value in kr_fields(parts).items():
            if name in following:
                values[name] = value
        return values

    def differ(self, kr: KeyResult, participants: Sequence[Participant]) -> bool:
        """Whether the fields say something else than `kr` as saved."""
        return any(getattr(kr, n) != value for n, value in self.values(participants).items())

    def on_input_changed(self, event: Input.Changed) -> None:
        field = event.input
        name = (field.id or "").removeprefix("kr-")
        if event.value != self._auto.get(name) and field.has_focus:
            self.edited.add(name)
            if self._follow is not None:
                self._follow.discard(name)


def owner_name(owner: str, participants: Sequence[Participant]) -> str:
    """A stored owner as the room reads it: a participant's name, else the text typed."""
    for person in participants:
        if person.id == owner:
            return person.name
    return owner


def owner_value(text: str, participants: Sequence[Participant]) -> str:
    """A typed owner as the session stores it: a participant's id when it names one."""
    folded = text.casefold()
    for person in participants:
        if person.name.casefold() == folded:
            return person.id
    return text
