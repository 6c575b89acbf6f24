"""Renal adjustments: a band of kidney function and the dose rule stated for it."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import Scalar
from medinfo.extract.renal import extract_renal_adjustments, read_band
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def _rules(statements_of: StatementsOf, text: str) -> dict[str, dict[str, Scalar]]:
    facts = extract_renal_adjustments(statements_of(text), "s1")
    return {fact.key: dict(fact.attributes) for fact in facts}


def test_read_band_takes_a_clearance_range() -> None:
    assert read_band("If your creatinine clearance is 30 to 49 mL/min, take less.") == (30, 50)


def test_a_band_keeps_the_daily_limit_stated_for_it(statements_of: StatementsOf) -> None:
    found = _rules(statements_of, "With an eGFR below 30, take no more than 500 mg a day.")
    assert found["egfr<30"]["max_daily_mg"] == 500


def test_several_bands_in_one_sentence_give_the_first_its_own_dose(
    statements_of: StatementsOf,
) -> None:
    text = (
        "The dose follows creatinine clearance: 50 to 79 mL/min, 250 to 750 mg a day; "
        "30 to 49 mL/min, 100 to 250 mg a day."
    )
    (rule,) = _rules(statements_of, text).values()
    assert rule["max_daily_mg"] == 750


def test_read_band_takes_a_value_followed_by_or_less() -> None:
    assert read_band("when creatinine clearance is 40 mL/min or less") == (None, 40)
    assert read_band("if kidney function is 25 or lower") == (None, 25)


def test_a_halved_starting_dose_for_a_kidney_band_is_no_ceiling(
    statements_of: StatementsOf,
) -> None:
    found = _rules(
        statements_of,
        "If your creatinine clearance is below 30 ml/min, the starting dose is halved to 300 mg "
        "a day and increased more slowly.",
    )
    [rule] = found.values()
    assert "max_daily_mg" not in rule
    assert rule["dose_mg"] == 300


def test_read_band_reads_an_approximate_bound() -> None:
    assert read_band("creatinine clearance above about 25 mL/min") == (25, None)
    assert read_band("an eGFR below around 30") == (None, 30)


def test_a_band_said_to_need_no_change_adjusts_nothing(statements_of: StatementsOf) -> None:
    said = "No dose change is needed when creatinine clearance is above 25 mL/min."
    assert _rules(statements_of, said) == {}


def test_a_typical_dose_in_a_band_is_no_ceiling(statements_of: StatementsOf) -> None:
    said = "With creatinine clearance below 50 mL/min a lower dose is used, often 62.5 mcg daily."
    [rule] = _rules(statements_of, said).values()
    assert "max_daily_mg" not in rule
    assert rule["dose_mg"] == 0.0625
