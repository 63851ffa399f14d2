"""Home (resume, duplicate, delete, language) and the agenda runner (timer, steps, time up)."""

from __future__ import annotations

from facilitator.session import AgendaStep, Session
from facilitator.tui.screens.agenda import AgendaScreen
from facilitator.tui.screens.dialogs import ConfirmDialog, ErrorDialog
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.setup import SetupScreen
from tests.tui.conftest import SIZE, settle


def _sessions(store) -> None:
    for sid, title in (("a1", "Cadrage CODIR"), ("b2", "Revue de mars")):
        store.create(Session(id=sid, title=title, lang="fr", updated=f"2026-03-0{len(sid)}"))


async def test_duplicate_then_delete_with_confirmation(make_app, store):
    _sessions(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert {s.title for s in home.summaries} == {"Cadrage CODIR", "Revue de mars"}
        first = home.summaries[0]
        await pilot.press("d")
        await settle(pilot)
        assert len(store.list()) == 3
        copy = home._selected()
        assert copy is not None and copy.title == f"{first.title} (copie)"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing deleted
        assert len(store.list()) == 3
        await pilot.press("x")
        await pilot.click("#yes")
        await settle(pilot)
        assert len(store.list()) == 2 and not store.exists(copy.id)
        assert len(home.summaries) == 2


async def test_a_damaged_file_is_listed_and_explained_not_a_traceback(make_app, store):
    _sessions(store)
    (store.data_dir / "broken.json").write_bytes(b'{"_default": {"1": {"id": "bro')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert home.summaries[-1].damaged
        home.query_one("#sessions").move_cursor(row=2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        assert "broken" in app.screen.body
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_language_switch_on_home_and_new_sessions_take_it(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Séances" in str(app.screen.query_one("#home-title").content)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert "Sessions" in str(app.screen.query_one("#home-title").content)
        await pilot.press("n", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert app.session.lang == "en" and app.session.template == "team-drafting"
        assert app.session.title == "Team OKR drafting workshop"
        assert str(app.screen.query_one(".section-title").content) == "The session"


async def test_resume_opens_the_agenda_at_the_current_step(make_app, store, clock):
    session = Session(id="s1", title="Revue", lang="fr", template="monthly-review")
    session.agenda = [
        AgendaStep(id="a", title="Un", planned_minutes=10),
        AgendaStep(id="b", title="Deux", planned_minutes=20),
        AgendaStep(id="c", title="Trois", planned_minutes=5),
    ]
    session.current_step = 1
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        assert "2/3 · Deux" in str(screen.query_one("#step-title").content)
        assert "pas commencée" in str(screen.query_one("#timer-state").content)
        await pilot.press("space")
        clock.advance(90)
        screen.tick()
        assert screen.query_one("#countdown").value == "18:30"
        await pilot.press("space")  # pause
        clock.advance(600)
        screen.tick()
        assert screen.query_one("#countdown").value == "18:30"
        assert app.session.agenda[1].actual_seconds == 90
        await pilot.press("p")  # previous step: the paused timer does not start it
        await settle(pilot)
        assert app.session.current_step == 0 and not app.session.agenda[0].running
        # Choosing a step in the list goes to it.
        screen.query_one("#steps").focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        assert app.session.current_step == 2


async def test_time_up_is_signalled_once_and_extend_gives_time_back(make_app, store, clock):
    session = Session(id="s1", title="Atelier", lang="en")
    session.agenda = [AgendaStep(id="a", title="Draft", planned_minutes=1)]
    store.create(session)
    app = make_app(lang="en")  # the interface's language (a session's does not change it)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_session("s1")
        await settle(pilot)
        screen = app.screen
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await pilot.press("space")
        clock.advance(75)
        screen.tick()
        app.check_time_up()
        app.check_time_up()
        banner = screen.query_one("#time-up")
        assert banner.display and "TIME UP — over by 00:15" in str(banner.content)
        assert screen.query_one("#countdown").has_class("time-up")
        assert bells == [1]
        await pilot.pause()
        assert any("Time is up" in n.message for n in app._notifications)
        await pilot.press("plus")
        screen.tick()
        assert not screen.query_one("#time-up").display
        assert screen.query_one("#countdown").value == "04:45"
        clock.advance(5 * 60)  # the extra minutes run out too: a second signal
        app.check_time_up()
        assert bells == [1, 1]
        assert store.load("s1").agenda[0].extra_minutes == 5
        await pilot.press("n")  # past the last step: it is closed
        await settle(pilot)
        assert app.session.agenda[0].status == "done"


async def test_setup_rows_toggle_and_remove_with_confirmation_and_help_opens(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_participant("Anne Martin")
    session.add_participant("Paul Durand")
    session.glossary = {"NPS": "Net Promoter Score"}
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        screen = app.screen
        people = screen.query_one("#participants")
        people.focus()
        await pilot.press("down", "space")  # Paul is absent
        await settle(pilot)
        assert [p.present for p in store.load("s1").participants] == [True, False]
        await pilot.press("up", "enter")  # edit Anne in the fields below the table
        assert screen.query_one("#new-name").value == "Anne Martin"
        await pilot.press("tab", *"DG", "enter")
        await settle(pilot)
        assert store.load("s1").participants[0].role == "DG"
        assert len(store.load("s1").participants) == 2
        people.focus()
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert [p.name for p in store.load("s1").participants] == ["Anne Martin"]
        screen.query_one("#new-parent").focus()
        await pilot.press(*"Garantir la qualité", "enter")
        screen.query_one("#new-term").focus()
        await pilot.press(*"BPF: bonnes pratiques", "enter")
        await settle(pilot)
        saved = store.load("s1")
        assert [p.text for p in saved.parents] == ["Garantir la qualité"]
        assert saved.glossary == {"NPS": "Net Promoter Score", "BPF": "bonnes pratiques"}
        # The vision is saved as it is typed (after a short pause).
        screen.query_one("#vision").focus()
        await pilot.press(*"Être la référence")
        await settle(pilot, 0.6)
        assert store.load("s1").vision == "Être la référence"
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")  # back home
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.session is None
