"""`medinfo show` and `medinfo sources` on a database created on first use."""

from __future__ import annotations

import json
from pathlib import Path

from medinfo.domain.monograph import Monograph
from tests.documents import IBUPROFEN, write
from tests.e2e.cli.conftest import Invoke


def test_show_json_follows_the_monograph_contract(medinfo: Invoke) -> None:
    result = medinfo("show", "baclofen", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == Monograph.model_validate(data).model_dump(mode="json")
    assert data["drug"] == "baclofen"
    assert data["sources"]


def test_show_resolves_brand_names_and_misspellings(medinfo: Invoke, tmp_path: Path) -> None:
    assert medinfo("ingest", str(write(tmp_path, "ibu.txt", IBUPROFEN))).exit_code == 0
    for name in ("Advil", "ibuprofin"):
        result = medinfo("show", name, "--json")
        assert json.loads(result.stdout)["drug"] == "ibuprofen"


def test_show_text_lists_facts_with_sources_and_disclaimer(medinfo: Invoke, tmp_path: Path) -> None:
    medinfo("ingest", str(write(tmp_path, "ibu.txt", IBUPROFEN)))
    result = medinfo("show", "motrin")
    assert result.exit_code == 0
    assert "Side effects" in result.stdout
    assert "bleeding (serious)" in result.stdout
    assert "not medical advice" in result.stdout


def test_show_unknown_drug_exits_2_with_suggestions(medinfo: Invoke) -> None:
    result = medinfo("show", "bacl")
    assert result.exit_code == 2
    # Monograph names come first, then close catalog names.
    assert result.stderr.strip().startswith("error: unknown drug 'bacl'; did you mean baclofen")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_sources_shows_each_source_with_reliability_and_facts(
    medinfo: Invoke, tmp_path: Path
) -> None:
    medinfo("ingest", str(write(tmp_path, "ibu.txt", IBUPROFEN)), "--url", "https://example.org/i")
    result = medinfo("sources", "advil")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "consumer_article" in lines[0]
    assert "text stored" in lines[0]
    assert "  https://example.org/i" in lines
    assert "  brand name: Advil; Motrin" in lines  # values in words, not internal keys


def test_sources_cites_the_publisher_and_date_a_document_gives(
    medinfo: Invoke, tmp_path: Path
) -> None:
    dated = "---\ntitle: Ibuprofen basics\npublisher: Hillside Pharmacy\ndate: 2022-06-30\n---\n"
    medinfo("ingest", str(write(tmp_path, "ibu.md", dated + IBUPROFEN)))
    lines = medinfo("sources", "ibuprofen").stdout.splitlines()
    assert "Ibuprofen basics" in lines[0]
    assert "  Hillside Pharmacy, 30 June 2022" in lines
