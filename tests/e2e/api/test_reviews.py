"""The reviews API over HTTP: submit, validate, rate limit, summarise and moderate with a token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from medinfo.interfaces.app import create_app
from medinfo.services.reviews import RateLimit
from tests.reviewing import put_monograph, review

TOKEN = "a-long-admin-token-for-tests"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> Iterator[TestClient]:
    monkeypatch.setenv("MEDINFO_ADMIN_TOKEN", TOKEN)
    from medinfo.bootstrap import bootstrap

    services = bootstrap(sqlite_url, empty=True)
    put_monograph(services.database, "naproxen", {"nausea": 4}, brands=("Aleve",))
    app = create_app(services=services)
    with TestClient(app) as client:
        yield client
    services.close()


def _submit(client: TestClient, **changes: object) -> int:
    response = client.post("/api/v1/drugs/aleve/reviews", json=review(**changes))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_submitted_review_is_pending_until_approved(client: TestClient) -> None:
    response = client.post("/api/v1/drugs/aleve/reviews", json=review())
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert client.get("/api/v1/drugs/naproxen/reviews/summary").json()["count"] == 0
    approved = client.post(f"/api/v1/admin/reviews/{response.json()['id']}/approve", headers=ADMIN)
    assert approved.json()["status"] == "approved"
    summary = client.get("/api/v1/drugs/naproxen/reviews/summary").json()
    assert summary["count"] == 1
    notes = {item["term"]: item["note"] for item in summary["side_effects"]}
    assert notes["nausea"] == "reported by 1 of 1 reviewers; listed as common by 4 sources"
    listed = client.get("/api/v1/drugs/aleve/reviews").json()["reviews"]
    assert listed[0]["text"] == review()["text"]
    assert "status" not in listed[0]


def test_invalid_review_gets_422_naming_each_field(client: TestClient) -> None:
    response = client.post("/api/v1/drugs/aleve/reviews", json=review(rating=0, text="meh"))
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"rating", "text"}


def test_review_takes_json_whole_numbers_and_old_line_breaks(client: TestClient) -> None:
    text = "Helped my back pain within a week.\rSome nausea at first."
    response = client.post("/api/v1/drugs/aleve/reviews", json=review(rating=7.0, text=text))
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"[1, 2]", 422),
        (b'{"rating": 5, "text": "' + b"x" * 70_000 + b'"}', 413),
    ],
)
def test_malformed_and_oversized_bodies_get_4xx(
    client: TestClient, body: bytes, status: int
) -> None:
    headers = {"Content-Type": "application/json"}
    response = client.post("/api/v1/drugs/aleve/reviews", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["detail"]


def test_review_of_unknown_drug_is_404(client: TestClient) -> None:
    assert client.post("/api/v1/drugs/zzzzqqq/reviews", json=review()).status_code == 404


def test_sixth_review_in_ten_minutes_gets_429_with_retry_after(client: TestClient) -> None:
    client.app.state.review_rate_limit = RateLimit(max_reviews=5, window_seconds=600)  # type: ignore[attr-defined]
    for _ in range(5):
        _submit(client)
    response = client.post("/api/v1/drugs/aleve/reviews", json=review())
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 600


def test_admin_api_requires_the_token(client: TestClient) -> None:
    review_id = _submit(client)
    assert client.get("/api/v1/admin/reviews").status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    response = client.post(f"/api/v1/admin/reviews/{review_id}/approve", headers=wrong)
    assert response.status_code == 401
    assert TOKEN not in response.text
    queue = client.get("/api/v1/admin/reviews", headers=ADMIN).json()["reviews"]
    assert [item["id"] for item in queue] == [review_id]


def test_admin_api_shows_why_a_review_was_held(client: TestClient) -> None:
    _submit(client, text="Great stuff, ring me on 555-201-3344 for cheap supply.")
    [held] = client.get("/api/v1/admin/reviews", headers=ADMIN).json()["reviews"]
    assert "phone number" in held["hold_reason"]


def test_moderation_is_disabled_without_a_configured_token(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDINFO_ADMIN_TOKEN")
    response = client.get("/api/v1/admin/reviews", headers=ADMIN)
    assert response.status_code == 503
    assert "MEDINFO_ADMIN_TOKEN" in response.json()["detail"]


def test_moderating_a_missing_review_is_404(client: TestClient) -> None:
    assert client.post("/api/v1/admin/reviews/4242/reject", headers=ADMIN).status_code == 404
