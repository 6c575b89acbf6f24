"""Monitoring: tests needed while taking it, or none routinely; never another drug's tests."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.monitoring import extract_monitoring, read_monitoring
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_monitoring_tests_with_a_cue() -> None:
    text = "Your doctor will check your liver enzymes and blood count every few months."
    assert read_monitoring(text, ("methotrexate",)) == {
        "liver function": True,
        "blood counts": True,
    }


def test_monitoring_a_test_named_without_a_cue_is_nothing() -> None:
    assert read_monitoring("Raised liver enzymes are a rare side effect.") == {}
    assert read_monitoring("It can lower your blood pressure.") == {}


def test_monitoring_none_needed_is_its_own_value() -> None:
    text = "Rivaroxaban does not need regular INR checks."
    assert read_monitoring(text, ("rivaroxaban",)) == {"INR": False}
    assert read_monitoring("No routine blood tests are required.") == {"routine blood tests": False}


def test_monitoring_no_taper_is_no_test() -> None:
    assert read_monitoring("You do not need to reduce the dose gradually.") == {}


def test_monitoring_of_another_drug_conditional_or_hypothetical_is_nothing() -> None:
    assert read_monitoring("Warfarin needs regular INR tests.", ("dabigatran",)) == {}
    assert read_monitoring("If you also take warfarin, your INR will be checked more often.") == {}
    text = "Researchers are studying whether kidney function should be checked."
    assert read_monitoring(text) == {}


def test_monitoring_of_a_population_is_not_everyones() -> None:
    assert read_monitoring("Older people should have their sodium levels checked.") == {}


def test_extract_monitoring_keys_by_test(statements_of: StatementsOf) -> None:
    text = "Lithium levels are checked with a blood test every 3 months."
    facts = extract_monitoring(statements_of(text), "s1", ("lithium",))
    assert [(f.key, f.attributes["needed"]) for f in facts] == [("blood tests", True)]


def test_monitoring_a_study_report_is_not_advice() -> None:
    text = "Heart rate was measured at 1, 2 and 4 hours after the dose in healthy volunteers."
    assert read_monitoring(text) == {}
    assert read_monitoring("In clinical trials, blood pressure was checked weekly.") == {}


def test_monitoring_kidney_function_in_everyday_words() -> None:
    text = "You will have blood tests to check how well your kidneys are working."
    assert read_monitoring(text, ("lisinopril",)) == {"kidney function": True}
