"""Session set-up: meta, participants, vision, parent objectives and the glossary of acronyms.

Every field is saved as the facilitator types (after a short pause) and when leaving the screen.
Its widgets (widgets/form.py) keep keys typed or pasted faster than the app handles them (a
scripted Tab, a paste of "name⇥role⇥team⏎") in their fields, and Tab goes through them in
reading order: each list's entry field and "Add" button come before the list.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea

from facilitator.dates import date_words, iso_date, parse_date
from facilitator.tui.i18n import LANGS
from facilitator.tui.screens.base import SessionScreen
from facilitator.tui.screens.dialogs import ConfirmDialog
from facilitator.tui.widgets.form import EntryButton, FormInput, RowsTable
from facilitator.tui.widgets.table import text_width
from facilitator.workshop import Workshop
from facilitator.workshop.checks import clean

META_FIELDS = ("title", "organisation", "date", "place", "facilitator")
FIELD_LABELS = {
    "title": "setup.field.title",
    "organisation": "setup.field.organisation",
    "date": "setup.field.date",
    "place": "setup.field.place",
    "facilitator": "setup.field.facilitator",
}
"""Each meta field's label key."""
LANG_NAMES = {"fr": "Français", "en": "English"}
"""Each language in its own words, whatever the interface's."""
SAVE_DELAY = 0.5


class SetupScreen(SessionScreen):
    key = "setup"

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._editing: str | None = None
        """The participant being edited in the fields under the table, if any."""

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        s = self.session
        with VerticalScroll(id="setup"):
            yield Label(self.tr("setup.meta"), classes="section-title")
            with Grid(id="meta-grid"):
                for name in META_FIELDS:
                    with Vertical(classes="field", id=f"field-{name}"):
                        yield Label(self.tr(FIELD_LABELS[name]))
                        value = getattr(s, name)
                        if name == "date":  # stored ISO, shown in words in the session's language
                            value = date_words(value, s.lang)
                        yield FormInput(
                            value,
                            id=f"meta-{name}",
                            classes="meta",
                            compact=True,
                            submit=self.submit_field,
                        )
                with Vertical(classes="field", id="field-lang"):
                    # The session's language, not the interface's (ctrl+l): the minutes'.
                    yield Label(self.tr("setup.field.lang"))
                    yield Select(
                        [(LANG_NAMES[code], code) for code in LANGS],
                        value=s.lang if s.lang in LANGS else Select.NULL,
                        allow_blank=s.lang not in LANGS,
                        id="meta-lang",
                        compact=True,
                    )
            yield Label(self.tr("setup.participants"), classes="section-title")
            yield RowsTable(
                id="participants", entry="new-name", cursor_type="row", zebra_stripes=True
            )
            with Horizontal(classes="add-row"):
                yield FormInput(
                    placeholder=self.tr("setup.name.placeholder"),
                    id="new-name",
                    compact=True,
                    submit=self.submit_field,
                )
                yield FormInput(
                    placeholder=self.tr("setup.role.placeholder"),
                    id="new-role",
                    compact=True,
                    submit=self.submit_field,
                )
                yield FormInput(
                    placeholder=self.tr("setup.team.placeholder"),
                    id="new-team",
                    compact=True,
                    submit=self.submit_field,
                )
                yield EntryButton(
                    self.tr("setup.add"), id="add-participant", entry="new-name", compact=True
                )
            yield Label(self.tr("setup.vision"), classes="section-title")
            yield TextArea(s.vision, id="vision", soft_wrap=True, show_line_numbers=False)
            for section, placeholder, field_id, table_id in (
                ("setup.parents", "setup.parent.placeholder", "new-parent", "parents"),
                ("setup.glossary", "setup.glossary.placeholder", "new-term", "glossary"),
            ):
                yield Label(self.tr(section), classes="section-title")
                with Horizontal(classes="add-row"):
                    yield FormInput(
                        placeholder=self.tr(placeholder),
                        id=field_id,
                        compact=True,
                        submit=self.submit_field,
                    )
                    yield EntryButton(
                        self.tr("setup.add"), id=f"add-{table_id}", entry=field_id, compact=True
                    )
                yield RowsTable(id=table_id, entry=field_id, cursor_type="row", show_header=False)
            yield Static(self.tr("setup.hint"), id="setup-hint", markup=False)
        yield from self.compose_footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.fill_tables()
        self.query_one("#meta-title", Input).focus()

    def on_resize(self) -> None:
        self.fill_tables()  # the text columns follow the screen's width

    def language_changed(self) -> None:
        self.flush()
        self.refresh(recompose=True)
        self.call_after_refresh(self.fill_tables)

    # -- tables --------------------------------------------------------------------------------

    def fill_tables(self) -> None:
        s = self.session
        people = self.query_one("#participants", RowsTable)
        keep = people.cursor_row
        people.clear(columns=True)
        people.add_column(self.tr("setup.col.name"), width=22, key="name")
        role = text_width(self.size.width, [22, 16, 8], least=16, most=36)
        people.add_column(self.tr("setup.col.role"), width=role, key="role")
        people.add_column(self.tr("setup.col.team"), width=16 if self.narrow else 24, key="team")
        people.add_column(self.tr("setup.col.present"), width=8, key="present")
        for p in s.participants:
            people.add_row(
                p.name,
                p.role,
                p.team,
                self.tr("setup.yes") if p.present else self.tr("setup.no"),
                key=p.id,
            )
        if s.participants:
            people.move_cursor(row=min(max(keep, 0), len(s.participants) - 1))
        parents = self.query_one("#parents", RowsTable)
        parents.clear(columns=True)
        parents.add_column("", width=4, key="n")
        # Fitted to the screen: a row wider than the table hides it behind a scroll bar at 80.
        parents.add_column("", width=text_width(self.size.width, [4], most=96), key="text")
        for i, parent in enumerate(s.parents, start=1):
            parents.add_row(f"P{i}", parent.text, key=parent.id)
        glossary = self.query_one("#glossary", RowsTable)
        glossary.clear(columns=True)
        glossary.add_column("", width=14, key="term")
        glossary.add_column("", width=text_width(self.size.width, [14], most=86), key="definition")
        for term, definition in s.glossary.items():
            glossary.add_row(term, definition, key=term)
        for table in (people, parents, glossary):
            table.styles.height = max(1, table.row_count) + (1 if table.show_header else 0)

    # -- saving --------------------------------------------------------------------------------

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Save the meta fields and the vision if they differ from the session."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.fapp.session is None or not self.is_mounted:
            return
        values: dict[str, str] = {}
        for name in META_FIELDS:
            for field in self.query(f"#meta-{name}").results(Input):
                values[name] = clean(field.value).strip()
        if "date" in values:  # "04/12/2026", "4 déc. 2026" → "2026-12-04"; else kept as typed
            values["date"] = iso_date(values["date"], self.session.lang, self.fapp.now().date())
        for area in self.query("#vision").results(TextArea):
            values["vision"] = clean(area.text, single_line=False).strip()
        if any(getattr(self.session, k) != v for k, v in values.items()):
            self.fapp.act(lambda w: w.set_details(values))
            self.update_bar()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.has_class("meta"):
            self._schedule()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "vision":
            self._schedule()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "meta-lang" or not isinstance(event.value, str):
            return
        event.stop()
        self.flush()  # the date typed is read in the language it was typed in
        self.fapp.set_session_language(event.value)
        for field in self.query("#meta-date").results(Input):  # then shown in the new one
            field.value = date_words(self.session.date, self.session.lang)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.has_class("meta"):
            self.flush()
            if event.input.id == "meta-date":
                self.show_date(event.input)

    def show_date(self, field: Input) -> None:
        """The date as understood, in words ("4 décembre 2026"), or a warning: a date the tool
        cannot read stays as typed, and the minutes would print it so."""
        typed = clean(field.value).strip()
        day = parse_date(typed, self.session.lang, self.fapp.now().date())
        if day is not None:
            shown = date_words(day.isoformat(), self.session.lang)
            if field.value != shown:
                field.value = shown
        elif typed:
            self.notify(self.tr("room.bad_due", due=typed), severity="warning", timeout=6)

    def submit_field(self, field: Input) -> None:
        """Enter in a field of the form (see `FormInput`)."""
        if field.has_class("meta"):
            self.flush()
            self.focus_next()  # the date field then shows its date in words (on_input_blurred)
        elif field.id in ("new-name", "new-role", "new-team"):
            self.add_participant()
        elif field.id == "new-parent":
            self.add_parent()
        elif field.id == "new-term":
            self.add_term()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        adds = {
            "add-participant": self.add_participant,
            "add-parents": self.add_parent,
            "add-glossary": self.add_term,
        }
        if event.button.id in adds:
            event.stop()
            adds[event.button.id]()

    def _act(self, operation: Callable[[Workshop], object]) -> None:
        self.fapp.act(operation)
        self.fill_tables()

    # -- participants, parents, glossary --------------------------------------------------------

    def add_participant(self) -> None:
        name_field = self.query_one("#new-name", Input)
        name = clean(name_field.value).strip()
        if not name:
            self.set_focus(name_field)
            return
        role = clean(self.query_one("#new-role", Input).value).strip()
        team = clean(self.query_one("#new-team", Input).value).strip()
        editing, self._editing = self._editing, None
        if editing is not None and any(p.id == editing for p in self.session.participants):
            self._act(lambda w: w.update_participant(editing, name, role, team))
        else:
            self._act(lambda w: w.add_participant(name, role, team))
        for field_id in ("#new-name", "#new-role", "#new-team"):
            self.query_one(field_id, Input).value = ""
        self.query_one("#add-participant", Button).label = self.tr("setup.add")
        self.set_focus(name_field)  # at once: the next participant may already be typed

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a participant: edit them in the fields below (Enter there saves)."""
        if event.data_table.id != "participants" or event.row_key.value is None:
            return
        event.stop()
        person = self.session.participant(event.row_key.value)
        self._editing = person.id
        self.query_one("#new-name", Input).value = person.name
        self.query_one("#new-role", Input).value = person.role
        self.query_one("#new-team", Input).value = person.team
        self.query_one("#add-participant", Button).label = self.tr("setup.update")
        self.query_one("#new-name", Input).focus()

    def add_parent(self) -> None:
        field = self.query_one("#new-parent", Input)
        text = clean(field.value).strip()
        if text:
            self._act(lambda w: w.add_parent(text))
            field.value = ""

    def add_term(self) -> None:
        field = self.query_one("#new-term", Input)
        raw = clean(field.value).strip()
        if not raw:
            return
        term, _, definition = raw.partition("=")
        if ":" in term and not definition:
            term, _, definition = raw.partition(":")
        term, definition = term.strip(), definition.strip()
        if term:
            self._act(lambda w: w.define_term(term, definition))
            field.value = ""

    def on_rows_table_row_action(self, event: RowsTable.RowAction) -> None:
        event.stop()
        table_id, key = event.table.id, event.key
        if table_id == "participants":
            person = self.session.participant(key)
            if event.action == "toggle":
                present = not person.present
                self._act(lambda w: w.mark_present(key, present))
                return
            what = person.name

            def remove(w: Workshop) -> None:
                w.remove_participant(key)
        elif table_id == "parents":
            if event.action != "remove":
                return
            what = self.session.parent(key).text

            def remove(w: Workshop) -> None:
                w.remove_parent(key)
        elif table_id == "glossary":
            if event.action != "remove":
                return
            what = key

            def remove(w: Workshop) -> None:
                w.remove_term(key)
        else:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._act(remove)

        self.app.push_screen(
            ConfirmDialog(
                self.tr("setup.remove.title"), self.tr("setup.remove.body", what=what), self.lang
            ),
            confirmed,
        )
