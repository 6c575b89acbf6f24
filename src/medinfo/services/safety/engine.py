"""The safety check: a patient, a regimen and an event against one drug's monograph."""

from __future__ import annotations

from medinfo.domain.alerts import (
    Alert,
    AlertCode,
    CheckRequest,
    CheckResponse,
    MissedDoseEvent,
    StopEvent,
    TaperStep,
)
from medinfo.domain.monograph import Monograph
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import components, normalize_name
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from medinfo.services.safety.conditions import check_conditions
from medinfo.services.safety.dose_limits import (
    check_dose_limits,
    daily_dose_mg,
    dose_not_checked,
)
from medinfo.services.safety.duplicates import check_duplicates
from medinfo.services.safety.events import check_missed_dose, plan_stop
from medinfo.services.safety.interactions import check_interactions
from medinfo.services.safety.medicines import MedicineResolver, resolve_medicines, unrecognised
from medinfo.services.safety.populations import check_populations


def check_regimen(
    request: CheckRequest, monograph: Monograph, resolve: MedicineResolver | None = None
) -> CheckResponse:
    """Every alert the monograph's facts support for this request, most severe first.

    Pure: reads only the request, the monograph and the packaged rules and vocabularies
    (loaded once). `resolve` (the catalog) helps name the patient's other medicines.
    A regimen the facts raise no concern about gets no alerts.
    """
    rules = load(SafetyRules)
    vocabulary = medicine_groups()
    patient, regimen, event = request.patient, request.regimen, request.event
    itself = frozenset(components(monograph.drug) or (normalize_name(monograph.drug),))
    medicines = resolve_medicines(patient.other_medications, resolve, exclude=itself)
    populations = check_populations(regimen, patient, monograph, rules)
    replaced = (populations.daily_replaced, populations.single_replaced)
    conditions = check_conditions(patient, monograph, rules)
    stated = {alert.code for alert in conditions}
    alerts: list[Alert] = [
        *check_dose_limits(regimen, patient, monograph, rules, replaced),
        *populations.alerts,
        *check_interactions(patient, medicines, monograph, rules, vocabulary),
        *check_duplicates(medicines, monograph),
    ]
    alerts = [alert for alert in alerts if alert.code not in stated] + conditions
    not_checked = [
        *dose_not_checked(regimen, patient, monograph, rules, replaced),
        *populations.not_checked,
        *unrecognised(medicines, monograph.drug),
    ]
    taper: list[TaperStep] | None = None
    if isinstance(event, MissedDoseEvent):
        alerts.append(check_missed_dose(event, regimen, monograph, rules))
    elif isinstance(event, StopEvent):
        stop_alert, taper = plan_stop(event, regimen, monograph, rules)
        if stop_alert is not None:
            alerts.append(stop_alert)
    alerts.sort(key=lambda alert: -severity_rank(alert.severity))
    return CheckResponse(
        drug=monograph.drug,
        daily_dose_mg=daily_dose_mg(regimen),
        alerts=_one_per_code(alerts),
        not_checked=list({item.reason: item for item in not_checked}.values()),
        taper_plan=taper,
    )


_DOSE_CODES = frozenset({AlertCode.MAX_DAILY_DOSE_EXCEEDED, AlertCode.SINGLE_DOSE_HIGH})


def _one_per_code(alerts: list[Alert]) -> list[Alert]:
    """One dose alert of each code, the first (most severe): a population maximum and the
    kidney ceiling may both find the same excess. Interaction alerts stay one per medicine."""
    seen: set[str] = set()
    kept = []
    for alert in alerts:
        if alert.code in _DOSE_CODES:
            if alert.code in seen:
                continue
            seen.add(alert.code)
        kept.append(alert)
    return kept
