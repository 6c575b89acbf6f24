"""`medinfo show` resolves every catalog brand and says so when a drug has no monograph yet."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from medinfo.interfaces.app import create_app
from medinfo.interfaces.cli.main import app


def test_show_resolves_a_catalog_brand_to_its_monograph(sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "Gablofen", "--json", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["drug"] == "baclofen"


def test_show_of_a_catalog_drug_says_once_that_there_is_no_monograph(sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "Zanaflex", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("No monograph is available yet") == 1
    assert "Zanaflex" in result.stdout  # the brand as written in prose, not "ZANAFLEX"


def test_show_json_of_a_catalog_drug_is_the_api_json(sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "Zanaflex", "--json", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(sqlite_url)) as client:
        api = client.get("/api/v1/drugs/zanaflex", follow_redirects=True).json()
    assert json.loads(result.stdout) == api
    assert api["monograph_available"] is False
