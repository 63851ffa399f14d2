"""The red-team report's TUI items (issue 16): hostile text, tiny terminals, Esc within the
debounce, huge pastes. Each test failed before its fix."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace

import pytest
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.screen import ModalScreen
from textual.widgets import Input

from facilitator.demo import demo_session
from facilitator.engine.normalize import MAX_CHARS
from facilitator.training import load_pack
from facilitator.tui.app import MAX_FIELD_CHARS, SESSION_SCREENS, FacilitatorApp, run_to_exit
from facilitator.tui.minutes_export import export_minutes
from facilitator.tui.screens.dialogs import ErrorDialog
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.training_start import open_trainer, open_training
from facilitator.tui.screens.workbench import DEBOUNCE
from facilitator.tui.terminal_filter import FOR_TERMINAL
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import FakeEngine
from tests.tui.test_training import PACK, make_pack

NARROW = [(1, 1), (20, 10), (45, 15), (60, 20)]


@pytest.mark.parametrize("size", NARROW, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_survives_a_narrow_terminal(make_app, store, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    """Every screen and dialog, drawn at a size a split pane or a phone's SSH client gives."""
    session = store.create(demo_session())
    pack = make_pack(tmp_path)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)

        async def shown_then_closed(open_modal) -> None:  # type: ignore[no-untyped-def]
            depth = len(app.screen_stack)
            open_modal()
            await settle(pilot)
            assert len(app.screen_stack) == depth + 1
            app.pop_screen()
            await settle(pilot)

        home = app.screen
        await shown_then_closed(home.action_new)  # the template picker
        await shown_then_closed(home.action_delete)  # the confirmation
        await shown_then_closed(app.action_help)
        await shown_then_closed(lambda: app.show_error("Erreur", "Un message d'erreur. " * 20))
        app.open_session(session.id)
        await settle(pilot)
        for name in SESSION_SCREENS:
            app.goto(name)
            await settle(pilot)
            assert app.screen.key == name
        app.goto("workbench")
        await settle(pilot)
        await type_text(pilot, " en essayant d'optimiser les synergies")
        await settle(pilot, 0.35)  # the findings list fills (it crashed at 45 columns)
        await shown_then_closed(lambda: app.action_room_entry("decision"))
        await shown_then_closed(lambda: export_minutes(app))
        await app.action_close_session()
        await settle(pilot)
        open_training(app, packs=[pack], pack=pack.id, trainee="Anne Martin")
        await settle(pilot, 0.35)
        app.pop_screen()
        await settle(pilot)
        open_trainer(app, packs=[pack])
        await settle(pilot)
        await shown_then_closed(app.screen.action_export)
    assert app.return_code in (None, 0)


def test_a_crash_exits_with_a_failure_status(store) -> None:  # type: ignore[no-untyped-def]
    """The 45-column crash printed its traceback and still exited 0."""

    class Crashing(FacilitatorApp):
        def on_ready(self) -> None:
            raise RuntimeError("boom")

    with pytest.raises(SystemExit) as exited:
        run_to_exit(Crashing(store, engine=FakeEngine(ready=True)), headless=True)
    assert exited.value.code == 1


async def test_esc_right_after_typing_leaves_nothing_running_without_a_session(  # type: ignore[no-untyped-def]
    make_app, store, monkeypatch
) -> None:
    """Esc within the debounce, while the disk is slow to take the autosave: the debounce timer
    fell due during the save and fired on the popped screen after the session was closed."""
    session = store.create(demo_session())
    app = make_app()
    update = app.store.update

    def slow_update(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(DEBOUNCE + 0.05)
        return update(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(3):
            app.open_session(session.id, "workbench")
            await settle(pilot)
            await type_text(pilot, " vite")
            with monkeypatch.context() as slow:
                slow.setattr(app.store, "update", slow_update)
                await pilot.press("escape")
            await settle(pilot, DEBOUNCE + 0.1)
            assert isinstance(app.screen, HomeScreen) and app.session is None
        assert not [s for s in app.screen_stack if isinstance(s, ErrorDialog)]
    assert app.return_code in (None, 0)
    assert " vite" in store.load(session.id).objectives[0].text  # the autosave still happened


# The red team's escapes: the clipboard (OSC 52), the window title (OSC 0), a cleared screen, a
# colour, an 8-bit CSI, a bell.
HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x1b\\\x1b[2J\x1b[31m\x9b2J\x07"
TEXT_FIELDS = {"title", "organisation", "place", "facilitator", "name", "role", "team", "text"}
TEXT_FIELDS |= {"vision", "note", "next_step"}


def _poisoned(node: object, poison: Callable[[str], str]) -> None:
    """Pass every text a person or a file wrote, all through the session, through `poison`."""
    if is_dataclass(node):
        for item in fields(node):
            value = getattr(node, item.name)
            if item.name in TEXT_FIELDS and isinstance(value, str):
                setattr(node, item.name, poison(value))
            elif item.name == "glossary":
                setattr(node, item.name, {poison(k): poison(v) for k, v in value.items()})
            else:
                _poisoned(value, poison)
    elif isinstance(node, list):
        for value in node:
            _poisoned(value, poison)


def _assert_clean(app) -> str:  # type: ignore[no-untyped-def]
    """What the app paints, checked: no escape, no bell, no 8-bit control."""
    painted = app.export_screenshot()
    leaked = sorted({hex(ord(ch)) for ch in painted if ch in "\x1b\x07\x9b"})
    assert not leaked, f"{type(app.screen).__name__} painted {leaked}"
    return painted


async def test_escapes_in_a_session_never_reach_the_terminal(make_app, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An imported session carrying escapes in its texts, opened on every screen; a pack, an error
    message and a paste carrying them too."""
    session = demo_session()
    _poisoned(session, lambda text: f"{HOSTILE}{text}{HOSTILE}")
    session = store.create(session)
    hostile_pack = tmp_path / "hostile.toml"
    hostile_pack.write_text(PACK.replace('title = "', 'title = "\\u001b]0;pwned\\u0007'), "utf-8")
    pack = load_pack(hostile_pack)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _assert_clean(app)  # home: the sessions table
        app.open_session(session.id)
        for name in SESSION_SCREENS:
            app.goto(name)
            await settle(pilot)
            _assert_clean(app)
        app.goto("workbench")
        await settle(pilot)
        app.post_message(events.Paste(f"{HOSTILE}Réduire les retards"))  # the room pastes
        await settle(pilot, 0.35)
        _assert_clean(app)
        app.show_error("Erreur", f"{HOSTILE}fichier.toml:3: {HOSTILE}")
        await settle(pilot)
        _assert_clean(app)
        app.pop_screen()
        await app.action_close_session()
        open_training(app, packs=[pack], pack=pack.id, trainee=f"{HOSTILE}Anne")
        await settle(pilot, 0.35)
        _assert_clean(app)


def test_a_painted_line_keeps_its_width_and_the_text_around_an_escape() -> None:
    link = Style(link="https://example.org/\x1b]52;c;cHduZWQ=\x07")
    line = [Segment("│ "), Segment("\x1b[2JTitre", Style(bold=True)), Segment(" ok", link)]
    painted = FOR_TERMINAL.apply(line, Color(0, 0, 0))
    assert [s.text for s in painted] == ["│ ", "Titre   ", " ok"]  # "[2J" took 3 cells
    assert sum(s.cell_length for s in painted) == sum(s.cell_length for s in line)
    assert painted[2].style is not None and painted[2].style.link == "https://example.org/"
    untouched = [Segment("Réduire de 30\u202f% 🚀")]
    assert FOR_TERMINAL.apply(untouched, Color(0, 0, 0)) is untouched


async def test_a_huge_paste_is_cut_to_what_a_field_holds_and_the_user_is_told(  # type: ignore[no-untyped-def]
    make_app, store
) -> None:
    """A 1 MB paste made every later keystroke take 1.5 s."""
    session = store.create(demo_session())
    megabyte = "Réduire les délais de livraison " * 32_768
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.open_session(session.id, "setup")
        await settle(pilot)
        title = app.screen.query_one("#meta-title", Input)
        title.focus()
        title.value = ""
        app.post_message(events.Paste(megabyte))
        await settle(pilot)
        assert len(title.value) == MAX_FIELD_CHARS
        app.goto("workbench")
        await settle(pilot)
        editor = app.screen.editor
        editor.text = "Réduire "  # what is there already counts
        editor.move_cursor(editor.document.end)
        app.post_message(events.Paste(megabyte))
        await settle(pilot, DEBOUNCE + 0.1)
        assert len(editor.text) == MAX_FIELD_CHARS and editor.text.startswith("Réduire Réduire")
        told = f"au plus {MAX_FIELD_CHARS} caractères"
        cut = [n.message for n in app._notifications if told in n.message]
        assert len(cut) == 2, [n.message for n in app._notifications]
    assert MAX_FIELD_CHARS == MAX_CHARS  # the engine reads no more than a field holds


# Textual reads "[…]" in a plain string as markup: an action to run on a click, a style, a link;
# a closing tag that opens nothing ("[/i]") made the widget drawing it crash the app.
MARKUP = "[@click=app.quit]QUIT[/][b]BOLD[/b][link=https://example.org]LINK[/link][/i] "


def _assert_literal(app) -> None:  # type: ignore[no-untyped-def]
    """The markup in the texts on screen is painted as written, and nothing on screen acts."""
    strips = app.screen._compositor.render_strips()
    painted = "\n".join(strip.text for strip in strips)
    where = type(app.screen).__name__
    assert app.is_running, where
    assert "QUIT" in painted, where
    # Each text is cut or wrapped at its own width, but every word of it shows after its tag.
    for word in ("QUIT", "BOLD", "LINK"):
        assert painted.count(word) == painted.count(f"]{word}"), f"{where}: {word}"
    acting = [
        segment.text
        for strip in strips
        for segment in strip
        if segment.style is not None and ("@click" in segment.style.meta or segment.style.link)
    ]
    assert not acting, f"{where}: {acting}"


async def test_markup_in_a_session_is_shown_as_written(make_app, store) -> None:  # type: ignore[no-untyped-def]
    """An imported session whose texts hold markup, on home, every screen and the dialogs that
    quote them (a notification, a follow-up, a merge, a parent to pick, a check-in, a grade, an
    action's owner)."""
    from facilitator.tui import room_actions

    session = demo_session()
    _poisoned(session, lambda text: MARKUP + text)
    session.objectives[0].key_results[0].target = MARKUP + "25"
    session.worked = [MARKUP + "le vote à gommettes"]
    session.template = ""  # no template to take the steps' titles from: the stored ones show
    session = store.create(session)
    app = make_app()
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        _assert_literal(app)  # home: the sessions table
        app.screen.action_duplicate()  # "… duplicated" quotes the title
        await settle(pilot)
        _assert_literal(app)

        async def dialog(open_it: Callable[[], object]) -> None:
            open_it()
            await settle(pilot)
            assert isinstance(app.screen, ModalScreen), type(app.screen).__name__
            _assert_literal(app)
            app.pop_screen()
            await settle(pilot)

        await dialog(lambda: room_actions.start_follow_up(app, session.id))
        app.open_session(session.id)
        await settle(pilot)
        for name in SESSION_SCREENS:
            app.goto(name)
            await settle(pilot)
            _assert_literal(app)
        app.goto("brainstorm")
        await settle(pilot)
        app.screen.action_author(1)  # "Carte de : <name>"
        await settle(pilot)
        _assert_literal(app)
        app.goto("cluster")
        await settle(pilot)
        app.screen.marked = {p.id for p in session.proposals if p.status == "open"}
        await dialog(app.screen.action_merge)
        app.goto("alignment")
        await settle(pilot)
        await dialog(app.screen.action_pick)
        await dialog(lambda: room_actions.parking_follow_up(app, session.parking[0].id))
        app.goto("log")
        await settle(pilot)
        await dialog(lambda: app.screen.edit_action(session.actions[0].id))  # owner chosen
        app.goto("review")
        await settle(pilot)
        kr = session.objectives[0].key_results[0]
        await dialog(lambda: app.screen.check_in(kr.id))  # "Valeur actuelle (cible …)"
        app.goto("grading")
        await settle(pilot)
        await dialog(lambda: app.screen.grade(kr.id))
        app.goto("retro")
        await settle(pilot)
        _assert_literal(app)
        app.goto("workbench")
        await settle(pilot)
        app.screen.query_one("#items").focus()  # the tree of objectives, highlighted
        await settle(pilot)
        _assert_literal(app)
    assert app.return_code in (None, 0)


async def test_markup_in_a_template_a_pack_and_a_trainee_is_shown_as_written(  # type: ignore[no-untyped-def]
    make_app, tmp_path
) -> None:
    """A template's title in the picker; a pack's, an exercise's and a choice's titles, a trainee's
    name and group, in the training and the trainer's view."""
    from facilitator.training.progress import Attempt
    from facilitator.tui.screens.template_picker import TemplatePicker
    from facilitator.tui.screens.training_start import training_store
    from facilitator.workshops import Localized, list_templates

    template = list_templates("fr")[0]
    title = Localized(fr=MARKUP + template.title.fr, en=MARKUP + template.title.en)
    markup = MARKUP.replace('"', '\\"')
    pack_file = tmp_path / "markup.toml"
    pack_file.write_text(PACK.replace('title = "', f'title = "{markup}')
                         .replace('text = "', f'text = "{markup}'), "utf-8")  # fmt: skip
    pack = load_pack(pack_file)
    exercise = pack.exercises[0]
    attempt = Attempt("2026-03-19T09:00:00+00:00", "Essayer", False, [False], {}, ["hedge"])
    app = make_app()
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        training_store(app).update(
            MARKUP + "Bob", MARKUP + "CODIR", lambda t: t.record(pack.id, exercise.id, attempt)
        )
        app.push_screen(TemplatePicker([replace(template, title=title)], "fr"))
        await settle(pilot)
        _assert_literal(app)
        app.pop_screen()
        open_training(app, packs=[pack], pack=pack.id, trainee=MARKUP + "Anne", group="CODIR")
        await settle(pilot, 0.35)
        _assert_literal(app)
        app.screen.load_exercise(2)  # a choice exercise: its choices quote the pack
        await settle(pilot)
        _assert_literal(app)
        app.pop_screen()
        await settle(pilot)
        open_trainer(app, packs=[pack])
        await settle(pilot)
        _assert_literal(app)
    assert app.return_code in (None, 0)


async def test_a_wording_longer_than_the_editor_holds_shows_its_beginning_and_stays_whole(  # type: ignore[no-untyped-def]
    make_app, store
) -> None:
    """An imported objective of 1 MB went whole into the editor, which then lagged. The editor
    shows its first MAX_FIELD_CHARS characters with a notice; the stored wording changes only
    when the room saves: not on leaving, switching items or the language, nor on typing."""
    from facilitator.workshop.drafting import WORKING_DRAFTS

    session = demo_session()
    huge = "Réduire les délais de livraison " * 32_768
    session.objectives[0].add_version(huge, {}, [], "import")
    session = store.create(session)
    objective = session.objectives[0]
    # The wordings, not the whole record: the app scores the imported version once the engine is
    # ready (every version is scored), which is not a change of wording.
    stored = [v.text for v in objective.versions]
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        told: set[str] = set()
        for _ in range(2):  # the notice each time, and leaving saves nothing
            app.open_session(session.id, "workbench")
            await settle(pilot, DEBOUNCE + 0.1)
            bench = app.screen
            assert bench.editor.text == huge[:MAX_FIELD_CHARS] and not bench.dirty
            await pilot.press("ctrl+s")  # nothing typed: "no change", the beginning is not saved
            await settle(pilot)
            app.action_switch_language()
            await settle(pilot)
            assert bench.editor.text == huge[:MAX_FIELD_CHARS] and not bench.dirty
            app.action_switch_language()
            await settle(pilot)
            notices = {
                n.identity
                for n in app._notifications
                if n.message.startswith(f"Cette formulation fait {len(huge)} caractères\u00a0: ")
                and f"les {MAX_FIELD_CHARS} premiers" in n.message
            }
            assert len(notices - told) == 1  # once on opening, not on switching the language
            told |= notices
            await pilot.press("ctrl+n")  # a new objective: leaving the item saves nothing
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert [v.text for v in store.load(session.id).objectives[0].versions] == stored
        # Typing is no saving: leaving keeps what was typed apart, the wording stays whole.
        app.open_session(session.id, "workbench")
        await settle(pilot)
        await type_text(pilot, " vite")
        await settle(pilot, DEBOUNCE + 0.1)
        assert app.screen.dirty
        await pilot.press("escape")
        await settle(pilot)
        saved = store.load(session.id)
        assert [v.text for v in saved.objectives[0].versions] == stored
        assert list(saved.extra[WORKING_DRAFTS].values()) == [huge[:MAX_FIELD_CHARS] + " vite"]
        # Saving is: the wording typed becomes a version; the whole one stays in the history.
        app.open_session(session.id, "workbench")
        await settle(pilot)
        assert app.screen.editor.text == huge[:MAX_FIELD_CHARS] + " vite"
        await pilot.press("ctrl+s")
        await settle(pilot)
    versions = store.load(session.id).objectives[0].versions
    assert [v.text for v in versions[-2:]] == [huge, huge[:MAX_FIELD_CHARS] + " vite"]
