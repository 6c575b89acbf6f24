"""Reading MedicationRequests: names, UCUM doses with strengths, timing, routes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medinfo.services.cds.fhir_json import HookError
from medinfo.services.cds.medication_orders import read_order
from tests.cds_requests import medication_request


@pytest.mark.parametrize(
    ("dose", "unit", "expected"),
    [(10, "mg", 10), (0.5, "g", 500), (250, "ug", 0.25), (250, "mcg", 0.25)],
)
def test_read_order_converts_mass_units_to_mg(dose: float, unit: str, expected: float) -> None:
    order = read_order(medication_request("baclofen", dose, unit, frequency=3), "o")
    assert order.dose_mg == pytest.approx(expected)
    assert order.problems == ()


def test_read_order_counts_tablets_with_the_strength_in_the_name() -> None:
    order = read_order(medication_request("Baclofen 10 MG Oral Tablet", 2, "{tbl}"), "o")
    assert order.dose_mg == 20


def test_read_order_reads_millilitres_with_a_per_ml_strength() -> None:
    order = read_order(medication_request("baclofen 5 mg/5 mL oral solution", 10, "mL"), "o")
    assert order.dose_mg == pytest.approx(10)


def test_read_order_uses_a_contained_medications_strength() -> None:
    resource = medication_request("ignored", 2, "{tablet}")
    del resource["medicationCodeableConcept"]
    resource["medicationReference"] = {"reference": "#med1"}
    resource["contained"] = [
        {
            "resourceType": "Medication",
            "id": "med1",
            "code": {"text": "Lioresal"},
            "ingredient": [
                {
                    "itemCodeableConcept": {"text": "baclofen"},
                    "strength": {
                        "numerator": {"value": 10, "unit": "mg", "code": "mg"},
                        "denominator": {"value": 1, "unit": "tablet"},
                    },
                }
            ],
        }
    ]
    order = read_order(resource, "o")
    assert order.names[0] == "Lioresal"
    assert order.dose_mg == 20


def test_read_order_tablets_without_strength_is_a_problem_not_a_guess() -> None:
    order = read_order(medication_request("baclofen", 2, "{tablet}"), "o")
    assert order.dose_mg is None
    assert any("strength" in problem for problem in order.problems)


@pytest.mark.parametrize(
    ("code", "times"), [("BID", 2), ("TID", 3), ("QID", 4), ("QD", 1), ("Q6H", 4), ("QOD", 1)]
)
def test_read_order_reads_timing_codes(code: str, times: int) -> None:
    order = read_order(medication_request("baclofen", 5, timing_code=code), "o")
    assert order.times_per_day == times


def test_read_order_reads_timing_repeat_periods() -> None:
    every_8_hours = medication_request("baclofen", 5, frequency=1, period=8, period_unit="h")
    assert read_order(every_8_hours, "o").times_per_day == 3
    weekly = medication_request("baclofen", 5, frequency=1, period=1, period_unit="wk")
    assert read_order(weekly, "o").times_per_day == 1


@given(st.integers(min_value=1, max_value=24), st.sampled_from([1, 2, 3, 4, 6, 8, 12, 24]))
def test_read_order_times_per_day_is_the_busiest_day(frequency: int, hours: int) -> None:
    order = medication_request("x", 1, frequency=frequency, period=hours, period_unit="h")
    times = read_order(order, "o").times_per_day
    assert times is not None
    assert times == min(24, -(-frequency * 24 // hours))


def test_read_order_maps_snomed_routes_and_keeps_route_text() -> None:
    intrathecal = {"coding": [{"system": "http://snomed.info/sct", "code": "72607000"}]}
    assert read_order(medication_request("b", 1, route=intrathecal), "o").route == "intrathecal"
    assert read_order(medication_request("b", 1, route={"text": "by mouth"}), "o").route == (
        "by mouth"
    )


def test_read_order_without_frequency_says_the_daily_total_was_not_checked() -> None:
    order = read_order(medication_request("baclofen", 5), "o")
    assert order.times_per_day is None
    assert any("daily total" in problem for problem in order.problems)


def test_read_order_rejects_other_resources_and_orders_without_medicine() -> None:
    with pytest.raises(HookError, match="expected a MedicationRequest"):
        read_order({"resourceType": "ServiceRequest"}, "entry[0]")
    nameless = medication_request("x", 1)
    del nameless["medicationCodeableConcept"]
    with pytest.raises(HookError, match="names no medication"):
        read_order(nameless, "entry[0]")
