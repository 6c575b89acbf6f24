"""Missed-dose advice: take it when remembered, skip it when the next dose is near, never double."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.polarity import FlagRule, flag_rules
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement, TopicOf, no_topic
from medinfo.extract.text_cache import per_text
from medinfo.extract.topic_flags import extract_topic_flags
from medinfo.knowledge.extract_rules import MissedDoseRules
from medinfo.knowledge.loading import any_of, load


@dataclass(frozen=True)
class _Rules:
    topic: re.Pattern[str]
    flags: list[FlagRule]
    windows: dict[str, list[re.Pattern[str]]]


@cache
def _rules() -> _Rules:
    raw = load(MissedDoseRules)
    windows: dict[str, list[re.Pattern[str]]] = {
        name: [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
        for name, patterns in raw.windows.items()
    }
    for name, patterns in windows.items():
        if any("hours" not in pattern.groupindex for pattern in patterns):
            raise InputError(f"{MissedDoseRules.FILE}: windows.{name} must capture 'hours'")
    return _Rules(any_of(raw.topic), flag_rules(raw.flags), windows)


def _windows(statement: Statement) -> dict[str, Scalar]:
    """The hours that decide whether a missed dose is skipped: the next dose due within N
    hours, or more than N hours since the usual time."""
    found: dict[str, Scalar] = {}
    for name, patterns in _rules().windows.items():
        for pattern in patterns:
            match = pattern.search(statement.text)
            if match:
                found[name] = int(match["hours"])
                break
    return found


def _in_topic(statement: Statement) -> bool:
    return statement.section is Section.MISSED_DOSE or _on_topic(statement.text)


@per_text
def _on_topic(text: str) -> bool:
    return bool(_rules().topic.search(text))


def extract_missed_dose(
    statements: list[Statement], source_id: str, answer_topic: TopicOf = no_topic
) -> list[ExtractedFact]:
    """MISSED_DOSE facts (attributes: the flags stated) for each block about a missed dose,
    including answers to a missed-dose question."""

    def in_topic(statement: Statement) -> bool:
        return _in_topic(statement) or answer_topic(statement) == "missed_dose"

    return extract_topic_flags(
        statements,
        source_id,
        FactKind.MISSED_DOSE,
        in_topic,
        _rules().flags,
        whole_block=True,
        extra=_windows,
    )
