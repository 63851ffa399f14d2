"""The trainer's view as data: per trainee, per exercise and per skill, and the group's common
mistakes (the rules that fire most in the attempts). The TUI's trainer screen, the
`facilitator exercises progress` command and the Word report all read this.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitator.training.criteria import rule_info
from facilitator.training.model import SKILLS, Pack, skill_label
from facilitator.training.progress import ExerciseProgress, TraineeProgress


@dataclass(frozen=True)
class TraineeRow:
    name: str
    group: str
    opened: int
    done: int  # passed before the model answer was shown
    attempts: int
    hints: int
    revealed: int
    first_try: int  # exercises passed at the first attempt
    mean_overall: float | None
    """The mean, over the rewrite exercises opened, of the coach's overall score (0–100) of the
    last answer submitted: how good the trainee's latest wording is, passed or not."""
    after_reveal: int = 0  # passed only after the model answer was shown


@dataclass(frozen=True)
class ExerciseRow:
    pack: str
    exercise: str
    title: str
    skill: str
    trainees: int  # who opened it
    done: int  # passed before the model answer was shown
    attempts: int
    hints: int
    revealed: int
    wrong_choices: int
    after_reveal: int = 0
    label: str = ""
    """The title, with the pack's when another exercise shown has the same title."""

    @property
    def mean_attempts(self) -> float:
        return self.attempts / self.trainees if self.trainees else 0.0


@dataclass(frozen=True)
class SkillRow:
    skill: str
    label: str
    opened: int
    done: int
    attempts: int
    hints: int
    revealed: int
    after_reveal: int = 0

    @property
    def attempts_per_success(self) -> float | None:
        return self.attempts / self.done if self.done else None


@dataclass(frozen=True)
class MistakeRow:
    rule: str
    title: str
    message: str
    """What the rule flags, with no {placeholder} left (see `RuleInfo.summary`)."""
    attempts: int  # attempts in which the rule fired
    failed: int  # of those, attempts that did not pass
    trainees: int  # trainees whose attempts it fired in


@dataclass
class Summary:
    lang: str
    group: str | None
    packs: list[str]
    trainees: list[TraineeRow] = field(default_factory=list)
    exercises: list[ExerciseRow] = field(default_factory=list)
    skills: list[SkillRow] = field(default_factory=list)
    mistakes: list[MistakeRow] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    """"pack/exercise" → the exercise's title as shown (see `exercise_labels`)."""

    @property
    def attempts(self) -> int:
        return sum(t.attempts for t in self.trainees)

    @property
    def done(self) -> int:
        return sum(t.done for t in self.trainees)

    @property
    def opened(self) -> int:
        return sum(t.opened for t in self.trainees)

    @property
    def hints(self) -> int:
        return sum(t.hints for t in self.trainees)

    @property
    def revealed(self) -> int:
        return sum(t.revealed for t in self.trainees)

    @property
    def after_reveal(self) -> int:
        return sum(t.after_reveal for t in self.trainees)

    def totals(self) -> dict[str, int]:
        """The group's totals under the names the summary sentences use ({trainees}, {done} …),
        for the app, the CLI and the report alike."""
        return {
            "trainees": len(self.trainees),
            "done": self.done,
            "after": self.after_reveal,
            "opened": self.opened,
            "attempts": self.attempts,
            "hints": self.hints,
            "revealed": self.revealed,
        }


STATUSES = ("done", "done_after_reveal", "revealed", "open")


@dataclass(frozen=True)
class DetailRow:
    """One exercise a trainee opened: how it went and what they wrote last."""

    pack: str
    exercise: str
    label: str
    status: str  # one of STATUSES
    attempts: int
    hints: int
    answer: str  # the last answer's text, or the choice picked ("" before any attempt)
    choice: bool  # the answer is a choice, not a rewrite


def status_of(entry: ExerciseProgress) -> str:
    if entry.done:
        return "done_after_reveal" if entry.passed_after_reveal else "done"
    return "revealed" if entry.revealed else "open"


def exercise_labels(
    keys: Iterable[tuple[str, str, str]], packs: Sequence[Pack] = ()
) -> dict[str, str]:
    """ "pack/exercise" → the title shown, for (pack, exercise, title) triples: a title that two
    of them share gets its pack's title (else id) in brackets, so the trainer tells them apart."""
    pack_titles = {p.id: p.title for p in packs}
    items = list(keys)
    count = Counter(title.casefold() for _, _, title in items)
    return {
        f"{pack}/{exercise}": (
            f"{title} ({pack_titles.get(pack, pack)})" if count[title.casefold()] > 1 else title
        )
        for pack, exercise, title in items
    }


def trainee_detail(
    trainee: TraineeProgress,
    *,
    packs: Sequence[Pack] = (),
    pack: str | None = None,
    labels: dict[str, str] | None = None,
) -> list[DetailRow]:
    """The exercises `trainee` opened (one pack's with `pack`), in the order they opened them."""
    titles = {e.key: e.title for p in packs for e in p.exercises}
    choices = {e.key: [c.text for c in e.choices] for p in packs for e in p.exercises}
    entries = [e for e in trainee.exercises.values() if pack is None or e.pack == pack]
    if labels is None:
        labels = exercise_labels(
            ((e.pack, e.exercise, titles.get(e.key, e.title or e.exercise)) for e in entries),
            packs,
        )
    rows = []
    for e in entries:
        last = e.last
        answer, is_choice = "", False
        if last is not None:
            if last.choice is not None:
                options = choices.get(e.key, [])
                answer = options[last.choice] if 0 <= last.choice < len(options) else last.text
                is_choice = True
            else:
                answer = last.text
        rows.append(
            DetailRow(
                pack=e.pack,
                exercise=e.exercise,
                label=labels.get(e.key, titles.get(e.key, e.title or e.exercise)),
                status=status_of(e),
                attempts=len(e.attempts),
                hints=e.hints_used,
                answer=answer,
                choice=is_choice,
            )
        )
    return rows


def summarize(
    trainees: Iterable[TraineeProgress],
    *,
    lang: str = "fr",
    group: str | None = None,
    packs: Sequence[Pack] = (),
    pack: str | None = None,
) -> Summary:
    """The group's summary; `pack` keeps one pack's exercises only. `packs` give the exercises'
    current titles and order (progress files keep a snapshot for packs that are gone)."""
    order = {e.key: (p.level, p.id, e.number) for p in packs for e in p.exercises}
    titles = {e.key: (e.title, e.skill) for p in packs for e in p.exercises}
    rules = rule_info(lang)
    entries: list[tuple[TraineeProgress, ExerciseProgress]] = []
    summary = Summary(lang, group, [])
    for trainee in trainees:
        mine = [e for e in trainee.exercises.values() if pack is None or e.pack == pack]
        entries.extend((trainee, e) for e in mine)
        last_scores = [
            e.attempts[-1].scores["overall"]
            for e in mine
            if e.attempts and e.attempts[-1].choice is None and "overall" in e.attempts[-1].scores
        ]
        summary.trainees.append(
            TraineeRow(
                name=trainee.name,
                group=trainee.group,
                opened=len(mine),
                done=sum(1 for e in mine if e.passed_alone),
                attempts=sum(len(e.attempts) for e in mine),
                hints=sum(e.hints_used for e in mine),
                revealed=sum(1 for e in mine if e.revealed),
                first_try=sum(1 for e in mine if e.attempts_to_pass == 1),
                mean_overall=round(sum(last_scores) / len(last_scores), 1) if last_scores else None,
                after_reveal=sum(1 for e in mine if e.passed_after_reveal),
            )
        )
    summary.packs = sorted({e.pack for _, e in entries})

    by_exercise: dict[str, list[ExerciseProgress]] = defaultdict(list)
    for _, entry in entries:
        by_exercise[entry.key].append(entry)
    ordered = sorted(by_exercise.items(), key=lambda kv: order.get(kv[0], (99, kv[0], 0)))
    labels = exercise_labels(
        (
            (entries_[0].pack, entries_[0].exercise, titles.get(key, (entries_[0].title,))[0]
             or entries_[0].exercise)
            for key, entries_ in ordered
        ),
        packs,
    )  # fmt: skip
    summary.labels = labels
    for key, group_entries in ordered:
        first = group_entries[0]
        title, skill = titles.get(key, (first.title or first.exercise, first.skill))
        summary.exercises.append(
            ExerciseRow(
                pack=first.pack,
                exercise=first.exercise,
                title=title,
                skill=skill,
                trainees=len(group_entries),
                done=sum(1 for e in group_entries if e.passed_alone),
                attempts=sum(len(e.attempts) for e in group_entries),
                hints=sum(e.hints_used for e in group_entries),
                revealed=sum(1 for e in group_entries if e.revealed),
                wrong_choices=sum(
                    1
                    for e in group_entries
                    for a in e.attempts
                    if a.choice is not None and not a.passed
                ),
                after_reveal=sum(1 for e in group_entries if e.passed_after_reveal),
                label=labels.get(key, title),
            )
        )

    for skill in [*SKILLS, *sorted({r.skill for r in summary.exercises} - set(SKILLS))]:
        rows = [r for r in summary.exercises if r.skill == skill]
        if not rows:
            continue
        summary.skills.append(
            SkillRow(
                skill=skill,
                label=skill_label(skill, lang),
                opened=sum(r.trainees for r in rows),
                done=sum(r.done for r in rows),
                attempts=sum(r.attempts for r in rows),
                hints=sum(r.hints for r in rows),
                revealed=sum(r.revealed for r in rows),
                after_reveal=sum(r.after_reveal for r in rows),
            )
        )

    fired: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    who: dict[str, set[str]] = defaultdict(set)
    for trainee, entry in entries:
        for attempt in entry.attempts:
            if attempt.choice is not None:
                continue  # the draft's rules, not the trainee's wording
            for rule in dict.fromkeys(attempt.rules):
                fired[rule] += 1
                failed[rule] += 0 if attempt.passed else 1
                who[rule].add(f"{trainee.group}\0{trainee.name}".casefold())
    for rule, count in sorted(fired.items(), key=lambda kv: (-kv[1], -failed[kv[0]], kv[0])):
        info = rules.get(rule)
        summary.mistakes.append(
            MistakeRow(
                rule=rule,
                title=info.title if info else rule,
                message=info.summary if info else "",
                attempts=count,
                failed=failed[rule],
                trainees=len(who[rule]),
            )
        )
    return summary
