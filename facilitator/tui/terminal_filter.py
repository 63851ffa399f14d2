"""The one place where the app's texts are made safe for the terminal (issue 16).

Textual paints text as it is: a session title imported with `ESC ] 52 …` set the user's
clipboard, `ESC ] 0 …` renamed the window, `ESC [ 2J` cleared the screen. Every line the app
paints goes through `ForTerminal`, which passes each piece of it through `for_terminal`. Filtering
painted lines, rather than each text on its way into a widget, covers every source (sessions,
the session list, templates, exercise packs, trainees' progress, error messages, what the room
pastes) and every widget, Textual's own included, with nothing to remember in new code.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from facilitator.terminal import for_terminal


class ForTerminal(LineFilter):
    """Strips what `for_terminal` strips from each segment of a painted line, and from a link.

    Textual has already laid the line out, so the cells a stripped sequence took are given back as
    spaces in the same segment: the columns after it stay in place. (Textual drops BEL before this
    runs, so an OSC string it ended is read as unterminated and takes the rest of its segment with
    it: hostile text may lose a few visible characters, never reach the terminal.)
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        painted = segments
        for index, segment in enumerate(segments):
            text, style, control = segment
            if control:
                continue
            clean = for_terminal(text)
            # A link is written into an OSC 8 sequence around the text: outside text can be one.
            link = style.link if style is not None else None
            safe_link = for_terminal(link) if link else link
            if clean is text and safe_link is link:
                continue
            if painted is segments:
                painted = list(segments)  # copied only for a line that needs it
            if clean is not text:
                clean += " " * (segment.cell_length - cell_len(clean))
            if style is not None and safe_link is not link:
                style = style.update_link(safe_link)
            painted[index] = Segment(clean, style)
        return painted


FOR_TERMINAL = ForTerminal()
"""The app's one instance: Textual caches filtered lines per filter object."""
