"""Moderation rules (knowledge/reviews/moderation.json): why a review is held for a moderator."""

from __future__ import annotations

import re
import unicodedata
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


@dataclass(frozen=True)
class Disguises:
    """How to undo the spellings that hide links, addresses and numbers."""

    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    number_words: dict[str, int]
    spelled: re.Pattern[str]


@cache
def disguises() -> Disguises:
    """The rewrites and number words of knowledge/reviews/moderation.json."""
    rules = load(ModerationRules)
    words = "|".join(sorted(rules.number_words, key=len, reverse=True))
    return Disguises(
        tuple((re.compile(r.pattern, re.IGNORECASE), r.replacement) for r in rules.rewrites),
        {word.lower(): value for word, value in rules.number_words.items()},
        re.compile(rf"\b(?:{words})(?:[\s-]+(?:{words}))*\b", re.IGNORECASE),
    )


def undisguised(text: str) -> str:
    """The text as its writer meant it to be read: full-width and other compatibility forms
    folded, "hxxps", "[dot]" and "name at gmail dot com" undone, numbers in words as digits."""
    found = disguises()
    plain = unicodedata.normalize("NFKC", text)
    for pattern, replacement in found.rewrites:
        plain = pattern.sub(replacement, plain)
    return found.spelled.sub(lambda m: _spelled(m.group(), found.number_words), plain)


def _spelled(run: str, values: dict[str, int]) -> str:
    """Number words as digits: "forty five" -> 45, "two hundred fifty" -> 250, and
    "five five five" -> 5 5 5 (a digit said one at a time)."""
    words = [values[word.lower()] for word in re.split(r"[\s-]+", run)]
    numbers = []
    index = 0
    while index < len(words):
        value, index = words[index], index + 1
        if value < 100 and index < len(words) and words[index] == 100:
            value, index = value * 100, index + 1
            if index < len(words) and words[index] < 100:
                value, index = value + words[index], index + 1
        if value % 100 >= 20 and value % 10 == 0 and index < len(words) and 0 < words[index] < 10:
            value, index = value + words[index], index + 1
        numbers.append(str(value))
    return " ".join(numbers)


def find_holds(*texts: str, rules: tuple[HoldRule, ...] | None = None) -> list[Hold]:
    """The rules these texts break (as written, or undisguised), one Hold per rule, in order."""
    readings = [*texts, *(plain for text in texts if (plain := undisguised(text)) != text)]
    holds = []
    for rule in hold_rules() if rules is None else rules:
        match = _first_match(rule, tuple(readings))
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
