"""Side effects in reviews fold to the extraction vocabulary's terms and match the monograph."""

from __future__ import annotations

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.services.reviews.side_effects import (
    find_side_effects,
    fold_reported,
    monograph_side_effects,
)


def test_fold_reported_maps_synonyms_to_one_term() -> None:
    assert fold_reported(["sleepy", "Drowsiness", "felt dizzy"]) == ["drowsiness", "dizziness"]


def test_fold_reported_splits_lists_and_keeps_unknown_words() -> None:
    assert fold_reported(["nausea, itchy skin and a strange buzzing"]) == [
        "nausea",
        "itching",
        "a strange buzzing",
    ]


def test_find_side_effects_skips_negated_mentions() -> None:
    text = "No nausea at all. I did get a headache the first week and never had dizziness."
    assert find_side_effects(text) == ["headache"]


def test_monograph_side_effects_are_keyed_by_folded_term() -> None:
    monograph = Monograph(drug="x", side_effects=[SideEffect(term="Sleepiness", sources=["a"])])
    assert list(monograph_side_effects(monograph)) == ["drowsiness"]
