"""Tests of the Markdown reader."""

from __future__ import annotations

from medinfo.domain.documents import BlockKind
from medinfo.sources.markdown import parse_front_matter, read_markdown
from tests.unit.sources.conftest import FIXTURES, assert_offsets_slice, of_kind, texts


def _guide() -> str:
    return (FIXTURES / "ibuprofen_guide.md").read_text()


def test_read_markdown_takes_metadata_and_title_from_front_matter() -> None:
    document = read_markdown(_guide())
    assert document.title == "Ibuprofen: a practical guide"
    assert document.metadata["author"] == "Health Notes Team"
    assert document.metadata["tags"] == "pain, nsaid"
    assert all(block.start > document.original.index("tags:") for block in document.blocks)


def test_read_markdown_reads_heading_levels_and_bold_labels() -> None:
    document = read_markdown(_guide())
    headings = {b.text: b.level for b in document.blocks if b.kind is BlockKind.HEADING}
    assert headings["Ibuprofen"] == 1
    assert headings["Side effects"] == 2
    assert headings["Common side effects"] == 3
    brand = next(b for b in document.blocks if b.heading == "Brand Names")
    assert brand.text == "Advil, Nurofen"


def test_read_markdown_splits_faq_items_into_question_and_answer() -> None:
    blocks = list(read_markdown(_guide()).blocks)
    question = next(b for b in blocks if b.text == "Can I take ibuprofen with food?")
    answer = blocks[blocks.index(question) + 1]
    assert question.kind is BlockKind.QUESTION
    assert question.heading == "FAQ"
    assert answer.kind is BlockKind.PARAGRAPH
    assert answer.text == "Yes. Taking it with food or milk protects the stomach."


def test_read_markdown_marks_contents_links_and_promotions_as_boilerplate() -> None:
    document = read_markdown(_guide())
    noise = texts(document, boilerplate=True)
    assert {"Contents", "Key facts", "How it works", "FAQ"} <= set(noise)
    assert "Medically reviewed by Dr. Lena Schmidt" in noise
    assert any(text.startswith("Related:") for text in noise)
    content_headings = [b.text for b in document.content_blocks() if b.kind is BlockKind.HEADING]
    assert "Key facts" in content_headings
    assert_offsets_slice(document)


def test_read_markdown_reads_tables_numbered_lists_and_wrapped_paragraphs() -> None:
    document = read_markdown(_guide())
    rows = [b.cells for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert ("Drug class", "Non-steroidal anti-inflammatory drug (NSAID)") in rows
    items = of_kind(document, BlockKind.LIST_ITEM)[-2:]
    assert items == ["Black or bloody stools", "Swelling of the face or throat"]
    mechanism = next(b for b in document.blocks if b.heading == "How it works")
    assert mechanism.text.endswith("pain and swelling.")


def test_parse_front_matter_falls_back_to_plain_fields() -> None:
    metadata = parse_front_matter("title: Aspirin: uses and risks\nauthor: Sam\n")
    assert metadata == {"title": "Aspirin: uses and risks", "author": "Sam"}


def test_read_markdown_reads_front_matter_with_windows_line_ends() -> None:
    original = "---\r\ntitle: Zinc\r\ndraft: true\r\n---\r\n# Zinc lozenges\r\n\r\n- Colds\r\n"
    document = read_markdown(original)
    assert document.metadata == {"title": "Zinc", "draft": "true"}
    assert [b.text for b in document.blocks] == ["Zinc lozenges", "Colds"]
    assert_offsets_slice(document)


def test_read_markdown_answer_mark_keeps_the_question_heading() -> None:
    document = read_markdown(
        "### Q: What about children?\n\n**A:** Children are dosed by weight:\n\n- 15 kg: 30 mg\n"
    )
    item = next(b for b in document.blocks if b.kind is BlockKind.LIST_ITEM)
    assert item.heading == "Q: What about children?"
    assert not [b for b in document.blocks if b.kind is BlockKind.HEADING and b.text == "A"]


def test_read_markdown_reads_a_quoted_summary_box_list() -> None:
    document = read_markdown(
        "# Verapamil\n\n> **At a glance**\n> - What it is: a calcium channel blocker\n"
        "> - Brands you might see: Securon, Univer\n"
    )
    items = [b.text for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "What it is: a calcium channel blocker",
        "Brands you might see: Securon, Univer",
    ]
    assert_offsets_slice(document)
