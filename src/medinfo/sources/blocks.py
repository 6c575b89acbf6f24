"""Block assembly: reader spans to Blocks with clean text, questions, headings and boilerplate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.sources import SourceFormat
from medinfo.sources.boilerplate import mark_boilerplate
from medinfo.sources.citation import with_citation
from medinfo.sources.markup import clean_text
from medinfo.sources.spans import Span, is_question, split_question, trim

# Spans whose settled parts are kept per process: labels of one drug, and the sections a bulk
# dump repeats, hold the same paragraphs (a few kB each; memory stays flat).
KEPT_SPANS = 8192


def _has_content(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _settle(original: str, fmt: SourceFormat, span: Span) -> list[Span]:
    """Trim a span, give it its clean text and its question kind, or drop it when empty."""
    span = trim(original, span)
    span.text = clean_text(original[span.start : span.end], fmt)
    if not _has_content(span.text):
        return []
    if span.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        if is_question(span.text):
            return [replace(span, kind=BlockKind.QUESTION)]
        parts = split_question(original, fmt, span)
        if len(parts) > 1:
            return [part for piece in parts for part in _settle(original, fmt, piece)]
    return [span]


# What settling a span reads besides its text: kind, level, boilerplate, link-only, listed, heading.
_Draft = tuple[BlockKind, int, bool, bool, bool, str | None]


@lru_cache(maxsize=KEPT_SPANS)
def _settled_alone(raw: str, fmt: SourceFormat, draft: _Draft) -> tuple[Span, ...]:
    """The settled parts of a span whose text is all of `raw` (offsets relative to it):
    settling reads nothing outside the span, so a repeated paragraph is settled once."""
    kind, level, boilerplate, link_only, listed, heading = draft
    span = Span(kind, 0, len(raw), level, boilerplate, link_only, listed, heading)
    return tuple(_settle(raw, fmt, span))


def _settled(original: str, fmt: SourceFormat, span: Span) -> list[Span]:
    """`_settle` of a span, through the kept parts of the same text and draft."""
    start = span.start
    draft = (span.kind, span.level, span.boilerplate, span.link_only, span.listed, span.heading)
    return [
        Span(
            part.kind,
            part.start + start,
            part.end + start,
            part.level,
            part.boilerplate,
            part.link_only,
            part.listed,
            part.heading,
            part.text,
        )
        for part in _settled_alone(original[start : span.end], fmt, draft)
    ]


def _cells(text: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in text.split("|") if cell.strip())


def assemble_blocks(
    original: str,
    fmt: SourceFormat,
    spans: Iterable[Span],
    *,
    find_boilerplate: bool = True,
) -> tuple[Block, ...]:
    """Blocks from a reader's spans, in document order.

    Each block's text is the clean text of `original[start:end]`; its heading is the
    nearest non-boilerplate heading or question above it, unless the reader set one.
    """
    settled = [part for span in spans for part in _settled(original, fmt, span)]
    settled.sort(key=lambda span: span.start)
    if find_boilerplate:
        mark_boilerplate(settled)
    asked_list = _asked_list(settled)
    blocks: list[Block] = []
    current = ""
    for index, span in enumerate(settled):
        heading = span.heading if span.heading is not None else current
        kind = BlockKind.LIST_ITEM if index in asked_list else span.kind
        blocks.append(
            Block(
                kind=kind,
                text=span.text,
                start=span.start,
                end=span.end,
                level=span.level,
                heading=heading,
                boilerplate=span.boilerplate,
                cells=_cells(span.text) if kind is BlockKind.TABLE_ROW else (),
            )
        )
        if kind in (BlockKind.HEADING, BlockKind.QUESTION) and not span.boilerplate:
            current = span.text
    return tuple(blocks)


def _asked_list(spans: list[Span]) -> set[int]:
    """The questions that are items of a list beside other items ("1) How long does it take
    to dissolve? 2) Can I have a beer? 3) If I forget a dose what do I do?" in a forum post):
    the asker's questions, answered elsewhere if at all, so they head nothing."""
    # another item of the list: a list item or a listed question (the answer split from a
    # question's own item, "- **Can I take it with food?** Yes. ...", is a paragraph)
    listed = [
        span.kind is BlockKind.LIST_ITEM or (span.kind is BlockKind.QUESTION and span.listed)
        for span in spans
    ]
    return {
        index
        for index, span in enumerate(spans)
        if span.kind is BlockKind.QUESTION
        and span.listed
        and span.level == 0
        and any(0 <= other < len(spans) and listed[other] for other in (index - 1, index + 1))
    }


def make_document(
    original: str,
    fmt: SourceFormat,
    blocks: tuple[Block, ...],
    metadata: dict[str, str] | None = None,
) -> Document:
    """A Document whose title is the metadata title, else its first level-1 heading, with its
    citation metadata (publisher, date) in one shape."""
    metadata = dict(metadata or {})
    title = metadata.get("title", "") or next(
        (b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), ""
    )
    if title:
        metadata["title"] = title
    metadata = with_citation(metadata)
    title = metadata.get("title", "")
    return Document(original=original, format=fmt, title=title, metadata=metadata, blocks=blocks)
