"""The practical-fact rule files: every pattern keeps a word of its file's gate."""

from __future__ import annotations

import re

from medinfo.knowledge.loading import load
from medinfo.knowledge.practical_rules import (
    AdministrationRules,
    LegalStatusRules,
    MonitoringRules,
    OverdoseRules,
)

_SPACE = re.compile(r"\\s[+*?]?|\\-|\\b|\(\?-i:|\(\?P<\w+>|\(\?:|[()?|+*\\]")


def _plain(pattern: str) -> str:
    """A pattern's literal words, lower-cased ("\\bwith\\s+food\\b" -> "with food")."""
    return " ".join(_SPACE.sub(" ", pattern).lower().split())


def _gated(patterns: list[str], gate: tuple[str, ...]) -> list[str]:
    return [p for p in patterns if not any(word.strip() in _plain(p) for word in gate)]


def test_administration_patterns_keep_a_gate_word() -> None:
    rules = load(AdministrationRules)
    patterns = [p for item in rules.items for p in item.patterns]
    assert _gated([*patterns, *rules.spacing, *rules.timing], rules.gate) == []


def test_legal_status_patterns_keep_a_gate_word() -> None:
    rules = load(LegalStatusRules)
    patterns = [
        *rules.not_controlled,
        *rules.controlled,
        *rules.schedule,
        *rules.prescription_only,
        *rules.sold_without_prescription,
    ]
    # the schedule marker ("CII", "C-IV") is spelled letter by letter in its pattern; the gate
    # holds its written forms ("cii", "civ", "c-i", "c-v")
    assert [p for p in _gated(patterns, rules.gate) if "P<schedule>C" not in p] == []
    for written in ("CII", "CIII", "CIV", "C-II", "C-V"):
        assert any(word in written.lower() for word in rules.gate)


def test_monitoring_and_overdose_patterns_keep_a_gate_word() -> None:
    tests = load(MonitoringRules)
    named = [p for test in tests.tests for p in test.patterns]
    assert _gated([*named, *tests.about_tests], tests.gate) == []
    assert _gated([*tests.needed_cues, *tests.none_needed], tests.cue_gate) == []
    overdose = load(OverdoseRules)
    assert _gated([*overdose.topic, *overdose.antidote_topic], overdose.gate) == []
