"""Polarity: whether a phrase is affirmed, negated or left uncertain by the words before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from medinfo.domain.facts import Scalar
from medinfo.extract.text_cache import per_text
from medinfo.knowledge import extract_rules
from medinfo.knowledge.extract_rules import PolarityRules
from medinfo.knowledge.loading import any_of, load


class Polarity(StrEnum):
    """What a sentence says about a matched phrase."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    rules = load(PolarityRules)
    return {
        "clause_break": any_of(rules.clause_break),
        "uncertainty": any_of(rules.uncertainty),
        "negation": any_of(rules.negation),
        "other_subject": any_of(rules.other_subject),
    }


def clause_before(text: str, position: int) -> str:
    """The words of the clause that precede `position` in `text`."""
    head = text[:position]
    breaks = list(_cues()["clause_break"].finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def clause_head(text: str, position: int) -> str:
    """The words of the clause that follow `position` in `text`."""
    found = _cues()["clause_break"].search(text, position)
    return text[position : found.start() if found else len(text)]


def polarity_at(text: str, position: int) -> Polarity:
    """The polarity of the phrase that starts at `position`, judged on its own clause."""
    clause = clause_before(text, position)
    if _cues()["uncertainty"].search(clause):
        return Polarity.UNCERTAIN
    if _cues()["negation"].search(clause):
        return Polarity.NEGATED
    return Polarity.AFFIRMED


@dataclass(frozen=True)
class FlagRule:
    """A named flag set by any of its patterns; a `polar` flag is False when negated and
    None when left uncertain ("it is not known whether...")."""

    flag: str
    pattern: re.Pattern[str]
    polar: bool


def flag_rules(entries: tuple[extract_rules.FlagRule, ...]) -> list[FlagRule]:
    """The compiled flag rules of a rule file's list of {"flag", "patterns", "polar"} entries."""
    return [FlagRule(entry.flag, any_of(entry.patterns), entry.polar) for entry in entries]


class _Rules:
    """A rule list as a cache key: the same list object, whatever it holds (rule lists are
    built once and never changed)."""

    __slots__ = ("rules",)

    def __init__(self, rules: list[FlagRule]) -> None:
        self.rules = rules

    def __hash__(self) -> int:
        return id(self.rules)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Rules) and other.rules is self.rules


def read_flags(text: str, rules: list[FlagRule]) -> dict[str, Scalar]:
    """The flags `text` sets; the first rule to set a flag wins (read once per text and rule
    list: labels repeat their sentences)."""
    return dict(_kept_flags(text, _Rules(rules)))


@per_text
def _kept_flags(text: str, rules: _Rules) -> tuple[tuple[str, Scalar], ...]:
    return tuple(_read_flags(text, rules.rules).items())


def _read_flags(text: str, rules: list[FlagRule]) -> dict[str, Scalar]:
    flags: dict[str, Scalar] = {}
    for rule in rules:
        match = rule.pattern.search(text)
        if match is None or rule.flag in flags:
            continue
        if _cues()["other_subject"].search(text[: match.start()]):
            continue  # "in contrast to warfarin, which can harm the developing baby"
        if not rule.polar:
            flags[rule.flag] = True
            continue
        polarity = polarity_at(text, match.start())
        flags[rule.flag] = {Polarity.AFFIRMED: True, Polarity.NEGATED: False}.get(polarity)
    return flags
