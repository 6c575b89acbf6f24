"""Table rows are read with the headings their header row gives each column."""

from __future__ import annotations

from medinfo.extract.statements import document_statements
from medinfo.extract.table_columns import with_column_headings
from tests.unit.extract.conftest import read_text


def _rows(text: str) -> list[str]:
    statements = with_column_headings(document_statements(read_text(text, "t.md")))
    return [s.text for s in statements if " | " in s.text]


def test_a_row_under_a_header_without_figures_is_read_after_each_heading() -> None:
    rows = _rows("# X\n\n| Kidney function | Dose |\n|---|---|\n| Mild | 5 mg a day |\n")
    assert "Kidney function: Mild | Usual dose: 5 mg a day" in rows


def test_a_first_row_with_figures_is_data_not_headings() -> None:
    rows = _rows("# X\n\n| Adults | 5 mg a day |\n|---|---|\n| Children | 2 mg a day |\n")
    assert not any(":" in row for row in rows)
