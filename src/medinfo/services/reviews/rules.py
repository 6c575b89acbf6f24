"""Moderation rules (rules/moderation.json): why a review is held for a moderator."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from medinfo.domain.errors import InputError

_FILE = "rules/moderation.json"
_EXCERPT = 60


@dataclass(frozen=True)
class HoldRule:
    """One reason to hold a review and the patterns that trigger it."""

    reason: str
    label: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Hold:
    """A rule that matched, with the words that triggered it."""

    reason: str
    label: str
    excerpt: str

    def describe(self) -> str:
        return f"{self.label}: “{self.excerpt}”"


def parse_hold_rules(raw: object) -> list[HoldRule]:
    """Rules from the JSON of rules/moderation.json; InputError names the bad entry."""
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise InputError(f"{_FILE}: expected an object with a 'rules' list")
    unknown = set(raw) - {"_comment", "rules"}
    if unknown:
        raise InputError(f"{_FILE}: unknown keys {sorted(unknown)}")
    rules = [_parse_rule(index, entry) for index, entry in enumerate(raw["rules"])]
    reasons = [rule.reason for rule in rules]
    if len(set(reasons)) != len(reasons):
        raise InputError(f"{_FILE}: a reason is listed twice")
    return rules


def _parse_rule(index: int, entry: object) -> HoldRule:
    where = f"{_FILE}: rules[{index}]"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object")
    unknown = set(entry) - {"reason", "label", "patterns"}
    if unknown:
        raise InputError(f"{where}: unknown keys {sorted(unknown)}")
    reason, label, patterns = entry.get("reason"), entry.get("label"), entry.get("patterns")
    if not isinstance(reason, str) or not re.fullmatch(r"[a-z_]+", reason):
        raise InputError(f"{where}: 'reason' must be a lower-case code")
    if not isinstance(label, str) or not label.strip():
        raise InputError(f"{where}: 'label' must be a non-empty string")
    if not isinstance(patterns, list) or not patterns:
        raise InputError(f"{where}: 'patterns' must be a non-empty list")
    compiled = []
    for number, pattern in enumerate(patterns):
        if not isinstance(pattern, str):
            raise InputError(f"{where}: patterns[{number}] must be a string")
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            raise InputError(f"{where}: patterns[{number}]: {error}") from error
    return HoldRule(reason, label.strip(), tuple(compiled))


@cache
def hold_rules() -> tuple[HoldRule, ...]:
    """The packaged moderation rules, loaded and validated once."""
    raw = read_rule_file(_FILE)
    return tuple(parse_hold_rules(raw))


def read_rule_file(name: str) -> object:
    """The parsed JSON of a packaged rule file of the reviews service."""
    path = resources.files("medinfo.services.reviews").joinpath(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{name}: {error}") from error


def find_holds(*texts: str, rules: tuple[HoldRule, ...] | None = None) -> list[Hold]:
    """The rules these texts break, one Hold per rule, in rule order."""
    holds = []
    for rule in hold_rules() if rules is None else rules:
        match = _first_match(rule, texts)
        if match is not None:
            excerpt = " ".join(match.group().split()).strip(" .,!?;:")[:_EXCERPT]
            holds.append(Hold(rule.reason, rule.label, excerpt))
    return holds


def describe_holds(holds: list[Hold]) -> str:
    """The hold reason stored with a review and shown to the moderator ("" when none)."""
    return "; ".join(hold.describe() for hold in holds)


def _first_match(rule: HoldRule, texts: tuple[str, ...]) -> re.Match[str] | None:
    for text in texts:
        for pattern in rule.patterns:
            match = pattern.search(text)
            if match is not None:
                return match
    return None
