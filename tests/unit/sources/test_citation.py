"""Citation metadata: publisher and date in one shape, whatever the document's format."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from medinfo.sources.citation import read_date, with_citation
from medinfo.sources.reader import read_document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-12", date(2024, 3, 12)),
        ("2024-03-12T09:30:00+01:00", date(2024, 3, 12)),
        ("20140113", date(2014, 1, 13)),
        ("12 March 2024", date(2024, 3, 12)),
        ("3 Sept. 2021", None),  # not a form we read: left out, never guessed
        ("March 12, 2024", date(2024, 3, 12)),
        ("Mar 12, 2024", date(2024, 3, 12)),
        ("last spring", None),
        ("2024-13-40", None),
        ("", None),
    ],
)
def test_read_date_reads_common_forms_and_never_guesses(text: str, expected: date | None) -> None:
    assert read_date(text) == expected


def test_a_date_in_the_future_is_not_a_publication_date() -> None:
    tomorrow = date.today() + timedelta(days=1)
    assert read_date(tomorrow.isoformat()) is None


def test_the_first_usable_publisher_and_date_win_and_the_title_loses_the_site_name() -> None:
    cited = with_citation(
        {
            "title": "Zorbafen tablets | Example Health",
            "source": "https://example.org/zorbafen",
            "site": "Example Health",
            "date": "not known",
            "last_reviewed": "2022-05-01",
            "url": "javascript:alert(1)",
        }
    )
    assert cited["publisher"] == "Example Health"
    assert cited["title"] == "Zorbafen tablets"
    assert cited["published"] == "2022-05-01"
    assert "url" not in cited  # a script address is never a citation link


def test_html_meta_front_matter_and_labels_give_citations() -> None:
    page = read_document(
        b"<!doctype html><html><head><title>Zorbafen - Example Health</title>"
        b'<meta property="og:site_name" content="Example Health">'
        b'<meta name="dcterms.date" content="2024-03-12T09:00:00Z">'
        b'<link rel="canonical" href="https://example.org/zorbafen"></head>'
        b"<body><h1>Zorbafen</h1><p>Zorbafen eases cramps.</p></body></html>",
        "page.html",
    )
    assert (page.title, page.metadata["publisher"], page.metadata["published"]) == (
        "Zorbafen",
        "Example Health",
        "2024-03-12",
    )
    assert page.metadata["url"] == "https://example.org/zorbafen"
    notes = read_document(
        b"---\ntitle: Zorbafen notes\npublisher: Clinic Leaflets\ndate: 2021-07-04\n---\n\n"
        b"# Zorbafen\n\nZorbafen eases cramps.\n",
        "notes.md",
    )
    assert (notes.title, notes.metadata["publisher"], notes.metadata["published"]) == (
        "Zorbafen notes",
        "Clinic Leaflets",
        "2021-07-04",
    )
    plain = read_document(b"Zorbafen eases cramps. Take it with food.\n", "plain.txt")
    assert "publisher" not in plain.metadata
    assert "published" not in plain.metadata
