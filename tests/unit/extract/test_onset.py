"""Onset: first and full effect values that can be compared across sources."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.onset import extract_onset
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_extract_onset_first_and_full_effect(statements_of: StatementsOf) -> None:
    text = "It starts to work within 30 minutes, but the full effect can take 2 to 3 weeks."
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes["first_effect"] == "30 minutes"
    assert fact.attributes["full_effect"] == "2-3 weeks"
    assert fact.attributes["full_effect_unit"] == "weeks"


def test_extract_onset_unit_range(statements_of: StatementsOf) -> None:
    (fact,) = extract_onset(
        statements_of("You may not notice the full benefit for weeks or months."), "s1"
    )
    assert fact.attributes["full_effect"] == "weeks to months"


def test_extract_onset_ignores_other_durations(statements_of: StatementsOf) -> None:
    assert extract_onset(statements_of("Take it for 10 days and then stop."), "s1") == []


def test_extract_onset_ranges_in_words_and_other_verbs(statements_of: StatementsOf) -> None:
    (fact,) = extract_onset(statements_of("Relief can take one to two weeks to appear."), "s1")
    assert fact.attributes["first_effect"] == "1-2 weeks"
    (fact,) = extract_onset(statements_of("It starts to relieve pain within an hour."), "s1")
    assert fact.attributes["first_effect"] == "1 hour"
