"""Readers of the raw inputs: the Drugs@FDA tables and the DrugBank open vocabulary."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from medinfo.domain.errors import InputError

FDA_FOLDER = "drugsatfda-2019"
DRUGBANK_FILE = "drugbank-open-vocabulary/drugbank_vocabulary.csv"


@dataclass(frozen=True)
class FdaProduct:
    """One row of Products.txt, with its form split from its route and its strength cleaned."""

    application_number: str
    product_number: str
    form: str
    route: str
    strength: str
    drug_name: str
    active_ingredient: str


@dataclass(frozen=True)
class VocabularyEntry:
    """One DrugBank open-vocabulary row: id, common name, UNII and synonyms."""

    drugbank_id: str
    name: str
    unii: str
    synonyms: tuple[str, ...]


def _read_rows(path: Path, columns: tuple[str, ...], delimiter: str) -> Iterator[dict[str, str]]:
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    encoding = "latin-1" if delimiter == "\t" else "utf-8-sig"
    with path.open(encoding=encoding, newline="") as handle:
        if delimiter == "\t":
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        else:
            reader = csv.DictReader(handle, delimiter=delimiter)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column {missing[0]!r}")
        for row in reader:
            yield {column: (row.get(column) or "").strip() for column in columns}


def clean_strength(strength: str) -> str:
    """A strength without the trailing "**Federal Register ...**" style notes."""
    return " ".join(strength.split("**", 1)[0].split())


def split_form(form_route: str) -> tuple[str, str]:
    """("TABLET", "ORAL") from "TABLET;ORAL"; a value without a route keeps an empty route."""
    form, _, route = form_route.rpartition(";") if ";" in form_route else (form_route, "", "")
    return " ".join(form.split()), " ".join(route.split())


def read_products(fda_dir: Path) -> list[FdaProduct]:
    """All rows of Products.txt."""
    columns = ("ApplNo", "ProductNo", "Form", "Strength", "DrugName", "ActiveIngredient")
    products = []
    for row in _read_rows(fda_dir / "Products.txt", columns, "\t"):
        form, route = split_form(row["Form"])
        products.append(
            FdaProduct(
                application_number=row["ApplNo"],
                product_number=row["ProductNo"],
                form=form,
                route=route,
                strength=clean_strength(row["Strength"]),
                drug_name=" ".join(row["DrugName"].split()),
                active_ingredient=row["ActiveIngredient"],
            )
        )
    return products


def read_application_types(fda_dir: Path) -> dict[str, str]:
    """ApplNo -> NDA, ANDA or BLA, from Applications.txt."""
    rows = _read_rows(fda_dir / "Applications.txt", ("ApplNo", "ApplType"), "\t")
    return {row["ApplNo"]: row["ApplType"] for row in rows}


def read_marketing_status(fda_dir: Path) -> dict[tuple[str, str], str]:
    """(ApplNo, ProductNo) -> status text ("Prescription", "Discontinued", ...)."""
    lookup_rows = _read_rows(
        fda_dir / "MarketingStatus_Lookup.txt",
        ("MarketingStatusID", "MarketingStatusDescription"),
        "\t",
    )
    names = {row["MarketingStatusID"]: row["MarketingStatusDescription"] for row in lookup_rows}
    rows = _read_rows(
        fda_dir / "MarketingStatus.txt", ("MarketingStatusID", "ApplNo", "ProductNo"), "\t"
    )
    return {
        (row["ApplNo"], row["ProductNo"]): names.get(row["MarketingStatusID"], "") for row in rows
    }


def read_vocabulary(path: Path) -> list[VocabularyEntry]:
    """All rows of the DrugBank open vocabulary."""
    columns = ("DrugBank ID", "Common name", "UNII", "Synonyms")
    return [
        VocabularyEntry(
            drugbank_id=row["DrugBank ID"],
            name=row["Common name"],
            unii=row["UNII"],
            synonyms=tuple(
                synonym.strip() for synonym in row["Synonyms"].split(" | ") if synonym.strip()
            ),
        )
        for row in _read_rows(path, columns, ",")
    ]
