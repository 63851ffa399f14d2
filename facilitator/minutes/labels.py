"""The minutes' headings and labels, read from the catalogues (`locales/<lang>/minutes.toml`,
keys `minutes.*`) through the one lookup, `facilitator.locales.t`.

The session's language decides (`labels_for(session.lang)`); an unknown language falls back to
French, the product's first language, and a missing key shows as the key. French typography: the
catalogue's no-break spaces before ":" ";" and inside « » (added when it is read), `Labels.colon`,
`Labels.percent` (a narrow no-break space before "%"), decimal comma.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from facilitator.dates import MONTHS
from facilitator.locales import NNBSP, language, t, texts
from facilitator.typography import NBSP, format_message

PREFIX = "minutes."

# Tables of keys, for the labels the minutes pick by a stored value (a session's kind, a step's
# status, an objective's status): a value with no key shows as it is stored.
KIND_KEYS = {
    "framing": "minutes.kind.framing",
    "drafting": "minutes.kind.drafting",
    "review": "minutes.kind.review",
    "retrospective": "minutes.kind.retrospective",
}
STEP_KEYS = {
    "pending": "minutes.step.pending",
    "running": "minutes.step.running",
    "done": "minutes.step.done",
    "skipped": "minutes.step.skipped",  # done with no time spent: the room moved past it
}
STATUS_KEYS = {
    "draft": "minutes.status.draft",
    "retained": "minutes.status.retained",
    "dropped": "minutes.status.dropped",
    "merged": "minutes.status.merged",
}


@dataclass(frozen=True)
class Labels:
    """The labels of one language, with its number and punctuation conventions.

    `overrides` replaces some labels for one document (the training report's footer names the
    report instead of the minutes).
    """

    lang: str
    overrides: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def table(self) -> Mapping[str, str]:
        """Every plain label (not the plural ones), keyed without "minutes."."""
        return MappingProxyType({**texts(self.lang, PREFIX), **self.overrides})

    def __getitem__(self, key: str) -> str:
        return self.overrides.get(key) or t(self.lang, PREFIX + key)

    def __call__(self, key: str, **values: object) -> str:
        if key in self.overrides:
            return format_message(self.overrides[key], self.lang, values)
        return t(self.lang, PREFIX + key, **values)  # "d’Amina", "de Bruno"

    @property
    def colon(self) -> str:
        """The separator after a label: "\u00a0: " in French, ": " in English."""
        return f"{NBSP}: " if self.lang == "fr" else ": "

    def number(self, value: float, digits: int = 1) -> str:
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.lang == "fr" else text

    def percent(self, share: float) -> str:
        """A share 0..1 as a whole percentage: "75 %" (narrow no-break space) or "75%"."""
        value = round(share * 100)
        return f"{value}{NNBSP}%" if self.lang == "fr" else f"{value}%"

    def named(self, keys: Mapping[str, str], value: str) -> str:
        """The label of `value` by its key in `keys` (`STATUS_KEYS` …), or `value` itself."""
        key = keys.get(value)
        return self[key.removeprefix(PREFIX)] if key else value

    def n(self, key: str, count: int) -> str:
        """A plural label ("n.topic") for `count`: "1 sujet", "3 sujets" (French: 0 and 1 are
        singular)."""
        return t(self.lang, PREFIX + key, count=count)

    def month(self, index: int) -> str:
        return MONTHS[self.lang][index - 1]


def labels_for(lang: str | None) -> Labels:
    """The labels in `lang` ("en-GB" → English; an unknown language → French)."""
    return Labels(language(lang))


# Each language's plain labels, for the tests that compare the two.
FR = labels_for("fr").table
EN = labels_for("en").table
