"""The Word minutes' table columns: how wide each must be so that no word or figure is cut, and
which hold figures only (centred). Widths are in EMU, Word's unit (914,400 to the inch).
"""

from __future__ import annotations

import re

from .blocks import Run

_CELL_MARGINS = 0.45 * 567 * 635
"""A cell's left and right margins (Word: 0.19 cm each) and a little slack, in EMU."""
_CHAR_WIDTH = 0.58 * 9 * 12700
"""A character of 9 pt table text, wide side (Calibri's digits are 0.51 em, Arial's 0.56): EMU."""
_FIGURE = re.compile(r"[−+\-]?\d[\d\s\u00a0\u202f.,/:%+()−-]*|—|")


def cell_texts(rows: list[list[list[Run]]]) -> list[list[str]]:
    return [["".join(run.text for run in cell) for cell in row] for row in rows]


def word_width(text: str) -> float:
    """The width the longest word or figure of `text` needs on one line, margins included."""
    longest = max((len(word) for word in text.split()), default=0)
    return longest * _CHAR_WIDTH + _CELL_MARGINS if longest else 0.0


def fit_widths(widths: list[float], needs: list[float], total: float) -> list[float]:
    """`widths` with each column at least its need, the columns above their need shrunk
    in proportion to make room; when the needs alone overflow `total`, in proportion to them."""
    if sum(needs) >= total:
        scale = total / (sum(needs) or 1.0)
        return [n * scale for n in needs]
    out = list(widths)
    for _ in range(len(out)):  # each pass settles at least one column at its need
        short = [i for i, w in enumerate(out) if w < needs[i] - 0.5]
        if not short:
            break
        missing = sum(needs[i] - out[i] for i in short)
        for i in short:
            out[i] = needs[i]
        spare = [i for i, w in enumerate(out) if w > needs[i] and i not in short]
        room = sum(out[i] - needs[i] for i in spare)
        for i in spare:
            out[i] -= missing * (out[i] - needs[i]) / room if room else 0.0
    return out


def figure_columns(rows: list[list[list[Run]]], columns: int) -> frozenset[int]:
    """Columns whose every filled cell is a figure (counts, minutes, scores, "+2", "75 %")."""
    texts = cell_texts(rows)
    return frozenset(
        column
        for column in range(columns)
        if any(row[column].strip() for row in texts)
        and all(_FIGURE.fullmatch(row[column].strip()) for row in texts)
    )
