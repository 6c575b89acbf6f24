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


def test_negation_cue_scan_finds_what_a_plain_alternation_of_the_cues_finds() -> None:
    import random
    import re

    from medinfo.extract.negation import _cue_pattern, negation_rules

    cues = [rule.literal for rule in negation_rules() if rule.direction != "TERMINATE"]

    def whole(cue: str) -> str:
        before = r"(?<!\w)" if cue[:1].isalnum() else ""
        after = r"(?!\w)" if cue[-1:].isalnum() else ""
        return f"{before}{re.escape(cue)}{after}"

    plain = re.compile("|".join(whole(cue) for cue in cues), re.IGNORECASE)
    rng = random.Random(15)
    words = [*" ".join(cues).split(), "NOT", "No", "nots", "un", "x", ",", "-", "'"]
    sentences = [
        "".join(rng.choice(words) + rng.choice([" ", "", ", ", "-"]) for _ in range(6))
        for _ in range(5000)
    ]
    found = [bool(plain.search(s)) for s in sentences]
    assert any(found)
    assert not all(found)
    assert [bool(_cue_pattern().search(s)) for s in sentences] == found


def test_negation_an_effect_someone_had_none_of_is_not_asserted() -> None:
    sentence = "The best bit was no sexual side effects, and there were no headaches either."
    assert negated(sentence, "sexual side effects", "headaches") == [True, True]
    stray = "Feeling sick with no obvious cause could be a raised ammonia level."
    assert negated(stray, "ammonia level") == [False]
