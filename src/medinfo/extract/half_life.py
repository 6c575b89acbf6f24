"""Half-life: how long the body takes to clear half of the drug, as a value with its unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.named_terms import (
    compile_each,
    denied_at,
    names_other_drug,
    placed_facts,
    reading_of,
    states_nothing,
)
from medinfo.extract.polarity import clause_before, clause_head
from medinfo.extract.statements import Statement
from medinfo.knowledge.loading import any_of, load
from medinfo.knowledge.practical_rules import HalfLifeRules

# "five half-lives": a multiple of the half-life, not its value
_MULTIPLE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|several)\s*$", re.IGNORECASE)
# where the words about one value end: a sentence stop, a semicolon, a comma, a contrast
_CLAUSE_END = re.compile(r"[;,]|\.(?:\s|$)|\b(?:but|while|whereas|although)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    cue: re.Pattern[str]
    value: re.Pattern[str]
    before: tuple[re.Pattern[str], ...]
    approximate: re.Pattern[str]
    not_general: re.Pattern[str]
    numbers: dict[str, str]
    units: dict[str, float]
    window: int


@cache
def _rules() -> _Rules:
    raw = load(HalfLifeRules)
    numbers = {k.lower(): v for k, v in raw.numbers.items()}
    amount = r"\d+(?:\.\d+)?|" + "|".join(sorted(numbers, key=len, reverse=True))
    unit = "|".join(sorted((re.escape(u) for u in raw.units), key=len, reverse=True))
    value = re.compile(
        rf"\b(?P<low>{amount})(?:\s*(?:-|–|to)\s*(?P<high>{amount}))?\s*(?P<unit>{unit})\b",
        re.IGNORECASE,
    )
    return _Rules(
        cue=any_of(raw.cue),
        value=value,
        before=compile_each(raw.value_before),
        approximate=any_of(raw.approximate),
        not_general=any_of(raw.not_general),
        numbers=numbers,
        units={k.lower(): v for k, v in raw.units.items()},
        window=raw.value_after,
    )


def _number(text: str) -> float:
    written = text.lower()
    return float(_rules().numbers.get(written, written))


def _shown(number: float) -> str:
    return f"{number:g}"


def _unit_word(unit: str, high: float) -> str:
    """The unit in medinfo's spelling: "hours", "days" ("1 hour" singular)."""
    hours = _rules().units[unit.lower()]
    name = {1 / 60: "minute", 1.0: "hour", 24.0: "day", 168.0: "week"}.get(
        min((1 / 60, 1.0, 24.0, 168.0), key=lambda h: abs(h - hours)), "hour"
    )
    return name if high == 1 else f"{name}s"


def _value(match: re.Match[str], approximate: bool) -> dict[str, Scalar]:
    low = _number(match["low"])
    high = _number(match["high"]) if match["high"] else low
    if high < low:
        return {}
    factor = _rules().units[match["unit"].lower()]
    shown = _shown(low) if high == low else f"{_shown(low)}-{_shown(high)}"
    words = f"{shown} {_unit_word(match['unit'], high)}"
    return {
        "value": f"about {words}" if approximate else words,
        "low_hours": round(low * factor, 2),
        "high_hours": round(high * factor, 2),
    }


def read_half_life(text: str, names: tuple[str, ...] = ()) -> dict[str, Scalar]:
    """The general half-life a statement gives (value, low_hours, high_hours), or nothing:
    a value qualified as a population's or a metabolite's, or in a denied, hypothetical or
    other-drug clause, is not the drug's half-life."""
    rules = _rules()
    cue = rules.cue.search(text)
    if cue is None:
        return {}
    reading = reading_of(text, names)
    if states_nothing(reading) or _MULTIPLE.search(text[: cue.start()]):
        return {}
    if names_other_drug(text, cue.start(), names, reading):
        return {}
    for pattern in rules.before:
        written = pattern.search(text)
        if written and reading.asserted(written.start(), written.end()):
            if rules.not_general.search(clause_head(text, written.start())[:80]):
                return {}
            return _value(written, bool(rules.approximate.search(text[: written.start()])))
    head = _CLAUSE_END.split(text[cue.end() : cue.end() + rules.window])[0]
    match = rules.value.search(head)
    if match is not None:
        start, end = cue.end() + match.start(), cue.end() + match.end()
    else:  # "It takes about 5 hours for half the dose to leave the body"
        opening = clause_before(text, cue.start())
        found = list(rules.value.finditer(opening))
        if not found:
            return {}
        match = found[-1]
        offset = cue.start() - len(opening)
        start, end = offset + match.start(), offset + match.end()
    first, last = min(cue.start(), start), max(cue.end(), end)
    if not reading.asserted(first, last) or denied_at(text, start):
        return {}
    opening = clause_before(text, first)
    if rules.not_general.search(opening + _CLAUSE_END.split(text[first : last + 40])[0]):
        return {}
    approximate = bool(rules.approximate.search(text[max(0, min(cue.start(), start - 20)) : start]))
    return _value(match, approximate)


def extract_half_life(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """HALF_LIFE facts, one per statement that gives the drug's general half-life."""
    return placed_facts(statements, source_id, FactKind.HALF_LIFE, read_half_life, names)
