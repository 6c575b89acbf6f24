"""The raw Drugs@FDA and DrugBank tables are read with forms, routes and strengths cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.catalog.tables import (
    clean_strength,
    read_application_types,
    read_marketing_status,
    read_products,
    read_vocabulary,
    split_form,
)
from tests.unit.services.catalog.conftest import write_table


def test_clean_strength_drops_federal_register_note() -> None:
    noted = "20MG **Federal Register determination that product was not discontinued**"
    assert clean_strength(noted) == "20MG"
    assert clean_strength("325MG;7.5MG") == "325MG;7.5MG"


def test_split_form_separates_form_and_route() -> None:
    assert split_form("TABLET, ORALLY DISINTEGRATING;ORAL") == (
        "TABLET, ORALLY DISINTEGRATING",
        "ORAL",
    )
    assert split_form("VIAL") == ("VIAL", "")


def test_read_products_parses_crlf_rows(fixture_data_dir: Path) -> None:
    products = read_products(fixture_data_dir / "drugsatfda-2019")
    zanaflex = [product for product in products if product.drug_name == "ZANAFLEX"]
    assert [(p.form, p.route, p.strength) for p in zanaflex] == [
        ("TABLET", "ORAL", "EQ 4MG BASE"),
        ("TABLET", "ORAL", "EQ 2MG BASE"),
    ]
    assert zanaflex[0].active_ingredient == "TIZANIDINE HYDROCHLORIDE"


def test_read_application_tables(fixture_data_dir: Path) -> None:
    fda = fixture_data_dir / "drugsatfda-2019"
    assert read_application_types(fda)["125000"] == "BLA"
    assert read_marketing_status(fda)[("020397", "002")] == "Discontinued"


def test_read_vocabulary_splits_synonyms(fixture_data_dir: Path) -> None:
    rows = read_vocabulary(
        fixture_data_dir / "drugbank-open-vocabulary" / "drugbank_vocabulary.csv"
    )
    acetaminophen = next(row for row in rows if row.name == "Acetaminophen")
    assert acetaminophen.drugbank_id == "DB90002"
    assert "Paracetamol" in acetaminophen.synonyms


def test_read_products_names_a_missing_column(tmp_path: Path) -> None:
    write_table(tmp_path / "Products.txt", ["ApplNo\tProductNo", "000001\t001"])
    with pytest.raises(InputError, match=r"Products.txt: missing column 'Form'"):
        read_products(tmp_path)


def test_read_products_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"Products\.txt: file not found"):
        read_products(tmp_path)
