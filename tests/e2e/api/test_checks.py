"""POST /api/v1/check: the CheckResponse contract, 422 naming the field, 404 for unknown drugs."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.alerts import CheckResponse

REQUEST = {
    "patient": {"other_medications": ["Percocet", "<script>alert(1)</script>"]},
    "regimen": {"drug": "zanaflex", "dose_mg": 8, "times_per_day": 3},
    "event": {"type": "missed_dose", "hours_since_missed": 1, "hours_until_next": 7},
}


def test_check_returns_the_response_contract(stocked_client: TestClient) -> None:
    response = stocked_client.post("/api/v1/check", json=REQUEST)
    assert response.status_code == 200, response.text
    body = CheckResponse.model_validate(response.json())
    assert set(response.json()) == {"drug", "daily_dose_mg", "alerts", "taper_plan"}
    assert body.drug == "tizanidine"
    assert body.daily_dose_mg == 24
    codes = [alert.code for alert in body.alerts]
    assert "INTERACTION_CNS_DEPRESSANT" in codes
    assert "MISSED_DOSE_TAKE_NOW" in codes


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"regimen": {"drug": "tizanidine", "dose_mg": 0}}, "regimen.dose_mg"),
        ({"regimen": {"drug": "tizanidine"}}, "regimen.dose_mg"),
        ({"regimen": {"drug": "x", "dose_mg": 1}, "event": {"type": "nap"}}, "event"),
        ({"patient": {"egfr": "low"}, "regimen": {"drug": "x", "dose_mg": 1}}, "patient.egfr"),
    ],
)
def test_check_malformed_request_is_422_naming_the_field(
    stocked_client: TestClient, body: object, field: str
) -> None:
    response = stocked_client.post("/api/v1/check", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
    assert response.json()["detail"].startswith(f"request body: {field}: ")


def test_check_invalid_json_is_422_with_the_position(stocked_client: TestClient) -> None:
    response = stocked_client.post(
        "/api/v1/check",
        content=b'{"regimen": {"drug": "x",\n "dose_mg": 1,}}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("request body: invalid JSON at line 2, column")


def test_check_unknown_drug_is_404_with_suggestions(stocked_client: TestClient) -> None:
    body = {"regimen": {"drug": "tizanidxyz", "dose_mg": 1}}
    response = stocked_client.post("/api/v1/check", json=body)
    assert response.status_code == 404
    assert "tizanidine" in [name.lower() for name in response.json()["suggestions"]]


def test_check_drug_without_monograph_is_404_and_says_so(stocked_client: TestClient) -> None:
    response = stocked_client.post(
        "/api/v1/check", json={"regimen": {"drug": "Xanax", "dose_mg": 1}}
    )
    assert response.status_code == 404
    assert response.json()["monograph_available"] is False
    assert response.json()["drug"] == "alprazolam"
    assert "no monograph" in response.json()["detail"]
