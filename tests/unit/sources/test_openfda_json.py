"""Tests of the openFDA drug-label JSON reader."""

from __future__ import annotations

import json

import pytest

from medinfo.domain.documents import BlockKind
from medinfo.domain.errors import InputError
from medinfo.sources.openfda_json import read_openfda_json, read_openfda_record
from tests.unit.sources.conftest import FIXTURES, assert_label_names, assert_offsets_slice, of_kind


def test_read_openfda_json_renders_sections_as_text() -> None:
    document = read_openfda_json((FIXTURES / "cetirizine_label.json").read_text(), "c.json")
    headings = of_kind(document, BlockKind.HEADING)
    assert headings == [
        "Indications and Usage",
        "Dosage and Administration",
        "Warnings",
        "Pregnancy or Breast-Feeding",
    ]
    assert document.original.startswith("Indications and Usage\n\nUses:")
    rows = [b.cells for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [("Age", "Dose"), ("Adults", "10 mg once daily")]
    warning = next(b for b in document.blocks if b.heading == "Warnings")
    assert "Avoid alcoholic drinks." in warning.text
    assert_offsets_slice(document)


def test_read_openfda_json_takes_names_from_the_openfda_block() -> None:
    document = read_openfda_json((FIXTURES / "cetirizine_label.json").read_text(), "c.json")
    assert_label_names(
        document, "Example Allergy Relief", "CETIRIZINE HYDROCHLORIDE", "Example Allergy Relief"
    )


def test_read_openfda_record_accepts_a_bare_record() -> None:
    record = {"adverse_reactions": ["Headache and dry mouth were reported."]}
    document = read_openfda_record(record, "r.json")
    assert [b.text for b in document.blocks] == [
        "Adverse Reactions",
        "Headache and dry mouth were reported.",
    ]


def test_read_openfda_json_refuses_several_records() -> None:
    dump = json.dumps({"results": [{"warnings": ["a"]}, {"warnings": ["b"]}]})
    with pytest.raises(InputError, match="holds 2 label records"):
        read_openfda_json(dump, "dump.json")
