"""The safety check: a patient, a regimen and an event against one drug's monograph."""

from __future__ import annotations

from medinfo.domain.alerts import (
    Alert,
    CheckRequest,
    CheckResponse,
    MissedDoseEvent,
    StopEvent,
    TaperStep,
)
from medinfo.domain.monograph import Monograph
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import normalize_name
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from medinfo.services.safety.conditions import check_conditions
from medinfo.services.safety.dose_limits import check_dose_limits, daily_dose_mg
from medinfo.services.safety.events import check_missed_dose, plan_stop
from medinfo.services.safety.interactions import check_interactions
from medinfo.services.safety.medicines import MedicineResolver, resolve_medicines


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
    itself = frozenset({normalize_name(monograph.drug)})
    medicines = resolve_medicines(patient.other_medications, resolve, exclude=itself)
    alerts: list[Alert] = [
        *check_dose_limits(regimen, patient, monograph, rules),
        *check_interactions(patient, medicines, monograph, rules, vocabulary),
        *check_conditions(patient, monograph, rules),
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
        drug=monograph.drug, daily_dose_mg=daily_dose_mg(regimen), alerts=alerts, taper_plan=taper
    )
