"""Tests of markup removal and evidence quoting."""

from __future__ import annotations

import pytest

from medinfo.domain.sources import SourceFormat
from medinfo.sources import quote
from medinfo.sources.markup import clean_text, clean_with_positions


def test_quote_strips_markdown_emphasis_links_and_markers() -> None:
    original = "* **Losartan:** lowers [blood pressure](https://example.org/bp) _gently_."
    text = quote(original, SourceFormat.MARKDOWN, 0, len(original))
    assert text == "Losartan: lowers blood pressure gently."


def test_quote_strips_html_tags_scripts_and_entities() -> None:
    original = "<p>Take <b>1&nbsp;tablet</b><script>var x = 1;</script> &amp; rest.</p>"
    assert quote(original, SourceFormat.HTML, 0, len(original)) == "Take 1 tablet & rest."


def test_quote_joins_table_cells_with_pipes() -> None:
    original = "<tr><td>Drug class</td><td></td><td>Statin</td></tr>"
    assert quote(original, SourceFormat.HTML, 0, len(original)) == "Drug class | Statin"
    row = "| Drug class | Statin |"
    assert quote(row, SourceFormat.TEXT, 0, len(row)) == "Drug class | Statin"


def test_quote_refuses_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        quote("short", SourceFormat.TEXT, 2, 40)


@pytest.mark.parametrize("fmt", list(SourceFormat))
def test_clean_with_positions_agrees_with_clean_text(fmt: SourceFormat) -> None:
    raw = "- **Dose:** 10&nbsp;mg <i>daily</i>\n| a | b |\n  [link](x)  "
    text, positions = clean_with_positions(raw, fmt)
    assert text == clean_text(raw, fmt)
    assert len(positions) == len(text)
    assert all(0 <= position < len(raw) for position in positions)
