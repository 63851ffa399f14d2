"""Answer choices in each trainee's own order (issue 15, item 8): the letters follow the order on
screen, a trainee who picks the right answer where it is displayed passes, and the attempt keeps
the pack's choice index, so progress and reports do not depend on the order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList

from facilitator.training import Pack, load_pack
from facilitator.training.shuffle import choice_order
from facilitator.training.store import TrainingStore, trainee_file_id
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.training import TrainingScreen
from facilitator.tui.screens.training_start import open_training
from tests.tui.conftest import SIZE, settle

PACK = """\
id = "ordre"
lang = "fr"
title = "Pack d'essai"
description = "Un exercice à choix."

[[exercises]]
id = "diagnostic"
title = "Quel défaut ?"
kind = "objective"
skill = "spot"
level = 1
answer = "choice"
instructions = "Quel est le défaut de cet objectif ?"
draft = "Essayer de réduire les retards si possible"
criteria = ["not low_ambition"]
hints = ["Et si l'équipe avait seulement essayé ?"]
model_answer = "Réduire les retards pour que nos clients puissent compter sur nous"
explanation = "« Essayer de » laisse une porte de sortie."

[[exercises.choices]]
text = "Une porte de sortie"
correct = true

[[exercises.choices]]
text = "Un verbe vague"
feedback = "« Réduire » donne une direction claire."

[[exercises.choices]]
text = "Du jargon"
feedback = "Tous les mots sont simples."
"""
KEY = "ordre/diagnostic"


def make_pack(tmp_path: Path) -> Pack:
    path = tmp_path / "ordre.toml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


def order_of(name: str) -> tuple[int, ...]:
    return choice_order(trainee_file_id(name, ""), KEY, 3)


def shown(screen: TrainingScreen) -> list[tuple[str, str]]:
    """The choices as displayed: (option id, text), top to bottom."""
    listing = screen.query_one("#tr-choices", OptionList)
    options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
    return [(o.id or "", str(o.prompt)) for o in options]


# A trainee for whom the right answer (first in the pack) is displayed last, and one for whom
# the order differs: found, not hard-coded, so the test holds whatever the permutation.
NAMES = [f"Stagiaire {n}" for n in range(30)]
LAST = next(n for n in NAMES if order_of(n)[-1] == 0)
OTHER = next(n for n in NAMES if order_of(n) != order_of(LAST))


async def test_the_right_answer_where_it_is_displayed_passes(
    make_app: Callable[..., FacilitatorApp], data_dir: Path, tmp_path: Path
) -> None:
    pack = make_pack(tmp_path)
    ex = pack.exercises[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack], pack=pack.id, trainee=LAST, group="")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        displayed = shown(screen)
        # Letters follow the displayed order; ids keep the pack's indexes.
        assert [prompt[:3] for _, prompt in displayed] == ["A. ", "B. ", "C. "]
        assert [int(i) for i, _ in displayed] == list(order_of(LAST))
        assert displayed[-1] == ("0", f"C. {ex.choices[0].text}")
        await pilot.press("enter")  # the first one displayed: a wrong answer
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # the right answer, shown last
        await settle(pilot)
        entry = TrainingStore(data_dir / "training").load(LAST).progress(pack.id, ex.id)
        assert entry is not None and entry.done
        first = order_of(LAST)[0]
        assert [(a.choice, a.passed) for a in entry.attempts] == [(first, False), (0, True)]
        assert "Bonne réponse" in str(screen.query_one("#tr-result").render())

        screen.load_exercise(0)  # the same trainee, back on the exercise: the same order
        await settle(pilot)
        assert shown(screen) == displayed


async def test_each_trainee_has_an_order_of_their_own_kept_across_restarts(
    make_app: Callable[..., FacilitatorApp], tmp_path: Path
) -> None:
    pack = make_pack(tmp_path)
    seen: dict[str, list[list[tuple[str, str]]]] = {}
    for name in (LAST, OTHER, LAST):  # the second LAST is a new app: as after a restart
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            open_training(app, packs=[pack], pack=pack.id, trainee=name, group="")
            await settle(pilot)
            assert isinstance(app.screen, TrainingScreen)
            seen.setdefault(name, []).append(shown(app.screen))
    first, again = seen[LAST]
    assert first == again
    assert [i for i, _ in seen[OTHER][0]] != [i for i, _ in first]
    # The same answers are offered to everyone, only in another order.
    assert sorted(t[3:] for _, t in seen[OTHER][0]) == sorted(t[3:] for _, t in first)
