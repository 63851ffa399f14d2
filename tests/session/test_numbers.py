"""The one reader of numbers in text: French and English thousands and decimal marks, read the
same way by the engine (`DIGITS`, `parse_digits`) and by a key result's progress
(`parse_number`)."""

from __future__ import annotations

import pytest

from facilitator.engine import numbers as engine_numbers
from facilitator.numbers import DIGITS, parse_digits, parse_number
from facilitator.session import Objective, progress

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("written", "fr", "en"),
    [
        # one dot or comma before exactly three digits: thousands in the language grouping so
        ("1.500", 1500, 1.5),
        ("1,500", 1.5, 1500),
        ("12.345", 12345, 12.345),
        ("999,999", 999.999, 999999),
        # not three digits after the mark: always a decimal
        ("1.5", 1.5, 1.5),
        ("1,5", 1.5, 1.5),
        ("2,50", 2.5, 2.5),
        ("1.5000", 1.5, 1.5),
        ("1234.500", 1234.5, 1234.5),  # four digits before: not a group of thousands
        # a leading zero is never a group of thousands
        ("0.500", 0.5, 0.5),
        ("0,500", 0.5, 0.5),
        # both marks: the last one is the decimal mark
        ("1.234,5", 1234.5, 1234.5),
        ("1,234.5", 1234.5, 1234.5),
        ("1.500.000,25", 1_500_000.25, 1_500_000.25),
        # one mark repeated: thousands, in groups of three
        ("1.500.000", 1_500_000, 1_500_000),
        ("1,500,000", 1_500_000, 1_500_000),
        ("1.50.0", None, None),
        ("1,50,000", None, None),
        # spaces of every kind and apostrophes group thousands
        ("1 500 000", 1_500_000, 1_500_000),
        (f"1{NBSP}500", 1500, 1500),
        (f"1{NNBSP}500{NNBSP}000", 1_500_000, 1_500_000),
        (f"1{THIN}500", 1500, 1500),
        ("1'500", 1500, 1500),
        ("1\u2019500", 1500, 1500),
        (f"1{NNBSP}500,75", 1500.75, 1500.75),
        # signs, and a mark ending a sentence
        ("-1 500", -1500, -1500),
        ("\u22122,5", -2.5, -2.5),
        ("+2,5", 2.5, 2.5),
        ("4.", 4, 4),
        ("2026", 2026, 2026),
    ],
)
def test_parse_digits_reads_french_and_english_marks(
    written: str, fr: float | None, en: float | None
) -> None:
    for lang, expected in (("fr", fr), ("en", en)):
        value = parse_digits(written, lang)
        assert value == (None if expected is None else pytest.approx(expected)), (lang, value)


def test_the_engine_reads_digits_with_the_same_reader() -> None:
    assert engine_numbers.parse_digits is parse_digits
    assert engine_numbers.DIGITS is DIGITS


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("de 1.500 à 3.000 clients", ["1.500", "3.000"]),
        ("de 1 500 à 3 000 clients", ["1 500", "3 000"]),
        (f"30{NNBSP}000 €", [f"30{NNBSP}000"]),
        ("Passer de 4,5 % à 2 %", ["4,5", "2"]),
        ("Grow ARR from 1,200,000 to 1,500,000.50", ["1,200,000", "1,500,000.50"]),
        ("31/12/2026 T3 COVID-19", ["31"]),  # after a slash, a letter or a hyphen: not amounts
    ],
)
def test_digits_finds_grouped_numbers_in_running_text(text: str, found: list[str]) -> None:
    assert [m.group() for m in DIGITS.finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "fr", "en"),
    [
        ("1,500", 1.5, 1500.0),  # French decimal comma, English thousands separator
        ("1.500", 1500.0, 1.5),  # French thousands dot, English decimal point
        ("1.500 clients", 1500.0, 1.5),
        ("1,5", 1.5, 1.5),
        ("1.234,5", 1234.5, 1234.5),
        ("1,234.5", 1234.5, 1234.5),
        ("1 500 000", 1_500_000.0, 1_500_000.0),
        ("30\u202f%", 30.0, 30.0),
        ("30\u00a0000 €", 30_000.0, 30_000.0),
        ("12,5 %", 12.5, 12.5),
        ("- 3", -3.0, -3.0),
        ("\u22124 pts", -4.0, -4.0),
        ("10M€", 10_000_000.0, 10_000_000.0),
        ("2,5k€", 2500.0, 2500.0),
        ("1.5 M", 1_500_000.0, 1_500_000.0),
        ("3 Md€", 3e9, 3e9),
        ("2 millions", 2e6, 2e6),
        ("12 Mois", 12.0, 12.0),  # "M" of a word is not a million
        ("50kg", 50.0, 50.0),
        (12, 12.0, 12.0),
        (2.5, 2.5, 2.5),
    ],
)
def test_parse_number_reads_one_figure(text: object, fr: float, en: float) -> None:
    assert parse_number(text) == pytest.approx(fr)
    assert parse_number(text, "en") == pytest.approx(en)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "élevé",
        "T3 2026",
        "de 4 à 2 %",  # two numbers: which one?
        "10-15 %",  # a range
        "de 1.500 à 3.000",
        "31/12/2026",
        "4 5",  # two numbers, not a group of thousands
        None,
        True,
        float("nan"),
        float("inf"),
        ["4"],
    ],
)
def test_parse_number_is_none_unless_there_is_exactly_one(value: object) -> None:
    assert parse_number(value) is None
    assert parse_number(value, "en") is None


def test_progress_from_1_500_to_3_000_clients_in_french() -> None:
    """The engine reads "de 1.500 à 3.000 clients" as fifteen hundred to three thousand;
    progress reads the key result's baseline and target the same way, whatever the room typed
    for the current value."""
    for current in ("2 250", "2.250", "2250", "2,25 k", f"2{NNBSP}250 clients"):
        assert progress("1.500", "3.000", current) == pytest.approx(0.5), current
    kr = Objective().add_key_result(
        "Passer de 1.500 à 3.000 clients actifs", baseline="1.500", target="3.000"
    )
    assert kr.add_checkin("1 800", date="2026-04-10").progress == pytest.approx(0.2)


def test_progress_in_english_groups_with_commas() -> None:
    assert progress("1,500", "3,000", "2,250", lang="en") == pytest.approx(0.5)
    assert progress("1.5", "3", "2.25", lang="en") == pytest.approx(0.5)
