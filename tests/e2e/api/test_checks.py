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
    assert set(response.json()) == {"drug", "daily_dose_mg", "alerts", "not_checked", "taper_plan"}
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
        ({"patient": {"egfr": True}, "regimen": {"drug": "x", "dose_mg": 1}}, "patient.egfr"),
        ({"regimen": {"drug": "x", "dose_mg": "5"}}, "regimen.dose_mg"),
        ({"patient": {"pregnant": 1}, "regimen": {"drug": "x", "dose_mg": 1}}, "patient.pregnant"),
    ],
)
def test_check_malformed_request_is_422_naming_the_field(
    stocked_client: TestClient, body: object, field: str
) -> None:
    response = stocked_client.post("/api/v1/check", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
    assert response.json()["detail"].startswith(f"request body: {field}: ")


def test_check_takes_a_whole_number_written_with_a_decimal_point(
    stocked_client: TestClient,
) -> None:
    regimen = {"drug": "tizanidine", "dose_mg": 4, "times_per_day": 3.0}
    response = stocked_client.post("/api/v1/check", json={"regimen": regimen})
    assert response.status_code == 200, response.text
    assert response.json()["daily_dose_mg"] == 12


def test_check_invalid_json_is_422_with_the_position(stocked_client: TestClient) -> None:
    response = stocked_client.post(
        "/api/v1/check",
        content=b'{"regimen": {"drug": "x",\n "dose_mg": 1,}}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("request body: invalid JSON at line 2, column")


def test_check_unknown_drug_is_not_checked_with_suggestions(stocked_client: TestClient) -> None:
    body = {"regimen": {"drug": "tizanidxyz", "dose_mg": 1}}
    response = stocked_client.post("/api/v1/check", json=body)
    assert response.status_code == 200
    assert response.json()["alerts"] == []
    [item] = response.json()["not_checked"]
    assert item["what"] == "monograph"
    assert "tizanidine" in item["reason"].lower()


def test_check_drug_without_monograph_says_nothing_was_checked(
    stocked_client: TestClient,
) -> None:
    response = stocked_client.post(
        "/api/v1/check", json={"regimen": {"drug": "Xanax", "dose_mg": 1}}
    )
    assert response.status_code == 200
    assert response.json()["alerts"] == []
    [item] = response.json()["not_checked"]
    assert item["what"] == "monograph"
    assert "no monograph for 'alprazolam'" in item["reason"]
