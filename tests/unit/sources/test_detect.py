"""Tests of format detection from content."""

from __future__ import annotations

import pytest

from medinfo.domain.sources import SourceFormat
from medinfo.sources import detect_format


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ('{"openfda": {}}', "x.txt", SourceFormat.OPENFDA_JSON),
        ('[{"openfda": {}}]', "x.txt", SourceFormat.OPENFDA_JSON),
        ("[Pharmacy](/) | [Help](/help)\n\n# Qvar\nText.", "a.md", SourceFormat.MARKDOWN),
        ('<?xml version="1.0"?>\n<document xmlns="urn:hl7-org:v3">', "a.txt", SourceFormat.SPL_XML),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", SourceFormat.HTML),
        ("<div><p>Loratadine</p></div>", "a.md", SourceFormat.HTML),
        ("---\ntitle: Loratadine\n---\nText.", "a.txt", SourceFormat.MARKDOWN),
        ("## Uses\nHay fever.", "a.txt", SourceFormat.MARKDOWN),
        ("Uses\n- hay fever\nClass | Antihistamine |", "a.md", SourceFormat.MARKDOWN),
        ("Uses\n- hay fever\nClass | Antihistamine |", "a.txt", SourceFormat.TEXT),
        ("Loratadine relieves sneezing.", "a.html", SourceFormat.TEXT),
    ],
)
def test_detect_format_reads_content_first(text: str, name: str, expected: SourceFormat) -> None:
    assert detect_format(text, name) is expected
