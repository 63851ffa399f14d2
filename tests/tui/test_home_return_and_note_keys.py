"""Back home, the cursor and the bar name the session just left (Enter, `f`, `d`, `x` act on it);
F5/F6/F7 open the room's notes even from a text area (whose own F6/F7 select the line or all,
and the next key would replace the draft); the set-up form's "Add" buttons add what is typed."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from facilitator.session import ParentObjective, Session
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.room_dialogs import FormDialog
from tests.tui.conftest import SIZE, settle, type_text


def _sessions(store) -> None:
    for sid, title in (("a1", "Cadrage CODIR"), ("b2", "Revue de mars"), ("c3", "Rétro T1")):
        store.create(Session(id=sid, title=title, lang="fr", updated=f"2026-03-0{len(title)}"))


async def test_home_selects_and_names_the_session_just_left(make_app, store):
    _sessions(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        bar = home.query_one("#bar-session", Static)
        first = home._selected()
        assert first is not None and first.title in str(bar.render())
        last = home.summaries[-1]
        assert last.id != first.id
        app.open_session(last.id, "setup")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home and app.session is None
        selected = home._selected()
        assert selected is not None and selected.id == last.id
        assert last.title in str(bar.render())
        await pilot.press("up")  # the bar follows the cursor
        await settle(pilot)
        now = home._selected()
        assert now is not None and now.id != last.id and now.title in str(bar.render())


async def test_f6_from_the_vision_text_area_opens_the_action_and_keeps_the_text(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr", vision="Être la référence")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        app.screen.query_one("#vision", TextArea).focus()
        await pilot.press("end")
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await settle(pilot)
        await type_text(pilot, " en dermatologie")
        await settle(pilot, 0.6)
        # Had the text area selected all (F7), typing would have replaced the vision.
        vision = store.load("s1").vision
        assert vision.startswith("Être la référence"), vision
        assert "en dermatologie" in store.load("s1").vision


async def test_the_add_buttons_add_what_is_typed(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        screen = app.screen
        for field, text, button in (
            ("#new-name", "Anne Martin", "#add-participant"),
            ("#new-parent", "Garantir la qualité", "#add-parents"),
            ("#new-term", "BPF: bonnes pratiques", "#add-glossary"),
        ):
            screen.query_one(field).focus()
            await type_text(pilot, text)
            await pilot.click(button)
            await settle(pilot)
            assert screen.query_one(field).value == ""  # cleared for the next one
    saved = store.load("s1")
    assert [p.name for p in saved.participants] == ["Anne Martin"]
    assert [p.text for p in saved.parents] == ["Garantir la qualité"]
    assert saved.glossary == {"BPF": "bonnes pratiques"}


async def test_the_strategic_objectives_and_glossary_show_whole_at_80_columns(make_app, store):
    """A row wider than its table hid the list behind a horizontal scroll bar at 80×24."""
    session = Session(id="s1", title="Atelier", lang="fr", glossary={"NPS": "Net Promoter Score"})
    session.parents.append(ParentObjective(id="p1", text="Doubler le chiffre d'affaires en Europe"))
    store.create(session)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        for table_id in ("parents", "glossary"):
            table = app.screen.query_one(f"#{table_id}")
            assert table.virtual_size.width <= table.region.width, table_id
