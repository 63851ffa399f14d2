"""`MinutesWriter`: the minutes being written (their blocks) and what every section needs to
write its part: the session, its labels, the objectives' numbers, and the phrases several
sections share (a score line, an objective's reference, who decided and when …).

The sections themselves (`opening`, `objectives`, `tracking`, `outcomes`) are functions of a
writer; `content.build` calls them in the minutes' order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from facilitator.session import SCORE_KEYS, Objective, Session

from .blocks import Block, BulletList, Cell, Heading, Paragraph, Run, Table
from .facts import (
    active_objectives,
    date_text,
    kr_label,
    last_progress,
    numbers,
    person,
    rule_titles,
    short,
)
from .labels import STATUS_KEYS, labels_for


class MinutesWriter:
    """The blocks written so far, and the session's facts the sections share."""

    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.labels = labels_for(session.lang)
        self.today = today
        self.blocks: list[Block] = []
        self.active = active_objectives(session)
        self.numbers = numbers(session)
        self.parents = {p.id: (f"P{i}", p) for i, p in enumerate(session.parents, 1)}
        self.steps = {step.id: step for step in session.agenda}
        self.titles = rule_titles(self.labels.lang)
        self.workshop = self.template_title()

    def heading(self, text: str, level: int) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, *runs: Run | str, note: bool = False) -> None:
        self.blocks.append(
            Paragraph([r if isinstance(r, Run) else Run(r) for r in runs], note=note)
        )

    def field(self, label: str, value: str) -> None:
        """ "Label : value" with the label in bold; nothing when the value is empty."""
        if value.strip():
            self.para(Run(label + self.labels.colon, bold=True), Run(value))

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
            return self.labels["no_scores"]
        parts = [f"{self.labels[k]} {scores[k]}" for k in SCORE_KEYS if k in scores]
        return " · ".join(parts)

    def finding_title(self, rule_id: str) -> str:
        return self.titles.get(rule_id, rule_id)

    def quote(self, text: str) -> str:
        return f"«\u00a0{text}\u00a0»" if self.labels.lang == "fr" else f"“{text}”"

    def signed(self, delta: int) -> str:
        return f"+{delta}" if delta > 0 else ("0" if delta == 0 else f"\u2212{-delta}")

    def objective_ref(self, objective: Objective, limit: int = 70) -> str:
        number = self.numbers.get(objective.id)
        text = short(objective.text, limit)
        if number:
            return f"{number} — {text}"
        if objective.merged:
            return f"{text} ({self.labels['status.merged'].lower()})"
        return (
            f"{text} ({self.labels['status.dropped'].lower()})"
            if objective.status == "dropped"
            else text
        )

    def decided(self, objective: Objective) -> str:
        """ "par Marc Lefort le 19 mars 2026": who decided its status and when, as far as
        known (files from before this was recorded know neither)."""
        labels = self.labels
        who = person(self.session, objective.decided_by)
        when = date_text(objective.decided_at or "", labels)
        parts = [
            labels("decided.by", who=who) if who else "",
            labels("decided.on", date=when) if when else "",
        ]
        return " ".join(p for p in parts if p)

    def status_text(self, objective: Objective, inline: bool = False) -> str:
        """ "Retenu par Marc Lefort le 19 mars 2026", "Fusionné dans O1 par …", "Écarté";
        `inline`: the phrase after a wording ("fusionné dans O1 par …")."""
        labels = self.labels
        if objective.merged:
            key = "decided.merged" if inline else "status.merged_into"
            status = labels(key, target=self.merge_target(objective.merged_into or ""))
        else:
            status = labels.named(STATUS_KEYS, objective.status)
        decided = self.decided(objective) if objective.status != "draft" else ""
        return f"{status} {decided}" if decided else status

    def dropped_text(self, objective: Objective) -> str:
        """ "écarté par Marc Lefort le 19 mars 2026"; empty when neither is known."""
        decided = self.decided(objective)
        return f"{self.labels['decided.dropped']} {decided}" if decided else ""

    def merge_target(self, objective_id: str) -> str:
        """ "O1" when the objective merged into is numbered, else its wording in quotes."""
        if objective_id in self.numbers:
            return self.numbers[objective_id]
        target = next((o for o in self.session.objectives if o.id == objective_id), None)
        return self.quote(short(target.text, 60)) if target else "?"

    def kr_label(self, number: str, j: int) -> str:
        """ "RC2.1" / "KR2.1": key result `j` of the objective numbered `number`."""
        return kr_label(self.labels, number, j)

    def step_title(self, step_id: str | None) -> str:
        step = self.steps.get(step_id or "")
        return step.title if step else ""

    def with_decision(self, text: str, decided: str) -> list[Run]:
        """A dropped objective's wording, then who dropped it and when (when known)."""
        runs = [Run(text)]
        if decided:
            runs.append(Run(f" — {decided}", italic=True))
        return runs

    def with_author(self, text: str, author: str | None) -> str:
        name = person(self.session, author)
        return f"{text} ({name})" if name else text

    def priority_text(self) -> str:
        labels = self.labels
        ids = {o.id for o in self.session.objectives}
        voted = [v for oid, v in self.session.votes.items() if v.priority and oid in ids]
        if voted:
            judged = sum(v.judged_priority for v in voted)
            return labels(
                "summary.priority_value",
                share=labels.percent(judged / len(voted)),
                judged=judged,
                voted=len(voted),
            )
        if self.session.priority_share is not None:
            return labels(
                "summary.priority_stored", share=labels.percent(self.session.priority_share)
            )
        return labels["summary.no_vote"]

    def tracking_values(self) -> tuple[list[float], list[float], list[float]]:
        progress: list[float] = []
        confidence: list[float] = []
        grades: list[float] = []
        for o in self.active:
            for kr in o.key_results:
                last = kr.last_checkin
                value = last_progress(kr, self.labels.lang)
                if value is not None:
                    progress.append(value)
                if last is not None and last.confidence is not None:
                    confidence.append(float(last.confidence))
                if kr.grade is not None:
                    grades.append(kr.grade)
        return progress, confidence, grades

    def tracking_averages(self) -> str:
        labels = self.labels
        progress, confidence, grades = self.tracking_values()
        parts = []
        if progress:
            parts.append(
                labels("avg.progress", value=labels.percent(sum(progress) / len(progress)))
            )
        if confidence:
            parts.append(
                labels("avg.confidence", value=labels.number(sum(confidence) / len(confidence)))
            )
        if grades:
            parts.append(labels("avg.grade", value=labels.number(sum(grades) / len(grades), 2)))
        return " · ".join(parts)

    def template_title(self) -> str:
        if not self.session.template:
            return ""
        try:
            from facilitator.workshops import load_template

            return load_template(self.session.template).text("title", self.labels.lang)
        except Exception:  # a missing or broken template never stops the minutes
            return ""
