"""Monographs written for the check and ask tests, and a helper that stores them in a database."""

from __future__ import annotations

import hashlib

from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import Interaction, MissedDose, Monograph, SourceRef
from medinfo.domain.sources import Source
from medinfo.services.monographs import refresh_monograph
from medinfo.store.database import Database
from tests.unit.services.safety.monographs import alpha_agonist

LABEL = SourceRef(id="t1", title="Tizanidine prescribing notes", kind="label", reliability="fda")
GUIDE = SourceRef(id="t2", title="Living with a muscle relaxer", kind="article", reliability="web")

# A source text in our own words, stored for the passage search.
GUIDE_TEXT = """Living with a muscle relaxer

Store the pill bottle in a dry cupboard at room temperature, away from children and pets.

Grapefruit juice is best avoided; ask your pharmacist about other juices.

If you feel faint when standing up, sit down and get up slowly.
"""


def tizanidine() -> Monograph:
    """A tizanidine-like monograph: 36 mg/day, alcohol and opioids, taper, never double."""
    base = alpha_agonist()
    at = Evidence(source="t1", start=0, end=20, section="interactions")
    return base.model_copy(
        update={
            "brand_names": ["Zanaflex"],
            "interactions": [
                *base.interactions,
                Interaction(
                    agent="alcohol",
                    severity="major",
                    effect="more drowsiness",
                    sources=["t1"],
                    evidence=[at],
                ),
                Interaction(agent="opioids", agent_type="class", severity="major", sources=["t2"]),
            ],
            "missed_dose": MissedDose(
                summary="take it when remembered unless the next dose is close",
                take_when_remembered=True,
                skip_if_next_dose_near=True,
                never_double=True,
                sources=["t2"],
            ),
            "sources": [LABEL, GUIDE],
        }
    )


def store_monograph(
    database: Database, monograph: Monograph, texts: dict[str, str] | None = None
) -> None:
    """Store the monograph's sources (with `texts` by source id) and the monograph itself."""
    with database.transaction() as store:
        for ref in monograph.sources:
            digest = hashlib.sha256(f"{monograph.drug}/{ref.id}".encode()).hexdigest()
            source = Source(id=ref.id, title=ref.title, drug=monograph.drug, sha256=digest)
            store.sources.add(source, (texts or {}).get(ref.id))
        refresh_monograph(store, monograph.drug, lambda *_: monograph)
