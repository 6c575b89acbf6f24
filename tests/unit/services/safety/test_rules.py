"""The safety rules file: routes and renal bands as data."""

from __future__ import annotations

import pytest

from medinfo.knowledge.loading import load
from medinfo.knowledge.safety_rules import SafetyRules


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("Oral", "oral"),
        ("by mouth", "oral"),
        (None, "oral"),
        ("IT", "intrathecal"),
        ("intrathecal pump", "intrathecal"),
        ("IV", "intravenous"),
        ("patch", "transdermal"),
    ],
)
def test_route_of_folds_synonyms(text: str | None, route: str) -> None:
    assert load(SafetyRules).route_of(text) == route


def test_renal_band_none_for_normal_function() -> None:
    rules = load(SafetyRules)
    assert rules.renal_band(60) is None
    assert rules.renal_band(None) is None
    assert rules.renal_band(59.9) is not None
