"""Polarity: whether a phrase is affirmed, negated or left uncertain by the words before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from medinfo.domain.facts import Scalar
from medinfo.extract.rulebook import check_entry, compile_any, load_rules


class Polarity(StrEnum):
    """What a sentence says about a matched phrase."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    rules = load_rules("polarity", {"uncertainty": list, "negation": list, "clause_break": list})
    return {key: compile_any("polarity", rules[key]) for key in rules if key != "_comment"}


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


def load_flag_rules(name: str, entries: list[Any]) -> list[FlagRule]:
    """Flag rules from a rule file's list of {"flag", "patterns", "polar"} entries."""
    rules = []
    for entry in entries:
        check_entry(name, entry, {"flag", "patterns", "polar"})
        rules.append(
            FlagRule(entry["flag"], compile_any(name, entry["patterns"]), bool(entry["polar"]))
        )
    return rules


def read_flags(text: str, rules: list[FlagRule]) -> dict[str, Scalar]:
    """The flags `text` sets; the first rule to set a flag wins."""
    flags: dict[str, Scalar] = {}
    for rule in rules:
        match = rule.pattern.search(text)
        if match is None or rule.flag in flags:
            continue
        if not rule.polar:
            flags[rule.flag] = True
            continue
        polarity = polarity_at(text, match.start())
        flags[rule.flag] = {Polarity.AFFIRMED: True, Polarity.NEGATED: False}.get(polarity)
    return flags
