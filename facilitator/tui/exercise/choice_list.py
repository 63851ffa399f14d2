"""The answers of a choice exercise, in the trainee's own order."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.training import Exercise
from facilitator.training.shuffle import choice_order

LETTERS = "ABCDEFGH"


class ChoiceList(OptionList):
    """The choices lettered as displayed; each option's id stays the pack's choice index, which
    is what an attempt records."""

    def fill(self, ex: Exercise, trainee: str) -> None:
        """List `ex`'s choices in the order `trainee` (a trainee file id) sees them."""
        self.clear_options()
        for shown, i in enumerate(choice_order(trainee, ex.key, len(ex.choices))):
            self.add_option(Option(f"{LETTERS[shown]}. {ex.choices[i].text}", id=str(i)))
        if ex.choices:
            self.highlighted = 0
