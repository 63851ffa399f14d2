"""Score bars: clarity, ambition, measurability and overall, with the change since the last
saved version and the tier that produced them (quick or full analysis)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitator.tui.i18n import t

SCORE_KEYS = {
    "clarity": "wb.score.clarity",
    "ambition": "wb.score.ambition",
    "measurability": "wb.score.measurability",
    "overall": "wb.score.overall",
}
"""Each score's label, in the order the bars show them (`workshop.assessments.SCORE_NAMES`)."""
WIDTH = 20  # the bar's length when there is room
_LABEL = 14  # "Mesurabilité  "
_NUMBER = 8  # " 100 +12": a score and its change are never cut, the bar gives way


def _colour(value: float) -> str:
    if value >= 80:
        return "green"
    if value >= 60:
        return "yellow"
    return "red"


def render_scores(
    scores: dict[str, float] | None,
    previous: dict[str, float] | None,
    tier: str | None,
    lang: str,
    bar: int = WIDTH,
) -> Text:
    text = Text()
    for name, key in SCORE_KEYS.items():
        label = t(lang, key)
        text.append(f"{label:<14}", style="bold" if name == "overall" else "")
        if scores is None or name not in scores:
            text.append("░" * bar, style="dim")
            text.append("   —\n")
            continue
        value = scores[name]
        filled = round(bar * max(0.0, min(100.0, value)) / 100)
        text.append("█" * filled, style=_colour(value))
        text.append("░" * (bar - filled), style="dim")
        text.append(f" {value:>3.0f}", style=f"bold {_colour(value)}")
        if previous and name in previous:
            delta = value - previous[name]
            if round(delta):
                text.append(f" {delta:+.0f}", style="green" if delta > 0 else "red")
        text.append("\n")
    tier_key = f"wb.tier.{tier}" if tier else "wb.tier.none"
    text.append(f"{'':<14}{t(lang, tier_key)}", style="dim italic")
    return text


class ScoreBars(Static):
    _shown: tuple[dict[str, float] | None, dict[str, float] | None, str | None, str] | None = None

    def show(
        self,
        scores: dict[str, float] | None,
        previous: dict[str, float] | None,
        tier: str | None,
        lang: str,
    ) -> None:
        self._shown = (scores, previous, tier, lang)
        # At 80 columns the panel is narrow: the bar shortens so that "100" is never cut to "10".
        room = self.content_size.width - _LABEL - _NUMBER
        bar = WIDTH if room <= 0 else max(4, min(WIDTH, room))
        # A fixed size (5 lines): no layout pass on each keystroke.
        self.update(render_scores(scores, previous, tier, lang, bar), layout=False)

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
