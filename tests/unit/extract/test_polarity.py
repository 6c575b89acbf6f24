"""Tests of flag reading: each rule list reads a text on its own, and readings are not shared."""

from __future__ import annotations

import re

from medinfo.extract.polarity import FlagRule, read_flags

TEXT = "Do not stop taking it suddenly; it causes drowsiness."


def test_flags_follow_the_polarity_of_their_clause() -> None:
    rules = [
        FlagRule("stop", re.compile(r"stop taking"), polar=True),
        FlagRule("drowsy", re.compile(r"drowsiness"), polar=True),
    ]
    assert read_flags(TEXT, rules) == {"stop": False, "drowsy": True}


def test_a_reading_changed_by_its_caller_is_not_the_next_callers() -> None:
    rules = [FlagRule("stop", re.compile(r"stop taking"), polar=True)]
    first = read_flags(TEXT, rules)
    first["stop"] = True
    first["added"] = 1
    assert read_flags(TEXT, rules) == {"stop": False}


def test_two_rule_lists_read_the_same_text_each_with_their_own_rules() -> None:
    stopping = [FlagRule("stop", re.compile(r"stop taking"), polar=True)]
    drowsy = [FlagRule("drowsy", re.compile(r"drowsiness"), polar=False)]
    assert read_flags(TEXT, stopping) == {"stop": False}
    assert read_flags(TEXT, drowsy) == {"drowsy": True}


def test_a_sentence_end_closes_the_clause_of_a_negation() -> None:
    from medinfo.extract.polarity import Polarity, polarity_at

    text = "A: No. There is withdrawal if you stop."
    assert polarity_at(text, text.index("withdrawal")) is Polarity.AFFIRMED
