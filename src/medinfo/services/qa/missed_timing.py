"""A missed-dose question that says when the next dose is due, answered by the safety rule."""

from __future__ import annotations

import re

from medinfo.domain.alerts import MissedDoseEvent, Regimen
from medinfo.domain.monograph import Monograph
from medinfo.knowledge.loading import load
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.services.safety.events import check_missed_dose

# "next one due in an hour", "my next dose is in 2 hours", "next tablet's due in 30 mins"
_NEXT_DUE = re.compile(
    r"\bnext\b[^.?!;]{0,30}?\b(?:due|in)\b[^.?!;]{0,12}?\b"
    r"(?P<count>half\s+an|an?|one|two|three|four|five|six|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>hours?|hrs?|h|minutes?|mins?)\b",
    re.IGNORECASE,
)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# the number of doses a day assumed when the sources give none: once a day, the longest
# interval, so "near the next dose" reaches furthest and the answer errs towards skipping a
# dose rather than taking two close together
_TIMES_WHEN_UNSTATED = 1


def hours_until_next(question: str) -> float | None:
    """The hours until the next dose the question states, or None."""
    found = _NEXT_DUE.search(question)
    if found is None:
        return None
    count = found["count"].lower()
    hours = 0.5 if count.startswith("half") else float(_WORDS.get(count) or count)
    return hours / 60 if found["unit"].lower().startswith("m") else hours


def timed_missed_dose(question: str, monograph: Monograph) -> str | None:
    """What to do with the missed dose, for the hours until the next dose the question states,
    by the safety check's rule; None when the question gives no time, or the sources time a
    late dose from when it was missed (which the question does not say)."""
    hours = hours_until_next(question)
    missed = monograph.missed_dose
    if hours is None or missed.skip_late_by_hours is not None:
        return None
    if missed.take_when_remembered is None and missed.skip_if_next_dose_near is None:
        return None
    initial = monograph.dosing.initial
    times = (initial.frequency_per_day if initial else None) or _TIMES_WHEN_UNSTATED
    regimen = Regimen(drug=monograph.drug, dose_mg=1, times_per_day=times)
    event = MissedDoseEvent(type="missed_dose", hours_since_missed=0, hours_until_next=hours)
    return check_missed_dose(event, regimen, monograph, load(SafetyRules)).message
