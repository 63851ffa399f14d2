"""What the workbench shows of the coach's rewrite of the draft, and the panel that shows it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.tui.i18n import t
from facilitator.tui.widgets.word_diff import word_diff

# The keys that accept the coach's first, second and third alternative (ctrl+r: the first too),
# written beside each one. Not alt+1…3: most terminals send alt+digit as ESC then the digit,
# which Textual reads as "™", "£"…; alt+letter arrives as itself everywhere, and r, t, y are
# side by side on QWERTY and AZERTY keyboards alike.
ALTERNATIVE_KEYS = ("alt+r", "alt+t", "alt+y")


def rewrite_text(a: Any, lang: str) -> Text | str:
    """The best alternative to assessment `a`'s draft as a difference from it, the questions to
    settle before accepting it, the other wordings with their scores, each with the key that
    accepts it, and last what the best one changed: the panel is a few lines high, and what
    the room chooses from comes before what explains it."""
    found = list(getattr(a, "alternatives", ()))
    best = found[0] if found else a.rewrite
    if best is None:
        return ""
    overall = t(lang, "wb.score.overall")
    line = Text()
    keys = f"ctrl+r · {ALTERNATIVE_KEYS[0]}" if len(found) > 1 else "ctrl+r"
    line.append(f"{t(lang, 'wb.rewrite')} ({keys})\n", style="bold")
    parts = getattr(best, "parts", None)
    if parts:  # a split: each part as it will be kept, with its own score
        line.append(t(lang, "wb.split", count=len(parts)), style="bold")
        for n, (text, scores) in enumerate(parts, 1):
            line.append(f"\n{n}. {text}")
            line.append(f" ({overall} {scores.overall})", style="dim")
    else:
        line.append_text(word_diff(a.text, best.text))
        line.append(f"\n{overall} {a.scores.overall} → {best.scores.overall}", style="dim")
    for question in best.questions:
        line.append(f"\n? {question}", style="yellow")
    for key, other in zip(ALTERNATIVE_KEYS[1:], found[1:], strict=False):
        line.append(f"\n{key} ", style="bold")
        line.append(f"{other.text} ({overall} {other.scores.overall})", style="dim")
    if getattr(best, "changed", ""):
        line.append(f"\n{best.changed}", style="dim")
    return line


class RewritePanel(VerticalScroll):
    """The coach's rewrite and its alternatives (`rewrite_text`), hidden while there is none.

    As high as its lines up to a limit the screen's size sets (workbench.tcss), then it scrolls:
    every alternative stays reachable at 80×24, where the panel sits under the scores. Tab
    reaches it (the screen scrolls to show it) and the arrows scroll it; the keys that accept an
    alternative work from anywhere on the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Text | str = ""

    def compose(self) -> ComposeResult:
        yield Static(id="rewrite")

    def show(self, a: Any, lang: str) -> None:
        """Show the rewrite of assessment `a`'s draft (nothing for None)."""
        text = rewrite_text(a, lang) if a is not None else ""
        # The panel's height follows its lines: a layout pass, once per change of the rewrite
        # rather than once per keystroke.
        if text == self._shown:
            return
        self._shown = text
        self.query_one("#rewrite", Static).update(text)
        self.display = bool(text)
        self.scroll_home(animate=False)
