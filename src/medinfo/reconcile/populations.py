"""Population limits: the POPULATION_LIMIT facts of one band merged into a typed limit."""

from __future__ import annotations

from typing import Any

from medinfo.domain.facts import Scalar
from medinfo.domain.monograph import DoseSpec, LimitAdvice, Population, PopulationLimit
from medinfo.reconcile.merge import FactGroup, parse_number
from medinfo.reconcile.voice import format_number

_BAND_ATTRIBUTES = (
    "kidney_measure",
    "kidney_at_least",
    "kidney_below",
    "on_dialysis",
    "age_at_least",
    "age_below",
)
_KIDNEY_NAMES = {"crcl": "creatinine clearance", "egfr": "eGFR"}
_PLAIN = {
    Population.RENAL: "kidney impairment",
    Population.HEPATIC: "liver impairment",
    Population.OLDER_ADULTS: "older adults",
    Population.CHILDREN: "children",
}


def _number(group: FactGroup, name: str) -> float | None:
    return parse_number(group.attribute(name), f"population_limit/{group.key}.{name}")


def _dose(group: FactGroup, prefix: str) -> DoseSpec | None:
    amount, unit = _number(group, f"{prefix}_amount"), group.attribute(f"{prefix}_unit")
    if amount is None or not isinstance(unit, str):
        return None
    per_day = _number(group, f"{prefix}_frequency_per_day")
    return DoseSpec(amount=amount, unit=unit, frequency_per_day=int(per_day) if per_day else None)


def _band(low: float | None, high: float | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"{format_number(low)}-{format_number(high)}{unit}"
    if high is not None:
        return f"below {format_number(high)}{unit}"
    if low is not None:
        return f"{format_number(low)}{unit} and over"
    return ""


def criterion(population: Population, values: dict[str, Scalar]) -> str:
    """medinfo's short description of a band ("creatinine clearance 30-50 mL/min")."""

    def number(name: str) -> float | None:
        value = values.get(name)
        return float(value) if isinstance(value, int | float) else None

    if population is Population.RENAL:
        if values.get("on_dialysis"):
            return "on dialysis"
        measure = _KIDNEY_NAMES.get(str(values.get("kidney_measure")), "kidney function")
        band = _band(number("kidney_at_least"), number("kidney_below"), " mL/min")
        return f"{measure} {band}" if band else _PLAIN[population]
    below = number("age_below")
    low = number("age_at_least")
    if low is not None and below is not None:
        return f"age {format_number(low)}-{format_number(below - 1)} years"
    if below is not None:
        return f"under {format_number(below)} years"
    if low is not None:
        return f"age {format_number(low)} and over"
    return _PLAIN[population]


def compose_limit(group: FactGroup, attribution: dict[str, Any]) -> PopulationLimit | None:
    """The limit one band's facts state, most reliable first; None for an unknown population."""
    try:
        population = Population(str(group.attribute("population")))
    except ValueError:
        return None
    values = {name: group.attribute(name) for name in _BAND_ATTRIBUTES}
    advice_code = group.attribute("advice")
    advice = LimitAdvice(advice_code) if advice_code in set(LimitAdvice) else None
    doses = {name: _dose(group, name) for name in ("initial", "max_daily", "max_single")}
    numbers = any(dose is not None for dose in doses.values())
    measure = values["kidney_measure"]
    return PopulationLimit(
        population=population,
        criterion=criterion(population, values),
        kidney_measure=str(measure) if measure else None,
        kidney_at_least=_number(group, "kidney_at_least"),
        kidney_below=_number(group, "kidney_below"),
        on_dialysis=bool(values["on_dialysis"]),
        age_at_least=_number(group, "age_at_least"),
        age_below=_number(group, "age_below"),
        advice=advice,
        adjustment_without_number=not numbers and advice not in (None, LimitAdvice.NO_CHANGE),
        **doses,
        **attribution,
    )


def _banded(limit: PopulationLimit) -> bool:
    bounds = (limit.kidney_at_least, limit.kidney_below, limit.age_at_least, limit.age_below)
    return limit.on_dialysis or any(bound is not None for bound in bounds)


def with_population_maximum(limits: list[PopulationLimit]) -> list[PopulationLimit]:
    """The bands of a population given the daily maximum a source states for the whole
    population ("In kidney impairment the dose should not go above 40 mg a day"): a band of
    the same source with a dose of its own but no maximum takes it (never a band the source
    rules out or leaves unchanged), citing both statements. Several different maxima for one
    population give none."""
    filled = []
    for limit in limits:
        general = {
            (g.max_daily.amount, g.max_daily.unit): g
            for g in limits
            if g.population is limit.population
            and not _banded(g)
            and g.max_daily is not None
            and set(g.sources) & set(limit.sources)
        }
        usable = _banded(limit) and limit.max_daily is None and len(general) == 1
        dosed = limit.initial is not None or limit.max_single is not None
        if usable and dosed and limit.advice not in (LimitAdvice.AVOID, LimitAdvice.NO_CHANGE):
            whole = next(iter(general.values()))
            limit = limit.model_copy(
                update={
                    "max_daily": whole.max_daily,
                    "sources": list(dict.fromkeys([*limit.sources, *whole.sources])),
                    "evidence": sorted(
                        {*limit.evidence, *whole.evidence},
                        key=lambda ev: (ev.source, ev.start, ev.end, ev.section),
                    ),
                }
            )
        filled.append(limit)
    return filled
