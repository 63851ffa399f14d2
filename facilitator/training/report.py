"""The Word training report: where the group struggled, in the pack's language.

Built as the minutes' blocks (title, headings, paragraphs, tables) and laid out by the minutes'
Word writer, so it takes the same styles, sanitising and page set-up; written atomically with
the minutes' `atomic_write` (a failed export leaves any previous file untouched).

Sections: summary, common mistakes (the rules that fired most in the attempts, with what each
says), skills (where the group struggled), exercises, trainees, and each trainee's detail.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from facilitator import __version__
from facilitator.locales import language, t
from facilitator.minutes import ExportError, atomic_write
from facilitator.minutes.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    Minutes,
    Paragraph,
    Run,
    Subtitle,
    Table,
    Title,
)
from facilitator.minutes.labels import Labels
from facilitator.training.model import Pack, skill_label
from facilitator.training.progress import TraineeProgress
from facilitator.training.summary import Summary, summarize, trainee_detail

# The catalogue keys (locales/*/training.toml) of an exercise's status in the detail table.
_STATUS = {
    "done": "training.report.status.done",
    "revealed": "training.report.status.revealed",
    "open": "training.report.status.open",
    "done_after_reveal": "training.report.status.done_after_reveal",
}


# The columns of the report's tables, as catalogue keys (written out: the catalogue test reads
# the keys in the code).
_EXERCISE_COLUMNS = (
    "training.report.col.exercise",
    "training.report.col.skill",
    "training.report.col.opened",
    "training.report.col.done",
    "training.report.col.after",
    "training.report.col.mean_attempts",
    "training.report.col.hints",
    "training.report.col.revealed",
    "training.report.col.wrong",
)
_TRAINEE_COLUMNS = (
    "training.report.col.trainee",
    "training.report.col.opened",
    "training.report.col.done",
    "training.report.col.after",
    "training.report.col.first_try",
    "training.report.col.attempts",
    "training.report.col.hints",
    "training.report.col.revealed",
    "training.report.col.score",
)
_DETAIL_COLUMNS = (
    "training.report.col.exercise",
    "training.report.col.status",
    "training.report.col.attempts",
    "training.report.col.hints",
    "training.report.col.last",
)
_MISTAKE_COLUMNS = (
    "training.report.col.rule",
    "training.report.col.says",
    "training.report.col.attempts",
    "training.report.col.failed",
    "training.report.col.trainees",
)
_SKILL_COLUMNS = (
    "training.report.col.skill",
    "training.report.col.opened",
    "training.report.col.done",
    "training.report.col.per_success",
    "training.report.col.hints",
    "training.report.col.revealed",
)


def _headers(lang: str, keys: tuple[str, ...]) -> list[str]:
    return [t(lang, key) for key in keys]


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "fr" else text


def _date(day: date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def build_report(
    trainees: Sequence[TraineeProgress],
    *,
    lang: str,
    group: str | None = None,
    packs: Sequence[Pack] = (),
    pack: str | None = None,
    today: date | None = None,
) -> Minutes:
    """The report's blocks (nothing written)."""
    lang = language(lang)
    today = today or date.today()
    s = summarize(trainees, lang=lang, group=group, packs=packs, pack=pack)
    titles = {p.id: p.title for p in packs}
    blocks: list[Block] = [Title(t(lang, "training.report.title"))]
    blocks.append(
        Subtitle(
            t(lang, "training.report.group", group=group)
            if group
            else t(lang, "training.report.all_groups")
        )
    )
    if s.packs:
        names = ", ".join(titles.get(p, p) for p in s.packs)
        blocks.append(Paragraph([Run(t(lang, "training.report.packs", packs=names), italic=True)]))
    blocks.append(
        Paragraph([Run(t(lang, "training.report.date", date=_date(today, lang)), italic=True)])
    )

    blocks.append(Heading(t(lang, "training.report.summary"), 1))
    if not s.attempts and not s.opened:
        blocks.append(Paragraph([Run(t(lang, "training.report.empty"))]))
    blocks.append(Paragraph([Run(t(lang, "training.report.summary.text", **s.totals()))]))
    if s.after_reveal:
        blocks.append(
            Paragraph([Run(t(lang, "training.report.summary.after", count=s.after_reveal))])
        )
    blocks.extend(_mistakes(s, lang))
    blocks.extend(_skills(s, lang))
    if s.exercises:
        blocks.append(Heading(t(lang, "training.report.exercises"), 1))
        blocks.append(
            Table(
                "exercises",
                _headers(lang, _EXERCISE_COLUMNS),
                [
                    [
                        r.label or r.title,
                        skill_label(r.skill, lang),
                        str(r.trainees),
                        str(r.done),
                        str(r.after_reveal),
                        _number(r.mean_attempts, lang),
                        str(r.hints),
                        str(r.revealed),
                        str(r.wrong_choices),
                    ]
                    for r in s.exercises
                ],
                widths=(2.6, 1.8, 1.4, 0.9, 1.1, 1.1, 0.8, 1.0, 0.9),
            )
        )
    if s.trainees:
        blocks.append(Heading(t(lang, "training.report.trainees"), 1))
        blocks.append(
            Table(
                "trainees",
                _headers(lang, _TRAINEE_COLUMNS),
                [
                    [
                        row.name
                        if group
                        else f"{row.name} ({row.group})"
                        if row.group
                        else row.name,
                        str(row.opened),
                        str(row.done),
                        str(row.after_reveal),
                        str(row.first_try),
                        str(row.attempts),
                        str(row.hints),
                        str(row.revealed),
                        _number(row.mean_overall, lang),
                    ]
                    for row in s.trainees
                ],
                widths=(2.4, 1.0, 0.9, 1.1, 1.0, 1.0, 0.8, 1.0, 1.0),
            )
        )
        blocks.append(Paragraph([Run(t(lang, "training.report.done.note"))], note=True))
        blocks.append(Paragraph([Run(t(lang, "training.report.score.note"))], note=True))
        blocks.append(Heading(t(lang, "training.report.detail"), 1))
        for trainee in trainees:
            entries = [e for e in trainee.exercises.values() if pack is None or e.pack == pack]
            if not entries:
                continue
            blocks.append(Heading(trainee.name, 2))
            rows: list[list[Cell]] = [
                [
                    d.label,
                    t(lang, _STATUS[d.status]),
                    str(d.attempts),
                    str(d.hints),
                    t(lang, "training.report.choice", text=d.answer) if d.choice else d.answer,
                ]
                for d in trainee_detail(trainee, packs=packs, pack=pack, labels=s.labels)
            ]
            blocks.append(
                Table(
                    f"detail:{trainee.name}",
                    _headers(lang, _DETAIL_COLUMNS),
                    rows,
                    widths=(2.4, 1.4, 1.0, 0.8, 4.4),
                )
            )
    blocks.append(
        Paragraph(
            [
                Run(
                    t(
                        lang,
                        "training.report.generator",
                        version=__version__,
                        date=_date(today, lang),
                    )
                )
            ],
            note=True,
        )
    )
    labels = Labels(lang, overrides={"minutes": t(lang, "training.report.footer")})
    subject = (
        t(lang, "training.report.group", group=group)
        if group
        else t(lang, "training.report.all_groups")
    )
    return Minutes(lang, t(lang, "training.report.title"), subject, "", labels, blocks)


def _mistakes(s: Summary, lang: str) -> Iterable[Block]:
    yield Heading(t(lang, "training.report.mistakes"), 1)
    if not s.mistakes:
        yield Paragraph(
            [
                Run(
                    t(lang, "training.report.mistakes.none")
                    if s.attempts
                    else t(lang, "training.report.empty")
                )
            ]
        )
        return
    yield Paragraph([Run(t(lang, "training.report.mistakes.intro"))])
    yield Table(
        "mistakes",
        _headers(lang, _MISTAKE_COLUMNS),
        [
            [[Run(m.title, bold=True)], m.message, str(m.attempts), str(m.failed), str(m.trainees)]
            for m in s.mistakes[:12]
        ],
        widths=(2.2, 5.0, 1.1, 1.1, 1.1),
    )
    top = s.mistakes[:3]
    yield BulletList([[Run(m.title, bold=True), Run(f" — {m.message}")] for m in top if m.message])


def _skills(s: Summary, lang: str) -> Iterable[Block]:
    if not s.skills:
        return
    yield Heading(t(lang, "training.report.skills"), 1)
    yield Paragraph([Run(t(lang, "training.report.skills.intro"))])
    yield Table(
        "skills",
        _headers(lang, _SKILL_COLUMNS),
        [
            [
                r.label,
                str(r.opened),
                str(r.done),
                _number(r.attempts_per_success, lang),
                str(r.hints),
                str(r.revealed),
            ]
            for r in sorted(
                s.skills,
                key=lambda r: -(r.attempts_per_success or (r.attempts + 1 if r.attempts else 0)),
            )
        ],
        widths=(3.0, 1.2, 1.0, 1.6, 1.0, 1.4),
    )


def render_report(minutes: Minutes) -> bytes:
    from facilitator.minutes import docx

    return docx.render(minutes)


def default_report_name(group: str | None, lang: str, today: date | None = None) -> str:
    today = today or date.today()
    stem = "rapport-entrainement" if lang == "fr" else "training-report"
    folded = unicodedata.normalize("NFKD", group or "").encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40]
    return f"{stem}{'-' + slug if slug else ''}-{today.isoformat()}.docx"


def export_report(
    path: str | Path,
    trainees: Sequence[TraineeProgress],
    *,
    lang: str,
    group: str | None = None,
    packs: Sequence[Pack] = (),
    pack: str | None = None,
    today: date | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the Word report to `path`, atomically; raises ExportError with the file and why
    (ExistingFileError when the file exists and `overwrite` is not set)."""
    path = Path(path)
    minutes = build_report(trainees, lang=lang, group=group, packs=packs, pack=pack, today=today)
    try:
        data = render_report(minutes)
    except (ValueError, OSError) as error:
        raise ExportError(f"the report could not be built: {error}", path) from None
    atomic_write(path, data, overwrite=overwrite)
    return path
