"""Missed dose: the three flags, read across the sentences of one block."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.missed_dose import extract_missed_dose
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_extract_missed_dose_all_flags(statements_of: StatementsOf) -> None:
    text = (
        "If you forget a tablet, take it once you remember. If the next dose is due soon, "
        "skip it. Do not double up."
    )
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes == {
        "take_when_remembered": True,
        "skip_if_next_dose_near": True,
        "never_double": True,
    }


def test_extract_missed_dose_only_stated_flags(statements_of: StatementsOf) -> None:
    (fact,) = extract_missed_dose(statements_of("Missed a dose? Take it as soon as you can."), "s1")
    assert fact.attributes == {"take_when_remembered": True}


def test_extract_missed_dose_none_without_topic(statements_of: StatementsOf) -> None:
    assert (
        extract_missed_dose(statements_of("Take it with food as soon as you wake up."), "s1") == []
    )


def test_extract_missed_dose_reads_the_hours_that_decide_a_skip(
    statements_of: StatementsOf,
) -> None:
    text = (
        "If a dose is missed, take it as soon as it is remembered. If your next dose is due in "
        "less than 6 hours, skip the missed one. Don't take a double dose."
    )
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes == {
        "take_when_remembered": True,
        "skip_if_next_dose_near": True,
        "next_within_hours": 6,
        "never_double": True,
    }


def test_extract_missed_dose_hours_late_and_the_next_day(statements_of: StatementsOf) -> None:
    late = extract_missed_dose(
        statements_of("If more than 12 hours have passed since a missed dose, skip it."), "s1"
    )
    assert late[0].attributes["late_by_hours"] == 12
    next_day = extract_missed_dose(
        statements_of("Missed a dose? If you only remember the next day, skip it."), "s1"
    )
    assert next_day[0].attributes["same_day_only"] is True


def test_extract_missed_dose_a_medicine_taken_only_when_needed(
    statements_of: StatementsOf,
) -> None:
    text = "You use the spray only when you have an attack, so a missed dose does not arise."
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes == {"as_needed": True}


def test_extract_missed_dose_just_the_next_dose_is_a_skip(statements_of: StatementsOf) -> None:
    facts = extract_missed_dose(
        statements_of(
            "Missed doses\nIf you forget a tablet, simply take your next dose at the usual time."
        ),
        "s1",
    )
    assert facts[0].attributes["skip_if_next_dose_near"] is True
    assert "take_when_remembered" not in facts[0].attributes


def test_extract_missed_dose_everyday_words_for_late_doses(statements_of: StatementsOf) -> None:
    text = (
        "Missed doses\n"
        "A forgotten dose can be taken with food if remembered within a few hours. If you do "
        "not remember until the next day, simply take your usual dose and do not take two "
        "together."
    )
    attributes = extract_missed_dose(statements_of(text), "s1")[0].attributes
    assert attributes["take_when_remembered"] is True
    assert attributes["skip_if_next_dose_near"] is True
    assert attributes["never_double"] is True


def test_extract_missed_dose_a_skip_for_a_dose_remembered_late_in_the_day(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Forgot your morning tablet? Take it when you remember, unless it's already in the "
        "evening; then leave it out and carry on the next morning."
    )
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes["late_in_day"] is True
    assert fact.attributes["take_when_remembered"] is True


def test_extract_missed_dose_a_dose_that_should_be_skipped_is_skip_only(
    statements_of: StatementsOf,
) -> None:
    (fact,) = extract_missed_dose(
        statements_of(
            "If a dose is missed, it should simply be skipped and the next dose taken at the "
            "usual time; two doses should not be taken together."
        ),
        "s1",
    )
    assert fact.attributes.get("skip_if_next_dose_near") is True
    assert "take_when_remembered" not in fact.attributes


def test_extract_missed_dose_a_bedtime_dose_remembered_next_morning_is_skipped(
    statements_of: StatementsOf,
) -> None:
    text = (
        "If you forget a dose, take it as soon as you remember. If you take it at bedtime and "
        "only remember the next morning, skip it."
    )
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes["same_day_only"] is True


def test_extract_missed_dose_do_not_take_it_when_you_remember_means_skip(
    statements_of: StatementsOf,
) -> None:
    text = "If you forget a dose, do not take it when you remember. Just take the next dose."
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes["take_when_remembered"] is False
    assert fact.attributes["skip_if_next_dose_near"] is True
