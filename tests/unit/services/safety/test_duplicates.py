"""Duplicates: another product that holds one of the checked drug's own ingredients."""

from __future__ import annotations

import pytest

from medinfo.domain.alerts import AlertCode
from medinfo.domain.monograph import DoseSpec, Dosing, Monograph
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import codes, request


def _combination(drug: str = "oxycodone/acetaminophen") -> Monograph:
    maximum = DoseSpec(amount=60, unit="mg", route="oral", sources=["m"])
    return Monograph(drug=drug, dosing=Dosing(max_daily=maximum))


def test_a_single_ingredient_product_inside_the_combination_is_flagged() -> None:
    response = check_regimen(
        request(
            drug="oxycodone/acetaminophen",
            dose_mg=5,
            times_per_day=4,
            other_medications=["Tylenol 500 mg"],
        ),
        _combination(),
    )
    assert codes(response) == [AlertCode.INTERACTION_OTHER]
    (alert,) = response.alerts
    assert "acetaminophen" in alert.message
    assert "add up" in alert.message
    assert alert.sources == ["m"]


def test_a_combination_holding_the_checked_single_drug_is_flagged() -> None:
    monograph = Monograph(drug="ibuprofen")
    response = check_regimen(
        request(
            drug="ibuprofen",
            dose_mg=200,
            times_per_day=3,
            other_medications=["hydrocodone/ibuprofen"],
        ),
        monograph,
    )
    assert AlertCode.INTERACTION_OTHER in codes(response)
    assert any("ibuprofen" in alert.message for alert in response.alerts)


@pytest.mark.parametrize("other", ["Percocet", "amlodipine"])
def test_the_same_medicine_by_its_brand_or_an_unrelated_one_is_not_a_duplicate(
    other: str,
) -> None:
    checked = request(
        drug="oxycodone/acetaminophen", dose_mg=5, times_per_day=4, other_medications=[other]
    )
    assert codes(check_regimen(checked, _combination())) == []
