"""What the workbench shows of the coach's rewrite of the draft."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from facilitator.tui.i18n import t
from facilitator.tui.widgets.word_diff import word_diff


def rewrite_text(a: Any, lang: str) -> Text | str:
    """The best alternative to assessment `a`'s draft as a difference from it, what it changed,
    the questions to settle before accepting it, and the other wordings with their scores."""
    found = list(getattr(a, "alternatives", ()))
    best = found[0] if found else a.rewrite
    if best is None:
        return ""
    overall = t(lang, "wb.score.overall")
    line = Text()
    line.append(t(lang, "wb.rewrite") + " (ctrl+r)\n", style="bold")
    line.append_text(word_diff(a.text, best.text))
    line.append(f"\n{overall} {a.scores.overall} → {best.scores.overall}", style="dim")
    if getattr(best, "changed", ""):
        line.append(f" · {best.changed}", style="dim")
    for question in best.questions:
        line.append(f"\n? {question}", style="yellow")
    for other in found[1:]:
        line.append(f"\n· {other.text} ({overall} {other.scores.overall})", style="dim")
    return line
