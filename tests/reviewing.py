"""Helpers for review tests: a stored monograph with cited side effects, and sample reviews."""

from __future__ import annotations

import hashlib
from typing import Any

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.store.database import Database
from medinfo.store.repositories import CachedMonograph

# A review written for the tests (about a drug that is not the seed drug).
GOOD_REVIEW: dict[str, Any] = {
    "rating": 7,
    "condition": "tension headaches",
    "duration": "about two months",
    "side_effects": ["feeling sick", "drowsy"],
    "text": "Took the edge off my headaches within an hour; my stomach felt unsettled at first.",
}


def put_monograph(
    database: Database, drug: str, side_effects: dict[str, int], brands: tuple[str, ...] = ()
) -> Monograph:
    """Store a monograph whose side effects are each cited by the given number of sources."""
    monograph = Monograph(
        drug=drug,
        brand_names=list(brands),
        side_effects=[
            SideEffect(term=term, serious=False, sources=[f"src{i}" for i in range(count)])
            for term, count in side_effects.items()
        ],
    )
    body = monograph.model_dump_json()
    etag = hashlib.sha256(body.encode()).hexdigest()
    with database.transaction() as store:
        store.monographs.put(CachedMonograph(drug=drug, body=body, etag=etag))
        store.names.replace_for_drug(drug, [(drug, "generic"), *((b, "brand") for b in brands)])
    return monograph


def review(**changes: Any) -> dict[str, Any]:
    """GOOD_REVIEW with some fields changed."""
    return {**GOOD_REVIEW, **changes}
