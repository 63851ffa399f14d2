"""What the room-mechanic screens share: a title, a status line, the body, and changing the
session through the workshop service (`app.act`) followed by a redraw.

Each mechanic (brainstorm, clustering, vote, alignment …) is a thin screen over the workshop
service and the read-only helpers of `facilitator.room`; the screens only read keys and draw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from facilitator.tui.screens.base import HIDDEN_NAVIGATION, SessionScreen
from facilitator.workshop import Workshop

if TYPE_CHECKING:
    from facilitator.tui.app import Acted

T = TypeVar("T")


class RoomScreen(SessionScreen):
    """A screen that runs one room mechanic over the open session."""

    FOOTER_HIDDEN = HIDDEN_NAVIGATION
    TITLE_KEY: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        with Vertical(id="room", classes=f"room room-{self.key}"):
            yield Label(self.tr(self.TITLE_KEY), id="room-title", classes="room-title")
            yield Static(id="room-status", classes="room-status", markup=False)
            yield from self.compose_body()
        yield from self.compose_footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        super().on_mount()
        self.session_changed()
        self.focus_first()

    def focus_first(self) -> None:
        """Give the keyboard to the screen's main widget (screens override)."""

    def language_changed(self) -> None:
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_recompose)

    def _after_recompose(self) -> None:
        self.session_changed()
        self.focus_first()

    def session_changed(self) -> None:
        """Redraw from the session (screens override)."""

    def status(self, text: str | Text) -> None:
        self.query_one("#room-status", Static).update(text)

    def act(self, operation: Callable[[Workshop], T]) -> Acted[T]:
        """Run `operation` on the open session (see `FacilitatorApp.act`), then redraw."""
        done = self.fapp.act(operation)
        self.session_changed()
        self.update_bar()
        return done

    def palette_commands(self) -> list[tuple[str, Any]]:
        return []


def row_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor, if any."""
    if not table.row_count or table.cursor_row < 0:
        return None
    row, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return row.value


def keep_cursor(table: DataTable[Any], key: str | None, fallback: int = 0) -> None:
    """Put the cursor back on row `key` after a refill (else on row `fallback`)."""
    if not table.row_count:
        return
    if key is not None:
        try:
            table.move_cursor(row=table.get_row_index(key))
            return
        except Exception:  # the row is gone
            pass
    table.move_cursor(row=min(max(fallback, 0), table.row_count - 1))


def fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"
