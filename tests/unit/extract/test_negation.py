"""Tests of negation: terms a sentence states as absent are not asserted."""

from __future__ import annotations

from medinfo.extract.negation import has_negation_cue, negated_spans


def negated(sentence: str, *terms: str) -> list[bool]:
    spans = [(sentence.index(t), sentence.index(t) + len(t)) for t in terms]
    return negated_spans(sentence, spans)


def test_negation_not_associated_with_is_not_asserted() -> None:
    sentence = "Although lisinopril is not typically associated with weight gain, some get a cough."
    assert negated(sentence, "weight gain", "cough") == [True, False]


def test_negation_does_not_cause_covers_a_list() -> None:
    assert negated(
        "Loratadine does not cause drowsiness or dry mouth.", "drowsiness", "dry mouth"
    ) == [
        True,
        True,
    ]


def test_negation_no_known_interaction() -> None:
    assert negated("There is no known interaction with paracetamol.", "paracetamol") == [True]


def test_negation_advice_to_avoid_is_not_a_negation() -> None:
    sentence = "Do not take it with alcohol, and seek help if you have seizures."
    assert negated(sentence, "alcohol", "seizures") == [False, False]
    assert not has_negation_cue(sentence)
