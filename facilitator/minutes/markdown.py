"""The minutes as Markdown (GitHub-flavoured tables), mirroring the Word document block by block.

Title → `#`, Heading 1–3 → `##`–`####`, bullet lists, pipe tables. Text from the room is
escaped so that a `*`, `#`, `|` or `<` typed in a workshop shows as typed instead of turning
into formatting; line breaks become hard breaks (`\\` at the end of a line) in paragraphs and
`<br>` in table cells.
"""

from __future__ import annotations

import re

from .blocks import BulletList, Cell, Heading, Minutes, Paragraph, Run, Subtitle, Table, Title

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#=+-]|\d+[.)])", re.MULTILINE)


def _protect_line_start(match: re.Match[str]) -> str:
    lead, mark = match[1], match[2]
    if mark[0].isdigit():  # "1." would start a numbered list: "1\."
        return f"{lead}{mark[:-1]}\\{mark[-1]}"
    return f"{lead}\\{mark}"


def escape(text: str, *, block: bool = True) -> str:
    """Text shown as typed: Markdown's special characters are backslash-escaped.

    `block=False` for table cells and headings, where a line cannot start a list or a heading.
    """
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_protect_line_start, text) if block else text


def _lines(text: str, indent: str = "") -> str:
    """Text with its line breaks kept as Markdown hard breaks; blank lines are dropped."""
    lines = [line for line in text.split("\n") if line.strip()]
    return ("\\\n" + indent).join(lines)


def _run(run: Run, *, block: bool = True) -> str:
    text = escape(run.text, block=block)
    if not text.strip() or not (run.bold or run.italic):
        return text
    marker = "**" if run.bold else "*"
    if run.bold and run.italic:
        marker = "***"
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _runs(runs: list[Run], indent: str = "") -> str:
    return _lines("".join(_run(r) for r in runs), indent)


def _cell(cell: Cell, bold: bool = False) -> str:
    runs = [Run(cell)] if isinstance(cell, str) else cell
    parts = []
    for run in runs:
        lines = run.text.split("\n")
        parts.append(
            "\n".join(
                _run(Run(line, run.bold or bold, run.italic), block=False) if line.strip() else ""
                for line in lines
            )
        )
    text = "".join(parts)
    value = "<br>".join(line for line in text.split("\n") if line.strip())
    return value or " "


def render(minutes: Minutes) -> str:
    out: list[str] = []
    for block in minutes.blocks:
        if isinstance(block, Title):
            out.append(f"# {escape(block.text, block=False)}")
        elif isinstance(block, Subtitle):
            out.append(f"*{escape(block.text)}*")
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            out.append(f"{'#' * (level + 1)} {escape(block.text, block=False)}")
        elif isinstance(block, Paragraph):
            if block.note:
                out.append(_runs([Run(r.text, r.bold, True) for r in block.runs]))
            else:
                out.append(_runs(block.runs))
        elif isinstance(block, BulletList):
            out.append("\n".join(f"- {_runs(item, '  ')}" for item in block.items))
        elif isinstance(block, Table):
            out.append(_table(block))
    return "\n\n".join(part for part in out if part) + "\n"


def _table(block: Table) -> str:
    columns = len(block.headers)
    lines = [
        "| " + " | ".join(_cell(h) for h in block.headers) + " |",
        "|" + "|".join("---" for _ in block.headers) + "|",
    ]
    last = len(block.rows) - 1
    for i, row in enumerate(block.rows):
        cells = (row + [""] * columns)[:columns]
        bold = block.total_row and i == last
        lines.append("| " + " | ".join(_cell(c, bold) for c in cells) + " |")
    return "\n".join(lines)
