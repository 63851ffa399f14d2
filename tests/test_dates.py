"""Workshop dates (issue 13, item 11): typed as the room says them, stored ISO, shown in the
session's language."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.dates import date_words, iso_date, parse_date
from facilitator.minutes import render
from facilitator.session import Session


@pytest.mark.parametrize(
    ("typed", "lang"),
    [
        ("04/12/2026", "fr"),
        ("4/12/26", "fr"),
        ("4.12.2026", "fr"),
        ("2026-12-04", "fr"),
        ("4 décembre 2026", "fr"),
        ("jeudi 4 décembre 2026", "fr"),
        ("4 déc. 2026", "fr"),
        ("4 decembre 2026", "fr"),
        ("2026-12-04", "en"),
        ("4 December 2026", "en"),
        ("December 4, 2026", "en"),
        ("Thursday, 4th Dec 2026", "en"),
        ("04/12/2026", "en"),  # British order, as the minutes' en-GB
    ],
)
def test_the_forms_a_room_types_name_one_day(typed: str, lang: str) -> None:
    assert parse_date(typed, lang) == date(2026, 12, 4)
    assert iso_date(typed, lang) == "2026-12-04"


def test_day_comes_first_unless_only_month_first_makes_sense_in_english() -> None:
    assert parse_date("12/4/2026", "fr") == date(2026, 4, 12)
    assert parse_date("12/31/2026", "en") == date(2026, 12, 31)
    assert parse_date("12/31/2026", "fr") is None
    assert parse_date("19/03", "fr", today=date(2027, 1, 2)) == date(2027, 3, 19)


def test_what_is_not_a_date_is_kept_as_typed() -> None:
    for typed in ("fin du trimestre", "T3 2026", "31/02/2026", "4 jui 2026", ""):
        assert iso_date(typed) == typed.strip()
        assert date_words(typed, "fr") == typed


def test_dates_read_in_the_sessions_language() -> None:
    assert date_words("2026-12-04", "fr") == "4 décembre 2026"
    assert date_words("2026-12-01", "fr") == "1er décembre 2026"
    assert date_words("2026-12-04", "en") == "4 December 2026"
    assert date_words("04/12/2026", "en") == "4 December 2026"
    assert date_words("2026-03-19T10:50:00+00:00", "fr") == "19 mars 2026"


def test_minutes_show_a_date_typed_before_dates_were_stored_in_words() -> None:
    """An older session holds "04/12/2026" as typed; its minutes read like a new one's."""
    old = Session(title="Cadrage", lang="fr", date="04/12/2026")
    new = Session(title="Cadrage", lang="fr", date="2026-12-04")
    old_md = render(old, "md", today=date(2026, 12, 5)).decode()
    assert "4 décembre 2026" in old_md and "04/12/2026" not in old_md
    assert old_md == render(new, "md", today=date(2026, 12, 5)).decode()
    english = Session(title="Framing", lang="en", date="2026-12-04")
    assert "4 December 2026" in render(english, "md", today=date(2026, 12, 5)).decode()
    loaded = Session.from_dict(old.to_dict())  # an old file still loads, date untouched
    assert loaded.date == "04/12/2026"
