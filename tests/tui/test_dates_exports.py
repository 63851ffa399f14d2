"""Issue 13 in the app: the set-up date is read and stored ISO (item 11); the minutes of an
older follow-up name the session it follows (item 12)."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

from textual.widgets import Input

from facilitator.minutes.files import documents_dir
from facilitator.room.cycle import followed
from facilitator.session import Session
from facilitator.tui.minutes_export import LAST_EXPORT_DIR, export_minutes, with_followed
from facilitator.tui.screens.training_report import ReportDialog
from facilitator.workshop import session_from_template
from facilitator.workshops import load_template
from tests.tui.conftest import SIZE, settle, type_text


def test_a_new_session_is_dated_today() -> None:
    template = load_template("codir-framing")
    assert session_from_template(template, "fr").date == date.today().isoformat()
    dated = session_from_template(template, "en", today=date(2026, 12, 4))
    assert dated.date == "2026-12-04"


async def test_the_date_typed_in_set_up_is_stored_iso_and_shown_in_words(make_app, store):
    store.create(Session(id="s1", title="Atelier", lang="fr", date="2026-03-19"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        field = app.screen.query_one("#meta-date", Input)
        assert field.value == "19 mars 2026"  # stored ISO, shown in the session's language
        field.focus()
        field.value = ""
        await type_text(pilot, "04/12/2026")
        await pilot.press("enter")  # next field: the date is read
        await settle(pilot)
        assert store.load("s1").date == "2026-12-04"
        assert field.value == "4 décembre 2026"
        # Something that is no date is kept as typed, and the facilitator is told.
        field.focus()
        field.value = "fin du trimestre"
        await pilot.press("tab")
        await settle(pilot)
        assert store.load("s1").date == "fin du trimestre"
        assert field.value == "fin du trimestre"
        assert any("n’est pas une date" in str(n.message) for n in app._notifications)


async def test_minutes_of_an_older_follow_up_name_the_session_it_follows(make_app, store):
    """A follow-up made before the followed session's title was noted: the export looks it up."""
    store.create(Session(id="f1", title="Cadrage CODIR", lang="fr", date="2026-03-19"))
    store.create(Session(id="r1", title="Revue", kind="review", follows="f1"))
    store.create(Session(id="r2", title="Revue", kind="review", follows="gone"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("r1")
        await settle(pilot)
        assert app.session is not None
        assert followed(with_followed(app, app.session)) == ("Cadrage CODIR", "2026-03-19")
        assert followed(store.load("r1")) is None  # the stored session is not changed
        app.open_session("r2")
        await settle(pilot)
        assert app.session is not None and followed(with_followed(app, app.session)) is None


def test_the_documents_folder_is_found_as_the_desktop_names_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert documents_dir(home, {}) == home  # no documents folder: home
    (home / "Documents").mkdir()
    assert documents_dir(home, {}) == home / "Documents"
    (home / "Mes documents").mkdir()
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR="$HOME/Mes documents"\n', "utf-8"
    )
    assert documents_dir(home, {}) == home / "Mes documents"
    elsewhere = tmp_path / "docs"
    elsewhere.mkdir()
    assert documents_dir(home, {"XDG_DOCUMENTS_DIR": str(elsewhere)}) == elsewhere


async def test_exports_default_to_documents_then_to_the_last_folder_owner_only(
    make_app, store, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(tmp_path)  # not where exports go
    store.create(Session(id="s1", title="Cadrage CODIR", lang="fr", date="2026-12-04"))
    chosen = tmp_path / "client"
    chosen.mkdir()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_session("s1", "setup")
        await settle(pilot)
        export_minutes(app, "md")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        path = dialog.query_one("#report-path", Input)
        assert path.value == str(home / "Documents" / "cadrage-codir-2026-12-04.md")
        path.value = str(chosen / "cr.md")
        await pilot.press("enter")
        await settle(pilot)
        written = chosen / "cr.md"
        assert written.read_text("utf-8").startswith("# Cadrage CODIR")
        assert stat.S_IMODE(os.stat(written).st_mode) == 0o600  # like the session files
        assert store.load("s1").extra[LAST_EXPORT_DIR] == str(chosen)
        export_minutes(app, "docx")  # the next export proposes the same folder
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog)
        value = app.screen.query_one("#report-path", Input).value
        assert value == str(chosen / "cadrage-codir-2026-12-04.docx")
