"""A rich test monograph for the website: two stored source texts (our own words) about
tizanidine, facts citing spans of them, a conflict and flagged claims."""

from __future__ import annotations

import hashlib
from pathlib import Path

from medinfo.bootstrap import Medinfo
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    Breastfeeding,
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
from medinfo.services.search import index_drug
from medinfo.store.repositories import CachedMonograph
from tests.documents import write

DRUG = "tizanidine"
CLINIC = """# Tizanidine at a glance

Tizanidine (sold as **Zanaflex**) relaxes tight muscles in people with multiple sclerosis
or a spinal cord injury. It acts on alpha-2 receptors in the spinal cord.

Most people start with 2 mg, and the dose should not go past 36 mg in a day.
Sleepiness and a dry mouth are common; low blood pressure and liver injury are serious.
Drinking alcohol adds to the drowsiness. Ciprofloxacin can raise its level a lot.
It may start to help within an hour of a dose.
If a dose is missed, take it when you remember unless the next one is close.
Do not stop suddenly: blood pressure and heart rate can rebound.
"""
FORUM = """Tizanidine notes (AI-generated, may be wrong)

Users say it is a good pill for tension headaches.
Some say it takes two weeks before any change is felt.
Pregnancy category C was listed on an older leaflet.
<script>alert("forum")</script> Keep it away from children.
"""


def _span(text: str, phrase: str, source: str, section: str = "") -> Evidence:
    start = text.index(phrase)
    return Evidence(source=source, start=start, end=start + len(phrase), section=section)


def _id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def tizanidine_monograph(clinic: str = CLINIC, forum: str = FORUM) -> Monograph:
    """The monograph, citing spans of the two texts."""
    a, b = _id(clinic), _id(forum)

    def ca(phrase: str, section: str = "") -> dict[str, object]:
        return {"sources": [a], "evidence": [_span(clinic, phrase, a, section)]}

    def fb(phrase: str) -> dict[str, object]:
        return {"sources": [b], "evidence": [_span(forum, phrase, b)]}

    return Monograph(
        drug=DRUG,
        brand_names=["Zanaflex"],
        drug_class=["muscle relaxant"],
        mechanism=Mechanism(
            summary="Calms nerve signals to muscles (alpha-2 agonist).",
            terms=["alpha-2", "agonist"],
            **ca("alpha-2 receptors"),
        ),
        indications=[
            Indication(condition="spasticity", **ca("relaxes tight muscles", "uses")),
            Indication(
                condition="tension headache",
                off_label=True,
                flags=["single_weak_source"],
                **fb("tension headaches"),
            ),
        ],
        forms=["oral tablet"],
        dosing=Dosing(
            initial=DoseSpec(amount=2, unit="mg", route="oral", **ca("start with 2 mg")),
            max_daily=DoseSpec(amount=36, unit="mg", route="oral", **ca("36 mg in a day")),
        ),
        side_effects=[
            SideEffect(term="sleepiness", **ca("Sleepiness")),
            SideEffect(term="dry mouth", **ca("dry mouth")),
            SideEffect(term="low blood pressure", serious=True, **ca("low blood pressure")),
            SideEffect(term="liver injury", serious=True, **ca("liver injury")),
        ],
        interactions=[
            Interaction(
                agent="ciprofloxacin",
                effect="raises tizanidine levels",
                severity="major",
                **ca("Ciprofloxacin"),
            ),
            Interaction(
                agent="alcohol",
                effect="more drowsiness",
                severity="moderate",
                **ca("Drinking alcohol"),
            ),
        ],
        precautions=[
            Precaution(
                condition="children",
                advice="keep out of reach",
                flags=["single_weak_source"],
                **fb("Keep it away from children"),
            )
        ],
        pregnancy=Pregnancy(
            category="C",
            outdated_category=True,
            flags=["outdated"],
            summary="The sources do not say; ask a pharmacist or doctor.",
            **fb("Pregnancy category C"),
        ),
        breastfeeding=Breastfeeding(),
        missed_dose=MissedDose(
            summary="Take it when you remember unless the next dose is near.",
            take_when_remembered=True,
            skip_if_next_dose_near=True,
            **ca("take it when you remember"),
        ),
        stopping=Stopping(
            abrupt_stop_risk=True,
            summary="Do not stop suddenly; blood pressure can rebound.",
            **ca("Do not stop suddenly"),
        ),
        onset=Onset(summary="Within about an hour of a dose.", **ca("within an hour")),
        faq=[
            Faq(
                question="Can I drink alcohol?",
                answer="It adds to drowsiness.",
                topic="alcohol",
                **ca("Drinking alcohol"),
            )
        ],
        disclaimer_present=False,
        conflicts=[
            Conflict(
                topic="onset",
                note="The sources disagree on how soon it helps.",
                claims=[
                    Claim(value="within an hour", **ca("within an hour")),
                    Claim(value="about two weeks", **fb("two weeks")),
                ],
            )
        ],
        sources=[
            SourceRef(
                id=a,
                title="Tizanidine at a glance",
                kind="article",
                reliability="consumer_article",
                url="https://example.org/tizanidine",
            ),
            SourceRef(
                id=b,
                title="Tizanidine notes <forum>",
                kind="article",
                reliability="user_generated",
                reliability_reason="declares itself AI-generated",
                url="javascript:alert(1)",
            ),
        ],
        term_sources={"brand_names": [TermAttribution(term="Zanaflex", **ca("Zanaflex"))]},
    )


def seed_tizanidine(medinfo: Medinfo, folder: Path) -> Monograph:
    """Ingest both texts (so they are stored) and cache the rich monograph over them."""
    medinfo.ingest_paths(
        [write(folder, "clinic.md", CLINIC)], drug=DRUG, title="Tizanidine at a glance"
    )
    medinfo.ingest_paths([write(folder, "forum.txt", FORUM)], drug=DRUG, title="Tizanidine notes")
    monograph = tizanidine_monograph()
    body = monograph.model_dump_json()
    etag = hashlib.sha256(body.encode("utf-8")).hexdigest()
    with medinfo.database.transaction() as store:
        store.monographs.put(CachedMonograph(drug=DRUG, body=body, etag=etag))
        store.names.replace_for_drug(DRUG, [(DRUG, "generic"), ("Zanaflex", "brand")])
        index_drug(store, monograph)
    return monograph


# The drug page's section headings in the order of the NHS and MedlinePlus medicine pages.
PATIENT_ORDER = (
    "What it is for",
    "Who should not take it, or should check first",
    "How and when to take it",
    "Side effects",
    "Taking it with other medicines, food or alcohol",
    "Pregnancy and breastfeeding",
    "Questions people ask",
)
