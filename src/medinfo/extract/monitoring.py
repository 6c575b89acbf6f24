"""Monitoring: tests the sources say are needed while taking the drug, or that none are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.named_terms import Terms, names_other_drug, reading_of, states_nothing
from medinfo.extract.polarity import clause_head
from medinfo.extract.reading import Polarity, Reading, Subject
from medinfo.extract.statements import Statement
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.loading import any_of, load
from medinfo.knowledge.practical_rules import MonitoringRules

# a test of an organ names that organ: "check your kidney function" is about everyone
_ORGAN_TESTS = {"kidney function": ("renal",), "liver function": ("hepatic",)}


@dataclass(frozen=True)
class _Rules:
    tests: Terms
    needed: re.Pattern[str]
    none_needed: re.Pattern[str]
    about_tests: re.Pattern[str]
    study_report: re.Pattern[str]
    routine_name: str
    skip_sections: frozenset[str]
    gate: tuple[str, ...]
    cue_gate: tuple[str, ...]


@cache
def _rules() -> _Rules:
    raw = load(MonitoringRules)
    return _Rules(
        tests=Terms.of(raw.tests),
        needed=any_of(raw.needed_cues),
        none_needed=any_of(raw.none_needed),
        about_tests=any_of(raw.about_tests),
        study_report=any_of(raw.study_report),
        routine_name=raw.routine_name,
        skip_sections=frozenset(raw.skip_sections),
        gate=raw.gate,
        cue_gate=raw.cue_gate,
    )


@per_text
def _may_state(text: str) -> bool:
    """Whether a test or a "none needed" phrase occurs at all (read once per text)."""
    rules = _rules()
    lowered = text.lower()
    if not any(w in lowered for w in rules.gate) or not any(w in lowered for w in rules.cue_gate):
        return False
    return bool(rules.none_needed.search(text) or rules.tests.found(text))


def read_monitoring(text: str, names: tuple[str, ...] = ()) -> dict[str, bool]:
    """Test -> needed (True) or not routinely needed (False) for one statement. A conditional,
    hedged or hypothetical statement, or one about another drug, gives nothing."""
    if not _may_state(text):
        return {}
    rules = _rules()
    if rules.study_report.search(text):
        return {}
    reading = reading_of(text, names)
    if states_nothing(reading) or reading.polarity is Polarity.CONDITIONAL:
        return {}
    if reading.subject in (Subject.OTHER_DRUG, Subject.GROUP):
        return {}
    found: dict[str, bool] = {}
    for none in rules.none_needed.finditer(text):
        if reading.within("other_subject", none.start(), none.end()):
            continue
        clause = clause_head(text, none.start())
        named = [t for t in rules.tests.found(clause) if t != _general()]
        if not named and rules.about_tests.search(clause):
            named = [rules.routine_name]
        for test in named:
            found.setdefault(test, False)
    if not found and rules.needed.search(text):
        for test in rules.tests.found(text, reading):
            found[test] = True
    if _about_someone_else(text, found, names, reading):
        return {}
    return _specific(found)


def _about_someone_else(
    text: str, found: dict[str, bool], names: tuple[str, ...], reading: Reading
) -> bool:
    """Whether the statement is about a population (older adults, kidney disease, pregnancy)
    rather than everyone taking it, or names another medicine before the test."""
    if not found:
        return False
    implied = {p for test in found for p in _ORGAN_TESTS.get(test, ())}
    if reading.populations - implied:
        return True
    first = min(
        (m.start() for _, pattern in _rules().tests.patterns for m in [pattern.search(text)] if m),
        default=len(text),
    )
    return names_other_drug(text, first, names, reading)


def _general() -> str:
    """The general test ("blood tests"), the vocabulary's last."""
    return _rules().tests.patterns[-1][0]


def _specific(found: dict[str, bool]) -> dict[str, bool]:
    """The named tests without the general "blood tests" when a specific one is named."""
    if len(found) > 1:
        found.pop(_general(), None)
    return found


def extract_monitoring(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """MONITORING facts keyed by test ("INR"), attribute `needed`, one per statement and test."""
    facts = []
    for statement in statements:
        if statement.section.value in _rules().skip_sections or not _may_state(statement.text):
            continue
        if statement.is_question:
            continue
        for test, needed in read_monitoring(statement.text, names).items():
            attributes: dict[str, Scalar] = {"needed": needed}
            facts.append(
                ExtractedFact(
                    kind=FactKind.MONITORING,
                    key=test,
                    attributes=attributes,
                    evidence=statement.evidence(source_id),
                )
            )
    return facts
