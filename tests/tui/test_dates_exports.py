"""Issue 13 in the app: the set-up date is read and stored ISO (item 11); the minutes of an
older follow-up name the session it follows (item 12)."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from facilitator.room.cycle import followed
from facilitator.session import Session
from facilitator.tui.logic import session_from_template
from facilitator.tui.minutes_export import with_followed
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle, type_text


def test_a_new_session_is_dated_today() -> None:
    template = load_template("codir-framing")
    assert session_from_template(template, "fr").date == date.today().isoformat()
    dated = session_from_template(template, "en", today=date(2026, 12, 4))
    assert dated.date == "2026-12-04"


async def test_the_date_typed_in_set_up_is_stored_iso_and_shown_in_words(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr", date="2026-03-19"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        field = app.screen.query_one("#meta-date", Input)
        assert field.value == "19 mars 2026"  # stored ISO, shown in the session's language
        field.focus()
        field.value = ""
        await type_text(pilot, "04/12/2026")
        await pilot.press("enter")  # next field: the date is read
        await settle(pilot)
        assert store.load("s1").date == "2026-12-04"
        assert field.value == "4 décembre 2026"
        # Something that is no date is kept as typed, and the facilitator is told.
        field.focus()
        field.value = "fin du trimestre"
        await pilot.press("tab")
        await settle(pilot)
        assert store.load("s1").date == "fin du trimestre"
        assert field.value == "fin du trimestre"
        assert any("n’est pas une date" in str(n.message) for n in app._notifications)


async def test_minutes_of_an_older_follow_up_name_the_session_it_follows(make_app, store):
    """A follow-up made before the followed session's title was noted: the export looks it up."""
    store.create(Session(id="f1", title="Cadrage CODIR", lang="fr", date="2026-03-19"))
    store.create(Session(id="r1", title="Revue", kind="review", follows="f1"))
    store.create(Session(id="r2", title="Revue", kind="review", follows="gone"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("r1")
        await settle(pilot)
        assert app.session is not None
        assert followed(with_followed(app, app.session)) == ("Cadrage CODIR", "2026-03-19")
        assert followed(store.load("r1")) is None  # the stored session is not changed
        app.open_session("r2")
        await settle(pilot)
        assert app.session is not None and followed(with_followed(app, app.session)) is None
