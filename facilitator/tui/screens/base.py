"""What every screen shares: translated key bindings, worker errors sent to the app's one handler,
and (for the screens of an open session) the navigation keys and the status bar."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from facilitator.tui.i18n import t

if TYPE_CHECKING:
    from facilitator.session import Session
    from facilitator.tui.app import FacilitatorApp


def localize_bindings(node: DOMNode, lang: str, hidden: frozenset[str] = frozenset()) -> None:
    """Show `node`'s key bindings in `lang`.

    Class-level bindings carry an i18n key as their description ("wb.bind.save"); each node
    keeps those keys so the descriptions can be translated again when the language changes.
    """
    keys: dict[str, str] = node.__dict__.setdefault("_i18n_binding_keys", {})
    bindings_map = node._bindings
    for key, bindings in list(bindings_map.key_to_bindings.items()):
        translated = []
        for binding in bindings:
            ident = binding.id or f"{binding.key}:{binding.action}"
            message = keys.setdefault(ident, binding.description)
            if message and "." in message and " " not in message:
                binding = replace(binding, description=t(lang, message))
            if binding.id in hidden:
                binding = replace(binding, show=False)
            translated.append(binding)
        bindings_map.key_to_bindings[key] = translated
    node.refresh_bindings()


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

    def on_mount(self) -> None:
        self.localize()
        self.watch(self.app, "lang", self._language_changed, init=False)

    def localize(self) -> None:
        """Translate the key bindings of the screen and of its widgets."""
        localize_bindings(self, self.lang, self.FOOTER_HIDDEN)
        for widget in self.query("*"):
            if any(
                "." in b.description and " " not in b.description
                for bindings in widget._bindings.key_to_bindings.values()
                for b in bindings
            ):
                localize_bindings(widget, self.lang)

    def _language_changed(self, lang: str) -> None:
        self.localize()
        self.language_changed()
        self.call_after_refresh(self.localize)

    def language_changed(self) -> None:
        """Redraw texts in the new language (screens override)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.fapp.worker_state_changed(event)

    def palette_commands(self) -> list[tuple[str, Any]]:
        """(i18n key, callback) pairs this screen adds to the command palette."""
        return []

    def flush(self) -> None:
        """Save whatever is typed but not yet saved (called before leaving and quitting)."""


class SessionBar(Horizontal):
    """Top line: the session and its current step, the step's time left, the engine's state.

    The time left shows on every screen, so the facilitator drafting in the workbench sees the
    step running out (the app rings once when it does).
    """

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
                from facilitator.tui.logic import step_texts

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
            left = f" {title}  ·  {where}"
        state = app.engine_status(session.lang if session else lang)
        self.query_one("#bar-session", Static).update(left)
        engine = self.query_one("#bar-engine", Static)
        engine.update(t(lang, f"engine.{state}") + " ")
        engine.set_classes(f"engine-{state}")
        self.update_clock()

    def update_clock(self) -> None:
        from facilitator.tui.logic import clock

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
