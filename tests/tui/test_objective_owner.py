"""An objective's owner is typed beside its wording in the workbench and printed in the minutes."""

from __future__ import annotations

from datetime import date

from facilitator.minutes import content, markdown
from facilitator.session import Participant, Session
from facilitator.tui.screens.workbench import WorkbenchScreen
from tests.tui.conftest import SIZE, settle, type_text


async def test_the_owner_typed_by_name_is_kept_as_the_participant_and_printed(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.participants = [Participant(id="ml", name="Marc Lefort")]
    session.add_objective("Rendre nos clients plus satisfaits")
    store.create(session)
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("workbench")
        await settle(pilot)
        bench = app.screen
        assert isinstance(bench, WorkbenchScreen)
        row = bench.query_one("#objective-owner-row")
        assert row.display and not bench.query_one("#kr-fields").display
        field = bench.query_one("#objective-owner")
        field.focus()
        await type_text(pilot, "marc lefort")
        await pilot.press("enter")
        await settle(pilot)
        assert store.load("s1").objectives[0].owner == "ml"  # the participant, not the text
        # Back on it later, the owner reads as the participant's name.
        app.goto("agenda")
        await settle(pilot)
        app.goto("workbench")
        await settle(pilot)
        assert app.screen.query_one("#objective-owner").value == "Marc Lefort"
    md = markdown.render(content.build(store.load("s1"), today=date(2026, 3, 19)))
    assert "Marc Lefort" in md
