"""The room's mechanics wired into the app: their screens, the decision / action / parking-lot
entries available from any step (F5, F6, F7), opening the current step's mechanic, starting a
review or retrospective from a session, and the command-palette entries for all of it.

Kept out of app.py so that the app only registers these (a few lines), and imported lazily.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from facilitator.room import wrapup
from facilitator.room.steps import MECHANICS
from facilitator.session import Session
from facilitator.tui.i18n import t
from facilitator.workshop import create_follow_up

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

SCREENS: dict[str, str] = {
    "brainstorm": "facilitator.tui.screens.brainstorm:BrainstormScreen",
    "cluster": "facilitator.tui.screens.cluster:ClusterScreen",
    "vote": "facilitator.tui.screens.vote:VoteScreen",
    "alignment": "facilitator.tui.screens.alignment:AlignmentScreen",
    "tree": "facilitator.tui.screens.tree:TreeScreen",
    "log": "facilitator.tui.screens.room_log:RoomLogScreen",
    "wrapup": "facilitator.tui.screens.wrapup:WrapupScreen",
    "objectives": "facilitator.tui.screens.objectives:ObjectivesScreen",
    "review": "facilitator.tui.screens.review:ReviewScreen",
    "grading": "facilitator.tui.screens.grading:GradingScreen",
    "retro": "facilitator.tui.screens.retro:RetroScreen",
    "room_server": "facilitator.tui.screens.room_server:RoomServerScreen",
}
"""Session screens of the room mechanics (merged into the app's SESSION_SCREENS)."""

COMMAND_KEYS = {
    "brainstorm": "cmd.room.brainstorm",
    "cluster": "cmd.room.cluster",
    "vote": "cmd.room.vote",
    "alignment": "cmd.room.alignment",
    "tree": "cmd.room.tree",
    "log": "cmd.room.log",
    "wrapup": "cmd.room.wrapup",
    "objectives": "cmd.room.objectives",
    "review": "cmd.room.review",
    "grading": "cmd.room.grading",
    "retro": "cmd.room.retro",
    "room_server": "cmd.web.room",
}
"""The palette's entry of each of SCREENS, in the palette's order."""


@dataclass(frozen=True)
class EntryTexts:
    """The keys of one kind of entry's texts: its form, its notice and its palette command."""

    title: str
    text: str
    placeholder: str
    added: str
    command: str


ENTRY_KEYS = {
    "decision": EntryTexts(
        "room.decision.title",
        "room.decision.text",
        "room.decision.ph",
        "room.decision.added",
        "cmd.room.add_decision",
    ),
    "action": EntryTexts(
        "room.action.title",
        "room.action.text",
        "room.action.ph",
        "room.action.added",
        "cmd.room.add_action",
    ),
    "parking": EntryTexts(
        "room.parking.title",
        "room.parking.text",
        "room.parking.ph",
        "room.parking.added",
        "cmd.room.add_parking",
    ),
}
"""The entries from any step (F5, F6, F7), by kind, in the palette's order."""


def owner_choices(session: Session) -> list[tuple[str, str]]:
    """(name, id) of the participants present: the only possible owners."""
    return [(p.name or p.id, p.id) for p in session.present_participants()]


# -- entries from any step ---------------------------------------------------------------------


def entry(app: FacilitatorApp, kind: str) -> None:
    """Open the form for a decision, an action or a parking-lot item (kind)."""
    from facilitator.tui.screens.room_dialogs import Field, FormDialog

    session = app.session
    if session is None:
        return
    lang = app.lang
    keys = ENTRY_KEYS[kind]
    text = Field("text", t(lang, keys.text), placeholder=t(lang, keys.placeholder))
    owner = Field(
        "owner",
        t(lang, "room.owner"),
        choices=owner_choices(session),
        placeholder=t(lang, "room.owner.ph"),
    )

    def need_text(values: dict[str, str]) -> str | None:
        return None if values["text"] else t(lang, "room.need_text")

    if kind == "decision":
        fields = [text]
        validate = need_text
    elif kind == "action":
        fields = [
            text,
            owner,
            Field("due", t(lang, "room.due"), placeholder=t(lang, "room.due.ph")),
        ]

        def validate(values: dict[str, str]) -> str | None:
            if problem := need_text(values):
                return problem
            if not values["owner"]:
                return t(lang, "room.need_owner")
            try:
                wrapup.parse_due(values["due"], app.now().date())
            except ValueError:
                return t(lang, "room.bad_due", due=values["due"] or "—")
            return None
    else:
        fields = [
            text,
            owner,
            Field("next_step", t(lang, "room.next_step"), placeholder=t(lang, "room.next_step.ph")),
        ]
        validate = need_text

    def done(values: dict[str, str] | None) -> None:
        if not values:
            return
        text, owner = values["text"], values.get("owner", "")
        if kind == "decision":
            app.act(lambda w: w.add_decision(text))
        elif kind == "action":
            app.act(lambda w: w.add_action(text, owner, values["due"]))
        else:
            app.act(lambda w: w.park(text, owner, values["next_step"]))
        app.notify(t(app.lang, keys.added), timeout=2)
        app.refresh_session_screen()

    app.push_screen(FormDialog(t(lang, keys.title), fields, lang, validate=validate), done)


def parking_follow_up(app: FacilitatorApp, item_id: str) -> None:
    """Give a parking-lot item its owner and next step."""
    from facilitator.tui.screens.room_dialogs import Field, FormDialog

    session = app.session
    if session is None:
        return
    item = next((p for p in session.parking if p.id == item_id), None)
    if item is None:
        return
    lang = app.lang
    fields = [
        Field("owner", t(lang, "room.owner"), item.owner, t(lang, "room.owner.ph"),
              owner_choices(session)),
        Field("next_step", t(lang, "room.next_step"), item.next_step,
              t(lang, "room.next_step.ph")),
    ]  # fmt: skip

    def validate(values: dict[str, str]) -> str | None:
        if not values["owner"]:
            return t(lang, "room.need_owner")
        if not values["next_step"]:
            return t(lang, "room.need_next_step")
        return None

    def done(values: dict[str, str] | None) -> None:
        if values:
            owner, next_step = values["owner"], values["next_step"]
            app.act(lambda w: w.follow_up_parking(item_id, owner, next_step))
            app.refresh_session_screen()

    app.push_screen(
        FormDialog(
            t(lang, "room.parking.follow_up", text=item.text), fields, lang, validate=validate
        ),
        done,
    )


# -- navigation --------------------------------------------------------------------------------


def step_mechanic(session: Session) -> str | None:
    """The screen that runs the current agenda step, if its kind has one."""
    step = session.step
    return MECHANICS.get(step.kind) if step is not None else None


def open_step(app: FacilitatorApp) -> None:
    session = app.session
    if session is None:
        return
    name = step_mechanic(session)
    if name is None:
        app.notify(t(app.lang, "room.no_mechanic"), timeout=3)
        return
    app.goto(name)


def start_follow_up(app: FacilitatorApp, previous_id: str) -> None:
    """Choose a template, then create and open a session that follows `previous_id`."""
    from textual.widgets import Label

    from facilitator.store import StoreError
    from facilitator.tui.screens.template_picker import TemplatePicker
    from facilitator.workshops import TemplateError, list_templates

    lang = app.lang
    try:
        previous = app.store.load(previous_id)
        templates = list_templates(lang)
    except (StoreError, TemplateError) as error:
        app.show_error(t(lang, "error.load.title"), str(error))
        return
    order = {"review": 0, "retrospective": 1}
    templates.sort(key=lambda tpl: order.get(tpl.kind, 2))

    async def chosen(template: Any) -> None:
        if template is None:
            return
        if app.session is not None:
            await app.action_close_session()  # saves what is typed before the copy is taken
        try:
            latest = app.store.load(previous_id)
            session = create_follow_up(app.store, previous_id, template, today=app.now().date())
        except StoreError as error:
            app.show_error(t(app.lang, "error.store.title"), str(error))
            return
        app.open_session(session.id)
        app.notify(t(app.lang, "cycle.started", title=previous.title), timeout=4)
        if not session.objectives:  # only retained objectives are carried: say so
            app.notify(
                t(app.lang, "cycle.none_retained", title=latest.title or latest.id),
                severity="warning",
                timeout=10,
            )

    class FollowUpPicker(TemplatePicker):
        def on_mount(self) -> None:
            heading = t(lang, "cycle.pick", title=previous.title or previous.id)
            self.query_one(".dialog-title", Label).update(heading)

    app.push_screen(FollowUpPicker(templates, lang), chosen)


# -- command palette ---------------------------------------------------------------------------


def commands(app: FacilitatorApp) -> Iterator[tuple[str, Any]]:
    """(label, callback) of the room's commands for the open session, in the app's language."""
    lang = app.lang
    session = app.session
    if session is None:
        return
    if step_mechanic(session):
        yield t(lang, "cmd.room.step"), partial(open_step, app)
    for name, key in COMMAND_KEYS.items():
        yield t(lang, key), partial(app.goto, name)
    for kind, keys in ENTRY_KEYS.items():
        yield t(lang, keys.command), partial(entry, app, kind)
    yield t(lang, "cmd.cycle.follow_up"), partial(start_follow_up, app, session.id)
