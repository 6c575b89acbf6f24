"""Tests of the FDA SPL XML reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo.domain.documents import BlockKind
from medinfo.domain.errors import InputError
from medinfo.sources.spl_xml import loinc_sections, read_spl_xml
from tests.unit.sources.conftest import FIXTURES, assert_label_names, assert_offsets_slice, of_kind


def test_read_spl_xml_reads_sections_lists_and_tables() -> None:
    document = read_spl_xml((FIXTURES / "lisinopril_spl.xml").read_text(), "l.xml")
    assert_label_names(document, "Examplril", "lisinopril", "Examplril (lisinopril)")
    heading = document.blocks[0]
    assert (heading.kind, heading.text, heading.level) == (
        BlockKind.HEADING,
        "1 INDICATIONS AND USAGE",
        1,
    )
    assert "adults & children" in document.blocks[1].text
    items = of_kind(document, BlockKind.LIST_ITEM)
    assert items == ["dizziness", "a dry cough"]
    rows = [b.cells for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [("Headache", "5.7%"), ("Fatigue", "3.3%")]
    assert_offsets_slice(document)


def test_read_spl_xml_names_untitled_sections_by_loinc_code() -> None:
    document = read_spl_xml((FIXTURES / "lisinopril_spl.xml").read_text(), "l.xml")
    angioedema = next(b for b in document.blocks if b.text.startswith("Angioedema"))
    assert angioedema.heading == loinc_sections()["34084-4"] == "Adverse Reactions"


def test_read_spl_xml_reads_shared_examples(openfda_dir: Path) -> None:
    paths = sorted(openfda_dir.glob("spl_example_*.xml"))
    if not paths:
        pytest.skip("no SPL examples in the shared data")
    for path in paths:
        document = read_spl_xml(path.read_text(encoding="utf-8"), path.name)
        assert document.metadata["generic_name"]
        assert document.metadata["brand_name"]
        assert document.metadata["publisher"]  # the labeler, for citing the label
        published = document.metadata["published"]  # the label's effective time, as a date
        assert published.replace("-", "") == document.metadata["effective_time"][:8]
        headings = [b.text.lower() for b in document.blocks if b.kind is BlockKind.HEADING]
        assert any("indications" in text for text in headings)
        assert any("adverse reactions" in text for text in headings)
        assert sum(b.kind is BlockKind.TABLE_ROW for b in document.blocks) > 5
        assert_offsets_slice(document)


def test_read_spl_xml_refuses_other_xml() -> None:
    with pytest.raises(InputError, match="not an FDA SPL label"):
        read_spl_xml('<document xmlns="urn:other"><x/></document>', "other.xml")
