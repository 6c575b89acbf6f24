"""The build turns the raw tables into a small, deterministic catalog of processed facts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from medinfo.services.catalog.build import build_catalog, encode_catalog, main, write_catalog
from medinfo.services.catalog.snapshot import decode_products, packaged_catalog_path

MAX_SHIPPED_BYTES = 2_000_000


def _by_name(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {drug["name"]: drug for drug in document["drugs"]}


def _products(document: dict[str, Any], name: str) -> list[dict[str, str]]:
    fields = document["product_fields"]
    rows = decode_products(_by_name(document)[name]["products"])
    return [dict(zip(fields, row, strict=True)) for row in rows]


def test_build_groups_salts_under_the_base_drug(fixture_data_dir: Path) -> None:
    tizanidine = _by_name(build_catalog(fixture_data_dir))["tizanidine"]
    assert tizanidine["brand_names"] == ["ZANAFLEX"]
    assert tizanidine["salts"] == ["tizanidine hydrochloride"]
    assert tizanidine["drugbank_id"] == "DB90001"
    assert tizanidine["synonyms"] == ["Tizanidin", "Tizanidina"]
    assert len(decode_products(tizanidine["products"])) == 3


def test_build_keeps_combination_components(fixture_data_dir: Path) -> None:
    combination = _by_name(build_catalog(fixture_data_dir))["acetaminophen; hydrocodone"]
    assert combination["components"] == ["acetaminophen", "hydrocodone"]
    assert combination["brand_names"] == ["NORCO"]
    assert "hydrocodone bitartrate and acetaminophen" in combination["synonyms"]


def test_build_records_application_type_status_and_clean_strength(fixture_data_dir: Path) -> None:
    document = build_catalog(fixture_data_dir)
    rows = _products(document, "tizanidine")
    discontinued = next(row for row in rows if row["strength"] == "EQ 2MG BASE")
    assert discontinued["application"] == "NDA020397"
    assert discontinued["marketing_status"] == "Discontinued"
    assert _products(document, "examplemab")[0]["application"] == "BLA125000"


def test_build_drops_noisy_synonyms_and_generic_labels(fixture_data_dir: Path) -> None:
    drugs = _by_name(build_catalog(fixture_data_dir))
    assert drugs["acetaminophen"]["synonyms"] == ["APAP", "Paracetamol"]
    assert "brand_names" not in drugs["sodium chloride"]


def test_encode_catalog_is_byte_for_byte_repeatable(fixture_data_dir: Path) -> None:
    assert encode_catalog(build_catalog(fixture_data_dir)) == encode_catalog(
        build_catalog(fixture_data_dir)
    )


def test_main_reports_missing_data_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path)]) == 2
    assert "Products.txt: file not found" in capsys.readouterr().err


def test_write_catalog_writes_gzip_json(fixture_data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "catalog.json.gz"
    assert write_catalog(fixture_data_dir, target) == 5
    assert len(json.loads(gzip.decompress(target.read_bytes()))["drugs"]) == 5


@pytest.mark.slow
def test_build_on_real_data_gives_baclofen_brands_forms_and_strengths(real_data_dir: Path) -> None:
    document = build_catalog(real_data_dir)
    baclofen = _by_name(document)["baclofen"]
    assert {"LIORESAL", "GABLOFEN", "KEMSTRO"} <= set(baclofen["brand_names"])
    rows = _products(document, "baclofen")
    assert {(row["form"], row["route"]) for row in rows} >= {
        ("TABLET", "ORAL"),
        ("INJECTABLE", "INTRATHECAL"),
        ("TABLET, ORALLY DISINTEGRATING", "ORAL"),
    }
    assert {"10MG", "20MG", "2MG/ML"} <= {row["strength"] for row in rows}
    assert baclofen["drugbank_id"] == "DB00181"
    assert baclofen["unii"] == "H789N3FKE8"


@pytest.mark.slow
def test_shipped_catalog_equals_a_fresh_build(real_data_dir: Path) -> None:
    shipped = packaged_catalog_path().read_bytes()
    assert len(shipped) < MAX_SHIPPED_BYTES
    assert encode_catalog(build_catalog(real_data_dir)) == shipped, (
        "catalog.json.gz is stale: run python -m medinfo.services.catalog.build"
    )
