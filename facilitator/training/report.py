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
from facilitator.minutes import ExportError, atomic_write
from facilitator.minutes.content import (
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
from facilitator.minutes.labels import TABLES, Labels
from facilitator.training.model import Pack, skill_label
from facilitator.training.progress import TraineeProgress
from facilitator.training.summary import Summary, summarize, trainee_detail

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Rapport d’entraînement OKR",
        "group": "Groupe : {group}",
        "all_groups": "Tous les groupes",
        "packs": "Packs : {packs}",
        "date": "Rapport du {date}",
        "summary": "Synthèse",
        "summary.text": (
            "{trainees} stagiaire(s) · {done} exercice(s) réussi(s) sur {opened} commencé(s) · "
            "{attempts} tentative(s) · {hints} indice(s) demandé(s) · {revealed} réponse(s) "
            "modèle(s) affichée(s)."
        ),
        "summary.after": (
            "{n} exercice(s) réussi(s) seulement après l’affichage de la réponse modèle, "
            "comptés à part."
        ),
        "empty": "Aucune tentative enregistrée pour l’instant.",
        "mistakes": "Les erreurs fréquentes, à reprendre ensemble",
        "mistakes.intro": (
            "Les remarques du coach les plus fréquentes dans les tentatives du groupe : ce sont "
            "les points à retravailler à la prochaine séance."
        ),
        "mistakes.none": "Aucune remarque du coach dans les tentatives : bravo au groupe.",
        "col.rule": "Remarque du coach",
        "col.says": "Ce qu’elle signale",
        "col.attempts": "Tentatives",
        "col.failed": "dont échouées",
        "col.trainees": "Stagiaires",
        "skills": "Où le groupe a peiné",
        "skills.intro": (
            "Par compétence : plus il faut de tentatives par réussite, d’indices et de réponses "
            "affichées, plus la compétence mérite d’être reprise."
        ),
        "col.skill": "Compétence",
        "col.opened": "Commencés",
        "col.done": "Réussis",
        "col.after": "Réussis après la réponse",
        "col.per_success": "Tentatives par réussite",
        "col.hints": "Indices",
        "col.revealed": "Réponses affichées",
        "exercises": "Par exercice",
        "col.pack": "Pack",
        "col.exercise": "Exercice",
        "col.mean_attempts": "Tentatives (moy.)",
        "col.wrong": "Mauvais choix",
        "trainees": "Par stagiaire",
        "col.trainee": "Stagiaire",
        "col.first_try": "Du premier coup",
        "col.score": "Score moyen",
        "done.note": (
            "« Réussis » compte les exercices réussis sans avoir vu la réponse modèle ; ceux "
            "réussis après l’avoir vue sont comptés dans « Réussis après la réponse »."
        ),
        "score.note": (
            "Score moyen : pour chaque exercice de réécriture commencé, le score global (0 à 100) "
            "que le coach donne à la dernière réponse envoyée, réussie ou non ; puis la moyenne de "
            "ces scores. Les exercices à choix n’y entrent pas."
        ),
        "detail": "Détail par stagiaire",
        "col.status": "Statut",
        "col.last": "Dernière réponse",
        "status.done": "réussi",
        "status.revealed": "réponse affichée",
        "status.open": "en cours",
        "status.done_after_reveal": "réussi après la réponse",
        "choice": "choix : {text}",
        "generator": "Rapport produit par facilitator {version} le {date}.",
        "footer": "Rapport d’entraînement",
    },
    "en": {
        "title": "OKR training report",
        "group": "Group: {group}",
        "all_groups": "All groups",
        "packs": "Packs: {packs}",
        "date": "Report of {date}",
        "summary": "Summary",
        "summary.text": (
            "{trainees} trainee(s) · {done} exercise(s) passed out of {opened} started · "
            "{attempts} attempt(s) · {hints} hint(s) asked · {revealed} model answer(s) shown."
        ),
        "summary.after": (
            "{n} exercise(s) passed only after the model answer was shown, counted apart."
        ),
        "empty": "No attempt recorded yet.",
        "mistakes": "Common mistakes to go over together",
        "mistakes.intro": (
            "The coach’s most frequent findings in the group’s attempts: these are the points "
            "to work on in the next session."
        ),
        "mistakes.none": "No finding from the coach in the attempts: well done, group.",
        "col.rule": "Coach finding",
        "col.says": "What it points out",
        "col.attempts": "Attempts",
        "col.failed": "of which failed",
        "col.trainees": "Trainees",
        "skills": "Where the group struggled",
        "skills.intro": (
            "By skill: the more attempts per success, hints and answers shown, the more the skill "
            "deserves another session."
        ),
        "col.skill": "Skill",
        "col.opened": "Started",
        "col.done": "Passed",
        "col.after": "Passed after reveal",
        "col.per_success": "Attempts per success",
        "col.hints": "Hints",
        "col.revealed": "Answers shown",
        "exercises": "By exercise",
        "col.pack": "Pack",
        "col.exercise": "Exercise",
        "col.mean_attempts": "Attempts (mean)",
        "col.wrong": "Wrong choices",
        "trainees": "By trainee",
        "col.trainee": "Trainee",
        "col.first_try": "First try",
        "col.score": "Mean score",
        "done.note": (
            "“Passed” counts the exercises passed without seeing the model answer; those passed "
            "after seeing it are counted in “Passed after reveal”."
        ),
        "score.note": (
            "Mean score: for each rewrite exercise started, the coach’s overall score (0 to 100) "
            "of the last answer sent, passed or not; then the mean of those scores. Choice "
            "exercises are left out."
        ),
        "detail": "Detail per trainee",
        "col.status": "Status",
        "col.last": "Last answer",
        "status.done": "passed",
        "status.revealed": "answer shown",
        "status.open": "in progress",
        "status.done_after_reveal": "passed after reveal",
        "choice": "choice: {text}",
        "generator": "Report produced by facilitator {version} on {date}.",
        "footer": "Training report",
    },
}


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
    lang = lang if lang in TEXTS else "fr"
    T = TEXTS[lang]
    today = today or date.today()
    s = summarize(trainees, lang=lang, group=group, packs=packs, pack=pack)
    titles = {p.id: p.title for p in packs}
    blocks: list[Block] = [Title(T["title"])]
    blocks.append(Subtitle(T["group"].format(group=group) if group else T["all_groups"]))
    if s.packs:
        names = ", ".join(titles.get(p, p) for p in s.packs)
        blocks.append(Paragraph([Run(T["packs"].format(packs=names), italic=True)]))
    blocks.append(Paragraph([Run(T["date"].format(date=_date(today, lang)), italic=True)]))

    blocks.append(Heading(T["summary"], 1))
    if not s.attempts and not s.opened:
        blocks.append(Paragraph([Run(T["empty"])]))
    blocks.append(Paragraph([Run(T["summary.text"].format(**s.totals()))]))
    if s.after_reveal:
        blocks.append(Paragraph([Run(T["summary.after"].format(n=s.after_reveal))]))
    blocks.extend(_mistakes(s, T))
    blocks.extend(_skills(s, T, lang))
    if s.exercises:
        blocks.append(Heading(T["exercises"], 1))
        blocks.append(
            Table(
                "exercises",
                [
                    T["col.exercise"],
                    T["col.skill"],
                    T["col.opened"],
                    T["col.done"],
                    T["col.after"],
                    T["col.mean_attempts"],
                    T["col.hints"],
                    T["col.revealed"],
                    T["col.wrong"],
                ],
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
        blocks.append(Heading(T["trainees"], 1))
        blocks.append(
            Table(
                "trainees",
                [
                    T["col.trainee"],
                    T["col.opened"],
                    T["col.done"],
                    T["col.after"],
                    T["col.first_try"],
                    T["col.attempts"],
                    T["col.hints"],
                    T["col.revealed"],
                    T["col.score"],
                ],
                [
                    [
                        t.name if group else f"{t.name} ({t.group})" if t.group else t.name,
                        str(t.opened),
                        str(t.done),
                        str(t.after_reveal),
                        str(t.first_try),
                        str(t.attempts),
                        str(t.hints),
                        str(t.revealed),
                        _number(t.mean_overall, lang),
                    ]
                    for t in s.trainees
                ],
                widths=(2.4, 1.0, 0.9, 1.1, 1.0, 1.0, 0.8, 1.0, 1.0),
            )
        )
        blocks.append(Paragraph([Run(T["done.note"])], note=True))
        blocks.append(Paragraph([Run(T["score.note"])], note=True))
        blocks.append(Heading(T["detail"], 1))
        for trainee in trainees:
            entries = [e for e in trainee.exercises.values() if pack is None or e.pack == pack]
            if not entries:
                continue
            blocks.append(Heading(trainee.name, 2))
            rows: list[list[Cell]] = [
                [
                    d.label,
                    T[f"status.{d.status}"],
                    str(d.attempts),
                    str(d.hints),
                    T["choice"].format(text=d.answer) if d.choice else d.answer,
                ]
                for d in trainee_detail(trainee, packs=packs, pack=pack, labels=s.labels)
            ]
            blocks.append(
                Table(
                    f"detail:{trainee.name}",
                    [
                        T["col.exercise"],
                        T["col.status"],
                        T["col.attempts"],
                        T["col.hints"],
                        T["col.last"],
                    ],
                    rows,
                    widths=(2.4, 1.4, 1.0, 0.8, 4.4),
                )
            )
    blocks.append(
        Paragraph(
            [Run(T["generator"].format(version=__version__, date=_date(today, lang)))],
            note=True,
        )
    )
    labels = Labels(lang, {**TABLES[lang], "minutes": T["footer"]})
    subject = T["group"].format(group=group) if group else T["all_groups"]
    return Minutes(lang, T["title"], subject, "", labels, blocks)


def _mistakes(s: Summary, T: dict[str, str]) -> Iterable[Block]:
    yield Heading(T["mistakes"], 1)
    if not s.mistakes:
        yield Paragraph([Run(T["mistakes.none"] if s.attempts else T["empty"])])
        return
    yield Paragraph([Run(T["mistakes.intro"])])
    yield Table(
        "mistakes",
        [T["col.rule"], T["col.says"], T["col.attempts"], T["col.failed"], T["col.trainees"]],
        [
            [[Run(m.title, bold=True)], m.message, str(m.attempts), str(m.failed), str(m.trainees)]
            for m in s.mistakes[:12]
        ],
        widths=(2.2, 5.0, 1.1, 1.1, 1.1),
    )
    top = s.mistakes[:3]
    yield BulletList([[Run(m.title, bold=True), Run(f" — {m.message}")] for m in top if m.message])


def _skills(s: Summary, T: dict[str, str], lang: str) -> Iterable[Block]:
    if not s.skills:
        return
    yield Heading(T["skills"], 1)
    yield Paragraph([Run(T["skills.intro"])])
    yield Table(
        "skills",
        [
            T["col.skill"],
            T["col.opened"],
            T["col.done"],
            T["col.per_success"],
            T["col.hints"],
            T["col.revealed"],
        ],
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
