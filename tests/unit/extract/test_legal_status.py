"""Legal status: controlled or not, the schedule, prescription-only; never from hedges."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.legal_status import extract_legal_status, read_legal_status
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_legal_status_schedule_of_a_controlled_drug() -> None:
    found = read_legal_status("Tramadol is listed as a Schedule IV controlled substance.")
    assert found == {"controlled": True, "schedule": "IV", "prescription_only": True}


def test_legal_status_label_marker_and_uk_class() -> None:
    assert read_legal_status("MORPHINE SULFATE tablets, for oral use, CII")["schedule"] == "II"
    assert read_legal_status("In the UK, codeine is a Class B controlled drug.")["schedule"] == (
        "Class B"
    )


def test_legal_status_denial_is_a_fact_of_its_own() -> None:
    found = read_legal_status("Sertraline isn't a controlled substance.", ("sertraline",))
    assert found == {"controlled": False}


def test_legal_status_uncontrolled_symptoms_are_no_status() -> None:
    assert read_legal_status("Call your doctor if your seizures are not controlled.") == {}
    assert read_legal_status("Use it only if blood pressure is not well controlled.") == {}


def test_legal_status_hypothetical_and_hedged_statements_give_nothing() -> None:
    assert read_legal_status("Pregabalin may become a controlled drug in some countries.") == {}
    assert read_legal_status("Some people online say tizanidine is a narcotic.") == {}


def test_legal_status_prescription_only_or_not() -> None:
    assert read_legal_status("Amoxicillin is available only on prescription.") == {
        "prescription_only": True
    }
    assert read_legal_status("Loratadine is sold over the counter.") == {"prescription_only": False}
    assert read_legal_status("Tell your doctor about over-the-counter medicines you use.") == {}


def test_legal_status_of_another_medicine_is_not_this_one() -> None:
    text = "Oxycodone is a Schedule II controlled substance."
    assert read_legal_status(text, ("gabapentin",)) == {}


def test_extract_legal_status_skips_questions(statements_of: StatementsOf) -> None:
    text = "Is clonazepam a controlled substance? Yes, it is a Schedule IV controlled drug."
    (fact,) = extract_legal_status(statements_of(text), "s1", ("clonazepam",))
    assert fact.attributes["schedule"] == "IV"


def test_legal_status_cv_abbreviation_is_cardiovascular() -> None:
    assert read_legal_status("Table 3: non-CV death and CV events by dose") == {}
    assert read_legal_status("LYRICA capsules, for oral use, C-V")["schedule"] == "V"


def test_legal_status_a_yes_to_controlled_and_a_schedule_said_of_it() -> None:
    found = read_legal_status("Controlled? Yes, in the US it's Schedule V.")
    assert found["controlled"] is True
    assert found["schedule"] == "V"
    assert "controlled" not in read_legal_status("Take it on a schedule that suits you.")
