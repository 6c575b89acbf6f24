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


def test_extract_onset_how_long_it_lasts_is_not_how_soon_it_works(
    statements_of: StatementsOf,
) -> None:
    text = "The effect lasts 12 to 24 hours, and it starts to lower blood sugar within 30 minutes."
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes == {
        "first_effect": "30 minutes",
        "first_effect_unit": "minutes",
        "lasts": "12-24 hours",
        "lasts_unit": "hours",
    }


def test_extract_onset_an_age_is_no_onset(statements_of: StatementsOf) -> None:
    text = "It is approved for partial-onset seizures in children from 1 month of age."
    assert extract_onset(statements_of(text), "s1") == []


def test_extract_onset_both_ends_of_a_range_and_a_number_or_two(
    statements_of: StatementsOf,
) -> None:
    (fact,) = extract_onset(statements_of("It starts to work within 30 minutes to 1 hour."), "s1")
    assert fact.attributes["first_effect"] == "30 minutes-1 hour"
    (fact,) = extract_onset(
        statements_of("Blood pressure starts to come down within an hour or two of a dose."), "s1"
    )
    assert fact.attributes["first_effect"] == "1-2 hours"


def test_extract_onset_how_long_a_dose_lasts_is_its_own_value(
    statements_of: StatementsOf,
) -> None:
    (fact,) = extract_onset(
        statements_of("It starts working within a few hours and wears off within about a day."),
        "s1",
    )
    assert fact.attributes["first_effect"] == "few hours"
    assert fact.attributes["lasts"] == "1 day"
    assert "full_effect" not in fact.attributes


def test_extract_onset_a_half_life_is_no_onset(statements_of: StatementsOf) -> None:
    text = "It lasts a long time in your body (the half-life is about a day and a half)."
    facts = extract_onset(statements_of(text), "s1")
    assert all("first_effect" not in f.attributes for f in facts)


def test_extract_onset_a_full_effect_named_with_its_kind(statements_of: StatementsOf) -> None:
    text = "The full blood-thinning effect of dabigatran builds up over 2 to 3 days."
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes["full_effect"] == "2-3 days"


def test_extract_onset_the_first_day_of_treatment_is_a_point_in_time(
    statements_of: StatementsOf,
) -> None:
    text = "Blood glucose begins to drop on the first day of treatment with sitagliptin."
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes["first_effect"] == "1 day"
    assert extract_onset(statements_of("Keep taking it for 6 months of treatment."), "s1") == []


def test_extract_onset_what_happens_after_stopping_is_neither(
    statements_of: StatementsOf,
) -> None:
    text = "After you stop rivaroxaban, its effect wears off over about two days."
    assert extract_onset(statements_of(text), "s1") == []


def test_extract_onset_a_full_effect_cue_is_not_cut_off_by_and_between_nouns(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Some people sleep better in the first 2 weeks, but the full effect on pain and mood "
        "takes 6 to 8 weeks."
    )
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes["first_effect"] == "2 weeks"
    assert fact.attributes["full_effect"] == "6-8 weeks"


def test_extract_onset_a_lasts_row_of_a_key_facts_table(statements_of: StatementsOf) -> None:
    (fact,) = extract_onset(statements_of("| Lasts | 6 to 8 hours |"), "s1")
    assert fact.attributes["lasts"] == "6-8 hours"
    assert "first_effect" not in fact.attributes


def test_extract_onset_when_blood_levels_peak_is_no_effect(statements_of: StatementsOf) -> None:
    text = (
        "Plasma levels peak around 2 hours after a capsule of pregabalin; it starts to work in "
        "a week."
    )
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes == {"first_effect": "1 week", "first_effect_unit": "weeks"}


def test_extract_onset_a_longer_time_set_against_the_first_is_the_full_effect(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Febuxostat starts lowering urate within 3 days, but it can take 6 months before "
        "flares stop."
    )
    (fact,) = extract_onset(statements_of(text), "s1")
    assert fact.attributes["first_effect"] == "3 days"
    assert fact.attributes["full_effect"] == "6 months"
    text = "It starts to work within 30 minutes, while a dose lasts about 4 hours."
    (fact,) = extract_onset(statements_of(text), "s1")
    assert "full_effect" not in fact.attributes


def test_extract_onset_time_before_you_notice_an_improvement(statements_of: StatementsOf) -> None:
    for text in (
        "It can take 4 to 8 weeks before you notice an improvement.",
        "Most people see a difference within 2 weeks.",
    ):
        (fact,) = extract_onset(statements_of(text), "s1")
        assert fact.attributes["first_effect"] in ("4-8 weeks", "2 weeks"), text


def _onset(statements_of: StatementsOf, text: str) -> dict[str, object]:
    facts = extract_onset(statements_of(text), "s1")
    return {k: v for fact in facts for k, v in fact.attributes.items() if k.endswith("effect")}


def test_extract_onset_cue_right_after_a_later_time(statements_of: StatementsOf) -> None:
    text = "It needs 1 to 2 days to start helping and up to 6 weeks for the full benefit."
    assert _onset(statements_of, text) == {"first_effect": "1-2 days", "full_effect": "6 weeks"}


def test_extract_onset_everyday_words_for_the_first_effect(statements_of: StatementsOf) -> None:
    assert _onset(statements_of, "Relief may show within the first week.") == {
        "first_effect": "1 week"
    }
    assert _onset(statements_of, "The spray kicked in after about 30 minutes for me.") == {
        "first_effect": "30 minutes"
    }


def test_extract_onset_side_effects_settling_are_no_onset(statements_of: StatementsOf) -> None:
    text = "Side effects\nNausea and bloating usually improve within a few weeks."
    assert extract_onset(statements_of(text), "s1") == []


def test_extract_onset_half_an_hour_and_a_range_with_or(statements_of: StatementsOf) -> None:
    assert _onset(statements_of, "Its effect begins within about half an hour.") == {
        "first_effect": "30 minutes"
    }
    assert _onset(statements_of, "Most people are feeling better within two or three days.") == {
        "first_effect": "2-3 days"
    }
