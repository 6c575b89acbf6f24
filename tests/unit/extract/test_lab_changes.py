"""Laboratory terms named by a change word or a threshold around an analyte."""

from __future__ import annotations

from medinfo.extract.lab_changes import change_terms, threshold_terms
from medinfo.extract.meddra import Term, TermMatcher, Vocabulary

_MATCHER = TermMatcher(
    Vocabulary(
        [
            Term("Blood sodium decreased"),
            Term("Blood urea increased"),
            Term("Heart rate diastolic abnormal"),
            Term("Lipase increased"),
            Term("Platelet count decreased"),
            Term("Blood magnesium abnormal"),
        ],
        analytes={"blood sodium": ["sodium"]},
    )
)


def _named(text: str) -> list[tuple[str, str]]:
    return [(found.text, found.term.pt) for found in change_terms(text, _MATCHER)]


def test_a_change_before_a_specimen_and_an_analyte_names_the_blood_term() -> None:
    assert _named("Rises in plasma urea were reported in 3% of patients.") == [
        ("Rises in plasma urea", "Blood urea increased")
    ]
    assert _named("a reduction of the mean serum sodium concentration") == [
        ("reduction of the mean serum sodium concentration", "Blood sodium decreased")
    ]


def test_an_analyte_before_a_change_noun_and_an_analyte_with_a_measure_word() -> None:
    assert _named("Lipase rises occurred; low sodium levels were rare.") == [
        ("Lipase rises", "Lipase increased"),
        ("low sodium levels", "Blood sodium decreased"),
    ]


def test_changes_name_the_abnormal_term_and_meddra_word_order_is_found() -> None:
    assert _named("changes in serum magnesium levels") == [
        ("changes in serum magnesium levels", "Blood magnesium abnormal")
    ]
    assert _named("alterations in diastolic heart rate") == [
        ("alterations in diastolic heart rate", "Heart rate diastolic abnormal")
    ]


def test_a_phrase_the_vocabulary_reads_itself_or_a_change_across_a_clause_names_nothing() -> None:
    assert _named("decreased sodium") == []  # a variant of the term: the matcher's
    assert _named("Doses were lowered. Sodium was normal; higher, urea stayed flat") == []


_THRESHOLDS = TermMatcher(
    Vocabulary(
        [Term("Blood potassium increased"), Term("Haemoglobin decreased")],
        analytes={"blood potassium": ["potassium"], "haemoglobin": ["hemoglobin", "Hb"]},
    )
)


def _by_threshold(text: str) -> list[tuple[str, str]]:
    return [(found.text, found.term.pt) for found in threshold_terms(text, _THRESHOLDS)]


def test_an_analyte_above_a_value_or_a_multiple_of_the_upper_limit_is_increased() -> None:
    assert _by_threshold("Serum potassium above 6 mmol/L was seen in 2%.") == [
        ("potassium", "Blood potassium increased")
    ]
    assert _by_threshold("potassium 1.5 times the ULN") == [
        ("potassium", "Blood potassium increased")
    ]


def test_an_analyte_below_a_value_is_decreased_and_measure_words_are_skipped() -> None:
    assert _by_threshold("hemoglobin level less than 8 g/dL") == [
        ("hemoglobin level", "Haemoglobin decreased")
    ]


def test_a_threshold_on_something_that_is_no_known_analyte_names_nothing() -> None:
    assert _by_threshold("Patients older than 65 years and weight below 50 kg") == []
