"""Tests for where a paragraph sits: the heading above it and a question's answer below."""

from __future__ import annotations

import pytest

from medinfo.services.qa.headings import in_context, is_heading
from medinfo.services.qa.passages import split_passages

_LEAFLET = (
    "Using the spray\n\n"
    "Shake the bottle before each use.\n\n"
    "Breathe in gently through the nose while you press.\n\n"
    "Is it safe with other sprays?\n\n"
    "Leave ten minutes between two nasal sprays.\n"
)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Using the spray", True),
        ("Q: Is it safe with other sprays?", True),
        ("Shake the bottle before each use.", False),
        ("| Adults | 2 sprays |", False),
        ("- take it with water\n- swallow it whole", False),
    ],
)
def test_is_heading(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


def test_a_paragraph_takes_the_nearest_heading_above_it() -> None:
    paragraphs = split_passages("s1", _LEAFLET)
    placed = in_context(paragraphs[2], paragraphs)
    assert placed.heading == "Using the spray"
    assert placed.text == paragraphs[2].text


def test_a_question_paragraph_brings_its_answer() -> None:
    paragraphs = split_passages("s1", _LEAFLET)
    placed = in_context(paragraphs[3], paragraphs)
    assert placed.text.endswith("Leave ten minutes between two nasal sprays.")
    assert placed.end == paragraphs[4].end
