"""The key result tracking section (review and retrospective sessions, or whenever check-ins or
grades exist): the last check-in of each key result, its grade, the averages and comments."""

from __future__ import annotations

from .blocks import Run
from .facts import kr_figures, last_progress, short
from .writer import MinutesWriter


def tracking(doc: MinutesWriter) -> None:
    labels = doc.labels
    retro = doc.session.kind == "retrospective"
    doc.heading(labels["tracking.retro"] if retro else labels["tracking"], 1)
    rows: list[list[str]] = []
    notes: list[list[Run]] = []
    for o in doc.active:
        number = doc.numbers[o.id]
        for j, kr in enumerate(o.key_results, 1):
            last = kr.last_checkin
            if last is None and kr.grade is None:
                continue
            label = doc.kr_label(number, j)
            progress = last_progress(kr, labels.lang)
            base, target = (figure or "?" for figure in kr_figures(kr, labels))
            rows.append(
                [
                    label,
                    short(kr.text, 200),
                    f"{base} → {target}",
                    last.current if last else "",
                    labels.percent(progress) if progress is not None else "—",
                    f"{last.confidence}/10" if last and last.confidence is not None else "—",
                    labels.number(kr.grade, 1) if kr.grade is not None else "—",
                ]
            )
            if last is not None and (last.comment.strip() or last.blockers):
                runs = [Run(label + labels.colon, bold=True)]
                if last.comment.strip():
                    runs.append(Run(last.comment))
                if last.blockers:
                    sep = " — " if last.comment.strip() else ""
                    runs.append(
                        Run(
                            f"{sep}{labels['blockers']}{labels.colon}" + " ; ".join(last.blockers),
                            italic=True,
                        )
                    )
                notes.append(runs)
    if not rows:
        doc.para(labels["tracking.none"])
        return
    doc.table(
        "tracking",
        [
            "#",
            labels["key_result"],
            labels["from_to"],
            labels["current"],
            labels["progress"],
            labels["confidence"],
            labels["grade"],
        ],
        rows,
        (1.3, 5.4, 2.8, 2.0, 1.8, 1.8, 1.4),
    )
    line = doc.tracking_averages()
    if line:
        doc.field(labels["averages"], line)
    by_objective = [
        f"{doc.numbers[o.id]} {labels.number(avg, 2)}"
        for o in doc.active
        if (avg := o.grade_average()) is not None
    ]
    if by_objective:
        doc.field(labels["grade.by_objective"], " · ".join(by_objective))
        doc.para(labels["grade.expected"], note=True)
    if notes:
        doc.heading(labels["comments"], 2)
        doc.bullets(notes)
