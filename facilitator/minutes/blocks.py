"""The blocks minutes are made of, independent of the file format: title, headings, paragraphs,
bullet lists, tables. The Word and Markdown writers only lay them out (the trainer's report is
made of them too); every piece of text goes through `sanitize.clean` when a block is made, so a
writer never sees a character it cannot store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import Labels
from .sanitize import clean, one_line


@dataclass(slots=True)
class Run:
    """A piece of text with emphasis; the text is cleaned on creation."""

    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        self.text = clean(self.text)


@dataclass(slots=True)
class Title:
    text: str

    def __post_init__(self) -> None:
        self.text = one_line(self.text)


@dataclass(slots=True)
class Subtitle:
    text: str

    def __post_init__(self) -> None:
        self.text = one_line(self.text)


@dataclass(slots=True)
class Heading:
    text: str
    level: int  # 1–3

    def __post_init__(self) -> None:
        self.text = one_line(self.text)


@dataclass(slots=True)
class Paragraph:
    runs: list[Run]
    note: bool = False
    """A small print line (the generator line)."""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class BulletList:
    items: list[list[Run]]


Cell = str | list[Run]
"""A table cell: plain text, or runs when part of it needs emphasis."""


def cell_text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "".join(r.text for r in cell)


@dataclass(slots=True)
class Table:
    """`name` says what the table holds (tests and writers use it); `widths` are relative."""

    name: str
    headers: list[str]
    rows: list[list[Cell]]
    widths: tuple[float, ...] = ()
    total_row: bool = False
    """The last row sums the others (shown in bold)."""

    def __post_init__(self) -> None:
        self.headers = [one_line(h) for h in self.headers]
        self.rows = [[c if isinstance(c, list) else clean(c) for c in row] for row in self.rows]


Block = Title | Subtitle | Heading | Paragraph | BulletList | Table


@dataclass
class Minutes:
    lang: str
    title: str
    subject: str
    author: str
    labels: Labels
    blocks: list[Block] = field(default_factory=list)

    @property
    def footer(self) -> str:
        return one_line(f"{self.labels['minutes']} — {self.title}")
