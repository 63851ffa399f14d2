"""The key results the coach proposes for the objective on screen, as a list to pick from."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from facilitator.tui.i18n import t

# The catalogue key of each kind of proposal.
KIND_KEYS = {
    "outcome": "wb.kind.outcome",
    "leading": "wb.kind.leading",
    "counter": "wb.kind.counter",
}


class ProposalBox(Vertical):
    """The title and the list of proposed key results, hidden until there are some."""

    DEFAULT_CSS = """
    ProposalBox {
        height: auto;
        display: none;
    }
    ProposalBox ProposalList {
        height: auto;
        max-height: 10;
    }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="section-title")
        yield ProposalList(id="proposals")


class ProposalList(OptionList):
    """The key results the coach proposes for the objective on screen: an outcome, a leading
    indicator, a counter-measure. The highlighted one is the one ctrl+o (or enter) adds."""

    class Chosen(Message):
        """Enter on a proposal: add it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.proposals: list[Any] = []
        self._key: tuple[str, ...] = ()

    def show(self, proposals: list[Any], lang: str) -> None:
        key = (lang, *(p.text for p in proposals))
        if key == self._key:
            return
        self._key = key
        self.proposals = list(proposals)
        self.clear_options()
        # Text, never markup: the objective's own words are in the proposals.
        self.add_options([Option(_prompt(p, lang)) for p in proposals])
        if proposals:
            self.highlighted = 0

    @property
    def selected(self) -> Any | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.proposals):
            return None
        return self.proposals[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen())


def _prompt(proposal: Any, lang: str) -> Text:
    text = Text()
    text.append("＋ ", style="bold green")
    text.append(proposal.text)
    text.append(f"\n   {t(lang, KIND_KEYS[proposal.kind])} · {proposal.why}", style="dim")
    return text
