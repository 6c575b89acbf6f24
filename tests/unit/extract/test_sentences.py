"""Tests of text units: sentences, labels and cells with spans in the original."""

from __future__ import annotations

from medinfo.extract.sentences import split_cell, split_sentences, units_of
from tests.unit.extract.helpers import make_document


def test_split_sentences_keeps_abbreviations_inside_a_sentence() -> None:
    text = "Take it with food, e.g. after breakfast. Do not crush it!"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Take it with food, e.g. after breakfast.",
        "Do not crush it!",
    ]


def test_split_cell_lists_the_items_of_a_table_cell() -> None:
    assert split_cell("Nausea, headache; dry mouth.") == ["Nausea", "headache", "dry mouth"]


def test_units_of_a_labelled_list_item_point_into_the_original() -> None:
    document = make_document("## Side effects\n\n- **Headache:** usually mild. Drink water.\n")
    item = document.blocks[-1]
    units = units_of(document, item)
    assert [(u.role, document.original[u.start : u.end]) for u in units] == [
        ("label", "Headache"),
        ("description", "usually mild."),
        ("description", "Drink water."),
    ]


def test_units_of_a_table_row_are_its_cells() -> None:
    document = make_document("| Forms | Tablet, capsule |\n")
    units = units_of(document, document.blocks[0])
    assert [u.text for u in units] == ["Forms", "Tablet, capsule"]


def test_units_of_a_paragraph_opening_with_a_topic_and_a_full_stop_label_it() -> None:
    document = make_document("# Drug\n\nAlcohol. Best avoided early on.\n\nThanks. See you.\n")
    topic, thanks = (units_of(document, block) for block in document.blocks[1:])
    assert [(unit.role, unit.text) for unit in topic] == [
        ("label", "Alcohol"),
        ("description", "Best avoided early on."),
    ]
    assert [unit.role for unit in thanks] == ["sentence", "sentence"]
