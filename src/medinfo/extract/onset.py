"""Onset: how soon a drug first works and when its full effect comes, as comparable values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.polarity import clause_before, clause_head
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement, TopicOf, no_topic
from medinfo.extract.text_cache import per_text
from medinfo.extract.topic_flags import extract_topic_flags
from medinfo.knowledge.extract_rules import OnsetRules
from medinfo.knowledge.loading import any_of, load

_ORDER = ("minutes", "hours", "days", "weeks", "months")
# A cue right after a time ("4 weeks for the full effect") is the time's own when the cue before
# it stands further back than this many characters (the cue of an earlier time).
_CUE_REACH = 15


@dataclass(frozen=True)
class _Rules:
    topic: re.Pattern[str]
    first: re.Pattern[str]
    full: re.Pattern[str]
    not_before: re.Pattern[str]
    not_after: re.Pattern[str]
    after_stopping: re.Pattern[str]
    lasts: re.Pattern[str]
    time: re.Pattern[str]
    quantities: dict[str, str]
    units: dict[str, str]


@cache
def _rules() -> _Rules:
    raw = load(OnsetRules)
    quantity = "|".join(sorted((re.escape(q) for q in raw.quantities), key=len, reverse=True))
    unit = "|".join(sorted((re.escape(u) for u in raw.units), key=len, reverse=True))
    amount = rf"\d+|{quantity}"
    number = rf"(?:{amount})(?:\s*(?:-|–|to|or)\s*(?:{amount}))?"
    single = rf"(?:(?P<{{q}}>{number})\s+)?(?P<{{u}}>{unit})\b"
    time = re.compile(
        r"\b"
        + single.format(q="q1", u="u1")
        + rf"(?:\s*(?:or|to|-|–|and)\s+(?:even\s+|up\s+to\s+)?(?:(?P<q2>{number})\s+)?"
        + rf"(?P<u2>{unit})\b"
        # "an hour or two": the second number shares the unit
        + rf"|\s+or\s+(?P<more>{amount})\b(?!\s*(?:{unit})\b))?",
        re.IGNORECASE,
    )
    return _Rules(
        topic=any_of(raw.topic),
        first=any_of(raw.first),
        full=any_of(raw.full),
        not_before=re.compile("|".join(f"(?:{p})" for p in raw.not_onset_before), re.IGNORECASE),
        not_after=any_of(raw.not_onset_after),
        after_stopping=any_of(raw.after_stopping),
        lasts=re.compile("|".join(f"(?:{p})" for p in raw.lasts_before), re.IGNORECASE),
        time=time,
        quantities={k.lower(): v for k, v in raw.quantities.items()},
        units={k.lower(): v for k, v in raw.units.items()},
    )


def _quantity(written: str | None) -> str | None:
    if not written:
        return None
    quantities = _rules().quantities
    text = written.strip().lower()
    if text in quantities:
        return quantities[text]
    parts = re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", text)
    return "-".join(quantities.get(part, part) for part in parts)


def _value(match: re.Match[str]) -> tuple[str, str] | None:
    """The normalised value of a time expression and its largest unit."""
    units = _rules().units
    first = units[match["u1"].lower()]
    quantity = _quantity(match["q1"])
    if match["u2"]:
        second = units[match["u2"].lower()]
        if second != first:
            low, high = sorted((first, second), key=_ORDER.index)
            other = _quantity(match["q2"])
            if quantity and other and _ORDER.index(first) < _ORDER.index(second):
                # "30 minutes to 1 hour" keeps both ends
                return f"{_amount(quantity, first)}-{_amount(other, second)}", high
            return f"{low} to {high}", high
    if quantity is None:
        return None
    more = _quantity(match["more"])
    if more and quantity.isdigit() and more.isdigit() and int(more) > int(quantity):
        return f"{quantity}-{more} {first}", first
    if quantity == "0.5" and first == "hours":
        return "30 minutes", "minutes"  # "half an hour"
    if quantity == "1":
        return f"1 {first.rstrip('s')}", first
    return f"{quantity} {first}", first


def _amount(quantity: str, unit: str) -> str:
    """A quantity with its unit, singular for one ("1 hour")."""
    return f"1 {unit.rstrip('s')}" if quantity == "1" else f"{quantity} {unit}"


def _not_onset(text: str, match: re.Match[str]) -> bool:
    """Whether a time expression says something other than how soon the drug works: how long
    an effect lasts or a course runs, a dosing interval, an age, what happens after stopping.
    "The first day of treatment" is a point in time, not a course."""
    rules = _rules()
    before = clause_before(text, match.start())
    point = (match["q1"] or "").lower().startswith("the first")
    return bool(
        rules.not_before.search(before)
        or (rules.not_after.match(text[match.end() :]) and not point)  # "^" marks its start
        or _after_stopping(text, match)
    )


def _after_stopping(text: str, match: re.Match[str]) -> bool:
    """Whether the sentence before a time expression is about stopping the drug ("once
    stopped, its effect wears off over several days"): neither an onset nor a dose's length."""
    return bool(_rules().after_stopping.search(text, 0, match.start()))


def _lasts(text: str, match: re.Match[str]) -> bool:
    """Whether a time expression says how long one dose's effect lasts."""
    return bool(_rules().lasts.search(clause_before(text, match.start()))) and not (
        _after_stopping(text, match)
    )


# Where a clause that can carry its own effect cue starts: "and" between nouns ("the full
# effect on mood and anxiety takes 4 to 6 weeks") does not start one.
_CLAUSE = re.compile(
    r",\s*(?:but|while|although|though|whereas|however|and)\b|;|\bbut\b", re.IGNORECASE
)


def _cue_clause(text: str, position: int) -> str:
    """The words of the clause before `position` that an effect cue may stand in."""
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, position)]
    return text[max(starts, default=0) : position]


def _effect_of(text: str, match: re.Match[str], alone: bool) -> str:
    """Whether a time expression gives the "first" or the "full" effect: the nearest cue
    before it in its clause, else the first cue after it in its clause, else (when it is the
    statement's only time expression) any cue in the statement; "first" by default."""
    rules = _rules()
    before = _cue_clause(text, match.start())
    cues = [(m.end(), "full") for m in rules.full.finditer(before)]
    cues += [(m.end(), "first") for m in rules.first.finditer(before)]
    after = clause_head(text, match.end())
    ahead = [(m.start(), "full") for m in rules.full.finditer(after)]
    ahead += [(m.start(), "first") for m in rules.first.finditer(after)]
    if cues and ahead:  # the nearer: "to start working and up to 4 weeks for the full effect"
        behind, front = max(cues), min(ahead)
        return front[1] if front[0] < _CUE_REACH < len(before) - behind[0] else behind[1]
    if cues:
        return max(cues)[1]
    if ahead:
        return min(ahead)[1]
    return "full" if alone and rules.full.search(text) else "first"


def read_onset(statement: Statement) -> dict[str, Scalar]:
    """The first_effect / full_effect values one statement gives, and how long one dose's
    effect lasts (`lasts`), which is never an onset."""
    text = statement.text
    attributes: dict[str, Scalar] = {}
    timed = [m for m in _rules().time.finditer(text) if _value(m) is not None]
    for match in timed:
        value = _value(match)
        if value is not None and "lasts" not in attributes and _lasts(text, match):
            attributes["lasts"], attributes["lasts_unit"] = value
    matches = [m for m in timed if not _not_onset(text, m) and not _lasts(text, m)]
    for match in matches:
        value = _value(match)
        if value is None:
            continue
        name = f"{_effect_of(text, match, len(matches) == 1)}_effect"
        if name == "first_effect" and _later_in_contrast(text, match, attributes, value[1]):
            name = "full_effect"
        if name not in attributes:
            attributes[name] = value[0]
            attributes[f"{name}_unit"] = value[1]
    return attributes


_CONTRAST = re.compile(r",?\s*\b(?:but|although|though|while|whereas)\b|;", re.IGNORECASE)


def _later_in_contrast(
    text: str, match: re.Match[str], found: dict[str, Scalar], unit: str
) -> bool:
    """Whether a time with no cue of its own, in a clause set against the one that gave the
    first effect and in a larger unit, is the time to the full effect: "It starts lowering
    uric acid within 2 to 3 days, but it can take several weeks before attacks ease"."""
    first_unit = found.get("first_effect_unit")
    if not isinstance(first_unit, str) or "full_effect" in found or unit not in _ORDER:
        return False
    contrast = _CONTRAST.search(text, 0, match.start()) is not None
    return contrast and _ORDER.index(unit) > _ORDER.index(first_unit)


# Sections whose times are about something else than the drug starting to work: side effects
# settling, an overdose's course, an interaction's timing, storage.
_OTHER_TIMES = frozenset(
    {
        Section.SIDE_EFFECTS,
        Section.COMMON_SIDE_EFFECTS,
        Section.SERIOUS_SIDE_EFFECTS,
        Section.OVERDOSE,
        Section.INTERACTIONS,
        Section.STORAGE,
    }
)


def _in_topic(statement: Statement) -> bool:
    return _on_topic(statement.text)


@per_text
def _on_topic(text: str) -> bool:
    return bool(_rules().topic.search(text))


def extract_onset(
    statements: list[Statement], source_id: str, answer_topic: TopicOf = no_topic
) -> list[ExtractedFact]:
    """ONSET facts (first_effect, full_effect and their units), one per block that states them,
    including answers to a "how long does it take to work" question."""

    def in_topic(statement: Statement) -> bool:
        if statement.section in _OTHER_TIMES:  # side effects that "improve within a few weeks"
            return False
        return _in_topic(statement) or answer_topic(statement) == "onset"

    return extract_topic_flags(
        statements, source_id, FactKind.ONSET, in_topic, [], extra=read_onset
    )
