"""Missed dose: the three flags, read across the sentences of one block."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.missed_dose import extract_missed_dose
from medinfo.extract.passages import Passage

PassagesOf = Callable[[str], list[Passage]]


def test_extract_missed_dose_all_flags(passages_of: PassagesOf) -> None:
    text = (
        "If you forget a tablet, take it once you remember. If the next dose is due soon, "
        "skip it. Do not double up."
    )
    (fact,) = extract_missed_dose(passages_of(text), "s1")
    assert fact.attributes == {
        "take_when_remembered": True,
        "skip_if_next_dose_near": True,
        "never_double": True,
    }


def test_extract_missed_dose_only_stated_flags(passages_of: PassagesOf) -> None:
    (fact,) = extract_missed_dose(passages_of("Missed a dose? Take it as soon as you can."), "s1")
    assert fact.attributes == {"take_when_remembered": True}


def test_extract_missed_dose_none_without_topic(passages_of: PassagesOf) -> None:
    assert extract_missed_dose(passages_of("Take it with food as soon as you wake up."), "s1") == []
