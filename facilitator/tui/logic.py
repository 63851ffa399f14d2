"""Former home of the TUI's Textual-free helpers, now in the workshop service
(`facilitator.workshop`: `checks.clean`, `assessments`, `templates`) and in
`facilitator.tui.timer_display`.

Kept only while modules of other areas still import from here (`tui/screens/base.py`,
`tui/screens/training.py`, `tui/widgets/findings.py`, `history.py`, `score_bars.py`,
`tests/test_headless.py`, `tests/test_swaps.py`); delete it once they import from the new homes.
"""

from __future__ import annotations

from facilitator.tui.timer_display import clock
from facilitator.workshop.assessments import (
    KR_FIELDS,
    SCORE_NAMES,
    apply_suggestion,
    can_accept,
    edited_fields,
    kr_fields,
    rule_ids,
    score_delta,
    scores_of,
)
from facilitator.workshop.checks import clean
from facilitator.workshop.templates import StepTexts, session_from_template, step_texts

__all__ = [
    "KR_FIELDS",
    "SCORE_NAMES",
    "StepTexts",
    "apply_suggestion",
    "can_accept",
    "clean",
    "clock",
    "edited_fields",
    "kr_fields",
    "rule_ids",
    "score_delta",
    "scores_of",
    "session_from_template",
    "step_texts",
]
