"""The draft editor: a soft-wrapped one-paragraph text area that highlights the findings' spans.

Enter saves (an objective is one sentence); pasted line breaks and no-break spaces are cleaned
by the workbench. Highlights reuse the TextArea's syntax-highlight map, fed from the findings
instead of a tree-sitter query.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from rich.style import Style
from textual import events
from textual.message import Message
from textual.widgets import TextArea

LEVEL_STYLES = {
    "finding-suggestion": Style(underline=True, color="#7fb8ff"),
    "finding-warning": Style(underline=True, color="#ffcc66", bold=True),
    "finding-error": Style(underline=True, color="#ff7a7a", bold=True),
    "finding-selected": Style(reverse=True, bold=True),
}


def finding_spans(findings: Iterable[Any], text: str) -> list[tuple[int, int, str]]:
    """The (start, end, level) spans of `findings` to underline in `text`.

    A finding about the whole draft (too long, no "why" …) gets an empty span: the list of
    findings says it, and underlining everything would hide the findings about words.
    """
    whole = max(1, len(text.strip()))
    return [
        (f.start, f.end, f.level) if f.end - f.start < 0.9 * whole else (f.start, f.start, f.level)
        for f in findings
    ]


class DraftEditor(TextArea):
    class Submitted(Message):
        """Enter was pressed: save the draft as a new version."""

        def __init__(self, editor: DraftEditor) -> None:
            super().__init__()
            self.editor = editor

    def __init__(self, text: str = "", *, id: str | None = None, undo_keys: bool = True) -> None:
        """`undo_keys=False` leaves ctrl+z / ctrl+y to the screen (the workbench undoes the
        typing through `undo`/`redo`, then the changes it accepted)."""
        super().__init__(
            text,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            id=id,
            compact=True,
        )
        # ctrl+k adds a key result in the workbench; ctrl+u still clears the line.
        self._bindings.key_to_bindings.pop("ctrl+k", None)
        if not undo_keys:
            for key in ("ctrl+z", "ctrl+y"):
                self._bindings.key_to_bindings.pop(key, None)
        self.spans: list[tuple[int, int, str]] = []
        self.selected: int | None = None
        self.last_key_time: float = 0.0
        """perf_counter() of the last key press (to measure keystroke-to-feedback latency)."""

    async def _on_key(self, event: events.Key) -> None:
        self.last_key_time = time.perf_counter()
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)

    def key_time(self, within: float = 0.5) -> float:
        """The time of the latest key press if it is recent (the change comes from typing),
        else 0.0 (a change made by the program)."""
        if self.last_key_time and time.perf_counter() - self.last_key_time < within:
            return self.last_key_time
        return 0.0

    def set_findings(self, spans: list[tuple[int, int, str]], selected: int | None) -> None:
        """Highlight `spans` (start, end, level) of the text; `selected` is drawn reversed."""
        if spans == self.spans and selected == self.selected:
            return
        self.spans = spans
        self.selected = selected
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        spans = getattr(self, "spans", None)
        if not spans:
            return
        # One paragraph: every span is on line 0; the map counts UTF-8 bytes.
        line = self.document.get_line(0) if self.document.line_count else ""
        for i, (start, end, level) in enumerate(spans):
            start, end = max(0, min(start, len(line))), max(0, min(end, len(line)))
            if end <= start:
                if i == self.selected and line:  # a whole-draft finding, selected: all of it
                    start, end = 0, len(line)
                else:
                    continue
            a = len(line[:start].encode("utf-8"))
            b = len(line[:end].encode("utf-8"))
            name = "finding-selected" if i == self.selected else f"finding-{level}"
            self._highlights[0].append((a, b, name))

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        self._theme.syntax_styles.update(LEVEL_STYLES)
