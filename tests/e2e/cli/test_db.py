"""`medinfo db`: a new database with or without the embedded knowledge base; a refresh."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.cli.conftest import Invoke


def test_db_create_loads_the_knowledge_base(medinfo: Invoke) -> None:
    result = medinfo("db", "create")
    assert result.exit_code == 0, result.output
    assert "(1 drugs)" in result.stdout
    assert medinfo("show", "baclofen", "--json").exit_code == 0


def test_db_create_empty_has_no_drugs(medinfo: Invoke) -> None:
    assert medinfo("db", "create", "--empty").exit_code == 0
    result = medinfo("show", "baclofen")
    assert result.exit_code == 0  # the catalog still knows it: said once, plainly
    assert result.stdout.count("No monograph is available yet") == 1


def test_db_create_refuses_an_existing_database(medinfo: Invoke) -> None:
    medinfo("db", "create", "--empty")
    result = medinfo("db", "create")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "already exists" in result.stderr


def test_unusable_database_url_is_one_line_exit_2(medinfo: Invoke) -> None:
    result = medinfo("show", "baclofen", db="nonsense://")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: database ")
    assert result.stderr.count("\n") == 1


def test_db_refresh_reads_ingested_documents_again(medinfo: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "ibuprofen.txt"
    article.write_text("Ibuprofen (Advil) may cause nausea or a rash.\n", encoding="utf-8")
    assert medinfo("ingest", str(article)).exit_code == 0
    result = medinfo("db", "refresh")
    assert result.exit_code == 0, result.output
    assert result.stdout == "read 1 sources again; 2 drugs reconciled again\n"
    shown = medinfo("show", "ibuprofen", "--json")
    assert {effect["term"] for effect in json.loads(shown.stdout)["side_effects"]} == {
        "nausea",
        "rash",
    }


def test_db_refresh_of_an_unusable_database_is_one_line_exit_2(medinfo: Invoke) -> None:
    result = medinfo("db", "refresh", db="nonsense://")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: database ")
    assert result.stderr.count("\n") == 1
