"""Overdose: signs and antidotes as named terms, only from statements about an overdose."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.overdose import extract_overdose, read_overdose
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_overdose_signs_in_medinfos_words() -> None:
    text = "Taking too much morphine can cause pinpoint pupils, shallow breathing and a coma."
    found = read_overdose(text, ("morphine",))
    assert found == {"signs": "small pupils, slow or shallow breathing, loss of consciousness"}


def test_overdose_antidote_that_reverses_the_drug() -> None:
    text = "Idarucizumab can reverse dabigatran quickly in an emergency."
    assert read_overdose(text, ("dabigatran",)) == {"antidotes": "idarucizumab"}


def test_overdose_without_antidote() -> None:
    text = "There is no specific antidote for a lithium overdose."
    assert read_overdose(text, ("lithium",)) == {"no_specific_antidote": True}


def test_overdose_effects_outside_the_topic_are_not_signs() -> None:
    assert read_overdose("Metformin can cause nausea and vomiting at first.") == {}


def test_overdose_denied_and_hypothetical_signs_are_none() -> None:
    assert read_overdose("An overdose of loratadine does not cause seizures.") == {}
    text = "Researchers are studying whether an overdose might cause confusion."
    assert read_overdose(text) == {}


def test_extract_overdose_reads_the_list_after_a_lead_in(statements_of: StatementsOf) -> None:
    text = "Signs of an overdose include:\n\n- very slow breathing\n- being very sleepy\n"
    facts = extract_overdose(statements_of(text), "s1", ("methadone",))
    assert [f.attributes.get("signs") for f in facts] == [
        "slow or shallow breathing",
        "extreme drowsiness",
    ]


def test_overdose_cross_reference_is_no_topic() -> None:
    text = "Dialysis may help in bleeding with rivaroxaban [see Overdosage (10)]."
    assert read_overdose(text, ("rivaroxaban",)) == {}


def test_overdose_sign_named_once_by_its_most_specific_term() -> None:
    found = read_overdose("Symptoms of a zolpidem overdose include drowsiness and confusion.")
    assert found == {"signs": "drowsiness, confusion"}
    found = read_overdose("After an overdose of clonazepam a person may be very drowsy.")
    assert found == {"signs": "extreme drowsiness"}
