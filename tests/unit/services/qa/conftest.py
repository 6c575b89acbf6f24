"""Two small monographs written for these tests, with evidence spans, and a lookup over them."""

from __future__ import annotations

import pytest

from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    Claim,
    Conflict,
    DoseSpec,
    Dosing,
    Faq,
    Indication,
    Interaction,
    Mechanism,
    MissedDose,
    Monograph,
    Onset,
    Precaution,
    Pregnancy,
    SideEffect,
    SourceRef,
    Stopping,
    TermAttribution,
)
from medinfo.services.qa import InMemoryMonographs


def ev(source: str, start: int, section: str) -> Evidence:
    """A made-up span of 40 characters in a made-up source."""
    return Evidence(source=source, start=start, end=start + 40, section=section)


def _tizanidine() -> Monograph:
    return Monograph(
        drug="tizanidine",
        brand_names=["Zanaflex"],
        drug_class=["muscle relaxant"],
        term_sources={
            "drug_class": [
                TermAttribution(
                    term="muscle relaxant", sources=["tz1"], evidence=[ev("tz1", 10, "overview")]
                )
            ]
        },
        mechanism=Mechanism(
            summary="it acts on alpha-2 receptors in the spinal cord to calm nerve signals",
            terms=["alpha-2", "agonist"],
            sources=["tz1"],
            evidence=[ev("tz1", 60, "mechanism")],
        ),
        indications=[
            Indication(
                condition="spasticity", sources=["tz1"], evidence=[ev("tz1", 120, "indications")]
            ),
            Indication(
                condition="tension headache",
                off_label=True,
                sources=["tz2"],
                evidence=[ev("tz2", 30, "off_label")],
            ),
        ],
        forms=["oral tablet", "oral capsule"],
        dosing=Dosing(
            initial=DoseSpec(
                amount=2,
                unit="mg",
                frequency_per_day=3,
                route="oral",
                sources=["tz1"],
                evidence=[ev("tz1", 300, "dosing")],
            ),
            max_daily=DoseSpec(
                amount=36,
                unit="mg",
                route="oral",
                sources=["tz1"],
                evidence=[ev("tz1", 360, "dosing")],
            ),
        ),
        side_effects=[
            SideEffect(
                term="drowsiness", sources=["tz1"], evidence=[ev("tz1", 500, "side_effects")]
            ),
            SideEffect(
                term="dry mouth", sources=["tz1"], evidence=[ev("tz1", 540, "side_effects")]
            ),
            SideEffect(
                term="dizziness", sources=["tz2"], evidence=[ev("tz2", 200, "side_effects")]
            ),
            SideEffect(
                term="low blood pressure",
                serious=True,
                sources=["tz1"],
                evidence=[ev("tz1", 600, "serious_side_effects")],
            ),
            SideEffect(
                term="liver problems",
                serious=True,
                sources=["tz1"],
                evidence=[ev("tz1", 640, "serious_side_effects")],
            ),
        ],
        interactions=[
            Interaction(
                agent="alcohol",
                effect="adds to drowsiness and raises tizanidine blood levels",
                severity="major",
                agent_type="substance",
                sources=["tz1"],
                evidence=[ev("tz1", 800, "interactions")],
            ),
            Interaction(
                agent="ciprofloxacin",
                effect="greatly raises tizanidine levels; do not combine",
                severity="contraindicated",
                sources=["tz1"],
                evidence=[ev("tz1", 850, "interactions")],
            ),
            Interaction(
                agent="opioids",
                effect="extra sedation",
                agent_type="class",
                sources=["tz2"],
                evidence=[ev("tz2", 400, "interactions")],
            ),
        ],
        precautions=[
            Precaution(
                condition="liver disease", sources=["tz1"], evidence=[ev("tz1", 900, "precautions")]
            )
        ],
        pregnancy=Pregnancy(
            category="C",
            outdated_category=True,
            summary="animal studies showed harm; use only when the benefit outweighs the risk",
            sources=["tz1"],
            evidence=[ev("tz1", 1000, "pregnancy")],
        ),
        missed_dose=MissedDose(
            summary="take it when you remember unless the next dose is near",
            take_when_remembered=True,
            skip_if_next_dose_near=True,
            never_double=True,
            sources=["tz2"],
            evidence=[ev("tz2", 600, "missed_dose")],
        ),
        stopping=Stopping(
            abrupt_stop_risk=True,
            summary="stopping suddenly can raise blood pressure and heart rate",
            withdrawal_symptoms=["rebound high blood pressure", "fast heartbeat", "anxiety"],
            sources=["tz1"],
            evidence=[ev("tz1", 1100, "stopping")],
        ),
        onset=Onset(
            summary="muscle tone eases within one to two hours of a dose",
            sources=["tz1"],
            evidence=[ev("tz1", 1200, "onset")],
        ),
        conflicts=[
            Conflict(
                topic="onset",
                note="sources disagree on time to effect",
                claims=[
                    Claim(
                        value="within one to two hours",
                        sources=["tz1"],
                        evidence=[ev("tz1", 1200, "onset")],
                    ),
                    Claim(
                        value="after several days",
                        sources=["tz2"],
                        evidence=[ev("tz2", 700, "faq")],
                    ),
                ],
            )
        ],
        faq=[
            Faq(
                question="Can I drive?",
                answer="Wait until you know how sleepy it makes you before you drive.",
                topic="driving",
                sources=["tz2"],
                evidence=[ev("tz2", 720, "faq")],
            )
        ],
        sources=[
            SourceRef(
                id="tz1", title="Tizanidine label notes", kind="label", reliability="fda_label"
            ),
            SourceRef(
                id="tz2",
                title="Muscle relaxer guide",
                kind="article",
                reliability="consumer_article",
            ),
        ],
    )


def _sertraline() -> Monograph:
    return Monograph(
        drug="sertraline",
        brand_names=["Zoloft"],
        drug_class=["selective serotonin reuptake inhibitor"],
        indications=[
            Indication(
                condition="depression", sources=["st1"], evidence=[ev("st1", 40, "indications")]
            ),
            Indication(
                condition="panic disorder", sources=["st1"], evidence=[ev("st1", 80, "indications")]
            ),
        ],
        dosing=Dosing(
            initial=DoseSpec(
                amount=50,
                unit="mg",
                frequency_per_day=1,
                sources=["st1"],
                evidence=[ev("st1", 200, "dosing")],
            ),
            max_daily=DoseSpec(
                amount=200, unit="mg", sources=["st1"], evidence=[ev("st1", 250, "dosing")]
            ),
        ),
        side_effects=[
            SideEffect(term="nausea", sources=["st1"], evidence=[ev("st1", 400, "side_effects")]),
            SideEffect(term="insomnia", sources=["st1"], evidence=[ev("st1", 440, "side_effects")]),
            SideEffect(
                term="weight gain",
                sources=["st2"],
                flags=["single_weak_source"],
                evidence=[ev("st2", 90, "side_effects")],
            ),
            SideEffect(
                term="serotonin syndrome",
                serious=True,
                sources=["st1"],
                evidence=[ev("st1", 480, "serious_side_effects")],
            ),
        ],
        interactions=[
            Interaction(
                agent="maois",
                effect="risk of serotonin syndrome",
                severity="contraindicated",
                agent_type="class",
                sources=["st1"],
                evidence=[ev("st1", 600, "interactions")],
            ),
            Interaction(
                agent="nsaids",
                effect="higher risk of bleeding",
                agent_type="class",
                sources=["st1"],
                evidence=[ev("st1", 640, "interactions")],
            ),
        ],
        sources=[
            SourceRef(
                id="st1", title="Sertraline leaflet", kind="article", reliability="consumer_article"
            ),
            SourceRef(id="st2", title="Forum digest", kind="article", reliability="user_generated"),
        ],
    )


@pytest.fixture(scope="session")
def tizanidine() -> Monograph:
    return _tizanidine()


@pytest.fixture(scope="session")
def sertraline() -> Monograph:
    return _sertraline()


@pytest.fixture(scope="session")
def lookup(tizanidine: Monograph, sertraline: Monograph) -> InMemoryMonographs:
    return InMemoryMonographs([tizanidine, sertraline])
