"""Moderation rules (knowledge/reviews/moderation.json): why a review is held for a moderator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import ModerationRules

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


@cache
def hold_rules() -> tuple[HoldRule, ...]:
    """The moderation rules of knowledge/reviews/moderation.json, loaded and validated once."""
    return tuple(
        HoldRule(
            rule.reason,
            rule.label.strip(),
            tuple(re.compile(pattern, re.IGNORECASE) for pattern in rule.patterns),
        )
        for rule in load(ModerationRules).rules
    )


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
