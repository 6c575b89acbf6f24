"""`medinfo search`: the website's search from the command line, JSON as the API gives it."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from medinfo.interfaces.app import create_app
from tests.e2e.cli.conftest import Invoke


@pytest.mark.parametrize("query", ["Gablofen", "kemstro", "baclofn", "BACLOFÈNE"])
def test_search_finds_a_drug_by_brand_accent_or_typo(medinfo: Invoke, query: str) -> None:
    result = medinfo("search", query)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Drugs:"
    assert lines[1].strip().startswith("baclofen")


def test_search_json_is_the_api_search_json(medinfo: Invoke, sqlite_url: str) -> None:
    for query in ("lioresal", "atazanavir sulfate", "drowsiness", "baclofn"):
        result = medinfo("search", query, "--json")
        assert result.exit_code == 0, result.output
        app = create_app(sqlite_url, cache_seconds=0)
        with TestClient(app) as client:
            api = client.get("/api/v1/search", params={"q": query}).json()
        app.state.medinfo.close()
        assert json.loads(result.stdout) == api


def test_search_json_ranks_exact_names_first(medinfo: Invoke) -> None:
    drugs = json.loads(medinfo("search", "baclofen", "--json").stdout)["drugs"]
    assert drugs[0]["drug"] == "baclofen"
    assert drugs[0]["match"] == "exact"
    assert drugs[0]["has_monograph"] is True


def test_search_says_when_nothing_matches(medinfo: Invoke) -> None:
    result = medinfo("search", "qwzxvqwzxv")
    assert result.exit_code == 0
    assert result.stdout.strip() == "Nothing found for 'qwzxvqwzxv'."


def test_search_overlong_query_exits_2_in_one_line(medinfo: Invoke) -> None:
    result = medinfo("search", "x" * 300)
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: q: longer than 200 characters"
