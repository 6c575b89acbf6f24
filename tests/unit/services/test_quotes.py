"""Quotes of evidence: plain text of a stored span, markup removed, length capped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medinfo.services.quotes import MAX_QUOTE, quote_span, strip_markup


def test_strip_markup_removes_html_and_markdown() -> None:
    assert strip_markup("<p>Take <b>with</b> food</p>") == "Take with food"
    assert strip_markup("## Dose\n**Two** tablets, see [the label](http://x.org)") == (
        "Dose Two tablets, see the label"
    )
    assert strip_markup("fish &amp; chips") == "fish & chips"


def test_quote_span_outside_the_text_is_empty() -> None:
    assert quote_span("short text", 5, 50) == ""
    assert quote_span("short text", 4, 2) == ""


@given(st.text(min_size=1, max_size=3000), st.integers(0, 3000), st.integers(0, 3000))
def test_quote_span_is_bounded_and_tag_free(text: str, start: int, end: int) -> None:
    quote = quote_span(text, start, end)
    assert len(quote) <= MAX_QUOTE + 2
    assert "<script" not in quote.lower() or "<script" in strip_markup(text).lower()
