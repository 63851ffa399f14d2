"""Objectives and key results as CSV, one per row, for spreadsheets and OKR trackers.

Encoding and separator: UTF-8 **with a byte-order mark** (Excel otherwise reads the file as
Windows-1252 and garbles "é"), comma-separated, every line ending in CRLF as RFC 4180 says,
fields quoted when needed (a line break inside a wording stays inside its cell). Excel set to
French expects ";" when a file is opened by double-click: pass `delimiter=";"` (CLI:
`--csv-delimiter ";"`), which also switches decimals to a comma. With the default comma, Excel's
Data › From Text/CSV import detects the separator.

Columns (stable English names, so a tracker can map them once): see `COLUMNS`. An objective row
is followed by its key results; dropped objectives are listed too (status "dropped", no number).
Scores are 0–100, progress is a whole percentage, a grade is 0.0–1.0, dates are as typed.

A cell that a spreadsheet would run as a formula (starting with "=", "@", or "+"/"-" followed by
something other than a number, also after leading spaces or in their fullwidth forms ＝ ＠ ＋ －),
or starting with a tab or a line break, is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re

from facilitator.session import KeyResult, Objective, Session

from .facts import numbers, person, scores_of
from .sanitize import clean

COLUMNS = (
    "type",  # objective | key_result
    "number",  # O1, RC1.2 / KR1.2 (as in the minutes)
    "objective_id",
    "key_result_id",
    "text",  # the current wording (final if marked, else latest)
    "status",  # objectives: draft | retained | dropped
    "owner",
    "parent_id",
    "parent",  # the strategic objective's wording
    "aligned",  # objectives: yes | no | independent
    "version",  # number of the current version
    "versions",  # how many versions the wording went through
    "clarity",
    "ambition",
    "measurability",
    "overall",
    "baseline",
    "target",
    "unit",
    "deadline",
    "committed",  # key results: yes | no (aspirational)
    "current",  # last check-in value
    "progress",  # last check-in, whole percent
    "confidence",  # last check-in, 0–10
    "grade",  # 0.0–1.0
    "findings",  # rule ids still firing on the current wording, space-separated
)

# Spreadsheets skip leading spaces, tabs and line breaks before a formula, and Excel reads the
# fullwidth ＝ ＋ － ＠ (typed with a Japanese or Chinese input method) as = + - @. A leading
# tab or line break is neutralised in any case, as OWASP advises; a sign followed only by a
# number ("-20 %", "+3,5") is a value, not a formula, and stays as it is.
_FORMULA = re.compile(r"^(?:[\t\n]|\s*(?:[=@\uff1d\uff20]|[+\-\uff0b\uff0d](?![\d\s.,%]*$)))")


def safe_cell(value: object) -> str:
    """`value` as a CSV cell: cleaned of control characters, and prefixed with an apostrophe
    when a spreadsheet would run it as a formula. Shared by every CSV the tool writes."""
    text = clean(value)
    return "'" + text if text and _FORMULA.match(text) else text


def render(session: Session, delimiter: str = ",") -> bytes:
    if delimiter not in (",", ";"):
        raise ValueError(f"the CSV delimiter is ',' or ';', not {delimiter!r}")
    decimal = "," if delimiter == ";" else "."
    labels = numbers(session)
    parents = {p.id: p.text for p in session.parents}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)

    def number(value: float | None, digits: int) -> str:
        return "" if value is None else f"{value:.{digits}f}".replace(".", decimal)

    def row(kind: str, o: Objective, kr: KeyResult | None) -> list[str]:
        item = kr if kr is not None else o
        current = item.current
        scores = scores_of(current) or {}
        values: dict[str, object] = {
            "type": kind,
            "number": labels.get(item.id, ""),
            "objective_id": o.id,
            "key_result_id": kr.id if kr else "",
            "text": item.text,
            "owner": person(session, item.owner),
            "version": current.n if current else "",
            "versions": len(item.versions),
            "findings": " ".join(current.findings) if current else "",
            **{k: scores.get(k, "") for k in ("clarity", "ambition", "measurability", "overall")},
        }
        if kr is None:
            values["status"] = o.status
            values["parent_id"] = o.parent_id or ""
            values["parent"] = parents.get(o.parent_id or "", "")
            values["aligned"] = "independent" if o.independent and not o.parent_id else (
                "yes" if o.parent_id else "no"
            )  # fmt: skip
        else:
            last = kr.last_checkin
            progress = None
            if last is not None:
                progress = last.progress
                if progress is None and last.current:
                    progress = kr.progress_for(last.current, session.lang)
            values.update(
                baseline=kr.baseline,
                target=kr.target,
                unit=kr.unit,
                deadline=kr.deadline,
                committed="yes" if kr.committed else "no",
                current=last.current if last else "",
                progress="" if progress is None else round(progress * 100),
                confidence="" if last is None or last.confidence is None else last.confidence,
                grade=number(kr.grade, 2),
            )
        return [safe_cell(values.get(column, "")) for column in COLUMNS]

    for objective in session.objectives:
        writer.writerow(row("objective", objective, None))
        for kr in objective.key_results:
            writer.writerow(row("key_result", objective, kr))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
