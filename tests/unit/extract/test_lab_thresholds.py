"""Laboratory terms named by an analyte and a threshold."""

from __future__ import annotations

from medinfo.extract.lab_thresholds import threshold_terms
from medinfo.extract.meddra import Term, TermMatcher, Vocabulary

_MATCHER = TermMatcher(
    Vocabulary(
        [Term("Blood potassium increased"), Term("Haemoglobin decreased")],
        analytes={"blood potassium": ["potassium"], "haemoglobin": ["hemoglobin", "Hb"]},
    )
)


def _named(text: str) -> list[tuple[str, str]]:
    return [(found.text, found.term.pt) for found in threshold_terms(text, _MATCHER)]


def test_an_analyte_above_a_value_or_a_multiple_of_the_upper_limit_is_increased() -> None:
    assert _named("Serum potassium above 6 mmol/L was seen in 2%.") == [
        ("potassium", "Blood potassium increased")
    ]
    assert _named("potassium 1.5 times the ULN") == [("potassium", "Blood potassium increased")]


def test_an_analyte_below_a_value_is_decreased_and_measure_words_are_skipped() -> None:
    assert _named("hemoglobin level less than 8 g/dL") == [
        ("hemoglobin level", "Haemoglobin decreased")
    ]


def test_a_threshold_on_something_that_is_no_known_analyte_names_nothing() -> None:
    assert _named("Patients older than 65 years and weight below 50 kg") == []
