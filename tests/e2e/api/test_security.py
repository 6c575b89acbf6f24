"""Security: headers on every response, and hostile input never gives a 500 or reflected markup."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from medinfo.domain.monograph import Monograph
from medinfo.interfaces.api.security import CONTENT_SECURITY_POLICY

SCRIPT = "<script>alert(1)</script>"
HOSTILE = [
    SCRIPT,
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "' OR 1=1 --",
    "baclofen'; DROP TABLE sources; --",
    '" MATCH "x" OR "',
    "NEAR(a b)*",
    "%ff%fe",
    "%00",
    "%E2%80%AE",
    "a" * 10_240,
]
PATHS = ["/drugs/{}", "/drugs/{}/sources", "/api/v1/drugs/{}", "/api/v1/drugs/{}/sources"]
QUERIES = ["/search?q={}", "/api/v1/search?q={}", "/api/v1/search?q=a&limit={}"]


@pytest.mark.parametrize("path", ["/", "/drugs/baclofen", "/api/v1/drugs/baclofen", "/nowhere"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "camera=()" in headers["permissions-policy"]


def test_pages_have_no_inline_scripts_or_styles(client: TestClient, tizanidine: Monograph) -> None:
    for path in ("/", "/drugs/tizanidine", "/drugs/tizanidine/sources", "/search?q=x"):
        text = client.get(path).text
        assert "<script" not in text
        assert "style=" not in text


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("template", PATHS + QUERIES)
def test_hostile_input_gets_a_clean_answer(client: TestClient, template: str, value: str) -> None:
    response = client.get(template.format(value))
    assert response.status_code < 500
    assert "<script>alert" not in response.text
    if response.status_code >= 400 and template.startswith("/api/"):
        assert response.json()["detail"]


def test_search_page_escapes_the_query(client: TestClient) -> None:
    response = client.get("/search", params={"q": SCRIPT})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_long_names_are_refused_not_searched(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/" + "b" * 300)
    assert response.status_code == 422
    assert response.json()["field"] == "name"


def test_unknown_paths_and_methods_are_clean_4xx(client: TestClient) -> None:
    assert client.get("/api/v1/nothing").json()["detail"]
    assert client.post("/api/v1/drugs/baclofen").status_code == 405
    assert client.get("/nowhere").status_code == 404


def test_docs_page_allows_only_its_own_scripts(client: TestClient) -> None:
    policy = client.get("/docs").headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy
    assert "'sha256-" in policy
