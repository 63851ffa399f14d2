"""The command palette (ctrl+p): namespaced commands for the main actions, in the app's language.

"session: …" and "agenda: …" work from any screen of an open session; "workbench: …" from the
workbench; "language: …" and "help: …" everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from facilitator.locales import LANG_NAME_KEYS
from facilitator.tui.i18n import LANGS, t

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

# Textual's own palette commands (theme, quit, keys…), by their English title: said in the
# app's language like the others. "Keys" shows or hides the panel: its help says which.
_SYSTEM = {
    "Bell": ("cmd.system.bell", "cmd.system.bell.help"),
    "Theme": ("cmd.system.theme", "cmd.system.theme.help"),
    "Quit": ("cmd.system.quit", "cmd.system.quit.help"),
    "Keys": ("cmd.system.keys", "cmd.system.keys.help"),
    "Minimize": ("cmd.system.minimize", "cmd.system.minimize.help"),
    "Maximize": ("cmd.system.maximize", "cmd.system.maximize.help"),
    "Screenshot": ("cmd.system.screenshot", "cmd.system.screenshot.help"),
}


def system_commands(lang: str, commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their title and help in `lang`; one Textual adds later,
    unknown here, is left as it is."""
    for command in commands:
        keys = _SYSTEM.get(command.title)
        if keys is None:
            yield command
            continue
        title, help_key = keys
        if command.title == "Keys" and command.help.startswith("Hide"):
            help_key = "cmd.system.keys.help.hide"
        yield command._replace(title=t(lang, title), help=t(lang, help_key))


# The French labels have no-break spaces ("agenda\u00a0: étape suivante"); whoever types one
# types a plain space, which Textual's matcher would not match with them.
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})


class FacilitatorCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, Callable[[], Any]]]:
        app = cast("FacilitatorApp", self.app)
        lang = app.lang
        screen = self.screen
        from facilitator.tui.screens.base import BaseScreen

        if app.session is not None:
            yield t(lang, "cmd.session.setup"), partial(app.goto, "setup")
            yield t(lang, "cmd.session.agenda"), partial(app.goto, "agenda")
            yield t(lang, "cmd.session.workbench"), partial(app.goto, "workbench")
            yield t(lang, "cmd.session.home"), app.action_close_session
            yield t(lang, "cmd.project"), app.action_project
            for code in LANGS:
                if code != app.session.lang:
                    name = t(lang, LANG_NAME_KEYS[code])
                    yield (
                        t(lang, "cmd.session.lang", lang=name),
                        partial(app.set_session_language, code),
                    )
            if app.session.agenda:
                yield t(lang, "cmd.agenda.next"), partial(app.agenda_move, 1)
                yield t(lang, "cmd.agenda.previous"), partial(app.agenda_move, -1)
                yield t(lang, "cmd.agenda.pause"), app.agenda_toggle_timer
                yield t(lang, "cmd.agenda.extend"), partial(app.agenda_extend, 5)
        if isinstance(screen, BaseScreen):
            for key, callback in screen.palette_commands():
                yield t(lang, key), callback
        from facilitator.tui.minutes_export import commands as export_commands

        yield from export_commands(app)
        from facilitator.tui.room_actions import commands as room_commands

        yield from room_commands(app)
        from facilitator.tui.screens.training_start import palette_commands as training

        yield from training(app, screen)
        yield t(lang, "cmd.language"), app.action_switch_language
        yield t(lang, "cmd.help"), app.action_help

    async def discover(self) -> Hits:
        for name, callback in self._commands():
            yield DiscoveryHit(name, callback)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback in self._commands():
            typed = name.translate(_NO_BREAK)  # the same length: the highlights fit `name`
            score = matcher.match(typed)
            if score > 0:
                shown = Content(name, spans=list(matcher.highlight(typed).spans))
                yield Hit(score, shown, callback, text=name)
