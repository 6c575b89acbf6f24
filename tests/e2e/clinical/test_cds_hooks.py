"""CDS Hooks over HTTP: discovery, order-sign/order-select cards, feedback, 400s for bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from medinfo.interfaces.api.app import create_app
from medinfo.interfaces.clinical.cds_hooks import feedback_log
from tests.cds_requests import full_prefetch, hook_request, medication_request
from tests.cds_schema import assert_valid_discovery, assert_valid_response
from tests.jwt_keys import ISSUER, ClientKey

SIGN = "/cds-services/medinfo-order-sign"
SELECT = "/cds-services/medinfo-order-select"


def test_discovery_lists_both_services_with_prefetch(clinical_client: TestClient) -> None:
    response = clinical_client.get("/cds-services")
    assert response.status_code == 200
    body = response.json()
    assert_valid_discovery(body)
    services = {service["id"]: service for service in body["services"]}
    assert set(services) == {"medinfo-order-select", "medinfo-order-sign"}
    assert services["medinfo-order-sign"]["hook"] == "order-sign"
    prefetch = services["medinfo-order-select"]["prefetch"]
    assert {"patient", "medicationRequests", "medicationStatements", "conditions"} <= set(prefetch)
    for code in ("62238-1", "33914-3", "98979-8", "2160-0"):
        assert code in prefetch["kidneyFunction"]
    assert response.headers["access-control-allow-origin"] == "*"


def _post(client: httpx.Client | TestClient, path: str, body: Any) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(path, content=content, headers={"Content-Type": "application/json"})


@pytest.fixture
def http(live_server: str) -> Any:
    with httpx.Client(base_url=live_server, timeout=20) as client:
        yield client


def _cards(client: httpx.Client, request: dict[str, Any], path: str = SIGN) -> list[Any]:
    response = _post(client, path, request)
    assert response.status_code == 200, response.text
    assert_valid_response(response.json())
    cards: list[Any] = response.json()["cards"]
    return cards


@pytest.mark.slow
def test_order_sign_clean_order_returns_no_cards(http: httpx.Client) -> None:
    order = medication_request("Zanaflex 4 MG Oral Tablet", 1, "{tbl}", timing_code="TID")
    assert _cards(http, hook_request([order], full_prefetch())) == []


@pytest.mark.slow
def test_order_sign_high_dose_and_interaction_give_cited_cards(http: httpx.Client) -> None:
    order = medication_request("tizanidine", 16, "mg", frequency=4)
    cards = _cards(http, hook_request([order], full_prefetch(medicines=("Percocet",))))
    summaries = [card["summary"] for card in cards]
    assert any("daily dose" in summary for summary in summaries)
    assert any("interaction" in summary for summary in summaries)
    for card in cards:
        assert card["source"]["url"].endswith("/drugs/tizanidine")
        assert "**Sources:**" in card["detail"]


@pytest.mark.slow
def test_order_sign_without_prefetch_says_what_was_not_checked(http: httpx.Client) -> None:
    order = medication_request("tizanidine", 4, "mg", frequency=3)
    [card] = _cards(http, hook_request([order]))
    assert card["indicator"] == "info"
    assert "no prefetch was sent" in card["detail"]


@pytest.mark.slow
def test_order_sign_unknown_drug_is_listed_not_checked(http: httpx.Client) -> None:
    order = medication_request("Zorblatix 10 mg", 10, "mg", frequency=1)
    [card] = _cards(http, hook_request([order], full_prefetch()))
    assert "Zorblatix" in card["detail"]
    assert "not a medicine medinfo recognises" in card["detail"]


@pytest.mark.slow
def test_order_select_checks_the_selected_order(http: httpx.Client) -> None:
    orders = [
        medication_request("tizanidine", 30, "mg", frequency=4, order_id="big"),
        medication_request("tizanidine", 2, "mg", frequency=3, order_id="small"),
    ]
    request = hook_request(
        orders, full_prefetch(), hook="order-select", selections=["MedicationRequest/small"]
    )
    assert _cards(http, request, SELECT) == []


def _bad_bundle() -> dict[str, Any]:
    request = hook_request([medication_request("tizanidine", 4)], full_prefetch())
    request["context"]["draftOrders"]["entry"] = [{"resource": "MedicationRequest"}]
    return request


def _bad_prefetch() -> dict[str, Any]:
    request = hook_request([medication_request("tizanidine", 4)], full_prefetch())
    request["prefetch"]["conditions"] = {"resourceType": "Bundle", "entry": {"x": 1}}
    return request


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "names"),
    [
        (b'{"hook": "order-sign",', "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (hook_request([medication_request("tizanidine", 4)], hook="patient-view"), "hook"),
        (_bad_bundle(), "context.draftOrders.entry[0].resource"),
        (_bad_prefetch(), "prefetch.conditions.entry"),
        ({"hook": "order-sign", "hookInstance": "x", "context": {"patientId": "p"}}, "draftOrders"),
    ],
)
def test_order_sign_bad_request_is_400_naming_the_problem(
    http: httpx.Client, body: Any, names: str
) -> None:
    response = _post(http, SIGN, body)
    assert response.status_code == 400
    assert names in response.json()["error"]
    assert "\n" not in response.json()["error"]


def test_unknown_service_is_404(clinical_client: TestClient) -> None:
    response = _post(clinical_client, "/cds-services/nope", {})
    assert response.status_code == 404
    assert "GET /cds-services" in response.json()["error"]


def test_oversized_request_is_413(clinical_client: TestClient) -> None:
    response = _post(clinical_client, SIGN, b" " * (2 * 1024 * 1024 + 1))
    assert response.status_code == 413


def test_feedback_records_outcomes_and_rejects_bad_ones(clinical_client: TestClient) -> None:
    body = {
        "feedback": [
            {
                "card": "9368d37b-283f-44a0-93ea-547cebab93ed",
                "outcome": "overridden",
                "overrideReason": {
                    "reason": {
                        "system": "urn:medinfo:cds:override-reason",
                        "code": "dose-confirmed",
                    },
                    "userComment": "specialist advice",
                },
                "outcomeTimestamp": "2026-12-03T09:30:00Z",
            }
        ]
    }
    response = _post(clinical_client, f"{SIGN}/feedback", body)
    assert response.status_code == 200
    [(service, item)] = feedback_log(clinical_client.app).entries()  # type: ignore[arg-type]
    assert service == "medinfo-order-sign"
    assert item.outcome == "overridden"
    bad = _post(clinical_client, f"{SIGN}/feedback", {"feedback": [{"card": "x"}]})
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("feedback.0.")


def test_preflight_allows_cross_origin_calls(clinical_client: TestClient) -> None:
    response = clinical_client.options(SIGN)
    assert response.status_code == 204
    assert "POST" in response.headers["access-control-allow-methods"]


def test_trusted_issuers_make_bearer_tokens_required(
    fake_real_pipeline: None, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = ClientKey()
    issuers = json.dumps({ISSUER: str(key.write_jwks(tmp_path))})
    monkeypatch.setenv("MEDINFO_CDS_TRUSTED_ISSUERS", issuers)
    request = hook_request([medication_request("tizanidine", 4, frequency=3)], full_prefetch())
    with TestClient(create_app(sqlite_url, cache_seconds=0)) as client:
        refused = _post(client, SIGN, request)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
        token = key.token(f"http://testserver{SIGN}")
        accepted = client.post(SIGN, json=request, headers={"Authorization": f"Bearer {token}"})
        assert accepted.status_code == 200, accepted.text
        client.app.state.medinfo.close()  # type: ignore[attr-defined]


def test_unknown_clinical_paths_answer_json_not_pages(clinical_client: TestClient) -> None:
    for path in ("/fhir/Patient/1", "/cds-services/medinfo-order-sign/extra/path"):
        response = clinical_client.get(path)
        assert response.status_code in (404, 405)
        assert response.headers["content-type"].startswith("application/json")
