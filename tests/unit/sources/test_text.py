"""Tests of the plain-text reader's heading, list, table and question inference."""

from __future__ import annotations

from medinfo.domain.documents import BlockKind
from medinfo.sources.text import read_text
from tests.unit.sources.conftest import FIXTURES, assert_offsets_slice, of_kind, texts

ARTICLE = """Amlodipine Overview
Amlodipine is a calcium channel blocker taken once a day.
Indications:
- High blood pressure
- Angina
Dosing
The usual starting dose is 5 mg once daily.
Things to tell your doctor:
Liver problems
Heart failure
Is amlodipine safe with grapefruit?
Small amounts are usually fine.
"""


def test_read_text_infers_headings_from_line_shape() -> None:
    document = read_text(ARTICLE)
    headings = of_kind(document, BlockKind.HEADING)
    assert headings == [
        "Amlodipine Overview",
        "Indications:",  # a label line keeps its colon: it leads in to what follows
        "Dosing",
        "Things to tell your doctor:",
    ]
    assert document.title == "Amlodipine Overview"
    assert_offsets_slice(document)


def test_read_text_reads_unmarked_lines_after_a_colon_as_a_list() -> None:
    document = read_text(ARTICLE)
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == [
        "High blood pressure",
        "Angina",
        "Liver problems",
        "Heart failure",
    ]
    assert items[-1].heading == "Things to tell your doctor:"


def test_read_text_gives_answers_their_question_as_heading() -> None:
    blocks = list(read_text(ARTICLE).blocks)
    question = next(b for b in blocks if b.kind is BlockKind.QUESTION)
    answer = blocks[blocks.index(question) + 1]
    assert question.text == "Is amlodipine safe with grapefruit?"
    assert answer.heading == question.text


def test_read_text_joins_hard_wrapped_paragraphs() -> None:
    original = (
        "Warfarin is a blood thinner that doctors adjust with regular INR tests, and\n"
        "the dose differs a lot from one person to the next.\n"
    )
    document = read_text(original)
    assert len(document.blocks) == 1
    assert document.blocks[0].text.endswith("to the next.")


def test_read_text_marks_fixture_noise_as_boilerplate() -> None:
    document = read_text((FIXTURES / "sertraline_article.txt").read_text())
    noise = texts(document, boilerplate=True)
    for expected in (
        "By Daniel Okafor",
        "Updated on June 12, 2024",
        "Home > Medicines > Sertraline",
        "Read more: Fluoxetine compared with other SSRIs",
        "Advertisement",
        "Share this article",
        "There are no reviews yet.",
        "Write a review",
    ):
        assert expected in noise
    content = texts(document, boilerplate=False)
    assert any(text.startswith("Do not stop taking it suddenly") for text in content)
    assert content.count("Side Effects") == 1
    assert_offsets_slice(document)


def test_read_text_reads_pipe_rows_with_cells() -> None:
    document = read_text((FIXTURES / "sertraline_article.txt").read_text())
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[0].cells == ("Drug Class", "SSRI antidepressant")
    assert rows[0].heading == "Quick Facts"


def test_read_text_short_sentence_case_line_before_a_list_is_a_heading() -> None:
    document = read_text(
        "Zolpidem helps people fall asleep.\n\n"
        "Common side effects\n- Dizziness\n- Headache\n\n"
        "How it works\nIt acts on GABA-A receptors in the brain.\n"
    )
    assert of_kind(document, BlockKind.HEADING) == ["Common side effects", "How it works"]
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.heading for b in items] == ["Common side effects", "Common side effects"]


def test_read_text_a_field_line_with_a_figure_is_no_heading() -> None:
    document = read_text(
        "Citalopram lifts low mood.\n\nThe dose\n\nThe numbers for adults are:\n\n"
        "Starting dose: 20mg once a day\nMaximum: 40mg a day\n"
    )
    headings = of_kind(document, BlockKind.HEADING)
    assert "The dose" in headings
    assert not [h for h in headings if "20mg" in h]


def test_read_text_a_question_marked_q_heads_its_answer_even_with_its_context() -> None:
    document = read_text(
        "QUICK ANSWER BOX\nAdults can take up to 600 mg a day.\n\n"
        "Q. I'm on methotrexate as well. Is that a problem?\n\nA. No, they are often combined.\n\n"
        "Q. How much will I take?\n\nA. The maximum is 400 mg a day.\n"
    )
    questions = of_kind(document, BlockKind.QUESTION)
    assert questions == [
        "Q. I'm on methotrexate as well. Is that a problem?",
        "Q. How much will I take?",
    ]
    answer = next(b for b in document.blocks if b.text.startswith("A. The maximum"))
    assert answer.heading == "Q. How much will I take?"


def test_read_text_a_numbered_line_alone_is_a_section_heading() -> None:
    document = read_text(
        "EXAMPLAMIDE\n\n4. Adverse effects\n\nHeadache is common.\n\n5. Interactions\n\n"
        "  - Warfarin: more bleeding.\n\nSteps:\n1. Take it with food.\n2. Drink water.\n"
    )
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING]
    items = [b.text for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert "Interactions" in " ".join(headings)
    assert "Adverse effects" in " ".join(headings)
    assert any("Take it with food" in item for item in items)


def test_read_text_keeps_consecutive_field_lines_apart() -> None:
    document = read_text(
        "Verapamil\n\nCommon brand names: Calan, Calan SR, Isoptin SR, Verelan, Securon SR\n"
        "Drug class: calcium channel blocker\n"
    )
    assert "Drug class: calcium channel blocker" in texts(document)


def test_read_text_a_list_of_questions_heads_nothing() -> None:
    document = read_text(
        "Hi all. A few questions:\n\n1) Can I have a beer at the weekend?\n"
        "2) If I forget a dose what do I do?\n3) Is it safe in pregnancy? My partner asks.\n\n"
        "Reply: the usual dose is 8 mg.\n"
    )
    asked = [b for b in document.blocks if "forget a dose" in b.text]
    assert [b.kind for b in asked] == [BlockKind.LIST_ITEM]
    reply = next(b for b in document.blocks if b.text.startswith("Reply"))
    assert "forget" not in reply.heading
