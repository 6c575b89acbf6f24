"""Half-life: a general value with its unit, never a population's, a metabolite's or a denial."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.half_life import extract_half_life, read_half_life
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_half_life_value_after_the_cue_keeps_about_and_the_unit() -> None:
    found = read_half_life("Diazepam has a long half-life of roughly 2 days.", ("diazepam",))
    assert found == {"value": "about 2 days", "low_hours": 48.0, "high_hours": 48.0}


def test_half_life_range_and_value_written_before_the_cue() -> None:
    assert read_half_life("Its elimination half-life ranges from 8 to 12 hours.")["value"] == (
        "8-12 hours"
    )
    found = read_half_life("Metformin has a 6-hour half-life.", ("metformin",))
    assert found["value"] == "6 hours"


def test_half_life_of_a_population_or_metabolite_is_not_the_general_value() -> None:
    assert read_half_life("In people with kidney failure the half-life is 20 hours.") == {}
    assert read_half_life("The half-life of its main metabolite is about 3 days.") == {}


def test_half_life_multiple_is_no_value() -> None:
    assert read_half_life("It is cleared after five half-lives, about 10 days.") == {}


def test_half_life_negated_and_hypothetical_statements_give_nothing() -> None:
    assert read_half_life("Gabapentin does not have a half-life of 20 hours.") == {}
    assert read_half_life("Researchers are studying whether the half-life might be 9 hours.") == {}


def test_half_life_of_another_medicine_is_not_this_one() -> None:
    text = "Unlike fluoxetine, whose half-life is several days, sertraline is cleared faster."
    assert read_half_life(text, ("sertraline",)) == {}


def test_extract_half_life_cites_the_statement(statements_of: StatementsOf) -> None:
    text = "How long does it stay in the body? Its half-life is about 26 hours."
    (fact,) = extract_half_life(statements_of(text), "s1", ("escitalopram",))
    assert fact.kind.value == "half_life"
    assert fact.attributes["value"] == "about 26 hours"
    assert fact.evidence.source == "s1"


def test_half_life_in_everyday_words() -> None:
    text = "It takes about 9 hours for half of the dose to leave your body."
    assert read_half_life(text, ("zopiclone",))["value"] == "about 9 hours"
    text = "Your body needs roughly 2 days to get rid of half of the medicine."
    assert read_half_life(text, ("fluoxetine",))["value"] == "about 2 days"
