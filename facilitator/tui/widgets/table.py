"""The app's tables: a DataTable whose text cells are shown as written.

Textual reads a cell given as a plain string as markup: a session title "[@click=app.quit]…[/]"
became an action run on a click, "[b]" a style, and a closing tag that opens nothing ("[/i]")
crashed the app as the table drew it. Every table of the app is a `Table`, so a cell of stored
text (a title, a name, an objective, a card) is safe wherever a screen adds it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text, TextType
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class Table(DataTable[Any]):
    def add_row(
        self,
        *cells: Any,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        literal = (Text(cell) if isinstance(cell, str) else cell for cell in cells)
        return super().add_row(*literal, height=height, key=key, label=label)


def text_width(width: int, fixed: list[int], *, least: int = 16, most: int = 90) -> int:
    """The width left for a table's text column on a screen `width` columns wide, once the
    `fixed` columns are placed: the numbers and marks keep theirs, the wording gives way (at 80
    columns a 64-column wording pushed the vote's answers and dots off the screen).

    Counts the screen's padding and scroll bar (6) and each column's padding (2)."""
    room = width - 6 - sum(fixed) - 2 * (len(fixed) + 1)
    return max(least, min(room, most))
