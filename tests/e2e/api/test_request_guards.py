"""Request guards: body limits (413), cross-site writes (403), JSON-only reviews, bounded ids."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from medinfo.interfaces.app import create_app

TOKEN = "a-long-admin-token-for-guard-tests"
CHECK = {"regimen": {"drug": "baclofen", "dose_mg": 5, "times_per_day": 3}}


def test_a_body_over_the_limit_is_413_and_not_parsed(client: TestClient) -> None:
    padding = " " * (1024 * 1024 + 1)
    response = client.post(
        "/api/v1/check",
        content=json.dumps(CHECK) + padding,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "larger than the limit" in response.json()["detail"]


def test_a_write_from_another_site_is_403(client: TestClient) -> None:
    foreign = client.post("/api/v1/check", json=CHECK, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    own = client.post("/api/v1/check", json=CHECK, headers={"Origin": "http://testserver"})
    assert own.status_code == 200


def test_review_api_accepts_only_json(client: TestClient) -> None:
    response = client.post(
        "/api/v1/drugs/baclofen/reviews",
        content='{"rating": 4, "text": "helped my spasms a lot over a few weeks"}',
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 415


def test_out_of_range_review_ids_are_422_not_500(
    monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    monkeypatch.setenv("MEDINFO_ADMIN_TOKEN", TOKEN)
    app = create_app(sqlite_url, cache_seconds=0)
    with TestClient(app) as admin_client:
        for review_id in (2**31, 2**63):
            response = admin_client.post(
                f"/api/v1/admin/reviews/{review_id}/approve",
                headers={"Authorization": f"bearer {TOKEN}"},
            )
            assert response.status_code == 422, response.text
        missing = admin_client.post(
            "/api/v1/admin/reviews/12345/approve", headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert missing.status_code == 404
    app.state.medinfo.close()
