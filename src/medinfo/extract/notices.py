"""Notices: a page's medical disclaimer, its AI/crowd-sourced notice and its addiction claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.polarity import FlagRule, flag_rules, read_flags
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.extract_rules import NoticeRules
from medinfo.knowledge.loading import any_of, load

_CONTENT_NOTICE_KEY = "ai_or_crowd"


@dataclass(frozen=True)
class _Rules:
    disclaimer: re.Pattern[str]
    content_notice: list[FlagRule]
    dependence: list[FlagRule]
    not_addictive: re.Pattern[str]


@cache
def _rules() -> _Rules:
    raw = load(NoticeRules)
    return _Rules(
        disclaimer=any_of(raw.disclaimer),
        content_notice=flag_rules(raw.content_notice),
        dependence=flag_rules(raw.dependence),
        not_addictive=any_of(raw.not_addictive),
    )


def _fact(
    kind: FactKind, key: str, attributes: dict[str, Scalar], statement: Statement, source_id: str
) -> ExtractedFact:
    return ExtractedFact(
        kind=kind, key=key, attributes=attributes, evidence=statement.evidence(source_id)
    )


def extract_disclaimer(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """One DISCLAIMER fact (attributes: present) at the first disclaimer statement, if any."""
    for statement in statements:
        if statement.section is Section.DISCLAIMER and len(statement.text) > 40:
            return [
                _fact(FactKind.DISCLAIMER, "disclaimer", {"present": True}, statement, source_id)
            ]
        # a short statement can say it too ("It is not medical advice."); a bare link or
        # heading ("Disclaimers") cannot
        if len(statement.text) > 20 and _is_disclaimer(statement.text):
            return [
                _fact(FactKind.DISCLAIMER, "disclaimer", {"present": True}, statement, source_id)
            ]
    return []


@per_text
def _is_disclaimer(text: str) -> bool:
    return _rules().disclaimer.search(text) is not None


def extract_content_notice(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """One CONTENT_NOTICE fact (key "ai_or_crowd") when the page declares itself weak."""
    for statement in statements:
        flags = read_flags(statement.text, _rules().content_notice)
        if flags:
            return [
                _fact(FactKind.CONTENT_NOTICE, _CONTENT_NOTICE_KEY, flags, statement, source_id)
            ]
    return []


@per_text
def read_dependence(text: str) -> str | None:
    """The claim a statement makes: "addictive", "dependence", "not_addictive" or None."""
    if _rules().not_addictive.search(text):
        return "not_addictive"
    flags = read_flags(text, _rules().dependence)
    if flags.get("addictive") is False or flags.get("dependence") is False:
        return "not_addictive"
    for claim in ("addictive", "dependence"):
        if flags.get(claim):
            return claim
    return None


def extract_dependence(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """DEPENDENCE facts (attribute claim), one per statement that makes a claim."""
    facts = []
    for statement in statements:
        if statement.is_question:
            continue
        claim = read_dependence(statement.text)
        if claim is not None:
            facts.append(
                _fact(FactKind.DEPENDENCE, "dependence", {"claim": claim}, statement, source_id)
            )
    return facts
