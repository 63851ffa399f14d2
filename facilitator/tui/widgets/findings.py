"""The coach's findings: message, why (rationale and source), and what to do (suggestions or a
question for the room). The highlighted finding is the one ctrl+t accepts."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.tui.i18n import t
from facilitator.typography import colon
from facilitator.workshop.assessments import can_accept

ICONS = {
    "error": ("✖", "bold red"),
    "warning": ("▲", "bold yellow"),
    "suggestion": ("●", "bold #7fb8ff"),
}


def finding_prompt(finding: Any, lang: str) -> Text:
    icon, style = ICONS.get(finding.level, ("●", "bold"))
    text = Text()
    text.append(f"{icon} ", style=style)
    text.append(finding.message, style="bold")
    text.append(f"\n   {t(lang, 'wb.why')}{colon(lang)}", style="dim bold")
    source = f" ({finding.source})" if finding.source else ""
    text.append(f"{finding.rationale}{source}", style="dim")
    if can_accept(finding):
        shown = [s if s else t(lang, "wb.remove") for s in finding.suggestions[:4]]
        text.append(f"\n   {t(lang, 'wb.suggest')}{colon(lang)}", style="green bold")
        text.append(" · ".join(shown), style="green")
    elif finding.suggestions:
        text.append(f"\n   {t(lang, 'wb.ask')}{colon(lang)}", style="cyan bold")
        text.append(" · ".join(finding.suggestions[:2]), style="cyan")
    return text


class FindingsList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Any] = []
        self._key: tuple[Any, ...] = ()

    def show(self, findings: list[Any], lang: str) -> None:
        key = (lang, *((f.rule, f.start, f.end, f.message) for f in findings))
        if key == self._key:
            return
        previous = self.highlighted
        old = (
            self.findings[previous]
            if previous is not None and previous < len(self.findings)
            else None
        )
        self._key = key
        self.findings = list(findings)
        self.clear_options()
        if not findings:
            self.add_option(Option(Text(t(lang, "wb.nofindings"), style="green"), disabled=True))
            return
        self.add_options([Option(finding_prompt(f, lang)) for f in findings])
        index = 0
        if old is not None:
            index = next(
                (i for i, f in enumerate(findings) if f.rule == old.rule and f.text == old.text),
                min(previous or 0, len(findings) - 1),
            )
        self.highlighted = index

    @property
    def selected_finding(self) -> Any | None:
        index = self.highlighted
        if index is None or not self.findings or index >= len(self.findings):
            return None
        return self.findings[index]

    def move(self, delta: int) -> None:
        if not self.findings:
            return
        index = self.highlighted if self.highlighted is not None else 0
        self.highlighted = (index + delta) % len(self.findings)
