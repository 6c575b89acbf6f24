"""Dose limits: a regimen's daily and single doses against the monograph's maxima for its route."""

from __future__ import annotations

from medinfo.domain.alerts import Alert, AlertCode, NotChecked, Patient, Regimen, Severity
from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.domain.monograph import DoseSpec, Monograph, RenalAdjustment
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.services.safety.messages import format_amount, render, times_words

# Relative slack for float arithmetic: 26.6667 mg x 3 is 80 mg, not over it.
_TOLERANCE = 1e-6
REDUCED_KIDNEY_EGFR = 60.0  # below this, kidney function counts as reduced (KDIGO G3a)
_UNIT_NAMES = {"gm": "g"}  # spelled-out names are mass units of their own (domain/dosing.py)


def daily_dose_mg(regimen: Regimen) -> float:
    """The regimen's total per day: dose x times per day."""
    return regimen.dose_mg * regimen.times_per_day


def check_dose_limits(
    regimen: Regimen,
    patient: Patient,
    monograph: Monograph,
    rules: SafetyRules,
    replaced: tuple[bool, bool] = (False, False),
) -> list[Alert]:
    """MAX_DAILY_DOSE_EXCEEDED and SINGLE_DOSE_HIGH, only against limits for the same route.

    `replaced` says whether a population rule that fits the patient already gave the daily
    and the single maximum (services/safety/populations.py); the adult one is then not used.
    """
    daily_replaced, single_replaced = replaced
    route = rules.route_of(regimen.route)
    daily = daily_dose_mg(regimen)
    fields = {
        "daily": format_amount(daily),
        "dose": format_amount(regimen.dose_mg),
        "times": times_words(regimen.times_per_day),
        "route": route,
        "drug": monograph.drug,
    }
    drug_daily, drug_single = drug_limits(monograph, rules)
    max_daily = None if daily_replaced else drug_daily
    max_single = None if single_replaced else drug_single
    weight = patient.weight_kg
    checks = (
        _renal_ceiling_alert(daily, route, patient, monograph, rules)
        or _limit_alert(AlertCode.MAX_DAILY_DOSE_EXCEEDED, daily, max_daily, rules, fields, weight),
        _limit_alert(
            AlertCode.SINGLE_DOSE_HIGH, regimen.dose_mg, max_single, rules, fields, weight
        ),
    )
    return [alert for alert in checks if alert is not None]


def drug_limits(
    monograph: Monograph, rules: SafetyRules
) -> tuple[DoseSpec | None, DoseSpec | None]:
    """The daily and per-dose maxima that hold for the drug as a whole."""
    dosing = monograph.dosing
    single = _drug_limit(dosing.max_single)
    if single is not None and _below_own_start(single, dosing.initial, rules):
        single = None
    return _drug_limit(dosing.max_daily), single


def _drug_limit(spec: DoseSpec | None) -> DoseSpec | None:
    """A maximum that holds for the drug: one stated for a single use, where the sources dose
    other uses differently, is not (the request does not say what the drug is taken for)."""
    return None if spec is None or spec.use else spec


def _below_own_start(single: DoseSpec, initial: DoseSpec | None, rules: SafetyRules) -> bool:
    """Whether a per-dose maximum lies below the once-a-day starting dose the sources give for
    the same route ("start on 2 mg once a day" beside "the maximum is 1 mg twice daily" of a
    paragraph about older people): the sources contradict it as a limit for everyone, so it
    belongs to a narrower use or population and is no alarm for the drug."""
    if initial is None or initial.frequency_per_day != 1:
        return False
    if not rules.same_route(initial.route, single.route):
        return False
    start, most = _milligrams(initial.amount, initial.unit), _milligrams(single.amount, single.unit)
    return start is not None and most is not None and most < start * (1 - _TOLERANCE)


def _limit_alert(
    code: AlertCode,
    amount: float,
    spec: DoseSpec | None,
    rules: SafetyRules,
    fields: dict[str, str],
    weight_kg: float | None = None,
) -> Alert | None:
    """An alert when `amount` is over the maximum `spec` states for the regimen's route (a
    per-kilogram maximum at the patient's weight)."""
    limit = limit_mg(spec, fields["route"], rules, weight_kg)
    if spec is None or limit is None or not _exceeds(amount, limit):
        return None
    if is_per_kg(spec):
        per_kg = f"{format_amount(spec.amount)} {spec.unit}"
        weight = format_amount(weight_kg or 0.0)
        message = render(
            f"{code.value}.per_kg",
            limit=format_amount(limit),
            per_kg=per_kg,
            weight=weight,
            **fields,
        )
    else:
        message = render(code.value, limit=format_amount(limit), **fields)
    return _alert(code, amount, limit, message, rules, list(spec.sources))


def is_per_kg(spec: DoseSpec) -> bool:
    """Whether a dose is stated per kilogram of body weight ("1 mg/kg", "1 mg/kg/day")."""
    return "/kg" in spec.unit.lower().replace(" ", "")


def mass_mg(spec: DoseSpec) -> float | None:
    """A dose's amount in mg (per kilogram when stated so); None for a unit that is no mass."""
    unit = spec.unit.lower().replace(" ", "").split("/kg")[0]
    return _milligrams(spec.amount, unit)


def limit_mg(
    spec: DoseSpec | None, route: str, rules: SafetyRules, weight_kg: float | None = None
) -> float | None:
    """A maximum in mg when it is stated for `route` in a mass unit, or per kilogram with the
    patient's weight known; otherwise None."""
    if spec is None or not rules.same_route(spec.route, route):
        return None
    mass = mass_mg(spec)
    if mass is None or not is_per_kg(spec):
        return mass
    return mass * weight_kg if weight_kg else None


def dosing_route(monograph: Monograph, rules: SafetyRules) -> str:
    """The route the monograph's dose facts are stated for."""
    dosing = monograph.dosing
    for spec in (dosing.max_daily, dosing.initial, dosing.max_single):
        if spec is not None and spec.route:
            return rules.route_of(spec.route)
    return rules.route_when_unstated


def matching_adjustments(monograph: Monograph, egfr: float | None) -> list[RenalAdjustment]:
    """The monograph's renal dose rules whose eGFR range contains the patient's eGFR.

    Only for reduced kidney function (eGFR below 60): a band read without its upper bound
    ("30 and above") never lowers the dose of someone whose kidneys work normally.
    """
    if egfr is None or egfr >= REDUCED_KIDNEY_EGFR:
        return []
    return [
        band
        for band in monograph.dosing.renal_adjustment
        if (band.egfr_below is None or egfr < band.egfr_below)
        and (band.egfr_at_least is None or egfr >= band.egfr_at_least)
        and (band.egfr_below is not None or band.egfr_at_least is not None)
    ]


def _renal_ceiling_alert(
    daily: float, route: str, patient: Patient, monograph: Monograph, rules: SafetyRules
) -> Alert | None:
    if route != dosing_route(monograph, rules):
        return None
    ceilings = [band for band in matching_adjustments(monograph, patient.egfr) if band.max_daily_mg]
    if not ceilings:
        return None
    strictest = min(ceilings, key=lambda band: band.max_daily_mg or 0.0)
    limit = strictest.max_daily_mg or 0.0
    if not _exceeds(daily, limit):
        return None
    message = render(
        "MAX_DAILY_DOSE_EXCEEDED.renal",
        daily=format_amount(daily),
        limit=format_amount(limit),
        drug=monograph.drug,
        egfr=format_amount(patient.egfr or 0.0),
    )
    return _alert(
        AlertCode.MAX_DAILY_DOSE_EXCEEDED, daily, limit, message, rules, list(strictest.sources)
    )


def _alert(
    code: AlertCode,
    amount: float,
    limit: float,
    message: str,
    rules: SafetyRules,
    sources: list[str],
) -> Alert:
    over = rules.dose_limits.danger_when_over_times
    severity = Severity.DANGER if amount >= limit * over else rules.dose_limits.severity
    return Alert(code=code, severity=severity, message=message, sources=sources)


def _exceeds(amount: float, limit: float) -> bool:
    return amount > limit * (1 + _TOLERANCE)


def _milligrams(amount: float, unit: str) -> float | None:
    words = unit.strip().lower().split("/")[0].split()
    if not words or "/kg" in unit.lower().replace(" ", ""):
        return None  # a per-kilogram amount is no mass of its own (see mass_mg)
    name = words[0].rstrip("s") if words[0] not in ("mg", "mcg", "g") else words[0]
    name = _UNIT_NAMES.get(name, name)
    if not is_mass_unit(name):
        return None
    return Dose(amount=amount, unit=name).milligrams()


def dose_not_checked(
    regimen: Regimen,
    patient: Patient,
    monograph: Monograph,
    rules: SafetyRules,
    replaced: tuple[bool, bool] = (False, False),
) -> list[NotChecked]:
    """No maximum in the sources for this patient, a route the sources give no limit for, or
    a limit in a unit that is not a mass: each says the dose was not checked (never "all
    clear"). `replaced` as in check_dose_limits: a population maximum that fits was checked."""
    dosing = monograph.dosing
    per_use = [spec for spec in (dosing.max_daily, dosing.max_single) if spec and spec.use]
    specs = [spec for spec in drug_limits(monograph, rules) if spec]
    if per_use and not specs and not any(replaced):
        use = per_use[0].use or ""
        reason = render("not_checked.per_use", drug=monograph.drug, use=use)
        return [NotChecked(what="dose limit", reason=reason)]
    if not specs:
        return _no_maximum(patient, monograph, replaced)
    route = rules.route_of(regimen.route)
    same_route = [spec for spec in specs if rules.same_route(spec.route, route)]
    if not same_route:
        reason = render("not_checked.route", drug=monograph.drug, route=route)
        return [NotChecked(what="route", reason=reason)]
    if not patient.weight_kg and all(is_per_kg(spec) for spec in same_route):
        reason = render("not_checked.weight", population=f"{route} {monograph.drug}")
        return [NotChecked(what="dose limit", reason=reason)]
    if all(limit_mg(spec, route, rules, patient.weight_kg) is None for spec in same_route):
        reason = render(
            "not_checked.dose_unit", population=f"{route} {monograph.drug}", unit=same_route[0].unit
        )
        return [NotChecked(what="dose unit", reason=reason)]
    return []


def _no_maximum(
    patient: Patient, monograph: Monograph, replaced: tuple[bool, bool]
) -> list[NotChecked]:
    """The sources state no maximum at all: unless a population or kidney limit that fits the
    patient was checked instead, the dose was not checked."""
    ceilings = [band for band in matching_adjustments(monograph, patient.egfr) if band.max_daily_mg]
    if any(replaced) or ceilings:
        return []
    reason = render("not_checked.no_maximum", drug=monograph.drug)
    return [NotChecked(what="dose limit", reason=reason)]
