"""Conditions: kidney, liver, seizures, pregnancy, breastfeeding, where the monograph names them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from medinfo.domain.alerts import Alert, AlertCode, Patient
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    UNKNOWN,
    Attributed,
    Breastfeeding,
    LimitAdvice,
    Monograph,
    Population,
    PopulationLimit,
    Precaution,
    Pregnancy,
    SideEffect,
    TopicAdvice,
)
from medinfo.knowledge.safety_rules import Condition, SafetyRules, severity_rank
from medinfo.services.safety.dose_limits import matching_adjustments
from medinfo.services.safety.messages import render, sentence


def check_conditions(patient: Patient, monograph: Monograph, rules: SafetyRules) -> list[Alert]:
    """One alert per patient condition that the monograph gives a precaution for."""
    checks = (
        _renal_alert(patient, monograph, rules),
        _simple_alert(
            patient.liver_disease,
            "hepatic",
            AlertCode.HEPATIC_IMPAIRMENT,
            monograph,
            rules,
            _population_rules(monograph, Population.HEPATIC),
        ),
        _simple_alert(
            patient.seizure_history,
            "seizure",
            AlertCode.SEIZURE_RISK,
            monograph,
            rules,
            _side_effects_naming("seizure", monograph, rules),
        ),
        _pregnancy_alert(patient, monograph, rules) if patient.pregnant else None,
        _breastfeeding_alert(patient, monograph, rules) if patient.breastfeeding else None,
    )
    return [alert for alert in checks if alert is not None]


def precautions_for(
    condition: Condition, monograph: Monograph, rules: SafetyRules
) -> list[Precaution]:
    """The monograph's precautions whose wording names `condition`."""
    return [
        item for item in monograph.precautions if rules.names_condition(condition, item.condition)
    ]


def _renal_alert(patient: Patient, monograph: Monograph, rules: SafetyRules) -> Alert | None:
    band = rules.renal_band(patient.egfr)
    if band is None or patient.egfr is None:
        return None
    precautions = precautions_for("renal", monograph, rules)
    adjustments = matching_adjustments(monograph, patient.egfr)
    egfr = patient.egfr
    # a kidney dose rule that holds the patient's eGFR ("at most 300 mg a day below 30 mL/min")
    kidney_rules = [
        rule for rule in _population_rules(monograph, Population.RENAL) if _covers(rule, egfr)
    ]
    if not precautions and not monograph.dosing.renal_adjustment and not kidney_rules:
        return None
    if _above_every_band(patient.egfr, precautions, monograph):
        return None
    if _said_unchanged(patient.egfr, monograph, rules):
        return None
    severity = max(band.severity, rules.condition_severity["renal"], key=severity_rank)
    ruled_out = any(rule.advice is LimitAdvice.AVOID for rule in kidney_rules)
    message = render(
        "RENAL_IMPAIRMENT.avoid" if ruled_out else "RENAL_IMPAIRMENT",
        band=band.label,
        egfr=f"{patient.egfr:g}",
        drug=monograph.drug,
        advice=_advice([item.advice for item in adjustments]),
    )
    cited = adjustments or kidney_rules or monograph.dosing.renal_adjustment
    return Alert(
        code=AlertCode.RENAL_IMPAIRMENT,
        severity=severity,
        message=message,
        sources=_sources([*precautions, *cited]),
    )


def _simple_alert(
    present: bool,
    condition: Condition,
    code: AlertCode,
    monograph: Monograph,
    rules: SafetyRules,
    other_facts: Sequence[Attributed] = (),
) -> Alert | None:
    """The condition's alert when a precaution names it, or another fact makes it matter (a
    liver dose rule; seizures among the drug's own side effects)."""
    if not present:
        return None
    precautions = precautions_for(condition, monograph, rules)
    if not precautions and not other_facts:
        return None
    key = code.value if precautions else f"{code.value}.other_facts"
    if any(getattr(fact, "advice", None) is LimitAdvice.AVOID for fact in other_facts):
        key = f"{code.value}.avoid"  # "must not be used in liver disease"
    message = render(key, drug=monograph.drug)
    return Alert(
        code=code,
        severity=rules.condition_severity[condition],
        message=message,
        sources=_sources([*precautions, *other_facts]),
    )


def _above_every_band(egfr: float, precautions: list[Precaution], monograph: Monograph) -> bool:
    """Whether the sources speak of the kidneys only for bands of kidney function below the
    patient's ("not recommended if creatinine clearance is below 35 mL/min" at an eGFR of 50):
    every kidney rule has an upper bound at or under the eGFR, and every kidney precaution is
    stated by the same words as one of those rules."""
    renal_rules = _population_rules(monograph, Population.RENAL)
    uppers = [rule.kidney_below for rule in renal_rules]
    uppers += [band.egfr_below for band in monograph.dosing.renal_adjustment]
    if not uppers or any(upper is None or egfr < upper for upper in uppers):
        return False
    banded = [
        item
        for part in (*renal_rules, *monograph.dosing.renal_adjustment)
        for item in part.evidence
    ]
    return all(
        precaution.evidence and all(_overlaps(span, banded) for span in precaution.evidence)
        for precaution in precautions
    )


def _said_unchanged(egfr: float, monograph: Monograph, rules: SafetyRules) -> bool:
    """Whether a source says kidney problems need no dose change ("no dose change for mild to
    moderate kidney problems") for this eGFR, at or above `renal_no_change_down_to_egfr`, and
    no other kidney rule of the sources (a lower dose, a band) covers it: nothing the sources
    call fine raises an alarm."""
    if egfr < rules.renal_no_change_down_to_egfr or matching_adjustments(monograph, egfr):
        return False
    kidney = [
        limit
        for limit in monograph.dosing.population_limits
        if limit.population is Population.RENAL
    ]
    unchanged = [limit for limit in kidney if limit.advice is LimitAdvice.NO_CHANGE]
    others = [limit for limit in kidney if limit.advice is not LimitAdvice.NO_CHANGE]
    return any(_covers(limit, egfr) for limit in unchanged) and not any(
        _covers(limit, egfr) for limit in others
    )


def _covers(limit: PopulationLimit, egfr: float) -> bool:
    """Whether a kidney rule's band (eGFR standing in for creatinine clearance) holds `egfr`;
    a rule without a band holds every reduced kidney function, a dialysis rule none here."""
    if limit.on_dialysis:
        return False
    return (limit.kidney_at_least is None or egfr >= limit.kidney_at_least) and (
        limit.kidney_below is None or egfr < limit.kidney_below
    )


def _overlaps(span: Evidence, others: list[Evidence]) -> bool:
    return any(
        span.source == other.source and span.start < other.end and other.start < span.end
        for other in others
    )


def _population_rules(monograph: Monograph, population: Population) -> list[PopulationLimit]:
    """The population's dose rules, except those saying the usual dose stands: "no dose
    change is needed for the liver" is no precaution."""
    return [
        limit
        for limit in monograph.dosing.population_limits
        if limit.population is population and limit.advice is not LimitAdvice.NO_CHANGE
    ]


def _side_effects_naming(
    condition: Condition, monograph: Monograph, rules: SafetyRules
) -> list[SideEffect]:
    """The drug's side effects naming `condition`, unless the drug is used to treat it: a
    medicine for epilepsy that "works less well for seizures over time" has not made
    seizures a risk of its own (a precaution naming them still raises the alert)."""
    if any(rules.names_condition(condition, item.condition) for item in monograph.indications):
        return []
    return [item for item in monograph.side_effects if rules.names_condition(condition, item.term)]


def _pregnancy_alert(patient: Patient, monograph: Monograph, rules: SafetyRules) -> Alert | None:
    pregnancy = monograph.pregnancy
    precautions = precautions_for("pregnancy", monograph, rules)
    stated = _stated(pregnancy, pregnancy.summary) or pregnancy.category is not None
    if not stated and not precautions:
        return None
    if _only_reassuring(pregnancy, precautions) and pregnancy.category is None:
        return None  # the sources consider it acceptable in pregnancy and warn of nothing
    severity = rules.condition_severity["pregnancy"]
    category = (pregnancy.category or "").strip().upper()
    summary = pregnancy.summary if _known(pregnancy.summary) else ""
    statement = render("pregnancy.summary", summary=_full_stop(summary)) if summary else ""
    if category:
        severity = rules.pregnancy_category_severity.get(category, severity)
        if not re.search(rf"\bcategory\s+{re.escape(category)}\b", summary, re.IGNORECASE):
            statement = render("pregnancy.category", category=category) + statement
        if not any(marker in summary.lower() for marker in rules.pregnancy_outdated_markers):
            statement += render("pregnancy.outdated")
    message = render("PREGNANCY", statement=statement, drug=monograph.drug)
    return Alert(
        code=AlertCode.PREGNANCY,
        severity=severity,
        message=message,
        sources=_sources([pregnancy, *precautions]),
    )


def _breastfeeding_alert(
    patient: Patient, monograph: Monograph, rules: SafetyRules
) -> Alert | None:
    breastfeeding = monograph.breastfeeding
    precautions = precautions_for("breastfeeding", monograph, rules)
    if not _stated(breastfeeding, breastfeeding.summary) and not precautions:
        return None
    if _only_reassuring(breastfeeding, precautions):
        return None  # the sources consider it compatible with breastfeeding
    summary = ""
    if _known(breastfeeding.summary):
        summary = render("breastfeeding.summary", summary=_full_stop(breastfeeding.summary))
    message = render("BREASTFEEDING", drug=monograph.drug, summary=summary)
    return Alert(
        code=AlertCode.BREASTFEEDING,
        severity=rules.condition_severity["breastfeeding"],
        message=message,
        sources=_sources([breastfeeding, *precautions]),
    )


def _only_reassuring(topic: Pregnancy | Breastfeeding, precautions: list[Precaution]) -> bool:
    """The sources call the drug acceptable (compatible, considered safe) and no other source
    names the condition as a precaution: no alert, since a false alarm is a defect
    (DESIGN.md). A source's own dedicated section outranks its general "tell your doctor if
    you are pregnant or breastfeeding" list (issue 12's precedence)."""
    reassuring = set(topic.sources)
    return topic.advice is TopicAdvice.ACCEPTABLE and all(
        set(precaution.sources) <= reassuring for precaution in precautions
    )


def _stated(part: Attributed, summary: str) -> bool:
    return bool(part.sources) or _known(summary)


def _known(summary: str) -> bool:
    return bool(sentence(summary)) and summary.strip() != UNKNOWN


def _full_stop(text: str) -> str:
    return f"{sentence(text)}."


def _advice(texts: list[str]) -> str:
    kept = [sentence(text) for text in texts if sentence(text)]
    return render("condition.advice", advice="; ".join(dict.fromkeys(kept[:2]))) if kept else ""


def _sources(parts: Sequence[Attributed]) -> list[str]:
    return list(dict.fromkeys(source for part in parts for source in part.sources))
