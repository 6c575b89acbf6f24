"""Catalog strengths as a reader writes them."""

from __future__ import annotations

import pytest

from medinfo.services.catalog_display import display_strength


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("EQ 10MG BASE", "10 mg"),
        ("5MG/ML", "5 mg/ml"),
        ("10MG;20MG", "10 mg; 20 mg"),
        ("EQ 2.5MG BASE/5ML", "2.5 mg/5 ml"),
        ("0.05%", "0.05%"),
    ],
)
def test_display_strength(raw: str, shown: str) -> None:
    assert display_strength(raw) == shown
