"""The workshop service: every operation on a session, headless, for every front end.

`Workshop(store, session_id)` changes one stored session (see `service`); `create_from_template`
and `create_follow_up` make new ones. The front ends (TUI, CLI, the participants' web page)
call these and never change a session themselves. Never imports Textual.
"""

from facilitator.workshop.errors import (
    InvalidInput,
    NotSaved,
    ObjectiveError,
    UnknownItem,
    WorkshopError,
)
from facilitator.workshop.service import Workshop
from facilitator.workshop.templates import (
    StepTexts,
    create_follow_up,
    create_from_template,
    create_session,
    session_from_template,
    step_texts,
)

__all__ = [
    "InvalidInput",
    "NotSaved",
    "ObjectiveError",
    "StepTexts",
    "UnknownItem",
    "Workshop",
    "WorkshopError",
    "create_follow_up",
    "create_from_template",
    "create_session",
    "session_from_template",
    "step_texts",
]
