"""The set-up form's widgets: entry fields that keep fast keys in order, and the lists and
buttons whose typed characters go to their section's entry field instead of being lost.

Textual hands each key to the widget focused when the app reads it, and a Tab moves the focus
only once it has come back up to the app: keys arriving within a few milliseconds all went to
the first field ("Cadrage⇥ACME" became one title). So every widget here routes a key it gets
to the widget focused now (`route_key`), and the entry fields move the focus on Tab at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, cast

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input

from facilitator.tui.widgets.table import Table


class FormInput(Input):
    """An entry field of the form that handles Tab, shift+Tab and Enter itself, at once: Enter
    submits through `submit`."""

    def __init__(
        self, *args: Any, submit: Callable[[Input], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._submit = submit

    async def on_key(self, event: events.Key) -> None:
        route_key(self, event)

    def take_key(self, event: events.Key) -> bool:
        """Tab, shift+Tab, Enter and characters, done at once; False for any other key."""
        if event.key in ("tab", "shift+tab"):
            screen = self.screen
            now = screen.focus_next() if event.key == "tab" else screen.focus_previous()
            if isinstance(now, Input) and now.select_on_focus:
                now.select_all()  # what its focus handler does, once the keys are typed
        elif event.key == "enter" and self._submit is not None:
            self._submit(self)
        elif event.is_printable and event.character is not None and self.screen.focused is self:
            if self.selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *self.selection)
        else:
            return False
        return True


class FeedsEntry:
    """Mixed into (first) a list or button of the form tied to its section's entry field
    (`entry`, an id): a character typed on it goes to that field, focused then, as if the
    field had been focused. Space keeps its own meaning (toggle a row, press the button)."""

    def __init__(self, *args: Any, entry: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.entry = entry

    async def on_key(self, event: events.Key) -> None:
        route_key(cast(Widget, self), event)

    def entry_field(self) -> FormInput:
        return cast(Widget, self).screen.query_one(f"#{self.entry}", FormInput)


def route_key(source: Widget, event: events.Key) -> None:
    """Handle a key `source` received, for the widget focused now (the focus may have moved
    since the app read the key): a `FormInput` takes it, a `FeedsEntry` hands a character to
    its field. Any other key goes on its way (a table's arrows, a button's Enter)."""
    target = source.screen.focused
    if isinstance(target, FeedsEntry) and event.is_printable and event.key != "space":
        field = target.entry_field()
        field.focus()
        target = field
    if isinstance(target, FormInput):
        handled = target.take_key(event)
    else:  # the focus went on to another kind of widget: never type into this field then
        handled = target is not source and isinstance(source, FormInput) and event.is_printable
    if handled:
        event.stop()
        event.prevent_default()


class RowsTable(FeedsEntry, Table):
    """A table whose rows can be toggled (space) or removed (delete) from the keyboard; an
    empty one is no stop for Tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_row", show=False, id="setup.toggle"),
        Binding("delete,backspace", "remove_row", show=False, id="setup.remove"),
    ]

    class RowAction(Message):
        def __init__(self, table: RowsTable, action: str, key: str) -> None:
            super().__init__()
            self.table = table
            self.action = action
            self.key = key

    def allow_focus(self) -> bool:
        return self.can_focus and self.row_count > 0

    def _current_key(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def action_toggle_row(self) -> None:
        key = self._current_key()
        if key is not None:
            self.post_message(self.RowAction(self, "toggle", key))

    def action_remove_row(self) -> None:
        key = self._current_key()
        if key is not None:
            self.post_message(self.RowAction(self, "remove", key))


class EntryButton(FeedsEntry, Button):
    """A form's "Add" button: Enter or space presses it, a character goes to its field."""
