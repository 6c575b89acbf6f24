"""Events: what to do after a missed dose, and how to taper when stopping suddenly is risky."""

from __future__ import annotations

import re

from medinfo.domain.alerts import Alert, AlertCode, MissedDoseEvent, Regimen, StopEvent, TaperStep
from medinfo.domain.monograph import UNKNOWN, MissedDose, Monograph
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.services.safety.messages import format_amount, join_words, render, sentence

_DAYS_PER = {"day": 1, "week": 7}


def check_missed_dose(
    event: MissedDoseEvent, regimen: Regimen, monograph: Monograph, rules: SafetyRules
) -> Alert:
    """MISSED_DOSE_SKIP when the next dose is near (or the sources say never late, or say only
    to skip it), else TAKE_NOW.

    The message always says never to double up. Without missed-dose facts, or with facts that
    do not say when a late dose may be taken, it gives the usual cautious rule and says so.
    """
    facts = monograph.missed_dose
    sourced = bool(facts.sources) or (
        facts.take_when_remembered is not None
        or facts.skip_if_next_dose_near is not None
        or (bool(sentence(facts.summary)) and facts.summary.strip() != UNKNOWN)
    )
    timed = facts.take_when_remembered is not None or facts.skip_if_next_dose_near is not None
    if not sourced:
        basis = render("missed_dose.unsourced", drug=monograph.drug)
    elif timed:
        basis = render("missed_dose.sourced")
    else:  # "never take a double dose" is all they say about it
        basis = render("missed_dose.timing_unsourced", drug=monograph.drug)
    interval_hours = 24.0 / regimen.times_per_day
    fraction = rules.missed_dose.skip_when_next_dose_within_fraction_of_interval
    near = event.hours_until_next < fraction * interval_hours
    fields = {
        "drug": monograph.drug,
        "next_hours": _hours(event.hours_until_next),
        "basis": basis,
    }
    if facts.take_when_remembered is False:
        code, key = AlertCode.MISSED_DOSE_SKIP, "MISSED_DOSE_SKIP.not_late"
    elif _skip_only(facts):
        code, key = AlertCode.MISSED_DOSE_SKIP, "MISSED_DOSE_SKIP.skip_only"
    elif _in_stated_window(event, facts):
        code, key = AlertCode.MISSED_DOSE_SKIP, "MISSED_DOSE_SKIP.window"
    elif _late_in_day(event, regimen, facts, rules):
        code, key = AlertCode.MISSED_DOSE_SKIP, "MISSED_DOSE_SKIP.late_in_day"
        fields["late_hours"] = format_amount(rules.missed_dose.late_in_day_after_hours)
    elif near:
        code, key = AlertCode.MISSED_DOSE_SKIP, "MISSED_DOSE_SKIP"
    else:
        code, key = AlertCode.MISSED_DOSE_TAKE_NOW, "MISSED_DOSE_TAKE_NOW"
    return Alert(
        code=code,
        severity=rules.missed_dose.severity,
        message=render(key, **fields),
        sources=list(facts.sources) if sourced else [],
    )


def _hours(hours: float) -> str:
    """ "1 hour", "2.5 hours"."""
    return f"{format_amount(hours)} hour{'' if hours == 1 else 's'}"


def _in_stated_window(event: MissedDoseEvent, facts: MissedDose) -> bool:
    """The sources' own skip window holds: the next dose due within their N hours, or more
    than their N hours since the usual time."""
    within, late = facts.skip_within_hours, facts.skip_late_by_hours
    return (within is not None and event.hours_until_next < within) or (
        late is not None and event.hours_since_missed > late
    )


def _late_in_day(
    event: MissedDoseEvent, regimen: Regimen, facts: MissedDose, rules: SafetyRules
) -> bool:
    """A once-a-day dose the sources say to skip when remembered late in the day, remembered
    at least the rules' hours after its usual time."""
    return (
        facts.skip_late_in_day is True
        and regimen.times_per_day == 1
        and event.hours_since_missed >= rules.missed_dose.late_in_day_after_hours
    )


def _skip_only(facts: MissedDose) -> bool:
    """The sources say to skip a missed dose and never to take it late or when remembered
    ("just skip it and take the next one"): what the monograph's summary says too. A stated
    window ("if your next dose is due in less than 6 hours, skip it") is no skip-only rule."""
    windowed = facts.skip_within_hours is not None or facts.skip_late_by_hours is not None
    return (
        facts.skip_if_next_dose_near is True and facts.take_when_remembered is None and not windowed
    )


def plan_stop(
    event: StopEvent, regimen: Regimen, monograph: Monograph, rules: SafetyRules
) -> tuple[Alert | None, list[TaperStep] | None]:
    """TAPER_REQUIRED and a taper plan when the sources say stopping suddenly is risky.

    Steps carry doses and intervals only when the sources' taper rule states them; otherwise
    the plan is one step saying the prescriber sets the schedule. Nothing is invented.
    """
    stopping = monograph.stopping
    if stopping.abrupt_stop_risk is not True:
        return None, None
    short = stopping.risk_after_weeks
    if short is not None and event.weeks_on_drug is not None and event.weeks_on_drug <= short:
        return None, None  # the sources put the risk only after a longer use
    symptoms = [term.strip() for term in stopping.withdrawal_symptoms if term.strip()]
    # the harm is called withdrawal only where the sources call it so; "seizures can come
    # back" is a warning against stopping, not withdrawal
    message = render(
        "TAPER_REQUIRED" if stopping.names_withdrawal or symptoms else "TAPER_REQUIRED.unnamed",
        drug=monograph.drug,
        symptoms=render("taper.symptoms", symptoms=join_words(symptoms[:5])) if symptoms else "",
    )
    alert = Alert(
        code=AlertCode.TAPER_REQUIRED,
        severity=rules.taper.severity,
        message=message,
        sources=list(stopping.sources),
    )
    current = event.current_daily_mg or regimen.dose_mg * regimen.times_per_day
    return alert, taper_plan(stopping.taper, current, rules)


def taper_plan(taper: str | None, current_daily_mg: float, rules: SafetyRules) -> list[TaperStep]:
    """Steps from the sources' taper rule ("reduce by 5 mg every 3 days") or one prescriber step."""
    text = sentence(taper or "")
    steps = _stepped_plan(text, current_daily_mg, rules) if text else None
    if steps:
        return steps
    duration = re.search(rules.taper.duration_pattern, text, re.IGNORECASE) if text else None
    if duration is not None:
        days = _days(duration.group("count"), duration.group("period"))
        note = render("taper.step_duration", days=days)
        return [TaperStep(step=1, daily_mg=None, duration_days=days, note=note)]
    note = (
        render("taper.step_sources", taper=f"{text}.") if text else render("taper.step_prescriber")
    )
    return [TaperStep(step=1, daily_mg=None, duration_days=None, note=note)]


def _stepped_plan(text: str, current: float, rules: SafetyRules) -> list[TaperStep] | None:
    found = re.search(rules.taper.step_pattern, text, re.IGNORECASE)
    if found is None:
        return None
    amount = float(found.group("amount"))
    if found.group("unit").lower().startswith("g"):
        return None
    days = _days(found.group("count"), found.group("period"))
    count = int((current - 1e-9) // amount)
    if amount <= 0 or count < 1 or count >= rules.taper.max_steps:
        return None
    steps = [
        TaperStep(
            step=index,
            daily_mg=round(current - index * amount, 3),
            duration_days=days,
            note=render(
                "taper.step_reduce", daily=format_amount(current - index * amount), days=days
            ),
        )
        for index in range(1, count + 1)
    ]
    steps.append(
        TaperStep(step=count + 1, daily_mg=0.0, duration_days=None, note=render("taper.step_last"))
    )
    return steps


def _days(count: str | None, period: str) -> int:
    return int((count or "1").strip()) * _DAYS_PER[period.lower().rstrip("s")]
