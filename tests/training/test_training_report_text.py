"""The Word report handed to the client reads as finished text (issue 15, items 1 and 6): no rule
message template left with an unfilled {placeholder}, whatever rules fired; a pass after the
model answer was shown is told apart; two exercises of the same title from two packs too."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from facilitator.training import load_packs
from facilitator.training.criteria import rule_info
from facilitator.training.progress import Attempt, TraineeProgress
from facilitator.training.report import build_report, render_report
from facilitator.training.summary import summarize

PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")


def _document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        texts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(texts)


def _fired(lang: str, rules: list[str]) -> list[TraineeProgress]:
    """Two trainees whose attempts fired `rules` between them."""
    packs, _ = load_packs()
    pack = next(p for p in packs if p.lang == lang)
    trainees = []
    for n, name in enumerate(("Anne", "Bob")):
        trainee = TraineeProgress(name, "CODIR", created="2026-03-19T09:00:00+00:00")
        for i, ex in enumerate(pack.exercises[:4]):
            attempt = Attempt(
                time=f"2026-03-19T09:{10 + i:02d}:0{n}+00:00",
                text=f"{ex.draft} ({name})",
                passed=i % 2 == 0,
                scores={"overall": 60.0},
                rules=rules[i::4],
            )
            trainee.record(pack.id, ex.id, attempt, title=ex.title, skill=ex.skill)
        trainees.append(trainee)
    return trainees


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_rule_message_reads_without_a_placeholder(lang: str) -> None:
    templated = [r for r, info in rule_info(lang).items() if PLACEHOLDER.search(info.message)]
    assert templated, "the test must cover rules whose message is a template"
    packs, _ = load_packs()
    everything = sorted(rule_info(lang))
    summary = summarize(_fired(lang, everything), lang=lang, packs=packs)
    assert {m.rule for m in summary.mistakes} == set(everything)
    for mistake in summary.mistakes:
        assert mistake.message and not PLACEHOLDER.search(mistake.message), mistake
    # The report's table shows the twelve most frequent: one report per ten rules shows them all.
    for start in range(0, len(everything), 10):
        rules = everything[start : start + 10]
        trainees = _fired(lang, rules)
        minutes = build_report(trainees, lang=lang, packs=packs, today=date(2026, 3, 19))
        text = _document_text(render_report(minutes))
        assert not PLACEHOLDER.findall(text), PLACEHOLDER.findall(text)
        for rule in rules:
            info = rule_info(lang)[rule]
            assert info.title in text
            # A templated message gives way to the rule's why, which the report does show.
            assert (info.rationale if rule in templated else info.message) in text, rule


def test_a_template_message_gives_way_to_the_rationale() -> None:
    info = rule_info("fr")["vague-verb"]
    assert "{match}" in info.message
    assert info.summary == info.rationale
    plain = rule_info("fr")["kr-no-target"]
    assert plain.summary == plain.message


def _pass_after_reveal() -> list[TraineeProgress]:
    packs, _ = load_packs()
    fr1 = next(p for p in packs if p.id == "fr-1-reperer")
    ex = next(e for e in fr1.exercises if not e.is_choice)
    anne = TraineeProgress("Anne", "CODIR", created="2026-03-19T09:00:00+00:00")
    for n in range(3):
        anne.record(
            fr1.id,
            ex.id,
            Attempt(time=f"2026-03-19T09:0{n}:00+00:00", text=f"essai {n}", scores={"overall": 40}),
            title=ex.title,
            skill=ex.skill,
        )
    anne.reveal(fr1.id, ex.id, "2026-03-19T09:05:00+00:00")
    anne.record(
        fr1.id,
        ex.id,
        Attempt(time="2026-03-19T09:06:00+00:00", text=ex.model_answer, passed=True),
    )
    return [anne]


def test_a_pass_after_the_model_answer_is_not_counted_as_passed() -> None:
    packs, _ = load_packs()
    trainees = _pass_after_reveal()
    s = summarize(trainees, lang="fr", packs=packs)
    assert (s.trainees[0].done, s.trainees[0].after_reveal) == (0, 1)
    assert (s.exercises[0].done, s.exercises[0].after_reveal) == (0, 1)
    assert s.done == 0 and s.after_reveal == 1
    text = _document_text(
        render_report(build_report(trainees, lang="fr", packs=packs, today=date(2026, 3, 19)))
    )
    assert "réussi après la réponse" in text
    assert "1 exercice réussi seulement après l’affichage de la réponse modèle" in text
    assert "exercices commencés\u00a0: 1 · réussis\u00a0: 0" in text
    detail = [line for line in text.splitlines() if line in ("réussi", "réussi après la réponse")]
    assert detail == ["réussi après la réponse"]
    english = _document_text(
        render_report(build_report(trainees, lang="en", packs=packs, today=date(2026, 3, 19)))
    )
    assert "passed after reveal" in english


def test_the_report_shows_what_each_trainee_wrote_last_and_explains_the_score() -> None:
    packs, _ = load_packs()
    trainees = _pass_after_reveal()
    text = _document_text(
        render_report(build_report(trainees, lang="fr", packs=packs, today=date(2026, 3, 19)))
    )
    model = next(p for p in packs if p.id == "fr-1-reperer")
    assert any(e.model_answer in text for e in model.exercises)
    assert "Score moyen : pour chaque exercice de réécriture" in text.replace("\u00a0", " ")


def test_two_exercises_with_the_same_title_are_told_apart_by_their_pack() -> None:
    packs, _ = load_packs()
    by_id = {p.id: p for p in packs}
    # The same exercise title in two packs (a trainer's pack copying a shipped one, say).
    first, second = by_id["fr-1-reperer"], by_id["fr-4-pharma"]
    a = next(e for e in first.exercises if not e.is_choice)
    b = next(e for e in second.exercises if not e.is_choice)
    bob = TraineeProgress("Bob", "CODIR", created="2026-03-19T09:00:00+00:00")
    for pack, ex, minute in ((first, a, 1), (second, b, 2)):
        bob.record(
            pack.id,
            ex.id,
            Attempt(time=f"2026-03-19T09:0{minute}:00+00:00", text="x"),
            title="Même titre",
            skill=ex.skill,
        )
    # Titles as snapshotted in the progress (the packs' own titles differ: leave them out).
    s = summarize([bob], lang="fr", packs=[])
    labels = [r.label for r in s.exercises]
    assert labels == ["Même titre (fr-1-reperer)", "Même titre (fr-4-pharma)"]
    text = _document_text(render_report(build_report([bob], lang="fr", today=date(2026, 3, 19))))
    assert "Même titre (fr-1-reperer)" in text and "Même titre (fr-4-pharma)" in text
    # With the packs known, their titles name them.
    renamed = [
        type(p)(**{**p.__dict__, "exercises": tuple(
            type(e)(**{**e.__dict__, "title": "Même titre"}) for e in p.exercises
        )})
        for p in (first, second)
    ]  # fmt: skip
    s = summarize([bob], lang="fr", packs=renamed)
    assert [r.label for r in s.exercises] == [
        f"Même titre ({first.title})",
        f"Même titre ({second.title})",
    ]
