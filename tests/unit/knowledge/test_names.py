"""Names as readers write them: brand names in prose."""

from __future__ import annotations

import pytest

from medinfo.knowledge.names import brand_in_prose


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("LIPITOR", "Lipitor"),
        ("ZYRTEC-D", "Zyrtec-D"),
        ("WELLBUTRIN XL", "Wellbutrin XL"),
        ("PLAN B ONE-STEP", "Plan B One-Step"),
        ("EpiPen", "EpiPen"),
    ],
)
def test_brand_in_prose(raw: str, shown: str) -> None:
    assert brand_in_prose(raw) == shown
