"""The facilitator's Textual app: one session open at a time, saved at every change.

The app owns what lives as long as it does: the session store, the open session, and the rules
engine, whose language model loads in a thread worker after the first paint (the lexical tier
gives feedback meanwhile). Every worker failure and every failed save goes through one handler
that shows a readable dialog; nothing typed is lost.

One module of about 600 lines, on purpose: it is one class whose methods are the API every
screen calls (`act`, `goto`, the agenda's moves, the engine's state) and whose state lives as
long as the app; splitting it into mixins would scatter that one object's state. What is not
the app's own is elsewhere: the room's entries (`room_actions`), the palette (`commands`), the
exports (`minutes_export`), the timer's display (`timer_display`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar, Generic, TypeVar, cast

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, TextArea
from textual.worker import Worker, WorkerState

from facilitator.locales import LANG_NAME_KEYS
from facilitator.session import Session
from facilitator.store import SessionStore, StoreError
from facilitator.tui.commands import FacilitatorCommands, system_commands
from facilitator.tui.i18n import LANGS, other, t
from facilitator.tui.room_actions import SCREENS as ROOM_SCREENS
from facilitator.tui.screens.base import NARROW, BaseScreen, SessionScreen
from facilitator.tui.screens.dialogs import ErrorDialog
from facilitator.tui.settings import load_settings, save_setting
from facilitator.tui.terminal_filter import FOR_TERMINAL
from facilitator.workshop import (
    NotSaved,
    Workshop,
    WorkshopError,
    create_from_template,
    step_texts,
)
from facilitator.workshop.scoring import Scored, assess_unscored, unscored

STYLES = Path(__file__).parent / "styles"

MAX_FIELD_CHARS = 2000
"""How full a paste may make a field: a longer paste is cut to the room left, with a notice
(typing is not limited: nobody types 2,000 characters into one field). An objective is a
sentence, and the engine reads only its first 2,000 characters (`engine.normalize.MAX_CHARS`,
not imported: it would load the engine with the app); a 1 MB paste made every keystroke take
1.5 s. The workbench shows no more of a longer stored wording (an import) either."""

SESSION_SCREENS: dict[str, str] = {
    "setup": "facilitator.tui.screens.setup:SetupScreen",
    "agenda": "facilitator.tui.screens.agenda:AgendaScreen",
    "workbench": "facilitator.tui.screens.workbench:WorkbenchScreen",
    "projection": "facilitator.tui.screens.projection:ProjectionScreen",
}
"""The screens of an open session by name (`app.goto(name)`), imported when first shown.

A new step mechanic (brainstorm, vote …) adds its `SessionScreen` subclass here."""
SESSION_SCREENS.update(ROOM_SCREENS)


T = TypeVar("T")


@dataclass(frozen=True)
class Acted(Generic[T]):
    """What `FacilitatorApp.act` did: true when the change was written."""

    saved: bool
    value: T | None = None
    """What the operation returned (the id it created …), also when the disk refused the
    write: the change is then applied on screen all the same."""

    def __bool__(self) -> bool:
        return self.saved


def default_lang() -> str:
    """French unless the environment asks for English."""
    for name in ("FACILITATOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip().lower()
        if value:
            code = value[:2]
            return code if code in LANGS else "fr"
    return "fr"


class FacilitatorApp(App[None]):
    """Run workshops and draft OKRs with the rules engine's live feedback."""

    TITLE = "facilitator"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        STYLES / "app.tcss",
        STYLES / "home.tcss",
        STYLES / "setup.tcss",
        STYLES / "agenda.tcss",
        STYLES / "workbench.tcss",
        STYLES / "room.tcss",
        STYLES / "projection.tcss",
    ]
    # Textual types it an instance variable holding a list: a ClassVar would not override it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012
    """A screen narrower than NARROW columns gets the class "-narrow": its panels stack, and its
    footer shows only its own keys (see `BaseScreen.active_bindings`)."""
    COMMANDS = App.COMMANDS | {FacilitatorCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "bind.help", id="app.help"),
        Binding("ctrl+l", "switch_language", "bind.language", id="app.language", show=False),
        Binding("ctrl+q", "quit", "bind.quit", id="app.quit", priority=True),
        # The room's notes, from any step (see room_actions). Priority bindings: else a focused
        # TextArea's own F6 / F7 (select line / all) take the keys, and the next keystroke
        # replaces the draft. Over no session or a dialog, `check_action` lets them through.
        Binding(
            "f5",
            "room_entry('decision')",
            "bind.decision",
            id="app.decision",
            show=False,
            priority=True,
        ),
        Binding(
            "f6",
            "room_entry('action')",
            "bind.action",
            id="app.action",
            show=False,
            priority=True,
        ),
        Binding(
            "f7",
            "room_entry('parking')",
            "bind.parking",
            id="app.parking",
            show=False,
            priority=True,
        ),
        # The current step for the wall (screens/projection.py), from any step.
        Binding("f8", "project", "bind.project", id="app.project"),
        # Participants' devices (issue 14): the room server's screen, from any step.
        Binding("f9", "goto('room_server')", "bind.room_server", id="app.room_server"),
    ]

    lang: reactive[str] = reactive("fr", init=False)
    """The interface language (ctrl+l, kept in the app's settings). A session has its own
    (`Session.lang`: its drafts are assessed and its minutes written in it), set in its set-up
    or from the command palette, never by switching the interface."""
    engine_version: reactive[int] = reactive(0, init=False)
    """Bumped whenever the engine changes state (created, model loaded, load failed)."""

    def __init__(
        self,
        store: SessionStore | None = None,
        *,
        engine: Any = None,
        lang: str | None = None,
        session_id: str | None = None,
        clock: Callable[[], datetime] | None = None,
        load_model: bool = True,
    ) -> None:
        """`engine` defaults to the real one (created in a worker); tests pass a fast double.

        `clock` replaces the wall clock for the agenda timers (snapshot tests fix it).
        `load_model=False` keeps the engine on its lexical tier.
        """
        super().__init__()
        self.store = store if store is not None else SessionStore()
        self.engine: Any = engine
        saved = load_settings(self.store.data_dir).get("interface_lang")
        if lang not in LANGS:
            lang = saved if saved in LANGS else default_lang()
        self.set_reactive(FacilitatorApp.lang, lang)
        self.initial_session = session_id
        self.clock = clock
        self.load_model = load_model
        self.workshop: Workshop | None = None
        """The open session's workshop service: every change to the session goes through it."""
        self.model_state: dict[str, str] = {}
        self.model_errors: dict[str, str] = {}
        self.ui_state: dict[Any, Any] = {}
        """What screens remember between visits (the item open in the workbench …)."""
        self._reported: set[str] = set()
        self._time_up: tuple[str, str, float] | None = None
        self._back: list[str] = []
        """The session screens `esc` goes back to, most recent last (see `goto`)."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps outside text's escapes from the terminal."""
        return [*super().get_line_filters(), FOR_TERMINAL]

    # -- start ----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        from facilitator.tui.screens.home import HomeScreen

        self.theme = "textual-dark"
        self.push_screen(HomeScreen())
        if self.initial_session:
            self.open_session(self.initial_session)
        # The model loads after the first paint: the home screen shows at once.
        self.call_after_refresh(self.start_engine)
        self.set_interval(1.0, self.check_time_up, name="time-up")

    def start_engine(self) -> None:
        self._engine_worker(self.session.lang if self.session else self.lang)

    @work(thread=True, group="engine", exit_on_error=False, name="engine")
    def _engine_worker(self, lang: str) -> None:
        if self.engine is None:
            from facilitator.engine import Engine

            engine = Engine()
            self.call_from_thread(self._engine_created, engine)
        self._load_model(lang)

    def _load_model(self, lang: str) -> None:
        if not self.load_model or self.engine.ready(lang):
            self.call_from_thread(
                self._set_model_state, lang, "ready" if self.engine.ready(lang) else "loading"
            )
            return
        self.call_from_thread(self._set_model_state, lang, "loading")
        try:
            self.engine.load(lang)
        except Exception as error:  # a missing or broken model: the lexical tier goes on
            self.call_from_thread(self._model_failed, lang, error)
            return
        self.call_from_thread(self._set_model_state, lang, "ready")

    @work(thread=True, group="engine", exit_on_error=False, name="model")
    def _model_worker(self, lang: str) -> None:
        self._load_model(lang)

    def _engine_created(self, engine: Any) -> None:
        self.engine = engine
        self.engine_version += 1

    def _set_model_state(self, lang: str, state: str) -> None:
        self.model_state[lang] = state
        self.engine_version += 1
        if state == "ready":
            self.score_unscored()

    def score_unscored(self) -> None:
        """Score, off the UI thread, the open session's versions saved without scores (typed
        before the model was ready, imported, sent from a participant's phone): the minutes
        never have to say "not assessed". Runs when a session opens and when a model is ready."""
        engine, session = self.engine, self.session
        if engine is None or session is None or not self.full_ready(session.lang):
            return
        if not unscored(session):
            return
        snapshot = session.copy()

        def work() -> None:
            found = assess_unscored(snapshot, engine)
            self.call_from_thread(self._store_scores, snapshot.id, found)

        self.run_worker(work, thread=True, group="scoring", exit_on_error=False, name="scoring")

    def _store_scores(self, session_id: str, found: list[Scored]) -> None:
        if found and self.session is not None and self.session.id == session_id:
            self.act(lambda w: w.store_scores(found))

    def _model_failed(self, lang: str, error: BaseException) -> None:
        self.model_state[lang] = "failed"
        self.model_errors[lang] = _readable(error)
        self.engine_version += 1
        self.show_error(
            t(self.lang, "engine.failed.title"),
            t(self.lang, "engine.failed.body", error=_readable(error)),
        )

    def ensure_model(self, lang: str) -> None:
        """Load `lang`'s model in the background unless it is loaded or loading."""
        if self.engine is None or self.model_state.get(lang) in ("loading", "ready", "failed"):
            return
        if self.engine.ready(lang):
            self._set_model_state(lang, "ready")
            return
        self.model_state[lang] = "loading"
        self._model_worker(lang)

    def engine_status(self, lang: str) -> str:
        """starting (no engine yet) | loading (lexical tier only) | ready | failed."""
        if self.engine is None:
            return "starting"
        if self.model_state.get(lang) == "failed":
            return "failed"
        if self.engine.ready(lang):
            return "ready"
        return "loading"

    def full_ready(self, lang: str) -> bool:
        """The full pass can run (model loaded and not reported broken)."""
        return self.engine_status(lang) == "ready"

    def now(self) -> datetime:
        return self.clock() if self.clock is not None else datetime.now(UTC)

    # -- pastes ---------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # Every paste comes through here before Textual hands it to the focused field.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            self._fit_paste(event)
        await super().on_event(event)

    def _fit_paste(self, paste: events.Paste) -> None:
        """Cut `paste` to what the focused field can still hold, and say so."""
        field = self.focused
        if isinstance(field, Input):
            kept = len(field.value) - len(field.selected_text)
        elif isinstance(field, TextArea):
            kept = len(field.text) - len(field.selected_text)
        else:
            return
        room = max(0, MAX_FIELD_CHARS - kept)
        if len(paste.text) <= room:
            return
        message = t(self.lang, "paste.cut", max=MAX_FIELD_CHARS, size=len(paste.text))
        paste.text = paste.text[:room]
        self.notify(message, severity="warning", timeout=6)

    # -- notifications and errors ---------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is shown as written, whatever `markup` a widget passes: they quote
        titles, names and paths, in which Textual would read "[@click=…]" as an action."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def show_error(self, title: str, body: str) -> None:
        """A readable dialog; the same message is not stacked twice."""
        for screen in self.screen_stack:
            if isinstance(screen, ErrorDialog) and screen.body == body:
                return
        self.push_screen(ErrorDialog(title, body, self.lang))

    def worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler for failed workers, whichever screen started them."""
        if event.state is not WorkerState.ERROR:
            return
        message = t(self.lang, "error.worker", error=_readable(event.worker.error))
        if message in self._reported:
            # The same failure again (the next keystroke …): a dialog each time would swallow
            # what the facilitator types; the first one said it all.
            self.notify(message, severity="error", timeout=3)
            return
        self._reported.add(message)
        self.show_error(t(self.lang, "error.title"), message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.worker_state_changed(event)

    # -- saving ---------------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The open session as last saved (read-only: change it with `act`)."""
        return self.workshop.session if self.workshop is not None else None

    def act(
        self,
        operation: Callable[[Workshop], T],
        *,
        warn: tuple[type[WorkshopError], ...] = (),
    ) -> Acted[T]:
        """Run one operation of the workshop service on the open session.

        A refusal shows a dialog saying why (`warn`: those kinds only a warning notification)
        and changes nothing. A write the disk refuses shows the store's dialog; the change stays
        applied on screen and is written at the next save.
        """
        if self.workshop is None:
            return Acted(False)
        try:
            return Acted(True, operation(self.workshop))
        except NotSaved as refused:
            self.show_error(
                t(self.lang, "error.store.title"), t(self.lang, "error.store.body", error=refused)
            )
            return Acted(False, cast(T, refused.result))
        except warn as refusal:
            self.notify(str(refusal), severity="warning", timeout=5)
        except (WorkshopError, KeyError, ValueError, IndexError) as error:
            self.show_error(t(self.lang, "error.title"), _readable(error))
        return Acted(False)

    # -- sessions and navigation ----------------------------------------------------------------

    def open_session(self, session_id: str, screen: str | None = None) -> bool:
        try:
            session = self.store.load(session_id)
        except StoreError as error:
            self.show_error(t(self.lang, "error.load.title"), str(error))
            return False
        if self.session is not None and self.session.id != session_id:
            self.suspend_timer()
        self.workshop = Workshop(self.store, session_id, clock=self.now, session=session)
        self.resume_timer()
        self.ensure_model(session.lang)  # the interface keeps its language
        self.score_unscored()
        self.goto(screen or ("agenda" if session.agenda else "workbench"))
        return True

    def create_session(self, template: Any, lang: str) -> bool:
        """Create a session of `template` (a `workshops.Template`) in `lang` and open its
        set-up."""
        try:
            session = create_from_template(self.store, template, lang, today=self.now().date())
        except StoreError as error:
            self.show_error(t(self.lang, "error.store.title"), str(error))
            return False
        return self.open_session(session.id, "setup")

    def _session_screen(self, name: str) -> SessionScreen:
        module_name, _, class_name = SESSION_SCREENS[name].partition(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
        screen: SessionScreen = screen_class()
        return screen

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the app's language."""
        return system_commands(self.lang, super().get_system_commands(screen))

    def action_goto(self, name: str) -> None:
        self.goto(name)

    def goto(self, name: str) -> None:
        """Show the session screen `name`; `esc` there comes back to the screen left.

        The way back holds each screen once: going to a screen already on it cuts the way
        back to what it was when that screen was left (tree → alignment → tree: `esc` goes
        where the first tree came from, not round the loop).
        """
        if self.session is None or name not in SESSION_SCREENS:
            return
        current = self.screen
        if isinstance(current, SessionScreen) and current.key == name:
            return
        if isinstance(current, SessionScreen):
            if name in self._back:
                del self._back[self._back.index(name) :]
            else:
                self._back.append(current.key)
        elif not any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            self._back.clear()  # opening a session: home is the way back
        self._show_session_screen(name)

    def _show_session_screen(self, name: str) -> None:
        current = self.screen
        if isinstance(current, BaseScreen):
            current.flush()
        new = self._session_screen(name)
        if isinstance(current, SessionScreen):
            self.switch_screen(new)
        else:
            self.push_screen(new)
        self.refresh_bindings()

    @property
    def can_go_back(self) -> bool:
        """A session screen was left for the one on screen (else `esc` goes home)."""
        return self.session is not None and bool(self._back)

    async def action_back(self) -> None:
        """`esc` on a session screen: the screen it was reached from (home from the first)."""
        if not self.can_go_back or not isinstance(self.screen, SessionScreen):
            await self.action_close_session()
            return
        self._show_session_screen(self._back.pop())

    async def action_close_session(self) -> None:
        """Back to the sessions list; the session closes once its screens are gone."""
        from facilitator.tui.screens.home import HomeScreen

        self.suspend_timer()
        left = self.session.id if self.session is not None else None
        leaving = []
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            screen = self.screen
            if isinstance(screen, BaseScreen):
                screen.flush()
            leaving.append(self.pop_screen())
        # A popped screen still runs what was queued for it until Textual removes it: a debounce
        # timer that fell due while the flush was saving, a worker's result. Those need the
        # session, so it is closed after them, not before.
        for removed in leaving:
            await removed
        if not any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            self.workshop = None  # unless a session was opened again meanwhile
            self._back.clear()
        # Home reloads when it shows again; once more here, for what the removed screens saved,
        # with the cursor on the session left: `f`, `d`, Enter then act on it.
        for home in self.screen_stack:
            if isinstance(home, HomeScreen):
                home.reload(select=left)

    # -- global actions -------------------------------------------------------------------------

    def action_help(self) -> None:
        from facilitator.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        keys: list[tuple[str, str]] = []
        if isinstance(screen, BaseScreen):
            seen: set[str] = set()
            for entry in screen.all_bindings.values():
                binding = entry.binding
                # Ours have an id; the widgets' own (a table's arrows) go without saying.
                if binding.id is None or not binding.description or not entry.enabled:
                    continue
                if binding.action not in seen:
                    seen.add(binding.action)
                    keys.append((self.get_key_display(binding), binding.description))
        self.push_screen(HelpScreen(keys))

    def action_switch_language(self) -> None:
        """ctrl+l: the interface's language only (the session's minutes keep theirs)."""
        new = other(self.lang)
        self.lang = new
        self.refresh_bindings()  # a dialog's footer too: the screens redraw their own
        # A folder that refuses the write: this run shows the new language all the same.
        with contextlib.suppress(OSError):
            save_setting(self.store.data_dir, "interface_lang", new)
        message = t(new, "lang.switched")
        if self.session is not None and self.session.lang in LANGS:
            session_lang = t(new, LANG_NAME_KEYS[self.session.lang])
            message = t(new, "lang.switched.session", session=session_lang)
        self.notify(message, timeout=5 if self.session is not None else 2)

    def set_session_language(self, lang: str) -> None:
        """The open session's language: its drafts' assessment, its minutes, its follow-ups."""
        session = self.session
        if session is None or lang not in LANGS or session.lang == lang:
            return
        self.act(lambda w: w.set_language(lang))
        if self.session is None or self.session.lang != lang:
            return  # refused (the dialog said why)
        self.ensure_model(lang)
        self.engine_version += 1  # the screens assess again, in the session's new language
        name = t(self.lang, LANG_NAME_KEYS[lang])
        self.notify(t(self.lang, "session.lang.set", lang=name), timeout=4)
        self.refresh_session_screen()

    def action_room_entry(self, kind: str) -> None:
        """A decision, an action or a parking-lot item, whatever the screen."""
        from facilitator.tui import room_actions

        room_actions.entry(self, kind)

    def action_project(self) -> None:
        """F8: the current step on the wall; F8 or Esc there comes back."""
        from facilitator.tui.screens.projection import project

        project(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only over an open session, not over a dialog.
        if action in ("room_entry", "goto", "project"):
            return self.session is not None and not isinstance(self.screen, ModalScreen)
        if action == "back":  # else the same key's "home" binding shows and runs
            return self.can_go_back
        return True

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen):
                screen.flush()
        self.suspend_timer()
        self.exit()

    # -- agenda (reachable from any session screen and the command palette) -------------------

    def suspend_timer(self) -> None:
        """Closing the session (home, quit): a running step timer stops counting until the
        session opens again (see `Workshop.suspend_timer`)."""
        self.act(lambda w: w.suspend_timer())

    def resume_timer(self) -> None:
        """Opening the session: a timer paused at closing runs again."""
        self.act(lambda w: w.resume_timer())

    def agenda_move(self, delta: int) -> None:
        session = self.session
        if session is None or not session.agenda:
            return
        self.act(lambda w: w.next_step() if delta > 0 else w.previous_step())
        self.refresh_session_screen()

    def agenda_goto(self, index: int) -> None:
        session = self.session
        if session is None or not 0 <= index < len(session.agenda):
            return
        if index == session.current_step:
            return
        self.act(lambda w: w.goto_step(index))
        self.refresh_session_screen()

    def agenda_toggle_timer(self) -> None:
        session = self.session
        if session is None or session.step is None:
            return
        if session.step.running:
            self.act(lambda w: w.pause_timer())
        else:
            self.act(lambda w: w.start_timer())
        self.refresh_session_screen()

    def agenda_extend(self, minutes: int = 5) -> None:
        session = self.session
        if session is None or session.step is None:
            return
        self.act(lambda w: w.extend_step(minutes))
        self.notify(t(self.lang, "agenda.extended", minutes=minutes), timeout=2)
        self.refresh_session_screen()

    def check_time_up(self) -> None:
        """Ring once, whatever the screen, when the current step runs out of time (and again
        if it runs out of the extra minutes)."""
        session = self.session
        step = session.step if session is not None else None
        if session is None or step is None or not step.running or step.budget_seconds <= 0:
            return
        if step.remaining(self.now()) > 0:
            return
        key = (session.id, step.id, step.budget_seconds)
        if self._time_up == key:
            return
        self._time_up = key
        title = step_texts(session, session.current_step, self.lang).title
        self.bell()
        self.notify(
            t(self.lang, "agenda.timeup.notify", title=title), severity="warning", timeout=8
        )

    def refresh_session_screen(self) -> None:
        screen = self.screen
        if isinstance(screen, SessionScreen):
            screen.update_bar()
            refresh = getattr(screen, "session_changed", None)
            if callable(refresh):
                refresh()


def _readable(error: BaseException | None) -> str:
    if error is None:
        return ""
    text = str(error).strip()
    return f"{text}" if text else type(error).__name__


def run(
    data_dir: str | Path | None = None, session_id: str | None = None, lang: str | None = None
) -> None:
    """Start the TUI (the `facilitator` command)."""
    store = SessionStore(data_dir) if data_dir is not None else SessionStore()
    run_to_exit(FacilitatorApp(store, session_id=session_id, lang=lang))


def run_to_exit(app: App[Any], **options: Any) -> None:
    """Run `app` (`options` go to `App.run`: tests run it headless); when it crashed, exit the
    process with its status.

    Textual prints the traceback of a crash and sets `return_code`, but `run` returns normally:
    without this the shell, and a script that runs a workshop, saw status 0.
    """
    app.run(**options)
    if app.return_code:
        raise SystemExit(app.return_code)
