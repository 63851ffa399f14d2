"""The minutes' opening sections: the title block, the executive summary, the attendees, the
agenda (planned against actual time) and the strategy (vision and parent objectives)."""

from __future__ import annotations

from facilitator.room.cycle import followed

from .blocks import Run
from .facts import average_scores, date_text, scores_of
from .labels import KIND_KEYS, STEP_KEYS
from .writer import MinutesWriter


def title_block(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.field(labels["workshop"], doc.workshop or labels.named(KIND_KEYS, session.kind))
    doc.field(labels["organisation"], session.organisation)
    doc.field(labels["date"], date_text(session.date, labels))
    doc.field(labels["place"], session.place)
    doc.field(labels["facilitator"], session.facilitator)
    previous = followed(session)  # its title and date; never the internal id
    if previous is not None:
        title, day = previous
        when = date_text(day, labels)
        doc.field(
            labels["follows"], labels("follows.value", title=title, date=when) if when else title
        )


def summary(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["summary"], 1)
    retained = [o for o in doc.active if o.status == "retained"]
    focus = retained or doc.active
    if not doc.active and session.objectives:
        dropped = labels.n("n.considered_dropped", len(session.objectives))
        doc.para(Run(labels("summary.all_dropped", dropped=dropped), bold=True))
    elif not doc.active and session.follows and session.kind in ("review", "retrospective"):
        doc.para(Run(labels["summary.none_carried"], bold=True))
    elif not doc.active:
        doc.para(labels["summary.no_objectives"])
    elif retained:
        doc.para(
            Run(
                labels("summary.retained", retained=len(retained), total=len(session.objectives)),
                bold=True,
            )
        )
    else:
        doc.para(Run(labels("summary.none_retained", drafts=len(doc.active)), bold=True))
    items: list[list[Run]] = []
    for o in focus:
        overall = (scores_of(o.current) or {}).get("overall")
        tail = f" ({labels['overall']} {overall})" if overall is not None else ""
        items.append([Run(f"{doc.numbers[o.id]} — ", bold=True), Run(o.text + tail)])
    doc.bullets(items)

    averages = average_scores([scores_of(o.current) for o in focus])
    if averages:
        doc.field(labels["summary.scores"], doc.scores_line(averages))
    krs = [kr for o in focus for kr in o.key_results]
    kr_avg = average_scores([scores_of(kr.current) for kr in krs])
    if krs:
        kr_overall = str(kr_avg["overall"]) if kr_avg and "overall" in kr_avg else "—"
        doc.para(labels("summary.kr_scores", count=len(krs), overall=kr_overall))

    doc.field(labels["summary.priority"], doc.priority_text())
    orphans = [o for o in doc.active if o.orphan]
    if orphans and doc.session.parents:
        doc.field(labels["summary.orphans"], ", ".join(doc.objective_ref(o, 60) for o in orphans))
    doc.para(
        labels(
            "summary.decisions_actions",
            decisions=len(session.decisions),
            actions=len(session.actions),
        )
    )
    if session.parking:
        topics = labels.n("n.topic", len(session.parking))
        doc.para(labels("summary.parking", topics=topics, open=len(session.open_parking())))
        doc.bullets([p.text for p in session.parking])
    else:
        doc.para(labels["summary.parking_none"])
    if session.kind in ("review", "retrospective"):
        line = doc.tracking_averages()
        if line:
            doc.field(labels["summary.tracking"], line)


def attendees(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["attendees"], 1)
    if not session.participants:
        doc.para(labels["attendees.none"])
        return
    doc.para(
        labels(
            "attendees.count",
            present=len(session.present_participants()),
            total=len(session.participants),
        )
    )
    rows = [
        [p.name, p.role, p.team, labels["present"] if p.present else labels["absent"]]
        for p in session.participants
    ]
    doc.table(
        "attendees",
        [labels["name"], labels["role"], labels["team"], labels["presence"]],
        rows,
        (4.2, 5.4, 4.4, 3.0),
    )


def agenda(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["agenda"], 1)
    if not session.agenda:
        doc.para(labels["agenda.none"])
        return
    rows: list[list[str]] = []
    planned_total = actual_total = gap_total = 0
    gaps = False
    for i, step in enumerate(session.agenda, 1):
        seconds = step.elapsed()
        # A step the room moved past without running its timer took no time, not 0 minutes
        # against its plan: it is "passée", out of the time spent and the gaps.
        skipped = step.status == "done" and seconds <= 0
        spent = not skipped and (seconds > 0 or step.status != "pending")
        actual = round(seconds / 60)
        planned = str(step.planned_minutes)
        if step.extra_minutes:
            planned += f" (+{step.extra_minutes})"
        planned_total += step.planned_minutes
        gap = ""
        # A step still under way has no gap yet, unless it already overran.
        if spent and (step.status == "done" or actual > step.planned_minutes):
            gap_total += actual - step.planned_minutes
            gaps = True
            gap = doc.signed(actual - step.planned_minutes)
        if spent:
            actual_total += actual
        rows.append(
            [
                str(i),
                step.title or step.kind,
                planned,
                str(actual) if spent else "—",
                gap,
                labels.named(STEP_KEYS, "skipped" if skipped else step.status),
            ]
        )
    rows.append(
        [
            "",
            labels["total"],
            str(planned_total),
            str(actual_total),
            doc.signed(gap_total) if gaps else "",
            "",
        ]
    )
    doc.table(
        "agenda",
        ["#", labels["step"], labels["planned"], labels["actual"], labels["gap"], labels["status"]],
        rows,
        (0.8, 7.4, 2.2, 2.0, 1.6, 2.4),
        total_row=True,
    )


def strategy(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["strategy"], 1)
    doc.heading(labels["vision"], 2)
    doc.para(session.vision if session.vision.strip() else labels["vision.none"])
    doc.heading(labels["parents"], 2)
    if not session.parents:
        doc.para(labels["parents.none"])
        return
    items = []
    for number, parent in doc.parents.values():
        linked = sum(1 for o in doc.active if o.parent_id == parent.id)
        items.append(
            [
                Run(f"{number} — ", bold=True),
                Run(parent.text),
                Run(f" ({labels.n('n.linked', linked)})", italic=True),
            ]
        )
    doc.bullets(items)
