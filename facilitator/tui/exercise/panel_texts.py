"""What the training screen's panels say about an exercise and the trainee's progress on it:
built from data only, in the pack's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from facilitator.training import Exercise, grade
from facilitator.training.progress import ExerciseProgress
from facilitator.tui.i18n import t

# The catalogue key of each kind of exercise.
KIND_KEYS = {
    "objective": "tr.kind.objective",
    "key_result": "tr.kind.key_result",
}


def state_text(ex: Exercise, entry: ExerciseProgress | None, lang: str) -> str:
    """The head line's state: attempts and hints so far, or passed after how many attempts."""
    if entry is not None and entry.done:
        return t(lang, "tr.state.done", count=entry.attempts_to_pass or len(entry.attempts))
    return t(
        lang,
        "tr.state",
        attempts=len(entry.attempts) if entry else 0,
        hints=entry.hints_used if entry else 0,
        total_hints=len(ex.hints),
    )


def hints_text(ex: Exercise, entry: ExerciseProgress | None, lang: str) -> Text:
    """The hints revealed so far, numbered."""
    used = min(entry.hints_used if entry else 0, len(ex.hints))
    if not used:
        return Text(t(lang, "tr.hint.none"), style="dim")
    text = Text()
    for n in range(used):
        if n:
            text.append("\n")
        text.append(t(lang, "tr.hint.n", n=n + 1, text=ex.hints[n]))
    return text


def result_text(
    ex: Exercise, entry: ExerciseProgress | None, reveal_after: int, lang: str
) -> Text | str:
    """The last attempt's verdict, and whether the model answer may be shown now."""
    last = entry.last if entry else None
    if entry is None or last is None:
        return Text(t(lang, "tr.choose"), style="dim") if ex.is_choice else ""
    text = Text()
    if last.choice is not None:
        right = last.passed
        text.append(
            t(lang, "tr.result.choice.right" if right else "tr.result.choice.wrong"),
            style="bold green" if right else "bold red",
        )
        if 0 <= last.choice < len(ex.choices) and ex.choices[last.choice].feedback:
            text.append(" " + ex.choices[last.choice].feedback)
    elif last.passed:
        text.append(t(lang, "tr.result.pass"), style="bold green")
    else:
        met = sum(1 for ok in last.met if ok)
        text.append(
            t(lang, "tr.result.fail", count=met, total=len(ex.criteria)), style="bold yellow"
        )
    if not entry.done and not entry.revealed and len(entry.attempts) >= reveal_after:
        text.append("\n" + t(lang, "tr.result.reveal_ready", n=reveal_after), style="dim")
    return text


def answer_text(ex: Exercise, lang: str) -> Text:
    """The model answer and why it is one."""
    text = Text()
    text.append(t(lang, "tr.answer") + "\n", style="bold")
    for line in ex.model_answer.splitlines():
        text.append(f"  « {line} »\n" if lang == "fr" else f"  “{line}”\n", style="green")
    text.append("\n" + t(lang, "tr.answer.why") + "\n", style="bold")
    text.append(ex.explanation)
    return text


def list_line(n: int, ex: Exercise, entry: ExerciseProgress | None) -> Text:
    """Exercise `n` (from 1) in the pack's list: ✓ passed, ◐ attempted, · not yet."""
    icon = "✓" if entry and entry.done else ("◐" if entry and entry.attempts else "·")
    line = Text(f"{icon} ", style="green" if entry and entry.done else "")
    line.append(f"{n}. {ex.title}")
    return line


def criteria_text(ex: Exercise, assessments: Sequence[Any], lang: str) -> Text:
    """Each success criterion, met or not by the assessed items (and, for several items,
    how many distinct items there are and how many meet each criterion)."""
    g = grade(ex.criteria, ex.items, list(assessments))
    text = Text()
    if ex.items > 1:
        distinct = len({" ".join(a.text.casefold().split()) for a in assessments})
        ok = g.count_ok
        text.append("✓ " if ok else "✗ ", style="bold green" if ok else "bold red")
        text.append(t(lang, "tr.criteria.items", n=ex.items))
        text.append(f"  {min(distinct, g.items)}/{ex.items}\n", style="dim")
    for i, criterion in enumerate(ex.criteria):
        ok = g.criterion_ok(i)
        text.append("✓ " if ok else "✗ ", style="bold green" if ok else "bold red")
        text.append(criterion.label)
        if ex.items > 1:
            text.append(f"  {g.met[i]}/{ex.items}", style="dim")
        text.append("\n")
    text.rstrip()
    return text
