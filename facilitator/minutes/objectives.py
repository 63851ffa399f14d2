"""The objectives section: each objective's wording, owner, parent (or a visible "not aligned"
mark), status, scores and vote, its key results table, its wording history with the score
change and the findings each version resolved, and its key results' histories."""

from __future__ import annotations

from facilitator.session import KeyResult, Objective, Versioned

from .blocks import Cell, Run
from .facts import HEADING_LIMIT, date_text, kr_figures, person, scores_of, short
from .history_notes import readable_note
from .writer import MinutesWriter


def objectives(doc: MinutesWriter) -> None:
    labels = doc.labels
    doc.heading(labels["objectives"], 1)
    if not doc.active:
        carried = doc.session.follows and doc.session.kind in ("review", "retrospective")
        none = (
            "summary.none_carried" if carried and not doc.session.objectives else "objectives.none"
        )
        doc.para(labels[none])
        return
    for objective in doc.active:
        objective_entry(doc, objective)


def objective_entry(doc: MinutesWriter, o: Objective) -> None:
    """One objective: its heading, facts, key results and histories."""
    labels = doc.labels
    number = doc.numbers[o.id]
    heading = short(o.text, HEADING_LIMIT)
    doc.heading(f"{labels['objective']} {number[len(labels['obj_prefix']) :]} — {heading}", 2)
    current = o.current
    if current is not None:
        if heading != current.text.strip():  # cut or on several lines: the whole wording
            doc.field(labels["wording"], current.text)
        key = "wording.final" if o.final is not None else "wording.current"
        doc.field(labels["version"], labels(key, n=current.n))
    doc.field(labels["owner"], person(doc.session, o.owner))
    if o.parent_id and o.parent_id in doc.parents:
        pnum, parent = doc.parents[o.parent_id]
        doc.field(labels["parent"], f"{pnum} — {parent.text}")
    elif o.parent_id:
        doc.field(labels["parent"], o.parent_id)
    elif o.independent:
        doc.field(labels["parent"], labels["independent"])
    else:
        doc.para(Run(labels["not_aligned"], bold=True))
    doc.field(labels["objective.status"], doc.status_text(o))
    absorbed = [m for m in doc.session.objectives if m.merged_into == o.id]
    if absorbed:
        doc.field(
            labels["objective.merged_from"], ", ".join(doc.quote(short(m.text)) for m in absorbed)
        )
    doc.field(labels["scores"], doc.scores_line(scores_of(current)))
    votes = doc.session.votes.get(o.id)
    if votes and (votes.priority or votes.dots):
        tally = votes.tally()
        doc.field(
            labels["vote"],
            labels(
                "vote.line",
                yes=tally["yes"],
                unsure=labels.n("n.unsure", tally["unsure"]),
                no=tally["no"],
                dots=labels.n("n.dot", votes.dots_total),
            ),
        )

    doc.heading(labels["key_results"], 3)
    if not o.key_results:
        doc.para(labels["key_results.none"])
    else:
        rows = []
        for j, kr in enumerate(o.key_results, 1):
            text = kr.text if kr.committed else f"{kr.text} {labels['aspirational']}"
            rows.append(
                [
                    doc.kr_label(number, j),
                    text,
                    *kr_figures(kr, labels),
                    date_text(kr.deadline, labels),
                    person(doc.session, kr.owner),
                    kr_scores(doc, kr),
                ]
            )
        doc.table(
            "key_results",
            [
                "#",
                labels["key_result"],
                labels["baseline"],
                labels["target"],
                labels["deadline"],
                labels["owner"],
                labels["kr_scores"],
            ],
            rows,
            (1.4, 4.7, 1.9, 1.9, 2.1, 2.7, 2.3),
        )

    doc.heading(labels["history"], 3)
    history(doc, o)
    changed = [(j, kr) for j, kr in enumerate(o.key_results, 1) if len(kr.versions) > 1]
    if changed:
        doc.heading(labels["kr_history"], 3)
        doc.bullets([kr_history(doc, number, j, kr) for j, kr in changed])


def kr_scores(doc: MinutesWriter, kr: KeyResult) -> str:
    sc = scores_of(kr.current)
    if not sc:
        return "—"
    dims = "/".join(str(sc.get(k, "—")) for k in ("clarity", "ambition", "measurability"))
    return f"{sc.get('overall', '—')}\n{dims}"


def history(doc: MinutesWriter, item: Versioned) -> None:
    labels = doc.labels
    if not item.versions:
        return
    if len(item.versions) == 1:
        doc.para(labels("history.single", n=item.versions[0].n))
        return
    first, current = item.versions[0], item.current
    assert current is not None
    before, after = scores_of(first), scores_of(current)
    if before and after and "overall" in before and "overall" in after:
        delta = doc.signed(after["overall"] - before["overall"])
        doc.para(
            labels(
                "history.change",
                first=first.n,
                last=current.n,
                before=before["overall"],
                after=after["overall"],
                delta=delta,
            )
        )
    rows: list[list[Cell]] = []
    previous: dict[str, int] | None = None
    for version in item.versions:
        sc = scores_of(version)
        overall = sc.get("overall") if sc else None
        change = ""
        if overall is not None and previous and "overall" in previous:
            change = doc.signed(overall - previous["overall"])
        mark = f" ({labels['final_mark']})" if item.final_version == version.n else ""
        wording: Cell = version.text
        if version.note.strip():
            note = readable_note(labels.lang, version.note)
            wording = [Run(version.text), Run(f"\n{note}", italic=True)]
        rows.append(
            [
                f"v{version.n}{mark}",
                wording,
                "—" if overall is None else str(overall),
                change,
                ", ".join(doc.finding_title(r) for r in item.resolved(version.n)),
            ]
        )
        previous = sc
    doc.table(
        "history",
        [
            labels["version"],
            labels["wording"],
            labels["overall"].capitalize(),
            labels["change"],
            labels["resolved"],
        ],
        rows,
        (1.9, 7.0, 1.7, 2.1, 4.3),
    )
    gone = [f for f in first.findings if f not in set(current.findings)]
    if gone:
        doc.field(labels["history.resolved_all"], ", ".join(doc.finding_title(r) for r in gone))


def kr_history(doc: MinutesWriter, number: str, j: int, kr: KeyResult) -> list[Run]:
    labels = doc.labels
    first, current = kr.versions[0], kr.current
    assert current is not None
    runs = [
        Run(f"{doc.kr_label(number, j)}" + labels.colon, bold=True),
        Run(f"v{first.n} {doc.quote(first.text)} → v{current.n} {doc.quote(current.text)}"),
    ]
    before, after = scores_of(first), scores_of(current)
    details = []
    if before and after and "overall" in before and "overall" in after:
        details.append(
            f"{labels['overall']} {before['overall']} → {after['overall']} "
            f"({doc.signed(after['overall'] - before['overall'])})"
        )
    gone = [f for f in first.findings if f not in set(current.findings)]
    if gone:
        details.append(
            f"{labels['resolved'].lower()}{labels.colon}"
            + ", ".join(doc.finding_title(r) for r in gone)
        )
    if details:
        runs.append(
            Run(
                " — " + " ; ".join(details) if labels.lang == "fr" else " — " + "; ".join(details),
                italic=True,
            )
        )
    return runs
