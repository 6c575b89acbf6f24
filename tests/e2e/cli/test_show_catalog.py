"""`medinfo show` resolves every catalog brand and says so when a drug has no monograph yet."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app


def test_show_resolves_a_catalog_brand_to_its_monograph(sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "Gablofen", "--json", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["drug"] == "baclofen"


def test_show_of_a_catalog_drug_without_sources_is_one_clear_line(sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "Zanaflex", "--db", sqlite_url])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: no monograph for 'tizanidine' ('Zanaflex'): medinfo has no sources about it "
        "yet, so it has no facts to show or check; ingest a document about it first"
    ]
