"""Training, first screen: the trainee types their name (and the group's), then picks a pack.

Also the entry points: `open_training` (home screen, command palette) and `training_store`
(the trainees' progress files, beside the sessions); `facilitator train` starts the app from
`facilitator.tui.training_app`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.training import (
    Pack,
    PackError,
    Problem,
    load_pack,
    load_packs,
    user_packs_dir,
)
from facilitator.training.store import TrainingStore, beside_sessions
from facilitator.tui.screens.base import BaseScreen, SessionBar

if TYPE_CHECKING:
    pass

STYLES = Path(__file__).resolve().parent.parent / "styles"
FLAGS = {"fr": "FR", "en": "EN"}


def training_store(app: Any) -> TrainingStore:
    """The trainees' progress files: `training/` inside the app's sessions folder."""
    return beside_sessions(app.store.data_dir)


def packs_dirs(app: Any) -> list[Path]:
    """The trainer's own packs folders: `packs/` in the data folder, then `--packs-dir`."""
    folders = [user_packs_dir(app.store.data_dir)]
    folders.extend(Path(p) for p in getattr(app, "extra_packs_dirs", ()))
    return folders


def app_packs(app: Any) -> tuple[list[Pack], list[Problem]]:
    """The shipped packs and the trainer's own."""
    return load_packs(extra=packs_dirs(app))


def open_training(
    app: Any,
    *,
    pack: str | None = None,
    trainee: str | None = None,
    group: str = "",
    packs: list[Pack] | None = None,
    reveal_after: int | None = None,
) -> None:
    """Push the training screens: the start screen, and the pack at once when the trainee's
    name and the pack are both given. `reveal_after` overrides the packs' setting."""
    problems: list[Problem] = []
    folders: list[Path] = []
    if packs is None:
        packs, problems = app_packs(app)
        folders = packs_dirs(app)
    chosen: Pack | None = None
    if pack:
        chosen = next((p for p in packs if p.id == pack), None)
        if chosen is None:
            try:
                chosen = load_pack(pack)
            except PackError as error:
                app.show_error(app_t(app, "error.title"), str(error))
            else:
                packs = [*packs, chosen]
    start = TrainingStartScreen(
        packs,
        problems,
        selected=chosen.id if chosen else None,
        trainee=trainee,
        group=group,
        reveal_after=reveal_after,
        folders=folders,
    )
    app.push_screen(start)
    if chosen is not None and trainee and trainee.strip():
        start.start(chosen, trainee, group)


def open_trainer(app: Any, packs: list[Pack] | None = None) -> None:
    from facilitator.tui.screens.trainer import TrainerScreen

    if packs is None:
        packs, _ = app_packs(app)
    app.push_screen(TrainerScreen(packs))


def palette_commands(app: Any, screen: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """The command palette's training commands, from any screen."""
    if not isinstance(screen, TrainingStartScreen):
        yield app_t(app, "cmd.training.start"), partial(open_training, app)
    yield app_t(app, "cmd.training.trainer"), partial(open_trainer, app)


def app_t(app: Any, key: str, **values: object) -> str:
    from facilitator.tui.i18n import t

    return t(getattr(app, "lang", "fr"), key, **values)


class TrainingStartScreen(BaseScreen):
    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "training.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tr.bind.back", id="training.back"),
        Binding("ctrl+t", "trainer", "tr.bind.trainer", id="training.trainer"),
    ]

    def __init__(
        self,
        packs: list[Pack],
        problems: list[Problem] | None = None,
        *,
        selected: str | None = None,
        trainee: str | None = None,
        group: str = "",
        reveal_after: int | None = None,
        folders: list[Path] | None = None,
    ) -> None:
        """`folders`: the trainer's own packs folders, named on screen."""
        super().__init__()
        self.packs = packs
        self.folders = folders or []
        self.reveal_after = reveal_after
        self.problems = problems or []
        self.selected = selected
        self.initial_name = trainee or ""
        self.initial_group = group or ""

    def compose(self) -> ComposeResult:
        yield SessionBar(id="session-bar")
        with Vertical(id="tr-start"):
            yield Label(self.tr("tr.start.title"), id="tr-start-title")
            yield Static(self.tr("tr.start.intro"), id="tr-start-intro", markup=False)
            with Horizontal(id="tr-start-who"):
                yield Input(placeholder=self.tr("tr.start.name"), id="tr-name")
                yield Input(placeholder=self.tr("tr.start.group"), id="tr-group")
            yield Label(self.tr("tr.start.packs"), classes="section-title", id="tr-packs-title")
            yield OptionList(id="tr-packs")
            yield Static(id="tr-start-problems", markup=False)
            yield Static(id="tr-start-folders", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        remembered = self.fapp.ui_state.get("training.who", ("", ""))
        name = self.query_one("#tr-name", Input)
        name.value = self.initial_name or remembered[0]
        self.query_one("#tr-group", Input).value = self.initial_group or remembered[1]
        self.fill()
        if name.value:
            self.query_one("#tr-packs", OptionList).focus()
        else:
            name.focus()

    def language_changed(self) -> None:
        self.query_one("#tr-start-title", Label).update(self.tr("tr.start.title"))
        self.query_one("#tr-start-intro", Static).update(self.tr("tr.start.intro"))
        self.query_one("#tr-packs-title", Label).update(self.tr("tr.start.packs"))
        self.query_one("#tr-name", Input).placeholder = self.tr("tr.start.name")
        self.query_one("#tr-group", Input).placeholder = self.tr("tr.start.group")
        self.fill()

    def ordered_packs(self) -> list[Pack]:
        """The packs in the screen's language first, each language from easy to hard."""
        return sorted(self.packs, key=lambda p: (p.lang != self.lang, p.level, p.id))

    def fill(self) -> None:
        options = self.query_one("#tr-packs", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        packs = self.ordered_packs()
        for pack in packs:
            line = Text(
                self.tr(
                    "tr.start.pack",
                    flag=FLAGS.get(pack.lang, pack.lang.upper()),
                    title=pack.title,
                    count=len(pack.exercises),
                    level=pack.level,
                ),
                style="bold",
            )
            description = " ".join(pack.description.split())
            if len(description) > 160:
                description = description[:159].rsplit(" ", 1)[0] + " …"
            line.append("\n" + description, style="dim")
            options.add_option(Option(line, id=pack.id))
        if not packs:
            options.add_option(Option(self.tr("tr.start.no_pack"), disabled=True))
        if self.selected is not None:
            index = next((i for i, p in enumerate(packs) if p.id == self.selected), None)
            options.highlighted = index if index is not None else highlighted
        elif packs:
            options.highlighted = highlighted if highlighted is not None else 0
        folders = self.query_one("#tr-start-folders", Static)
        folders.update(
            self.tr("tr.start.folders", folders=", ".join(str(f) for f in self.folders))
            if self.folders
            else ""
        )
        problems = self.query_one("#tr-start-problems", Static)
        if self.problems:
            lines = [self.tr("tr.start.problems"), *(str(p) for p in self.problems[:6])]
            problems.update("\n".join(lines))
        else:
            problems.update("")

    @property
    def name_value(self) -> str:
        return " ".join(self.query_one("#tr-name", Input).value.split())

    @property
    def group_value(self) -> str:
        return " ".join(self.query_one("#tr-group", Input).value.split())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "tr-name":
            self.query_one("#tr-group", Input).focus()
        else:
            self.query_one("#tr-packs", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        pack = next((p for p in self.packs if p.id == event.option.id), None)
        if pack is None:
            return
        self.selected = pack.id
        if not self.name_value:
            self.notify(self.tr("tr.start.need_name"), severity="warning", timeout=4)
            self.query_one("#tr-name", Input).focus()
            return
        self.start(pack, self.name_value, self.group_value)

    def start(self, pack: Pack, trainee: str, group: str) -> None:
        from facilitator.tui.screens.training import TrainingScreen

        trainee, group = " ".join(trainee.split()), " ".join(group.split())
        self.fapp.ui_state["training.who"] = (trainee, group)
        # The exercise screen speaks the pack's language by itself: the app keeps its own, and
        # this list its order, whatever pack the trainee opens or finishes.
        self.fapp.ensure_model(pack.lang)
        store = training_store(self.app)
        screen = TrainingScreen(pack, trainee, group, store, reveal_after=self.reveal_after)
        self.app.push_screen(screen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_trainer(self) -> None:
        open_trainer(self.app, self.packs)

    def palette_commands(self) -> list[tuple[str, Any]]:
        return [("cmd.training.trainer", self.action_trainer)]
