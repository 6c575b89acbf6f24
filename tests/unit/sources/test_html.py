"""Tests of the HTML reader."""

from __future__ import annotations

import pytest

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.errors import InputError
from medinfo.sources.html import read_html
from tests.unit.sources.conftest import FIXTURES, assert_offsets_slice, texts


def _page() -> Document:
    return read_html((FIXTURES / "metformin_page.html").read_text(), "metformin_page.html")


def test_read_html_takes_title_and_metadata_from_head() -> None:
    document = _page()
    assert document.title.startswith("Metformin: Uses, Dosing & Side Effects")
    assert document.metadata["url"] == "https://health.example.org/drugs/metformin"
    assert "track()" not in " ".join(texts(document))


def test_read_html_keeps_article_content() -> None:
    document = _page()
    content = texts(document, boilerplate=False)
    assert "Swallow the tablets whole with a glass of water." in content
    assert "Take them with food to reduce stomach upset." in content
    assert content[0] == "Metformin"
    assert content[-1].startswith("This page is for general information")
    assert_offsets_slice(document)


def test_read_html_marks_page_furniture_as_boilerplate() -> None:
    noise = texts(_page(), boilerplate=True)
    for expected in (
        "Drugs A-Z",
        "Home > Drugs > Metformin",
        "By Maria Gonzalez, PharmD",
        "Updated on March 3, 2024",
        "Advertisement",
        "MUST READ: Insulin pens compared",
        "Sitagliptin basics",
        "Get our weekly health newsletter",
        "There are no reviews yet.",
        "© 2024 Example Health. All rights reserved.",
    ):
        assert expected in noise
    assert any(text.startswith("We use cookies") for text in noise)
    assert "What metformin treats" in noise


def test_read_html_reads_details_faq_as_question_and_answer() -> None:
    blocks = list(_page().blocks)
    question = next(b for b in blocks if b.text == "What if I forget a dose?")
    answer = blocks[blocks.index(question) + 1]
    assert question.kind is BlockKind.QUESTION
    assert answer.heading == "What if I forget a dose?"
    inline = next(b for b in blocks if b.text == "Does metformin cause weight gain?")
    assert blocks[blocks.index(inline) + 1].text.startswith("No. Most people")


def test_read_html_reads_table_rows_with_cells_and_levels() -> None:
    document = _page()
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[1].cells == ("Brand names", "Glucophage, Fortamet")
    assert document.original[rows[1].start : rows[1].end].startswith("Brand names</td>")
    sub = next(b for b in document.blocks if b.text == "Common side effects")
    assert (sub.kind, sub.level, sub.heading) == (BlockKind.HEADING, 3, "Side effects")


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("<html><body><p>Ondansetron", "<html> is opened but never closed"),
        ("<body><p>Ondansetron</p>", "<body> is opened but never closed"),
        ("<p>Ondansetron</p><a href='x", "ends inside a tag"),
        ("<p>Ondansetron</p><!-- note", "ends inside a comment"),
    ],
)
def test_read_html_refuses_truncated_pages(page: str, problem: str) -> None:
    with pytest.raises(InputError, match=f"^page.html: truncated HTML: {problem}"):
        read_html(page, "page.html")


def test_read_html_keeps_a_fact_box_aside_and_drops_other_asides() -> None:
    page = (
        "<html><body><main><h1>Diltiazem</h1><p>Diltiazem is a calcium channel blocker.</p>"
        "</main><aside class='quick-facts'><h2>Quick facts</h2><dl><dt>Maximum</dt>"
        "<dd>480mg per day</dd></dl></aside><aside class='box'><p>Related: Amlodipine</p>"
        "</aside></body></html>"
    )
    document = read_html(page, "d.html")
    assert "480mg per day" in texts(document, boilerplate=False)
    assert "Related: Amlodipine" in texts(document, boilerplate=True)
