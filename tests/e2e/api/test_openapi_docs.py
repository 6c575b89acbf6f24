"""The API documentation page works offline: Swagger UI is served from the package."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from medinfo.interfaces.app import create_app


def test_docs_page_loads_swagger_ui_from_this_server(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'docs.db'}"))
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text
    assert "https://" not in page.headers["content-security-policy"]
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "medinfo"
