"""Population dose rules: the kidney, liver, older-adult and child limits that fit the patient."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from medinfo.domain.alerts import Alert, AlertCode, NotChecked, Patient, Regimen, Severity
from medinfo.domain.monograph import (
    DoseSpec,
    LimitAdvice,
    Monograph,
    Population,
    PopulationLimit,
    RenalAdjustment,
)
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.services.safety.dose_limits import (
    REDUCED_KIDNEY_EGFR,
    is_per_kg,
    mass_mg,
    matching_adjustments,
)
from medinfo.services.safety.messages import format_amount, render, times_words

ADULT_AGE = 18.0  # a child's band never reaches past this age, whatever a source's range says
OLDER_AGE = 65.0  # "older adults" without an age
_TOLERANCE = 1e-6
_WORDED = (LimitAdvice.REDUCE, LimitAdvice.AVOID)
WITHIN: Literal["within"] = "within"  # a maximum that was compared and not passed


@dataclass(frozen=True)
class PopulationFindings:
    """What the patient's populations add: alerts, what could not be checked, and whether a
    population's own daily or single maximum replaced the adult one."""

    alerts: list[Alert]
    not_checked: list[NotChecked]
    daily_replaced: bool
    single_replaced: bool


def fitting_limits(patient: Patient, monograph: Monograph) -> list[PopulationLimit]:
    """The monograph's population rules the patient belongs to."""
    return [limit for limit in monograph.dosing.population_limits if _fits(limit, patient)]


def check_populations(
    regimen: Regimen, patient: Patient, monograph: Monograph, rules: SafetyRules
) -> PopulationFindings:
    """Each fitting rule: its maxima compared, or said to be worded only (never the adult one)."""
    alerts: list[Alert] = []
    not_checked: list[NotChecked] = []
    daily_replaced = single_replaced = False
    # a kidney ceiling that holds the patient's eGFR was checked (dose_limits.py): a kidney
    # rule in words only beside it leaves nothing unchecked
    ceiling = any(band.max_daily_mg for band in matching_adjustments(monograph, patient.egfr))
    for limit in fitting_limits(patient, monograph):
        daily = _compare(limit, limit.max_daily, regimen.dose_mg * regimen.times_per_day, patient)
        single = _compare(limit, limit.max_single, regimen.dose_mg, patient)
        for code, outcome in (
            (AlertCode.MAX_DAILY_DOSE_EXCEEDED, daily),
            (AlertCode.SINGLE_DOSE_HIGH, single),
        ):
            if isinstance(outcome, NotChecked):
                not_checked.append(outcome)
            elif isinstance(outcome, _Over):
                alerts.append(_over_alert(code, outcome, limit, regimen, monograph, rules))
        daily_replaced |= daily is not None
        single_replaced |= single is not None
        if daily is None and single is None:
            alerts.extend(_worded_alert(limit, monograph))
            checked = ceiling and limit.population is Population.RENAL
            if (limit.adjustment_without_number or limit.advice in _WORDED) and not checked:
                reason = render(
                    "not_checked.population", population=_label(limit), drug=monograph.drug
                )
                not_checked.append(NotChecked(what="population", reason=reason))
    not_checked.extend(_unbounded_kidney_bands(patient, monograph))
    not_checked.extend(_dialysis_rules(patient, monograph))
    return PopulationFindings(alerts, not_checked, daily_replaced, single_replaced)


_DIALYSIS_IN_QUESTION_EGFR = 30.0  # severely reduced (KDIGO G4-G5): dialysis may be in question


def _dialysis_rules(patient: Patient, monograph: Monograph) -> list[NotChecked]:
    """A rule the sources give people on dialysis, for a patient whose kidney function is so
    low that they may be: the request does not say, so the rule was not checked."""
    if patient.egfr is None or patient.egfr >= _DIALYSIS_IN_QUESTION_EGFR:
        return []
    if not any(limit.on_dialysis for limit in monograph.dosing.population_limits):
        return []
    reason = render("not_checked.dialysis", drug=monograph.drug)
    return [NotChecked(what="population", reason=reason)]


def _unbounded_kidney_bands(patient: Patient, monograph: Monograph) -> list[NotChecked]:
    """A kidney band of the sources that holds the patient's eGFR but gives no ceiling ("use
    with caution below 10 mL/min"): the dose could not be checked for it, and says so."""
    return [
        NotChecked(
            what="population",
            reason=render(
                "not_checked.population", population=_band_label(band), drug=monograph.drug
            ),
        )
        for band in matching_adjustments(monograph, patient.egfr)
        if band.max_daily_mg is None
    ]


def _band_label(band: RenalAdjustment) -> str:
    """ "kidney function (eGFR) from 10 to 30", "below 10", "of 30 and above"."""
    low, high = band.egfr_at_least, band.egfr_below
    if low is not None and high is not None:
        return f"kidney function from {format_amount(low)} to {format_amount(high)} mL/min"
    if high is not None:
        return f"kidney function below {format_amount(high)} mL/min"
    return f"kidney function of {format_amount(low or 0.0)} mL/min and above"


def _fits(limit: PopulationLimit, patient: Patient) -> bool:
    if limit.population is Population.HEPATIC:
        return patient.liver_disease
    if limit.population is Population.RENAL:
        return _kidney_fits(limit, patient.egfr)
    if patient.age is None:
        return False
    if limit.population is Population.OLDER_ADULTS:
        return patient.age >= (limit.age_at_least or OLDER_AGE)
    below = min(limit.age_below or ADULT_AGE, ADULT_AGE)
    return (limit.age_at_least or 0.0) <= patient.age < below


def _kidney_fits(limit: PopulationLimit, egfr: float | None) -> bool:
    """eGFR stands in for creatinine clearance; a dialysis-only rule is never assumed."""
    if egfr is None or limit.on_dialysis:
        return False
    if limit.kidney_at_least is None and limit.kidney_below is None:
        return egfr < REDUCED_KIDNEY_EGFR
    return (limit.kidney_at_least or 0.0) <= egfr < (limit.kidney_below or float("inf"))


@dataclass(frozen=True)
class _Over:
    amount: float
    limit_mg: float
    stated: str
    sources: list[str]


def _compare(
    limit: PopulationLimit, spec: DoseSpec | None, amount: float, patient: Patient
) -> _Over | NotChecked | Literal["within"] | None:
    """The comparison with one maximum: over it, within it, not possible, or no maximum."""
    if spec is None:
        return None
    mass = mass_mg(spec)
    if mass is None:
        reason = render("not_checked.dose_unit", population=_label(limit), unit=spec.unit)
        return NotChecked(what="dose unit", reason=reason)
    stated = f"{format_amount(spec.amount)} {spec.unit}"
    ceiling = mass
    if is_per_kg(spec):
        if patient.weight_kg is None:
            reason = render("not_checked.weight", population=_label(limit))
            return NotChecked(what="population", reason=reason)
        ceiling = mass * patient.weight_kg
        stated += f" ({format_amount(ceiling)} mg at {format_amount(patient.weight_kg)} kg)"
    sources = list(dict.fromkeys([*spec.sources, *limit.sources]))
    if amount > ceiling * (1 + _TOLERANCE):
        return _Over(amount, ceiling, stated, sources)
    return WITHIN


def _over_alert(
    code: AlertCode,
    over: _Over,
    limit: PopulationLimit,
    regimen: Regimen,
    monograph: Monograph,
    rules: SafetyRules,
) -> Alert:
    key = f"{code.value}.population"
    message = render(
        key,
        daily=format_amount(regimen.dose_mg * regimen.times_per_day),
        dose=format_amount(regimen.dose_mg),
        times=times_words(regimen.times_per_day),
        drug=monograph.drug,
        population=_label(limit),
        limit=over.stated,
    )
    danger = over.amount >= over.limit_mg * rules.dose_limits.danger_when_over_times
    severity = Severity.DANGER if danger else rules.dose_limits.severity
    return Alert(code=code, severity=severity, message=message, sources=over.sources)


def _worded_alert(limit: PopulationLimit, monograph: Monograph) -> list[Alert]:
    """A kidney or liver rule in words only ("a lower dose") is an alert that says so."""
    codes = {
        Population.HEPATIC: AlertCode.HEPATIC_IMPAIRMENT,
        Population.RENAL: AlertCode.RENAL_IMPAIRMENT,
    }
    code = codes.get(limit.population)
    if code is None or limit.advice not in _WORDED:
        return []
    message = render(
        f"{code.value}.population",
        advice=render(f"advice.{limit.advice.value}"),
        drug=monograph.drug,
        population=_label(limit),
    )
    return [Alert(code=code, severity=Severity.WARNING, message=message, sources=limit.sources)]


def _label(limit: PopulationLimit) -> str:
    return limit.criterion or limit.population.value.replace("_", " ")
