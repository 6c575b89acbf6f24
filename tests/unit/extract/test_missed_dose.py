"""Missed dose: the three flags, read across the sentences of one block."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.missed_dose import extract_missed_dose
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_extract_missed_dose_all_flags(statements_of: StatementsOf) -> None:
    text = (
        "If you forget a tablet, take it once you remember. If the next dose is due soon, "
        "skip it. Do not double up."
    )
    (fact,) = extract_missed_dose(statements_of(text), "s1")
    assert fact.attributes == {
        "take_when_remembered": True,
        "skip_if_next_dose_near": True,
        "never_double": True,
    }


def test_extract_missed_dose_only_stated_flags(statements_of: StatementsOf) -> None:
    (fact,) = extract_missed_dose(statements_of("Missed a dose? Take it as soon as you can."), "s1")
    assert fact.attributes == {"take_when_remembered": True}


def test_extract_missed_dose_none_without_topic(statements_of: StatementsOf) -> None:
    assert (
        extract_missed_dose(statements_of("Take it with food as soon as you wake up."), "s1") == []
    )
