"""What every screen shares: key bindings described in the interface's language, worker errors
sent to the app's one handler, and (for the screens of an open session) the navigation keys and
the status bar."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from facilitator.locales import is_key
from facilitator.tui.i18n import t

if TYPE_CHECKING:
    from facilitator.session import Session
    from facilitator.tui.app import FacilitatorApp


def localized_bindings(
    active: Mapping[str, ActiveBinding], lang: str, hidden: frozenset[str] = frozenset()
) -> dict[str, ActiveBinding]:
    """`active` (a screen's `Screen.active_bindings`) as the footer shows it in `lang`.

    A binding whose description is a catalogue key ("wb.bind.save") gets its text in `lang`; a
    binding whose id is in `hidden` stays active but is not shown. Textual's own bindings are left
    as declared (a new `Binding` is made with `dataclasses.replace`), so the language can change
    any number of times.
    """
    shown: dict[str, ActiveBinding] = {}
    for key, entry in active.items():
        binding = entry.binding
        if is_key(binding.description):
            binding = replace(binding, description=t(lang, binding.description))
        if binding.id in hidden:
            binding = replace(binding, show=False)
        shown[key] = entry._replace(binding=binding)
    return shown


NARROW = 120
"""Below this many columns a screen is narrow (the app's "-narrow" breakpoint): its panels
stack and its footer leaves the session's navigation to the help (F1) and the palette."""

PALETTE_KEY_WIDTH = 12
"""The columns the footer keeps at its right for "^p palette" and its border."""

NARROW_HIDDEN = frozenset({"app.quit", "app.language"})
"""Keys a narrow footer leaves out on every screen (with `HIDDEN_NAVIGATION`): F1 lists them."""


def fit_footer(
    shown: dict[str, ActiveBinding], width: int, key_display: Any
) -> dict[str, ActiveBinding]:
    """`shown` with F1 first and, of the rest, only the keys whose label fits whole in a footer
    `width` columns wide (`key_display(binding)` is how the footer writes a key): a label is
    never cut, and F1 lists every key of the screen."""
    order = sorted(shown.items(), key=lambda item: item[1].binding.action != "help")  # F1
    room = width - PALETTE_KEY_WIDTH
    actions: set[str] = set()
    fitted: dict[str, ActiveBinding] = {}
    for key, entry in order:
        binding = entry.binding
        if binding.show and binding.action not in actions:
            # What a compact footer draws: the key, a space, the label and a space.
            needed = len(key_display(binding)) + len(binding.description) + 2
            if needed <= room:
                room -= needed
                actions.add(binding.action)
            else:
                room = 0  # the next ones would come out of order
                entry = entry._replace(binding=replace(binding, show=False))
        fitted[key] = entry
    return fitted


class BaseScreen(Screen[None]):
    """A screen whose bindings follow the app's language."""

    @property
    def fapp(self) -> FacilitatorApp:
        return cast("FacilitatorApp", self.app)

    @property
    def lang(self) -> str:
        return self.fapp.lang

    def tr(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    FOOTER_HIDDEN: ClassVar[frozenset[str]] = frozenset()
    """Ids of bindings that stay active but are not shown in this screen's footer (a busy
    screen hides `HIDDEN_NAVIGATION`)."""

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    @property
    def all_bindings(self) -> dict[str, ActiveBinding]:
        """Every active binding, described in the interface's language (the help lists them)."""
        return localized_bindings(super().active_bindings, self.lang)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's active bindings, described in the interface's language, as the footer
        shows them: those in `FOOTER_HIDDEN` (and on a narrow screen the navigation) stay
        active but are not shown, and only whole labels that fit are (see `fit_footer`)."""
        hidden = self.FOOTER_HIDDEN
        if self.narrow:
            hidden = hidden | HIDDEN_NAVIGATION | NARROW_HIDDEN
        shown = localized_bindings(super().active_bindings, self.lang, hidden)
        return fit_footer(shown, self.app.size.width, self.app.get_key_display)

    @on(events.Resize)
    def _footer_follows_width(self) -> None:
        self.refresh_bindings()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed, init=False)

    def _language_changed(self, lang: str) -> None:
        self.refresh_bindings()
        self.language_changed()

    def language_changed(self) -> None:
        """Redraw texts in the new language (screens override)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.fapp.worker_state_changed(event)

    def palette_commands(self) -> list[tuple[str, Any]]:
        """(i18n key, callback) pairs this screen adds to the command palette."""
        return []

    def flush(self) -> None:
        """Save whatever is typed but not yet saved (called before leaving and quitting)."""


# The catalogue key of each state `FacilitatorApp.engine_status` reports.
_ENGINE_STATE_KEYS = {
    "starting": "engine.starting",
    "loading": "engine.loading",
    "ready": "engine.ready",
    "failed": "engine.failed",
}


class SessionBar(Horizontal):
    """Top line: the session and its current step, the step's time left, the engine's state.

    The time left shows on every screen, so the facilitator drafting in the workbench sees the
    step running out (the app rings once when it does).
    """

    subject = ""
    """What the bar names while no session is open (home: the session under the cursor, the
    one Enter, `f`, `d` and `x` act on), never a session closed meanwhile."""

    def compose(self) -> ComposeResult:
        yield Static(id="bar-session", markup=False)
        yield Static(id="bar-clock", markup=False)
        yield Static(id="bar-engine", markup=False)

    def on_mount(self) -> None:
        app = cast("FacilitatorApp", self.app)
        self.watch(app, "engine_version", lambda _: self.update_bar(), init=False)
        self.watch(app, "lang", lambda _: self.update_bar(), init=False)
        self.update_bar()
        if app.session is not None:
            self.set_interval(1.0, self.update_clock, name="bar-clock")

    def update_bar(self) -> None:
        app = cast("FacilitatorApp", self.app)
        lang = app.lang
        session = app.session
        left = ""
        if session is not None:
            title = session.title or t(lang, "untitled")
            step = session.step
            if step is not None:
                from facilitator.workshop import step_texts

                texts = step_texts(session, session.current_step, lang)
                where = t(
                    lang,
                    "session.step",
                    n=session.current_step + 1,
                    total=len(session.agenda),
                    title=texts.title,
                )
            else:
                where = t(lang, "session.nostep")
            fitted = self._fitted(title, where)
            left = f" {fitted}  ·  {where}" if fitted else f" {where}"
        elif self.subject:
            left = f" {self.subject}"
        state = app.engine_status(session.lang if session else lang)
        self.query_one("#bar-session", Static).update(left)
        engine = self.query_one("#bar-engine", Static)
        engine.update(t(lang, _ENGINE_STATE_KEYS[state]) + " ")
        engine.set_classes(f"engine-{state}")
        self.update_clock()

    def _fitted(self, title: str, where: str) -> str:
        """The session's title, shortened so that the step's name fits beside it, or left out
        ("") when even a short one would not: at 80 columns the room needs to see which step
        it is in more than the title it chose (home and the minutes show the title)."""
        room = self.query_one("#bar-session", Static).size.width
        width = room - len(where) - 6
        if not room or len(title) <= width:  # before the first layout: drawn again on resize
            return title
        return title[: width - 1].rstrip() + "…" if width >= _TITLE_MIN else ""

    def on_resize(self) -> None:
        self.update_bar()

    def update_clock(self) -> None:
        from facilitator.tui.timer_display import clock

        app = cast("FacilitatorApp", self.app)
        session = app.session
        step = session.step if session is not None else None
        widget = self.query_one("#bar-clock", Static)
        if step is None or step.budget_seconds <= 0:
            widget.update("", layout=False)
            return
        remaining = step.remaining(app.now())
        icon = "⏰" if remaining <= 0 else ("⏱" if step.running else "⏸")
        widget.update(f"{icon} {clock(remaining)}", layout=False)
        widget.set_class(remaining <= 0, "time-up")


# The fewest characters of a session's title the bar keeps, whatever the step's name.
_TITLE_MIN = 10


# The session's navigation keys, still active but left out of a busy screen's footer (the
# room's screens and the workbench), which needs its width for the keys of its own work.
HIDDEN_NAVIGATION = frozenset(
    {
        "session.setup",
        "session.agenda",
        "session.workbench",
        "session.home",
        "session.back",
        "session.language",
    }
)


class SessionScreen(BaseScreen):
    """A screen of an open session: F2/F3/F4 move between set-up, agenda and workbench."""

    key: ClassVar[str] = ""
    """Which of "setup", "agenda", "workbench" this screen is."""

    FIT_COLUMNS: ClassVar[bool] = False
    """The screen's table columns follow its width (`widgets.table.text_width`): it redraws
    (`session_changed`) when the terminal is resized."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "app.goto('setup')", "bind.setup", id="session.setup"),
        Binding("f3", "app.goto('agenda')", "bind.agenda", id="session.agenda"),
        Binding("f4", "app.goto('workbench')", "bind.workbench", id="session.workbench"),
        # One screen back; home from the screen the session opened on (`app.check_action`
        # turns "back" off there, and the footer shows the second binding instead).
        Binding("escape", "app.back", "bind.back", id="session.back"),
        Binding("escape", "app.close_session", "bind.home", id="session.home"),
        Binding("ctrl+l", "app.switch_language", "bind.language", id="session.language"),
    ]

    @property
    def session(self) -> Session:
        session = self.fapp.session
        assert session is not None, "a session screen needs an open session"
        return session

    def compose_bar(self) -> ComposeResult:
        yield SessionBar(id="session-bar")

    def compose_footer(self) -> ComposeResult:
        yield Footer(compact=True)

    def update_bar(self) -> None:
        for bar in self.query(SessionBar):
            bar.update_bar()

    @on(events.Resize)
    def _columns_follow_width(self) -> None:
        redraw = getattr(self, "session_changed", None)
        if self.FIT_COLUMNS and callable(redraw):
            redraw()
