"""The rule-condition language: what a `when` says, and what a rule file cannot make it do."""

from __future__ import annotations

import pytest

from facilitator.engine.condition import ConditionError, compile_condition

KNOWN = {"kind", "words", "ideas", "measurable", "deadline_year", "current_year", "key_result"}


def check(source: str, **features: object) -> bool:
    return compile_condition(source, KNOWN)(features | {"key_result": "key_result"})


def test_and_or_not_and_parentheses() -> None:
    source = "kind == key_result and not measurable"
    assert check(source, kind="key_result", measurable=False)
    assert not check(source, kind="key_result", measurable=True)
    assert not check(source, kind="objective", measurable=False)
    assert check("words > 25 or ideas > 1", words=30, ideas=1)
    assert check("words > 25 or ideas > 1", words=3, ideas=2)
    assert not check("not (words > 25 or ideas > 1)", words=30, ideas=1)


def test_a_missing_feature_never_passes_an_order() -> None:
    assert not check("deadline_year < 2026")
    assert not check("deadline_year >= 0", deadline_year=None)
    assert check("deadline_year != 2026")  # missing is not 2026


def test_two_features_can_be_compared() -> None:
    assert check("deadline_year < current_year", deadline_year=2024, current_year=2026)
    assert not check("deadline_year < current_year", deadline_year=2026, current_year=2026)


def test_the_result_is_a_bool() -> None:
    assert check("words", words=12) is True
    assert check("words", words=0) is False


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os')",
        "words > 1; import os",
        "words.__class__",
        "open",
        "words > 1 )",
        "(words > 1",
        "",
    ],
)
def test_anything_but_the_language_is_refused(source: str) -> None:
    with pytest.raises(ConditionError):
        compile_condition(source, KNOWN)


def test_a_quote_in_a_value_stays_a_value() -> None:
    # A bare word on the right is a string, quoted by repr: it cannot close the code around it.
    assert not check("kind == objective", kind="key_result")
    assert check("kind != x", kind="key_result")
