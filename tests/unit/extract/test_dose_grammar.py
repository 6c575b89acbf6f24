"""Dose grammar: amounts, units and frequencies as written, including property checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medinfo.extract.dose_grammar import (
    find_dose_mentions,
    find_frequency,
    find_interval_days,
    normalise_unit,
)


@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["mg", "milligrams", "mgs"]))
def test_find_dose_mentions_reads_any_amount(amount: int, unit: str) -> None:
    (mention,) = find_dose_mentions(f"take {amount} {unit} now")
    assert (mention.amount, mention.unit) == (amount, "mg")


def test_find_dose_mentions_thousands_and_per_day() -> None:
    (mention,) = find_dose_mentions("no more than 1,200 mg/day")
    assert (mention.amount, mention.per_day) == (1200, True)


def test_normalise_unit_spellings() -> None:
    assert [normalise_unit(u) for u in ("micrograms", "µg", "mL", "mg/mL")] == [
        "mcg",
        "mcg",
        "mL",
        "mg/mL",
    ]


def test_find_frequency_words_and_codes() -> None:
    cases = {"twice a day": 2, "TID": 3, "every 12 hours": 2, "4 times daily": 4, "at bedtime": 1}
    for text, per_day in cases.items():
        found = find_frequency(text)
        assert found is not None, text
        assert found.per_day == per_day, text


def test_find_interval_days() -> None:
    assert find_interval_days("every 2 weeks") == 14
    assert find_interval_days("every other day") == 2
    assert find_interval_days("when needed") is None


def test_find_dose_mentions_range_repeating_its_unit_per_kilogram() -> None:
    [mention] = find_dose_mentions("give 2 mg to 4 mg per kilogram once a day")
    assert (mention.amount, mention.amount_high, mention.unit) == (2, 4, "mg/kg")


def test_find_frequency_times_in_a_day_or_in_24_hours() -> None:
    three = find_frequency("give 120 mg 3 times in 24 hours")
    assert three is not None
    assert three.per_day == 3
    counted = find_frequency("two puffs four times in a day")
    assert counted is not None
    assert counted.per_day == 4


def test_find_dose_mentions_reads_between_and_as_a_range() -> None:
    [mention] = find_dose_mentions("Most adults take between 200 and 500 mg a day.")
    assert (mention.amount, mention.amount_high, mention.unit) == (200, 500, "mg")
