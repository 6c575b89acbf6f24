"""Renal adjustment: dose rules for bands of kidney function (eGFR or creatinine clearance)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.dose_context import mentions_cue, says_daily
from medinfo.extract.dose_grammar import find_dose_mentions, whole_number
from medinfo.extract.reading import read_text
from medinfo.extract.statements import Statement
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.extract_rules import RenalRules
from medinfo.knowledge.loading import any_of, each_of, load

_MEASURE_REACH = 40  # characters after the measure in which its band must start
# a band written with the clearance unit names the measure by itself: "30 to 50 mL/min"
_CLEARANCE_BAND = re.compile(
    r"(?:(?:over|above|under|below|less\s+than|more\s+than|greater\s+than|at\s+least|<|>|≥|≤)"
    r"\s*)?\d+(?:\s*(?:-|–|to)\s*\d+)?\s*mL\s*/\s*min\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Rules:
    measure: re.Pattern[str]
    between: re.Pattern[str]
    below: re.Pattern[str]
    at_least: re.Pattern[str]
    advice: dict[str, re.Pattern[str]]


@cache
def _rules() -> _Rules:
    raw = load(RenalRules)
    return _Rules(
        measure=any_of(raw.measure),
        between=any_of([raw.between]),
        below=any_of([raw.below]),
        at_least=any_of([raw.at_least]),
        advice=each_of(raw.advice),
    )


@per_text
def read_band(text: str) -> tuple[float | None, float | None] | None:
    """(egfr_at_least, egfr_below) of the band a statement names, or None."""
    measures = list(_rules().measure.finditer(text))
    for measure in measures:  # "kidney function, measured as creatinine clearance: 40 to ..."
        band = _band_in(text[measure.end() : measure.end() + _MEASURE_REACH])
        if band is not None:
            return band
    if not measures and (clearance := _CLEARANCE_BAND.search(text)) is not None:
        return _band_in(
            clearance.group(0)
        )  # a table row under a clearance column: "Over 80 mL/min"
    return None


def _band_in(reach: str) -> tuple[float | None, float | None] | None:
    rules = _rules()
    candidates: list[tuple[int, tuple[float | None, float | None]]] = []
    between = rules.between.search(reach)
    if between:
        low, high = float(between["low"]), float(between["high"])
        candidates.append((between.start(), (low, high + 1 if high % 10 == 9 else high)))
    below = rules.below.search(reach)
    if below:
        candidates.append((below.start(), (None, float(below["value"]))))
    at_least = rules.at_least.search(reach)
    if at_least:
        candidates.append((at_least.start(), (float(at_least["value"]), None)))
    return min(candidates)[1] if candidates else None


def _key(at_least: float | None, below: float | None) -> str:
    low = f"{at_least:g}<=" if at_least is not None else ""
    high = f"<{below:g}" if below is not None else ""
    return f"{low}egfr{high}"


_TYPICAL = re.compile(
    r"\b(?:often|usually|typically|commonly|for\s+example|e\.g\.|such\s+as)\s+(?:about\s+)?$",
    re.IGNORECASE,
)


def extract_renal_adjustments(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """RENAL_ADJUSTMENT facts: key = band ("30<=egfr<60"); attributes egfr_at_least,
    egfr_below, max_daily_mg when a daily limit is stated, advice code."""
    facts = []
    for statement in statements:
        if statement.is_question:
            continue
        band = read_band(statement.text)
        if band is None or (
            read_text(statement.text).spans.get("no_concern")
            and not any(is_mass_unit(m.unit) for m in find_dose_mentions(statement.text))
        ):
            continue  # "no dose change is needed above 25 mL/min" adjusts nothing
        at_least, below = band
        attributes: dict[str, Scalar] = {"egfr_at_least": at_least, "egfr_below": below}
        # "30 to 59 mL/min, 400 to 1,400 mg a day; 15 to 29 mL/min, 200 to 700 mg": the band
        # read is the first, so only the doses before the next band are its own
        bands = list(_CLEARANCE_BAND.finditer(statement.text))
        end = bands[1].start() if len(bands) > 1 else len(statement.text)
        doses = [
            m for m in find_dose_mentions(statement.text) if is_mass_unit(m.unit) and m.start < end
        ]
        if doses:
            dose = doses[-1]
            milligrams = Dose(amount=dose.amount_high or dose.amount, unit=dose.unit).milligrams()
            # "the starting dose is halved to 300 mg a day and increased more slowly" is where
            # to start, not a ceiling
            start = mentions_cue(statement.text, "initial") and not mentions_cue(
                statement.text, "max"
            )
            # "a lower dose is used, often 62.5 micrograms daily": a typical dose, no ceiling
            typical = _TYPICAL.search(statement.text, 0, dose.start) is not None
            limit = not start and (
                mentions_cue(statement.text, "max")
                or (not typical and (dose.per_day or says_daily(statement.text)))
            )
            attributes["max_daily_mg" if limit else "dose_mg"] = whole_number(milligrams)
        for advice, pattern in _rules().advice.items():
            if pattern.search(statement.text):
                attributes["advice"] = advice
                break
        facts.append(
            ExtractedFact(
                kind=FactKind.RENAL_ADJUSTMENT,
                key=_key(at_least, below),
                attributes=attributes,
                evidence=statement.evidence(source_id),
            )
        )
    return facts
