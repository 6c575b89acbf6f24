"""The JSON API, the pages, `medinfo show --json` and `medinfo search` agree on what a name is."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app as cli

NAMES = ["Gablofen", "Kemstro", "LIORESAL", "baclofn", "Baclofène", "baclofen 10 mg"]


@pytest.mark.parametrize("name", NAMES)
def test_every_interface_resolves_a_name_to_the_same_drug(
    client: TestClient, sqlite_url: str, name: str
) -> None:
    resolved = client.app.state.medinfo.resolve_name(name).drug  # type: ignore[attr-defined]
    assert resolved == "baclofen"
    assert client.get(f"/api/v1/drugs/{name}").json()["drug"] == resolved
    page = client.get(f"/drugs/{name}", follow_redirects=False)
    assert page.status_code == (200 if name == resolved else 307)
    if page.status_code == 307:
        assert page.headers["location"] == f"/drugs/{resolved}"
    shown = CliRunner().invoke(cli, ["show", name, "--json", "--db", sqlite_url])
    assert json.loads(shown.stdout)["drug"] == resolved
    found = CliRunner().invoke(cli, ["search", name, "--json", "--db", sqlite_url])
    assert json.loads(found.stdout)["drugs"][0]["drug"] == resolved


def test_a_group_name_is_404_naming_it_a_group(client: TestClient) -> None:
    response = client.get("/api/v1/drugs/benzodiazepines")
    assert response.status_code == 404
    assert "group of medicines" in response.json()["detail"]
