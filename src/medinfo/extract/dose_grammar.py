"""Dose grammar: amounts with units, doses per day and step intervals, as written in prose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.knowledge.extract_rules import DoseGrammar
from medinfo.knowledge.loading import any_of, load

_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|\.\d+"


@dataclass(frozen=True)
class DoseMention:
    """An amount as written: "5 mg", "2 to 4 mg", "80 mg/day". Offsets index the text."""

    start: int
    end: int
    amount: float
    unit: str
    amount_high: float | None = None
    per_day: bool = False
    strength: float | None = None  # one unit's amount, when units are counted ("two 250 mg")


@dataclass(frozen=True)
class Frequency:
    """Doses per day; `per_day_max` is set for ranges ("every 6 to 8 hours": 3 to 4)."""

    start: int
    end: int
    per_day: int | None
    per_day_max: int | None = None


@dataclass(frozen=True)
class _Grammar:
    mention: re.Pattern[str]
    units: dict[str, re.Pattern[str]]
    per_day: re.Pattern[str]
    number_words: dict[str, int]
    frequencies: list[tuple[re.Pattern[str], int | None]]
    divided: re.Pattern[str]
    intervals: list[re.Pattern[str]]
    scaled_units: dict[str, tuple[str, float]]
    counted_form: re.Pattern[str] | None


@cache
def _grammar() -> _Grammar:
    rules = load(DoseGrammar)
    scaled = {unit: (entry.to, entry.factor) for unit, entry in rules.scaled_units.items()}
    units = {unit: any_of(spellings) for unit, spellings in rules.units.items()}
    spellings = sorted((s for group in rules.units.values() for s in group), key=len, reverse=True)
    joiners = "|".join(re.escape(joiner) for joiner in rules.range_joiners)
    # a range may repeat its unit ("0.25 mg to 0.5 mg"), but "10 mg or 20 mg" are alternatives
    spans = "|".join(re.escape(joiner) for joiner in rules.range_joiners if joiner != "or")
    unit = "|".join(spellings)
    mention = re.compile(
        rf"(?<![\w.])(?P<low>{_NUMBER})(?:\s*(?:{joiners})\s*(?P<high>{_NUMBER})"
        rf"|\s*(?P<low_unit>{unit})\s*(?:{spans})\s*(?P<high_unit>{_NUMBER}))?\s*"
        rf"(?P<unit>{unit})(?![\w])",
        re.IGNORECASE,
    )
    frequencies = [
        (re.compile(entry.pattern, re.IGNORECASE), entry.per_day) for entry in rules.frequencies
    ]
    intervals = [re.compile(entry.pattern, re.IGNORECASE) for entry in rules.intervals]
    return _Grammar(
        mention=mention,
        units=units,
        per_day=any_of(rules.per_day),
        number_words={word.lower(): int(n) for word, n in rules.number_words.items()},
        frequencies=frequencies,
        divided=any_of(rules.divided),
        intervals=intervals,
        scaled_units=scaled,
        counted_form=(
            re.compile(rf"\s*(?:{'|'.join(rules.counted_forms)})\b", re.IGNORECASE)
            if rules.counted_forms
            else None
        ),
    )


def whole_number(value: float) -> int | float:
    """A number as an int when it is whole (5.0 -> 5), else rounded to 6 decimals (62.5 mcg is
    0.0625 mg)."""
    return int(value) if float(value).is_integer() else round(value, 6)


def parse_number(text: str) -> float:
    """A number as written in digits ("1,000", "2.5") or words ("three")."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned in _grammar().number_words:
        return float(_grammar().number_words[cleaned])
    try:
        return float(cleaned)
    except ValueError as error:
        raise InputError(f"dose grammar: {text!r} is not a number") from error


def normalise_unit(written: str) -> str:
    """The normalised unit of a spelling: "milligrams" -> "mg"."""
    for unit, pattern in _grammar().units.items():
        if pattern.fullmatch(written.strip()):
            return unit
    raise InputError(f"dose grammar: unknown unit {written!r}")


_RESTATED = re.compile(r"\s*\([^()]{1,24}\)")  # an amount restated in brackets


# "between 200 and 500 mg" is a range: its "and" is read as "to" (same length, so every
# offset stays the text's own)
_BETWEEN = re.compile(r"\bbetween\s+\d[\d.,]*\s*(?:[a-z]{1,10}\s+)?(and)\s+\d", re.IGNORECASE)


def _ranges_between(text: str) -> str:
    return _BETWEEN.sub(
        lambda found: (
            found.group()[: found.start(1) - found.start()]
            + "to "
            + found.group()[found.end(1) - found.start() :]
        ),
        text,
    )


def find_dose_mentions(text: str) -> list[DoseMention]:
    """Every amount with a unit in `text`, with a per-day suffix folded in."""
    text = _ranges_between(text)
    mentions = []
    position = 0
    while match := _grammar().mention.search(text, position):
        position = match.end()
        low = parse_number(match["low"])
        written_high = match["high"] or match["high_unit"]
        high = parse_number(written_high) if written_high else None
        end, unit = match.end(), normalise_unit(match["unit"])
        low_unit = normalise_unit(match["low_unit"]) if match["low_unit"] else unit
        if low_unit != unit and low_unit != unit.split("/")[0]:
            # "500 mg to 1 g" is not one range: the first amount alone, then read on ("1 mg
            # to 2 mg per kilogram" is one range per kilogram)
            end, unit, high = match.end("low_unit"), low_unit, None
            position = end
        suffix = _grammar().per_day.match(text, end)
        end = suffix.end() if suffix else end
        restated = None if suffix else _RESTATED.match(text, end)
        if restated:  # "2,500 mg (2.5 g) a day": the day is the restated amount's too
            suffix = _grammar().per_day.match(text, restated.end())
        if unit in _grammar().scaled_units:  # "8 grams a day" is reported as 8000 mg
            unit, factor = _grammar().scaled_units[unit]
            low, high = low * factor, (high * factor if high is not None else None)
        start = match.start()
        counted = _counted(text, start, end) if high is None else None
        strength = None
        if counted is not None:  # "two 250 mg capsules": 500 mg a dose
            start, fewest, most = counted
            strength, low, high = low, low * fewest, (low * most if most != fewest else None)
        mentions.append(DoseMention(start, end, low, unit, high, suffix is not None, strength))
    return mentions


# One to four units counted right before a strength: "two", "1 or 2", "2 x", "one to two".
_COUNT = r"(?:[1-4]|one|two|three|four|(?:a\s+)?single)"
_COUNTED = re.compile(
    rf"(?<![\w.,])(?P<few>{_COUNT})(?:\s*(?:or|to|-|–)\s*(?P<most>{_COUNT}))?\s*(?:x|×)?\s*$",
    re.IGNORECASE,
)


def _units(written: str) -> int:
    return 1 if written.lower().endswith("single") else int(parse_number(written))


def _counted(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(where the count starts, fewest, most) for a strength counted in units before a dose
    form ("one or two 500 mg tablets"); None for a strength alone ("500 mg tablets")."""
    form = _grammar().counted_form
    before = _COUNTED.search(text, max(0, start - 16), start)
    if form is None or before is None or not form.match(text, end):
        return None
    fewest, most = (_units(before["few"]), _units(before["most"] or before["few"]))
    return (before.start(), fewest, most) if fewest <= most else None


_COUNTED_UNIT = r"tablets?|capsules?|caplets?"
_COUNT = r"\d{1,2}|one|two|three|four|five|six|eight|twelve"
# "2 tablets", "1 to 2 caplets" (a range of counts); not when a bracket gives the amount
# itself ("1 to 2 caplets (500-1,000 mg)")
_UNITS_ALONE = re.compile(
    rf"(?<![\w.,])(?:(?P<low>{_COUNT})\s*(?:to|or|-|–)\s*)?(?P<count>{_COUNT})\s+"
    rf"(?P<form>{_COUNTED_UNIT})\b(?!\s*\(\s*\d)",
    re.IGNORECASE,
)
_NAMES_COUNTED_UNIT = re.compile(rf"\b(?:{_COUNTED_UNIT})\b", re.IGNORECASE)


def product_strength(titles: Iterable[str]) -> str:
    """ "20 mg tablets" when the titles that name tablets or capsules ("Famotidine Tablets 20
    mg") name one strength between them; "" otherwise. A context for `with_unit_strength`."""
    named = {
        (mention.amount, mention.unit)
        for title in titles
        if _NAMES_COUNTED_UNIT.search(title)
        for mention in find_dose_mentions(title)
    }
    if len(named) != 1:
        return ""
    amount, unit = named.pop()
    return f"{whole_number(amount)} {unit} tablets"


def with_unit_strength(text: str, context: str) -> str:
    """The text with counted units that give no strength ("no more than 8 tablets in 24
    hours") written as the amount they hold, when `context` (the paragraph) names one
    strength of that form and no other amount ("one or two 500 mg tablets"): "no more than
    4000 mg  in 24 hours".
    Offsets are kept (the amount is padded to the length of the words it replaces)."""
    if not _UNITS_ALONE.search(text):
        return text
    form = _grammar().counted_form
    mentions = find_dose_mentions(context)
    strengths = {(m.strength or m.amount, m.unit) for m in mentions}
    named = form is not None and any(form.match(context, m.end) for m in mentions)
    if len(strengths) != 1 or not named:  # "5 mg and 10 mg tablets": which one is unsaid
        return text
    (amount, unit) = strengths.pop()

    def amount_of(found: re.Match[str]) -> str:
        count = parse_number(found["count"])
        written = f"{whole_number(count * amount)} {unit}"
        if found["low"]:
            written = f"{whole_number(parse_number(found['low']) * amount)} to {written}"
        return (
            written.ljust(len(found.group()))
            if len(written) <= len(found.group())
            else found.group()
        )

    return _UNITS_ALONE.sub(amount_of, text)


def _count(value: str | None) -> int | None:
    return int(parse_number(value)) if value else None


def _per_day_of(match: re.Match[str], fixed: int | None) -> tuple[int | None, int | None]:
    groups: dict[str, Any] = match.groupdict()
    if fixed is not None:
        return fixed, None
    if groups.get("count"):
        return _count(groups["count"]), _count(groups.get("count_high"))
    hours = _count(groups.get("hours"))
    hours_high = _count(groups.get("hours_high"))
    if not hours:
        return None, None
    longest, shortest = max(hours, hours_high or hours), min(hours, hours_high or hours)
    fewest = 24 // longest if 24 % longest == 0 else None
    most = 24 // shortest if 24 % shortest == 0 and shortest != longest else None
    return fewest, most


def find_frequency(text: str, start: int = 0, end: int | None = None) -> Frequency | None:
    """The first statement of how often a dose is taken in text[start:end]."""
    stop = len(text) if end is None else end
    best: Frequency | None = None
    for pattern, fixed in _grammar().frequencies:
        match = pattern.search(text, start, stop)
        if match and (best is None or match.start() < best.start):
            per_day, per_day_max = _per_day_of(match, fixed)
            best = Frequency(match.start(), match.end(), per_day, per_day_max)
    return best


def find_divided(text: str) -> tuple[bool, int | None]:
    """Whether text says "in divided doses", and into how many when it says."""
    match = _grammar().divided.search(text)
    if not match:
        return False, None
    count = next((value for value in match.groups() if value), None)
    return True, _count(count)


def find_interval_days(text: str) -> int | None:
    """The step interval in days: "every 3 days" -> 3, "weekly" -> 7, "each week" -> 7."""
    for pattern in _grammar().intervals:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        unit = groups["unit"].lower()
        count = _count(groups.get("count")) or 1
        if unit.startswith("week"):
            return 7 * count
        if "other" in unit:
            return 2
        return count
    return None
