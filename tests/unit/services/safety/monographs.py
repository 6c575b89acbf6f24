"""Monographs written for the safety tests: the facts in our own words, about several drugs."""

from __future__ import annotations

from typing import Any

from medinfo.domain.alerts import AlertCode, CheckRequest, CheckResponse
from medinfo.domain.monograph import (
    Breastfeeding,
    DoseSpec,
    Dosing,
    Interaction,
    MissedDose,
    Monograph,
    Precaution,
    Pregnancy,
    Stopping,
)


def muscle_relaxant(drug: str = "baclofen", **changes: Any) -> Monograph:
    """A baclofen-like monograph: 80 mg/day oral maximum, sedation interactions, taper needed."""
    monograph = Monograph(
        drug=drug,
        dosing=Dosing(
            initial=DoseSpec(amount=5, unit="mg", frequency_per_day=3, route="oral", sources=["a"]),
            max_daily=DoseSpec(amount=80, unit="mg", route="oral", sources=["a", "b"]),
        ),
        interactions=[
            Interaction(
                agent="alcohol",
                agent_type="substance",
                severity="major",
                effect="more drowsiness and dizziness",
                sources=["a"],
            ),
            Interaction(
                agent="CNS depressants",
                agent_type="class",
                severity="major",
                effect="added sedation",
                sources=["a", "b"],
            ),
            Interaction(agent="sleeping pills", agent_type="class", sources=["b"]),
            Interaction(agent="narcotics", agent_type="class", severity="major", sources=["c"]),
        ],
        precautions=[
            Precaution(
                condition="kidney disease", advice="a lower dose may be needed", sources=["a"]
            ),
            Precaution(condition="liver disease", sources=["b"]),
            Precaution(condition="history of seizures", sources=["a"]),
        ],
        pregnancy=Pregnancy(
            category="C",
            outdated_category=True,
            summary="risk to the unborn baby cannot be ruled out",
            sources=["a"],
        ),
        breastfeeding=Breastfeeding(summary="passes into breast milk", sources=["b"]),
        missed_dose=MissedDose(
            summary="take when remembered unless the next dose is near",
            take_when_remembered=True,
            skip_if_next_dose_near=True,
            never_double=True,
            sources=["a"],
        ),
        stopping=Stopping(
            abrupt_stop_risk=True,
            summary="withdrawal if stopped suddenly",
            withdrawal_symptoms=["seizures", "hallucinations", "fever"],
            sources=["a", "c"],
        ),
    )
    return monograph.model_copy(update=changes)


def alpha_agonist() -> Monograph:
    """A tizanidine-like monograph: 36 mg/day, 12 mg single; two inhibitors contraindicated."""
    return Monograph(
        drug="tizanidine",
        dosing=Dosing(
            max_daily=DoseSpec(amount=36, unit="mg", route="oral", sources=["t1"]),
            max_single=DoseSpec(amount=12, unit="mg", route="oral", sources=["t1"]),
        ),
        interactions=[
            Interaction(
                agent="fluvoxamine",
                severity="contraindicated",
                effect="much higher blood levels",
                sources=["t1"],
            ),
            Interaction(agent="ciprofloxacin", severity="contraindicated", sources=["t1"]),
            Interaction(
                agent="blood pressure medicines",
                agent_type="class",
                severity="moderate",
                effect="low blood pressure",
                sources=["t2"],
            ),
        ],
        precautions=[Precaution(condition="hepatic impairment", sources=["t1"])],
        stopping=Stopping(
            abrupt_stop_risk=True,
            taper="reduce the daily dose by 4 mg every 2 days",
            sources=["t2"],
        ),
    )


def antidepressant() -> Monograph:
    """An SSRI-like monograph: MAOIs contraindicated, other serotonergic drugs major."""
    return Monograph(
        drug="sertraline",
        dosing=Dosing(max_daily=DoseSpec(amount=200, unit="mg", sources=["s1"])),
        interactions=[
            Interaction(
                agent="MAO inhibitors",
                agent_type="class",
                severity="contraindicated",
                effect="serotonin syndrome",
                sources=["s1"],
            ),
            Interaction(agent="triptans", agent_type="class", severity="major", sources=["s2"]),
            Interaction(
                agent="blood thinners",
                agent_type="class",
                severity="moderate",
                effect="bleeding",
                sources=["s2"],
            ),
        ],
        stopping=Stopping(
            abrupt_stop_risk=True, taper="lower gradually over 4 weeks", sources=["s1"]
        ),
    )


def bare(drug: str = "plainomab") -> Monograph:
    """A monograph with no safety facts at all."""
    return Monograph(drug=drug)


def request(
    dose_mg: float = 10,
    times_per_day: int = 3,
    route: str = "oral",
    drug: str = "baclofen",
    event: dict[str, Any] | None = None,
    **patient: Any,
) -> CheckRequest:
    """A check request; patient fields as keyword arguments."""
    return CheckRequest.model_validate(
        {
            "patient": patient,
            "regimen": {
                "drug": drug,
                "dose_mg": dose_mg,
                "times_per_day": times_per_day,
                "route": route,
            },
            "event": event,
        }
    )


def codes(response: CheckResponse) -> list[AlertCode]:
    """The alert codes of a response, in order."""
    return [alert.code for alert in response.alerts]
