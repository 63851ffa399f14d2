"""What the room produced besides the objectives: votes, decisions, actions, the parking lot,
the brainstorm's proposals (merged, dropped) with the dropped and merged objectives, the
retrospective and the glossary."""

from __future__ import annotations

from facilitator.room.carried import carried, carried_from, outcome
from facilitator.session import Action, Objective, ParkingItem, VoteSet

from .blocks import Run
from .facts import date_text, person
from .sanitize import one_line
from .writer import MinutesWriter


def votes(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["votes"], 1)
    by_id = {o.id: o for o in session.objectives}
    entries: list[tuple[Objective, VoteSet]] = [
        (by_id[oid], v)
        for oid, v in session.votes.items()
        if oid in by_id and (v.priority or v.dots)
    ]
    if not entries:
        doc.para(labels["votes.none"])
        return
    # As the vote screen ranks them: "clearly a priority" answers first, then the dots.
    entries.sort(key=lambda e: (-e[1].tally()["yes"], -e[1].dots_total))
    rows = []
    for objective, v in entries:
        tally = v.tally()
        rows.append(
            [
                doc.objective_ref(objective),
                str(tally["yes"]),
                str(tally["unsure"]),
                str(tally["no"]),
                str(v.dots_total),
                labels["yes"] if v.judged_priority else labels["no"],
            ]
        )
    doc.table(
        "votes",
        [
            labels["objective"],
            labels["yes"],
            labels["unsure"],
            labels["no"],
            labels["dots"],
            labels["judged_priority"],
        ],
        rows,
        (7.0, 1.3, 2.1, 1.3, 1.6, 2.7),
    )
    doc.field(labels["summary.priority"], doc.priority_text())
    if any(v.dots for _, v in entries):
        doc.para(
            labels("votes.dots", dots=labels.n("n.dot", session.dots_per_participant)), note=True
        )


def decisions(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["decisions"], 1)
    if not session.decisions:
        doc.para(labels["decisions.none"])
    else:
        rows = [
            [str(i), d.text, doc.step_title(d.step_id)] for i, d in enumerate(session.decisions, 1)
        ]
        doc.table("decisions", ["#", labels["decision"], labels["step"]], rows, (0.8, 12.0, 4.2))
    recalled = carried(session).decisions  # a follow-up recalls what was decided before
    if recalled:
        doc.para(labels["decisions.recalled"])
        doc.bullets(
            labels(
                "decision.recalled",
                text=one_line(d["text"]),
                title=one_line(d["title"]),
                date=date_text(d["date"], labels),
            )
            for d in recalled
        )


_ACTION_STATUS = {"done": "action.done", "dropped": "action.dropped", "open": "action.todo"}


def _carried_text(doc: MinutesWriter, entry: Action | ParkingItem) -> str:
    """The entry's text, with the session it was carried over from in a follow-up."""
    origin = carried_from(entry)
    if origin is None:
        return entry.text
    where = doc.labels(
        "carried.from", title=one_line(origin["title"]), date=date_text(origin["date"], doc.labels)
    )
    return f"{entry.text} ({where})"


def actions(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["actions"], 1)
    if not session.actions:
        doc.para(labels["actions.none"])
        return
    rows = [
        [
            str(i),
            _carried_text(doc, a),
            person(session, a.owner),
            date_text(a.due, labels),
            labels[_ACTION_STATUS[outcome(a)]],
        ]
        for i, a in enumerate(session.actions, 1)
    ]
    doc.table(
        "actions",
        ["#", labels["action"], labels["owner"], labels["due"], labels["status"]],
        rows,
        (0.8, 8.6, 3.2, 2.6, 1.8),
    )


def parking(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["parking"], 1)
    if not session.parking:
        doc.para(labels["parking.none"])
        return
    rows = []
    for item in session.parking:
        status = (
            "parking.resolved"
            if item.resolved
            else "parking.follow_up"
            if item.has_follow_up
            else "parking.open"
        )
        rows.append(
            [_carried_text(doc, item), person(session, item.owner), item.next_step, labels[status]]
        )
    doc.table(
        "parking",
        [labels["topic"], labels["owner"], labels["next_step"], labels["status"]],
        rows,
        (6.4, 3.0, 5.6, 2.0),
    )


def proposals(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["proposals"], 1)
    dropped_objectives = [o for o in session.objectives if o.status == "dropped"]
    if not session.proposals:
        doc.para(labels["proposals.none"])
    else:
        merged = [p for p in session.proposals if p.status == "merged"]
        dropped = [p for p in session.proposals if p.status == "dropped"]
        originals = [p for p in session.proposals if p.id not in {m.merged_into for m in merged}]
        doc.para(
            labels(
                "proposals.count",
                proposals=labels.n("n.proposal", len(originals)),
                merged=labels.n("n.merged", len(merged)),
                dropped=labels.n("n.dropped", len(dropped)),
                promoted=labels.n("n.promoted", sum(1 for p in originals if p.objective_id)),
            )
        )
        by_id = {p.id: p for p in session.proposals}
        groups: dict[str, list[str]] = {}
        for p in merged:
            groups.setdefault(p.merged_into or "", []).append(p.text)
        if groups:
            doc.heading(labels["proposals.merged"], 2)
            items = []
            for target_id, texts in groups.items():
                target = by_id.get(target_id)
                runs = [Run(target.text if target else "?", bold=True)]
                runs.append(
                    Run(
                        f" — {labels['proposals.merged_into']}{labels.colon}"
                        + ", ".join(doc.quote(one_line(t)) for t in texts)
                    )
                )
                items.append(runs)
            doc.bullets(items)
        if dropped:
            doc.heading(labels["proposals.dropped"], 2)
            doc.bullets([doc.with_author(p.text, p.author) for p in dropped])
        # Ideas the room wrote and never acted on (neither drafted, merged nor dropped): listed,
        # so that the minutes lose nothing the room said.
        left_open = [
            p
            for p in session.proposals
            if p.status == "open" and p.objective_id is None and p.id not in groups
        ]
        if left_open:
            doc.heading(labels["proposals.open"], 2)
            doc.bullets([doc.with_author(p.text, p.author) for p in left_open])
    dropped_only = [o for o in dropped_objectives if not o.merged]
    if dropped_only:
        doc.heading(labels["objectives.dropped"], 2)
        doc.bullets([doc.with_decision(o.text, doc.dropped_text(o)) for o in dropped_only])
    merged_objectives = [o for o in dropped_objectives if o.merged]
    if merged_objectives:
        doc.heading(labels["objectives.merged"], 2)
        doc.bullets(
            [doc.with_decision(o.text, doc.status_text(o, True)) for o in merged_objectives]
        )


def retro(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["retro"], 1)
    for key, items in (("worked", session.worked), ("to_change", session.to_change)):
        doc.heading(labels[key], 2)
        if items:
            doc.bullets(list(items))
        else:
            doc.para(labels["retro.none"])


def glossary(doc: MinutesWriter) -> None:
    session, labels = doc.session, doc.labels
    doc.heading(labels["glossary"], 1)
    if not session.glossary:
        doc.para(labels["glossary.none"])
        return
    rows = [[term, session.glossary[term]] for term in sorted(session.glossary, key=str.casefold)]
    doc.table("glossary", [labels["term"], labels["definition"]], rows, (3.2, 13.8))
