"""What the minutes say, independent of the file format: a list of blocks built from a session.

The Word and Markdown writers only lay out these blocks (title, headings, paragraphs, bullet
lists, tables), so both formats always carry the same sections in the same order, in the
session's language. Every piece of text goes through `sanitize.clean` when a block is made, so
a writer never sees a character it cannot store.

Sections, in order: title block, executive summary, attendees, agenda (planned vs actual),
vision and strategic objectives, each objective (final wording, owner, parent or a visible
"not aligned" mark, scores, vote, key results table, wording history with the score change and
the findings each version resolved, key result histories), key result tracking (review and
retrospective sessions, or whenever check-ins or grades exist), votes, decisions, actions,
parking lot, brainstorm proposals (merged, dropped), dropped objectives and objectives merged
into another (each with who decided and when, once recorded), retrospective
(retrospective sessions or when noted), glossary, and a generator line.

Scores: the engine scores 0–100; a version whose scores are all ≤ 1 is read as a 0..1 scale and
shown ×100, so sessions written either way read the same.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from facilitator import __version__
from facilitator.dates import date_words
from facilitator.room.cycle import followed
from facilitator.session import (
    SCORE_KEYS,
    KeyResult,
    Objective,
    Session,
    Version,
    Versioned,
    VoteSet,
)

from .labels import Labels, labels_for
from .sanitize import clean, one_line

# --------------------------------------------------------------------------------------------
# Blocks


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


# --------------------------------------------------------------------------------------------
# Helpers shared with the CSV writer


def scores_of(version: Version | None) -> dict[str, int] | None:
    """A version's scores on the 0–100 scale, `overall` included; None when not assessed."""
    if version is None or not version.scores:
        return None
    values = {k: float(v) for k, v in version.scores.items() if k in SCORE_KEYS}
    if not values:
        return None
    scale = 100.0 if max(values.values()) <= 1.0 else 1.0
    out = {k: round(v * scale) for k, v in values.items()}
    dims = [out[k] for k in ("clarity", "ambition", "measurability") if k in out]
    if "overall" not in out and dims:
        out["overall"] = round(sum(dims) / len(dims))
    return out


def date_text(value: str, labels: Labels) -> str:
    """A date in words in the minutes' language ("30 juin 2026", from "2026-06-30" or
    "30/06/2026" typed before dates were stored); anything else as typed ("fin 2026")."""
    return date_words(value, labels.lang)


def person(session: Session, ref: str | None) -> str:
    """A participant id as the participant's name; a typed name as it is."""
    if not ref:
        return ""
    for participant in session.participants:
        if participant.id == ref:
            return participant.name or ref
    return ref


HEADING_LIMIT = 150
"""An objective's heading shows its wording up to this many characters (then in full below)."""


def short(text: str, limit: int = 90) -> str:
    """One line of at most `limit` characters, cut at a word boundary when there is one."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def active_objectives(session: Session) -> list[Objective]:
    return [o for o in session.objectives if o.status != "dropped"]


def kr_label(labels: Labels, number: str, j: int) -> str:
    """ "RC2.1" / "KR2.1": key result 1 of objective O2."""
    return f"{labels['kr_prefix']}{number[len(labels['obj_prefix']) :]}.{j}"


def numbers(session: Session) -> dict[str, str]:
    """Objective id → "O1" … and key result id → "RC1.1" … (dropped objectives: none)."""
    labels = labels_for(session.lang)
    out: dict[str, str] = {}
    for i, objective in enumerate(active_objectives(session), 1):
        number = out[objective.id] = f"{labels['obj_prefix']}{i}"
        for j, kr in enumerate(objective.key_results, 1):
            out[kr.id] = kr_label(labels, number, j)
    return out


@functools.lru_cache(maxsize=4)
def rule_titles(lang: str) -> dict[str, str]:
    """Rule id → its title in `lang`, read from the rule files (no spaCy, no engine)."""
    from facilitator.engine.rules import rule_tables
    from facilitator.paths import data_dir

    titles: dict[str, str] = {}
    for path, data in rule_tables(data_dir("rules"), lang):
        title = data.get("title")
        if isinstance(title, str) and title.strip():
            titles[str(data.get("id", path.stem))] = title.strip()
    return titles


# --------------------------------------------------------------------------------------------
# Building


def build(session: Session, *, today: date | None = None) -> Minutes:
    """The minutes of `session`, in its language."""
    return _Builder(session, today or date.today()).build()


class _Builder:
    def __init__(self, session: Session, today: date) -> None:
        self.s = session
        self.L = labels_for(session.lang)
        self.today = today
        self.blocks: list[Block] = []
        self.active = active_objectives(session)
        self.numbers = numbers(session)
        self.parents = {p.id: (f"P{i}", p) for i, p in enumerate(session.parents, 1)}
        self.steps = {step.id: step for step in session.agenda}
        self.titles = rule_titles(self.L.lang)
        self.workshop = self.template_title()

    # -- small makers -------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, *runs: Run | str, note: bool = False) -> None:
        self.blocks.append(
            Paragraph([r if isinstance(r, Run) else Run(r) for r in runs], note=note)
        )

    def field(self, label: str, value: str) -> None:
        """ "Label : value" with the label in bold; nothing when the value is empty."""
        if value.strip():
            self.para(Run(label + self.L.colon, bold=True), Run(value))

    def bullets(self, items: Iterable[list[Run] | str]) -> None:
        rows = [item if isinstance(item, list) else [Run(item)] for item in items]
        if rows:
            self.blocks.append(BulletList(rows))

    def table(
        self,
        name: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: tuple[float, ...] = (),
        total_row: bool = False,
    ) -> None:
        self.blocks.append(Table(name, list(headers), [list(r) for r in rows], widths, total_row))

    def scores_line(self, scores: dict[str, int] | None) -> str:
        if not scores:
            return self.L["no_scores"]
        parts = [f"{self.L[k]} {scores[k]}" for k in SCORE_KEYS if k in scores]
        return " · ".join(parts)

    def finding_title(self, rule_id: str) -> str:
        return self.titles.get(rule_id, rule_id)

    def quote(self, text: str) -> str:
        return f"«\u00a0{text}\u00a0»" if self.L.lang == "fr" else f"“{text}”"

    def signed(self, delta: int) -> str:
        return f"+{delta}" if delta > 0 else ("0" if delta == 0 else f"\u2212{-delta}")

    def objective_ref(self, objective: Objective, limit: int = 70) -> str:
        number = self.numbers.get(objective.id)
        text = short(objective.text, limit)
        if number:
            return f"{number} — {text}"
        if objective.merged:
            return f"{text} ({self.L['status.merged'].lower()})"
        return (
            f"{text} ({self.L['status.dropped'].lower()})"
            if objective.status == "dropped"
            else text
        )

    def decided(self, objective: Objective) -> str:
        """ "par Marc Lefort le 19 mars 2026": who decided its status and when, as far as
        known (files from before this was recorded know neither)."""
        L = self.L
        who = person(self.s, objective.decided_by)
        when = date_text(objective.decided_at or "", L)
        parts = [
            L("decided.by", who=who) if who else "",
            L("decided.on", date=when) if when else "",
        ]
        return " ".join(p for p in parts if p)

    def status_text(self, objective: Objective, inline: bool = False) -> str:
        """ "Retenu par Marc Lefort le 19 mars 2026", "Fusionné dans O1 par …", "Écarté";
        `inline`: the phrase after a wording ("fusionné dans O1 par …")."""
        L = self.L
        if objective.merged:
            key = "decided.merged" if inline else "status.merged_into"
            status = L(key, target=self.merge_target(objective.merged_into or ""))
        else:
            status = L.table.get(f"status.{objective.status}", objective.status)
        decided = self.decided(objective) if objective.status != "draft" else ""
        return f"{status} {decided}" if decided else status

    def dropped_text(self, objective: Objective) -> str:
        """ "écarté par Marc Lefort le 19 mars 2026"; empty when neither is known."""
        decided = self.decided(objective)
        return f"{self.L['decided.dropped']} {decided}" if decided else ""

    def merge_target(self, objective_id: str) -> str:
        """ "O1" when the objective merged into is numbered, else its wording in quotes."""
        if objective_id in self.numbers:
            return self.numbers[objective_id]
        target = next((o for o in self.s.objectives if o.id == objective_id), None)
        return self.quote(short(target.text, 60)) if target else "?"

    # -- the document -------------------------------------------------------------------------

    def build(self) -> Minutes:
        s, L = self.s, self.L
        title = one_line(s.title) or self.workshop or L["untitled"]
        self.blocks.append(Title(title))
        self.blocks.append(Subtitle(L["minutes"]))
        self.title_block()
        self.summary()
        self.attendees()
        self.agenda()
        self.strategy()
        self.objectives()
        if s.kind in ("review", "retrospective") or any(
            kr.checkins or kr.grade is not None for o in self.active for kr in o.key_results
        ):
            self.tracking()
        # A review or a retrospective votes and brainstorms nothing: no empty sections for it.
        follow_up = s.kind in ("review", "retrospective")
        if not follow_up or any(v.priority or v.dots for v in s.votes.values()):
            self.votes()
        self.decisions()
        self.actions()
        self.parking()
        if (
            not follow_up
            or s.proposals
            or any(o.status not in ("draft", "retained") for o in s.objectives)
        ):
            self.proposals()
        if s.kind == "retrospective" or s.worked or s.to_change:
            self.retro()
        if s.glossary:  # "no acronym defined" tells the client nothing
            self.glossary()
        self.para(
            L(
                "generated",
                generator=f"facilitator {__version__}",
                date=date_text(self.today.isoformat(), L),
            ),
            note=True,
        )
        return Minutes(
            lang=L.lang,
            title=title,
            subject=" — ".join(x for x in (L["minutes"], one_line(s.organisation)) if x),
            author=one_line(s.facilitator),
            labels=L,
            blocks=self.blocks,
        )

    def template_title(self) -> str:
        if not self.s.template:
            return ""
        try:
            from facilitator.workshops import load_template

            return load_template(self.s.template).text("title", self.L.lang)
        except Exception:  # a missing or broken template never stops the minutes
            return ""

    def title_block(self) -> None:
        s, L = self.s, self.L
        self.field(L["workshop"], self.workshop or L.table.get(f"kind.{s.kind}", s.kind))
        self.field(L["organisation"], s.organisation)
        self.field(L["date"], date_text(s.date, L))
        self.field(L["place"], s.place)
        self.field(L["facilitator"], s.facilitator)
        previous = followed(s)  # its title and date; never the internal id
        if previous is not None:
            title, day = previous
            when = date_text(day, L)
            self.field(L["follows"], L("follows.value", title=title, date=when) if when else title)

    # -- executive summary --------------------------------------------------------------------

    def summary(self) -> None:
        s, L = self.s, self.L
        self.heading(L["summary"], 1)
        retained = [o for o in self.active if o.status == "retained"]
        focus = retained or self.active
        if not self.active and s.objectives:
            dropped = L.n("n.considered_dropped", len(s.objectives))
            self.para(Run(L("summary.all_dropped", dropped=dropped), bold=True))
        elif not self.active and s.follows and s.kind in ("review", "retrospective"):
            self.para(Run(L["summary.none_carried"], bold=True))
        elif not self.active:
            self.para(L["summary.no_objectives"])
        elif retained:
            self.para(
                Run(
                    L("summary.retained", retained=len(retained), total=len(s.objectives)),
                    bold=True,
                )
            )
        else:
            self.para(Run(L("summary.none_retained", drafts=len(self.active)), bold=True))
        items: list[list[Run]] = []
        for o in focus:
            overall = (scores_of(o.current) or {}).get("overall")
            tail = f" ({L['overall']} {overall})" if overall is not None else ""
            items.append([Run(f"{self.numbers[o.id]} — ", bold=True), Run(o.text + tail)])
        self.bullets(items)

        averages = _average([scores_of(o.current) for o in focus])
        if averages:
            self.field(L["summary.scores"], self.scores_line(averages))
        krs = [kr for o in focus for kr in o.key_results]
        kr_avg = _average([scores_of(kr.current) for kr in krs])
        if krs:
            kr_overall = str(kr_avg["overall"]) if kr_avg and "overall" in kr_avg else "—"
            self.para(L("summary.kr_scores", count=len(krs), overall=kr_overall))

        self.field(L["summary.priority"], self.priority_text())
        orphans = [o for o in self.active if o.orphan]
        if orphans and self.s.parents:
            self.field(L["summary.orphans"], ", ".join(self.objective_ref(o, 60) for o in orphans))
        self.para(
            L("summary.decisions_actions", decisions=len(s.decisions), actions=len(s.actions))
        )
        if s.parking:
            topics = L.n("n.topic", len(s.parking))
            self.para(L("summary.parking", topics=topics, open=len(s.open_parking())))
            self.bullets([p.text for p in s.parking])
        else:
            self.para(L["summary.parking_none"])
        if s.kind in ("review", "retrospective"):
            line = self.tracking_averages()
            if line:
                self.field(L["summary.tracking"], line)

    def priority_text(self) -> str:
        L = self.L
        ids = {o.id for o in self.s.objectives}
        voted = [v for oid, v in self.s.votes.items() if v.priority and oid in ids]
        if voted:
            judged = sum(v.judged_priority for v in voted)
            return L(
                "summary.priority_value",
                share=L.percent(judged / len(voted)),
                judged=judged,
                voted=len(voted),
            )
        if self.s.priority_share is not None:
            return L("summary.priority_stored", share=L.percent(self.s.priority_share))
        return L["summary.no_vote"]

    # -- attendees, agenda, strategy ----------------------------------------------------------

    def attendees(self) -> None:
        s, L = self.s, self.L
        self.heading(L["attendees"], 1)
        if not s.participants:
            self.para(L["attendees.none"])
            return
        self.para(
            L("attendees.count", present=len(s.present_participants()), total=len(s.participants))
        )
        rows = [
            [p.name, p.role, p.team, L["present"] if p.present else L["absent"]]
            for p in s.participants
        ]
        self.table(
            "attendees",
            [L["name"], L["role"], L["team"], L["presence"]],
            rows,
            (4.2, 5.4, 4.4, 3.0),
        )

    def agenda(self) -> None:
        s, L = self.s, self.L
        self.heading(L["agenda"], 1)
        if not s.agenda:
            self.para(L["agenda.none"])
            return
        rows: list[list[str]] = []
        planned_total = actual_total = gap_total = 0
        gaps = False
        for i, step in enumerate(s.agenda, 1):
            seconds = step.elapsed()
            spent = seconds > 0 or step.status != "pending"
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
                gap = self.signed(actual - step.planned_minutes)
            if spent:
                actual_total += actual
            rows.append(
                [
                    str(i),
                    step.title or step.kind,
                    planned,
                    str(actual) if spent else "—",
                    gap,
                    L.table.get(f"step.{step.status}", step.status),
                ]
            )
        rows.append(
            [
                "",
                L["total"],
                str(planned_total),
                str(actual_total),
                self.signed(gap_total) if gaps else "",
                "",
            ]
        )
        self.table(
            "agenda",
            ["#", L["step"], L["planned"], L["actual"], L["gap"], L["status"]],
            rows,
            (0.8, 7.4, 2.2, 2.0, 1.6, 2.4),
            total_row=True,
        )

    def strategy(self) -> None:
        s, L = self.s, self.L
        self.heading(L["strategy"], 1)
        self.heading(L["vision"], 2)
        self.para(s.vision if s.vision.strip() else L["vision.none"])
        self.heading(L["parents"], 2)
        if not s.parents:
            self.para(L["parents.none"])
            return
        items = []
        for number, parent in self.parents.values():
            linked = sum(1 for o in self.active if o.parent_id == parent.id)
            items.append(
                [
                    Run(f"{number} — ", bold=True),
                    Run(parent.text),
                    Run(f" ({L.n('n.linked', linked)})", italic=True),
                ]
            )
        self.bullets(items)

    # -- objectives ---------------------------------------------------------------------------

    def objectives(self) -> None:
        L = self.L
        self.heading(L["objectives"], 1)
        if not self.active:
            carried = self.s.follows and self.s.kind in ("review", "retrospective")
            none = (
                "summary.none_carried" if carried and not self.s.objectives else "objectives.none"
            )
            self.para(L[none])
            return
        for objective in self.active:
            self.objective(objective)

    def objective(self, o: Objective) -> None:
        L = self.L
        number = self.numbers[o.id]
        heading = short(o.text, HEADING_LIMIT)
        self.heading(f"{L['objective']} {number[len(L['obj_prefix']) :]} — {heading}", 2)
        current = o.current
        if current is not None:
            if heading != current.text.strip():  # cut or on several lines: the whole wording
                self.field(L["wording"], current.text)
            key = "wording.final" if o.final is not None else "wording.current"
            self.field(L["version"], L(key, n=current.n))
        self.field(L["owner"], person(self.s, o.owner))
        if o.parent_id and o.parent_id in self.parents:
            pnum, parent = self.parents[o.parent_id]
            self.field(L["parent"], f"{pnum} — {parent.text}")
        elif o.parent_id:
            self.field(L["parent"], o.parent_id)
        elif o.independent:
            self.field(L["parent"], L["independent"])
        else:
            self.para(Run(L["not_aligned"], bold=True))
        self.field(L["objective.status"], self.status_text(o))
        absorbed = [m for m in self.s.objectives if m.merged_into == o.id]
        if absorbed:
            self.field(
                L["objective.merged_from"], ", ".join(self.quote(short(m.text)) for m in absorbed)
            )
        self.field(L["scores"], self.scores_line(scores_of(current)))
        votes = self.s.votes.get(o.id)
        if votes and (votes.priority or votes.dots):
            tally = votes.tally()
            self.field(
                L["vote"],
                L(
                    "vote.line",
                    yes=tally["yes"],
                    unsure=L.n("n.unsure", tally["unsure"]),
                    no=tally["no"],
                    dots=L.n("n.dot", votes.dots_total),
                ),
            )

        self.heading(L["key_results"], 3)
        if not o.key_results:
            self.para(L["key_results.none"])
        else:
            rows = []
            for j, kr in enumerate(o.key_results, 1):
                text = kr.text if kr.committed else f"{kr.text} {L['aspirational']}"
                rows.append(
                    [
                        self.kr_label(number, j),
                        text,
                        _with_unit(kr.baseline, kr.unit),
                        _with_unit(kr.target, kr.unit),
                        date_text(kr.deadline, L),
                        person(self.s, kr.owner),
                        self.kr_scores(kr),
                    ]
                )
            self.table(
                "key_results",
                [
                    "#",
                    L["key_result"],
                    L["baseline"],
                    L["target"],
                    L["deadline"],
                    L["owner"],
                    L["kr_scores"],
                ],
                rows,
                (1.4, 4.7, 1.9, 1.9, 2.1, 2.7, 2.3),
            )

        self.heading(L["history"], 3)
        self.history(o)
        changed = [(j, kr) for j, kr in enumerate(o.key_results, 1) if len(kr.versions) > 1]
        if changed:
            self.heading(L["kr_history"], 3)
            self.bullets([self.kr_history(number, j, kr) for j, kr in changed])

    def kr_label(self, number: str, j: int) -> str:
        return kr_label(self.L, number, j)

    def kr_scores(self, kr: KeyResult) -> str:
        sc = scores_of(kr.current)
        if not sc:
            return "—"
        dims = "/".join(str(sc.get(k, "—")) for k in ("clarity", "ambition", "measurability"))
        return f"{sc.get('overall', '—')}\n{dims}"

    def history(self, item: Versioned) -> None:
        L = self.L
        if not item.versions:
            return
        if len(item.versions) == 1:
            self.para(L("history.single", n=item.versions[0].n))
            return
        first, current = item.versions[0], item.current
        assert current is not None
        before, after = scores_of(first), scores_of(current)
        if before and after and "overall" in before and "overall" in after:
            delta = self.signed(after["overall"] - before["overall"])
            self.para(
                L(
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
                change = self.signed(overall - previous["overall"])
            mark = f" ({L['final_mark']})" if item.final_version == version.n else ""
            wording: Cell = version.text
            if version.note.strip():
                wording = [Run(version.text), Run(f"\n{version.note}", italic=True)]
            rows.append(
                [
                    f"v{version.n}{mark}",
                    wording,
                    "—" if overall is None else str(overall),
                    change,
                    ", ".join(self.finding_title(r) for r in item.resolved(version.n)),
                ]
            )
            previous = sc
        self.table(
            "history",
            [L["version"], L["wording"], L["overall"].capitalize(), L["change"], L["resolved"]],
            rows,
            (1.9, 7.0, 1.7, 2.1, 4.3),
        )
        gone = [f for f in first.findings if f not in set(current.findings)]
        if gone:
            self.field(L["history.resolved_all"], ", ".join(self.finding_title(r) for r in gone))

    def kr_history(self, number: str, j: int, kr: KeyResult) -> list[Run]:
        L = self.L
        first, current = kr.versions[0], kr.current
        assert current is not None
        runs = [
            Run(f"{self.kr_label(number, j)}" + L.colon, bold=True),
            Run(f"v{first.n} {self.quote(first.text)} → v{current.n} {self.quote(current.text)}"),
        ]
        before, after = scores_of(first), scores_of(current)
        details = []
        if before and after and "overall" in before and "overall" in after:
            details.append(
                f"{L['overall']} {before['overall']} → {after['overall']} "
                f"({self.signed(after['overall'] - before['overall'])})"
            )
        gone = [f for f in first.findings if f not in set(current.findings)]
        if gone:
            details.append(
                f"{L['resolved'].lower()}{L.colon}" + ", ".join(self.finding_title(r) for r in gone)
            )
        if details:
            runs.append(
                Run(
                    " — " + " ; ".join(details) if L.lang == "fr" else " — " + "; ".join(details),
                    italic=True,
                )
            )
        return runs

    # -- tracking -----------------------------------------------------------------------------

    def tracking_values(self) -> tuple[list[float], list[float], list[float]]:
        progress: list[float] = []
        confidence: list[float] = []
        grades: list[float] = []
        for o in self.active:
            for kr in o.key_results:
                last = kr.last_checkin
                if last is not None:
                    value = last.progress
                    if value is None and last.current:
                        value = kr.progress_for(last.current, self.L.lang)
                    if value is not None:
                        progress.append(value)
                    if last.confidence is not None:
                        confidence.append(float(last.confidence))
                if kr.grade is not None:
                    grades.append(kr.grade)
        return progress, confidence, grades

    def tracking_averages(self) -> str:
        L = self.L
        progress, confidence, grades = self.tracking_values()
        parts = []
        if progress:
            parts.append(L("avg.progress", value=L.percent(sum(progress) / len(progress))))
        if confidence:
            parts.append(L("avg.confidence", value=L.number(sum(confidence) / len(confidence))))
        if grades:
            parts.append(L("avg.grade", value=L.number(sum(grades) / len(grades), 2)))
        return " · ".join(parts)

    def tracking(self) -> None:
        L = self.L
        retro = self.s.kind == "retrospective"
        self.heading(L["tracking.retro"] if retro else L["tracking"], 1)
        rows: list[list[str]] = []
        notes: list[list[Run]] = []
        for o in self.active:
            number = self.numbers[o.id]
            for j, kr in enumerate(o.key_results, 1):
                last = kr.last_checkin
                if last is None and kr.grade is None:
                    continue
                label = self.kr_label(number, j)
                progress = None
                if last is not None:
                    progress = last.progress
                    if progress is None and last.current:
                        progress = kr.progress_for(last.current, L.lang)
                base = _with_unit(kr.baseline, kr.unit) or "?"
                target = _with_unit(kr.target, kr.unit) or "?"
                rows.append(
                    [
                        label,
                        short(kr.text, 200),
                        f"{base} → {target}",
                        last.current if last else "",
                        L.percent(progress) if progress is not None else "—",
                        f"{last.confidence}/10" if last and last.confidence is not None else "—",
                        L.number(kr.grade, 1) if kr.grade is not None else "—",
                    ]
                )
                if last is not None and (last.comment.strip() or last.blockers):
                    runs = [Run(label + L.colon, bold=True)]
                    if last.comment.strip():
                        runs.append(Run(last.comment))
                    if last.blockers:
                        sep = " — " if last.comment.strip() else ""
                        runs.append(
                            Run(
                                f"{sep}{L['blockers']}{L.colon}" + " ; ".join(last.blockers),
                                italic=True,
                            )
                        )
                    notes.append(runs)
        if not rows:
            self.para(L["tracking.none"])
            return
        self.table(
            "tracking",
            [
                "#",
                L["key_result"],
                L["from_to"],
                L["current"],
                L["progress"],
                L["confidence"],
                L["grade"],
            ],
            rows,
            (1.3, 5.4, 2.8, 2.0, 1.8, 1.8, 1.4),
        )
        line = self.tracking_averages()
        if line:
            self.field(L["averages"], line)
        by_objective = [
            f"{self.numbers[o.id]} {L.number(avg, 2)}"
            for o in self.active
            if (avg := o.grade_average()) is not None
        ]
        if by_objective:
            self.field(L["grade.by_objective"], " · ".join(by_objective))
            self.para(L["grade.expected"], note=True)
        if notes:
            self.heading(L["comments"], 2)
            self.bullets(notes)

    # -- room mechanics -----------------------------------------------------------------------

    def votes(self) -> None:
        s, L = self.s, self.L
        self.heading(L["votes"], 1)
        by_id = {o.id: o for o in s.objectives}
        entries: list[tuple[Objective, VoteSet]] = [
            (by_id[oid], v) for oid, v in s.votes.items() if oid in by_id and (v.priority or v.dots)
        ]
        if not entries:
            self.para(L["votes.none"])
            return
        entries.sort(key=lambda e: (-e[1].dots_total, -e[1].tally()["yes"]))
        rows = []
        for objective, v in entries:
            tally = v.tally()
            rows.append(
                [
                    self.objective_ref(objective),
                    str(tally["yes"]),
                    str(tally["unsure"]),
                    str(tally["no"]),
                    str(v.dots_total),
                    L["yes"] if v.judged_priority else L["no"],
                ]
            )
        self.table(
            "votes",
            [L["objective"], L["yes"], L["unsure"], L["no"], L["dots"], L["judged_priority"]],
            rows,
            (7.0, 1.3, 2.1, 1.3, 1.6, 2.7),
        )
        self.field(L["summary.priority"], self.priority_text())
        if any(v.dots for _, v in entries):
            self.para(L("votes.dots", dots=L.n("n.dot", s.dots_per_participant)), note=True)

    def step_title(self, step_id: str | None) -> str:
        step = self.steps.get(step_id or "")
        return step.title if step else ""

    def decisions(self) -> None:
        s, L = self.s, self.L
        self.heading(L["decisions"], 1)
        if not s.decisions:
            self.para(L["decisions.none"])
            return
        rows = [[str(i), d.text, self.step_title(d.step_id)] for i, d in enumerate(s.decisions, 1)]
        self.table("decisions", ["#", L["decision"], L["step"]], rows, (0.8, 12.0, 4.2))

    def actions(self) -> None:
        s, L = self.s, self.L
        self.heading(L["actions"], 1)
        if not s.actions:
            self.para(L["actions.none"])
            return
        rows = [
            [
                str(i),
                a.text,
                person(s, a.owner),
                date_text(a.due, L),
                L["action.done"] if a.done else L["action.todo"],
            ]
            for i, a in enumerate(s.actions, 1)
        ]
        self.table(
            "actions",
            ["#", L["action"], L["owner"], L["due"], L["status"]],
            rows,
            (0.8, 8.6, 3.2, 2.6, 1.8),
        )

    def parking(self) -> None:
        s, L = self.s, self.L
        self.heading(L["parking"], 1)
        if not s.parking:
            self.para(L["parking.none"])
            return
        rows = []
        for item in s.parking:
            status = (
                "parking.resolved"
                if item.resolved
                else "parking.follow_up"
                if item.has_follow_up
                else "parking.open"
            )
            rows.append([item.text, person(s, item.owner), item.next_step, L[status]])
        self.table(
            "parking",
            [L["topic"], L["owner"], L["next_step"], L["status"]],
            rows,
            (6.4, 3.0, 5.6, 2.0),
        )

    def proposals(self) -> None:
        s, L = self.s, self.L
        self.heading(L["proposals"], 1)
        dropped_objectives = [o for o in s.objectives if o.status == "dropped"]
        if not s.proposals:
            self.para(L["proposals.none"])
        else:
            merged = [p for p in s.proposals if p.status == "merged"]
            dropped = [p for p in s.proposals if p.status == "dropped"]
            originals = [p for p in s.proposals if p.id not in {m.merged_into for m in merged}]
            self.para(
                L(
                    "proposals.count",
                    proposals=L.n("n.proposal", len(originals)),
                    merged=L.n("n.merged", len(merged)),
                    dropped=L.n("n.dropped", len(dropped)),
                )
            )
            by_id = {p.id: p for p in s.proposals}
            groups: dict[str, list[str]] = {}
            for p in merged:
                groups.setdefault(p.merged_into or "", []).append(p.text)
            if groups:
                self.heading(L["proposals.merged"], 2)
                items = []
                for target_id, texts in groups.items():
                    target = by_id.get(target_id)
                    runs = [Run(target.text if target else "?", bold=True)]
                    runs.append(
                        Run(
                            f" — {L['proposals.merged_into']}{L.colon}"
                            + ", ".join(self.quote(one_line(t)) for t in texts)
                        )
                    )
                    items.append(runs)
                self.bullets(items)
            if dropped:
                self.heading(L["proposals.dropped"], 2)
                self.bullets([self.with_author(p.text, p.author) for p in dropped])
        dropped_only = [o for o in dropped_objectives if not o.merged]
        if dropped_only:
            self.heading(L["objectives.dropped"], 2)
            self.bullets([self.with_decision(o.text, self.dropped_text(o)) for o in dropped_only])
        merged_objectives = [o for o in dropped_objectives if o.merged]
        if merged_objectives:
            self.heading(L["objectives.merged"], 2)
            self.bullets(
                [self.with_decision(o.text, self.status_text(o, True)) for o in merged_objectives]
            )

    def with_decision(self, text: str, decided: str) -> list[Run]:
        """A dropped objective's wording, then who dropped it and when (when known)."""
        runs = [Run(text)]
        if decided:
            runs.append(Run(f" — {decided}", italic=True))
        return runs

    def with_author(self, text: str, author: str | None) -> str:
        name = person(self.s, author)
        return f"{text} ({name})" if name else text

    def retro(self) -> None:
        s, L = self.s, self.L
        self.heading(L["retro"], 1)
        for key, items in (("worked", s.worked), ("to_change", s.to_change)):
            self.heading(L[key], 2)
            if items:
                self.bullets(list(items))
            else:
                self.para(L["retro.none"])

    def glossary(self) -> None:
        s, L = self.s, self.L
        self.heading(L["glossary"], 1)
        if not s.glossary:
            self.para(L["glossary.none"])
            return
        rows = [[term, s.glossary[term]] for term in sorted(s.glossary, key=str.casefold)]
        self.table("glossary", [L["term"], L["definition"]], rows, (3.2, 13.8))


def _with_unit(value: str, unit: str) -> str:
    """ "42" + "jours" → "42 jours"; a value that already carries its unit stays as it is."""
    value = value.strip()
    if not value or not unit.strip() or unit.strip() in value:
        return value
    return f"{value}\u00a0{unit.strip()}" if unit.strip() == "%" else f"{value} {unit.strip()}"


def _average(all_scores: Sequence[dict[str, int] | None]) -> dict[str, int] | None:
    present = [sc for sc in all_scores if sc]
    if not present:
        return None
    out: dict[str, int] = {}
    for key in SCORE_KEYS:
        values = [sc[key] for sc in present if key in sc]
        if values:
            out[key] = round(sum(values) / len(values))
    return out
