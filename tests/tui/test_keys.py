"""Keys that must not lose what the facilitator types: Tab in the retrospective, `m` on a lone
proposal, and keys pressed with no pause in the set-up form."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, OptionList

from facilitator.session import Proposal
from facilitator.tui.screens.cluster import ClusterScreen
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.screens.retro import RetroScreen
from facilitator.tui.screens.setup import SetupScreen
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle, type_text


def _at_step(store, template: str, kind: str, **extra):
    session = session_from_template(load_template(template), "fr", session_id="s1")
    session.current_step = next(i for i, s in enumerate(session.agenda) if s.kind == kind)
    for name, value in extra.items():
        setattr(session, name, value)
    store.create(session)
    return session


async def test_tab_after_a_retro_line_goes_to_the_other_entry_field(make_app, store):
    _at_step(store, "retrospective", "retro")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("retro")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RetroScreen)
        await type_text(pilot, "Le rituel mensuel")
        await pilot.press("enter", "tab")
        assert screen.focused is screen.query_one("#add-to_change", Input)
        await type_text(pilot, "Moins de KR")
        await pilot.press("enter", "tab")
        assert screen.focused is screen.query_one("#add-worked", Input)
        # On a list (shift+tab), what is typed goes on to the list's field.
        screen.query_one("#list-worked", OptionList).focus()
        await type_text(pilot, "Les revues")
        await pilot.press("enter")
        await settle(pilot)
    stored = store.load("s1")
    assert stored.worked == ["Le rituel mensuel", "Les revues"]
    assert stored.to_change == ["Moins de KR"]


async def test_m_on_a_lone_proposal_says_why_nothing_is_merged(make_app, store):
    _at_step(
        store, "team-drafting", "cluster",
        proposals=[Proposal(id="p1", text="Moderniser la GED"),
                   Proposal(id="p2", text="Recruter deux KAM")],
    )  # fmt: skip
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("cluster")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClusterScreen)
        table = screen.query_one("#clusters")
        table.move_cursor(row=table.get_row_index("p1"))
        await pilot.press("m")
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("#1 n’a pas de doublon proche" in m for m in messages), messages


async def test_enter_on_the_promote_question_drafts_the_objectives(make_app, store):
    """Drafting objectives destroys nothing: the question starts on "yes" (not in red), so the
    Enter that follows `o` does what `o` asked."""
    _at_step(
        store, "team-drafting", "cluster",
        proposals=[Proposal(id="p1", text="Moderniser la GED"),
                   Proposal(id="p2", text="Recruter deux KAM")],
    )  # fmt: skip
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("cluster")
        await settle(pilot)
        cluster = app.screen
        assert isinstance(cluster, ClusterScreen)
        table = cluster.query_one("#clusters")
        for pid in ("p1", "p2"):
            table.move_cursor(row=table.get_row_index(pid))
            cluster.action_mark()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.focused is app.screen.query_one("#yes")
        await pilot.press("enter")
        await settle(pilot)
    assert [o.text for o in store.load("s1").objectives] == [
        "Moderniser la GED",
        "Recruter deux KAM",
    ]


async def test_fast_keys_in_the_set_up_form_land_in_their_fields(make_app, store):
    _at_step(store, "team-drafting", "brainstorm", title="")
    app = make_app(session_id="s1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.goto("setup")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#meta-title", Input).value = ""
        burst(app, [*"Cadrage", "tab", *"ACME", "tab", *"04/12/2026", "tab", *"Lyon", "tab",
                    *"Amina"])  # fmt: skip
        await settle(pilot, 0.6)
        values = {n: screen.query_one(f"#meta-{n}", Input).value
                  for n in ("title", "organisation", "date", "place", "facilitator")}  # fmt: skip
        assert values == {"title": "Cadrage", "organisation": "ACME", "date": "4 décembre 2026",
                          "place": "Lyon", "facilitator": "Amina"}  # fmt: skip
        screen.set_focus(screen.query_one("#new-name", Input))
        await pilot.pause()
        people = (("Amina Diallo", "DG", "Direction"), ("Marc Lefort", "DAF", "Finance"))
        burst(
            app,
            [
                key
                for person in people
                for key in (*person[0], "tab", *person[1], "tab", *person[2], "enter")
            ],
        )
        await settle(pilot, 0.6)
    stored = store.load("s1")
    assert (stored.title, stored.organisation, stored.place, stored.facilitator) == (
        "Cadrage", "ACME", "Lyon", "Amina"
    )  # fmt: skip
    assert stored.date == "2026-12-04"
    assert [(p.name, p.role, p.team) for p in stored.participants] == list(people)


def burst(app, keys: list[str]) -> None:
    """Send `keys` to the app at once, as a paste or a script does: none waits for the app to
    handle the one before (`pilot.press` waits for the app to go idle after each key)."""
    for key in keys:
        if len(key) == 1:
            event = events.Key(key if key.isalnum() else _character_to_key(key), key)
        else:
            event = events.Key(key, {"tab": "\t", "enter": "\r"}.get(key))
        event.set_sender(app)
        app._driver.send_message(event)
