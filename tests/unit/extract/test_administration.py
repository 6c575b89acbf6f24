"""How to take it: food, time of day, swallowing whole, spacing, rinsing; never from hedges."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.administration import extract_administration, read_administration
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def _codes(text: str, names: tuple[str, ...] = ()) -> list[str]:
    return [code for code, _ in read_administration(text, names)]


def test_administration_food_and_time_of_day() -> None:
    assert _codes("Naproxen should be taken with food or milk.") == ["with_food"]
    assert _codes("You may take pravastatin at any time of day, with or without meals.") == [
        "with_or_without_food",
        "any_time_of_day",
    ]
    assert _codes("Take one tablet at bedtime.") == ["evening"]


def test_administration_do_not_crush_is_advice_to_swallow_whole() -> None:
    assert _codes("Never chew or crush the extended-release capsules.") == ["swallow_whole"]


def test_administration_spacing_from_minerals_keeps_hours_and_products() -> None:
    text = "Take doxycycline 2 hours before or 4 hours after iron tablets or antacids."
    ((code, attributes),) = read_administration(text, ("doxycycline",))
    assert code == "separate_from"
    assert attributes == {"agents": "antacids, iron", "hours_before": 2.0, "hours_after": 4.0}


def test_administration_time_before_an_event() -> None:
    found = dict(read_administration("Take tadalafil at least 30 minutes before sex."))
    assert found["timing"] == {"before_event": "sex", "time_before": "30 minutes"}


def test_administration_rinsing_names_its_reason() -> None:
    found = dict(read_administration("After each puff of budesonide, gargle to avoid thrush."))
    assert found["rinse_mouth"] == {"reasons": "thrush"}


def test_administration_denied_reversed_and_hedged_advice_is_none() -> None:
    assert _codes("Metoprolol does not have to be taken with food.") == []
    assert _codes("Do not take iron with food.") == []
    assert _codes("Some people prefer to take it in the evening.") == []
    assert _codes("If you cannot swallow them, the tablets can be crushed.") == []


def test_extract_administration_one_fact_per_code(statements_of: StatementsOf) -> None:
    text = "Take it each morning on an empty stomach with a full glass of water."
    facts = extract_administration(statements_of(text), "s1", ("alendronate",))
    assert sorted(f.key for f in facts) == ["empty_stomach", "full_glass_of_water", "morning"]


def test_administration_reason_from_the_next_sentence(statements_of: StatementsOf) -> None:
    text = "Rinse your mouth after using the beclometasone inhaler. This lowers the risk of thrush."
    (fact,) = extract_administration(statements_of(text), "s1", ("beclometasone",))
    assert fact.attributes == {"reasons": "thrush"}


def test_administration_time_window_with_two_units() -> None:
    found = dict(
        read_administration("Take vardenafil 25 minutes to 1 hour before sexual activity.")
    )
    assert found["timing"]["time_before"] == "25 minutes to 1 hour"


def test_administration_either_time_is_any_time_and_titration_is_not_as_needed() -> None:
    assert _codes("Take fluoxetine once a day, in the morning or in the evening.") == [
        "any_time_of_day"
    ]
    assert _codes("The pregabalin dose may be raised as needed after a week.") == []


def test_administration_conjecture_is_no_advice() -> None:
    text = "Researchers are studying whether taking losartan at bedtime might work better."
    assert _codes(text, ("losartan",)) == []


def test_administration_before_or_after_meals_is_an_empty_stomach() -> None:
    text = "Take flucloxacillin 1 hour before or 2 hours after meals."
    found = dict(read_administration(text, ("flucloxacillin",)))
    assert "empty_stomach" in found
    assert found["timing"] == {"before_event": "meals", "time_before": "1 hour"}


def test_administration_do_not_chew_or_swallow_is_under_the_tongue_not_swallow_whole() -> None:
    codes = _codes("Don't chew or swallow the tablet; leave it under your tongue to dissolve.")
    assert "under_tongue" in codes
    assert "swallow_whole" not in codes


def test_administration_a_posters_own_habit_is_no_advice() -> None:
    assert _codes("Honestly I just take mine at bedtime on an empty stomach and it's fine.") == []
