"""Markdown reader: YAML front matter, `#` and bold-label headings, lists, pipe tables."""

from __future__ import annotations

import re
from typing import Any

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.sources import SourceFormat
from medinfo.sources.blocks import assemble_blocks, make_document
from medinfo.sources.lines import LIST_MARKER, TABLE_SEPARATOR, Line, is_table_row, split_lines
from medinfo.sources.spans import Span

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_BOLD_LINE = re.compile(r"^[ \t]*(\*\*|__)(?P<label>[^*_\n]+?)(?P<colon>:?)[ \t]*\1[ \t]*:?[ \t]*$")
_BOLD_LABEL = re.compile(
    r"^[ \t]*(\*\*|__)(?P<label>[^*_\n:?]{1,60}?)[ \t]*(?::[ \t]*\1|\1[ \t]*:)[ \t]+(?=\S)"
)
_SIMPLE_FIELD = re.compile(r"^([A-Za-z_][\w -]*):[ \t]*(.*?)[ \t]*$", re.M)
# the marks of a question-and-answer page's turns, which head no section
_DIALOGUE_MARK = re.compile(r"\s*(?:Q|A|Question|Answer|Reply)\s*", re.IGNORECASE)
_MAX_BOLD_HEADING_WORDS = 12
_MAX_LABEL_WORDS = 6


def _scalar(value: Any) -> str | None:
    """A front-matter value as one string; None for nested mappings."""
    if isinstance(value, list):
        parts = [_scalar(item) for item in value]
        return ", ".join(part for part in parts if part)
    if isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def parse_front_matter(block: str) -> dict[str, str]:
    """YAML front matter as flat strings; `key: value` lines when it is not valid YAML."""
    import yaml

    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        loaded = None
    if not isinstance(loaded, dict):
        loaded = {key: value.strip("'\"") for key, value in _SIMPLE_FIELD.findall(block)}
    metadata = {str(key): _scalar(value) for key, value in loaded.items()}
    return {key: value for key, value in metadata.items() if value is not None}


def _unquoted(line: Line) -> Line:
    """A list item, table row or heading in a block quote ("> - Brands: ...", a summary box)
    as the line it quotes; other quoted lines stay paragraphs of their own."""
    quote = _QUOTE.match(line.text)
    if quote is None:
        return line
    inner = Line(line.start + quote.end(), line.end, line.text[quote.end() :])
    quoted_block = (
        LIST_MARKER.match(inner.text) or is_table_row(inner.text) or _ATX.match(inner.text)
    )
    return inner if quoted_block else line


def _starts_block(line: Line) -> bool:
    text = line.text
    return bool(
        _ATX.match(text)
        or LIST_MARKER.match(text)
        or is_table_row(text)
        or _FENCE.match(text)
        or _RULE.match(text)
        or _BOLD_LINE.match(text)
    )


class _MarkdownSpans:
    """Walks Markdown lines and emits spans."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.spans: list[Span] = []
        self.index = 0
        self.section_level = 1

    def follow(self) -> Line | None:
        return self.lines[self.index] if self.index < len(self.lines) else None

    def run(self) -> list[Span]:
        while self.index < len(self.lines):
            line = self.lines[self.index]
            self.index += 1
            self.read_line(line)
        return self.spans

    def read_line(self, line: Line) -> None:
        text = line.text
        if line.blank or _RULE.match(text) or TABLE_SEPARATOR.match(text):
            return
        if atx := _ATX.match(text):
            level = len(atx.group(1))
            self.section_level = level
            start = line.start + atx.start(2)
            end = line.start + atx.end(2)
            if text[atx.end(2) - 1 : atx.end(2)] == ":":
                end -= 1
            self.spans.append(Span(BlockKind.HEADING, start, end, level=level))
        elif fence := _FENCE.match(text):
            self.read_fence(line, fence.group(1))
        elif is_table_row(text):
            self.spans.append(Span(BlockKind.TABLE_ROW, line.start, line.end))
        elif marker := LIST_MARKER.match(text):
            link_only = bool(re.fullmatch(r"\[[^\]]*\]\(#[^)]*\)", text[marker.end() :].strip()))
            end = self.read_continuation(line.end)
            span = Span(BlockKind.LIST_ITEM, line.start + marker.end(), end, listed=True)
            span.link_only = link_only
            self.spans.append(span)
        elif (bold := _BOLD_LINE.match(text)) and len(bold.group("label").split()) <= (
            _MAX_BOLD_HEADING_WORDS
        ):
            self.add_label(line.start + bold.start("label"), line.start + bold.end("label"))
        elif (
            (label := _BOLD_LABEL.match(text))
            and len(label.group("label").split()) <= _MAX_LABEL_WORDS
            # "**A:** ..." answers the question heading above it: no heading of its own
            and not _DIALOGUE_MARK.fullmatch(label.group("label"))
        ):
            self.add_label(line.start + label.start("label"), line.start + label.end("label"))
            end = self.read_continuation(line.end)
            self.spans.append(Span(BlockKind.PARAGRAPH, line.start + label.end(), end))
        else:
            self.read_paragraph(line)

    def add_label(self, start: int, end: int) -> None:
        level = min(6, self.section_level + 1)
        self.spans.append(Span(BlockKind.HEADING, start, end, level=level))

    def read_continuation(self, end: int) -> int:
        """The end of a block whose following lines carry on without a blank line."""
        while (line := self.follow()) is not None and not line.blank and not _starts_block(line):
            end = line.end
            self.index += 1
        return end

    def read_paragraph(self, line: Line) -> None:
        following = self.follow()
        if following is not None and _SETEXT.match(following.text):
            self.index += 1
            level = 1 if following.text.strip().startswith("=") else 2
            self.section_level = level
            self.spans.append(Span(BlockKind.HEADING, line.start, line.end, level=level))
            return
        end = self.read_continuation(line.end)
        self.spans.append(Span(BlockKind.PARAGRAPH, line.start, end))

    def read_fence(self, line: Line, fence: str) -> None:
        start, end = self.index, self.index
        while end < len(self.lines) and not self.lines[end].text.strip().startswith(fence):
            end += 1
        if end > start:
            self.spans.append(
                Span(BlockKind.PARAGRAPH, self.lines[start].start, self.lines[end - 1].end)
            )
        self.index = end + 1


def read_markdown(original: str) -> Document:
    """Read Markdown into a Document; front matter becomes metadata and may give the title."""
    metadata: dict[str, str] = {}
    body_start = 0
    front = _FRONT_MATTER.match(original)
    if front is not None:
        metadata = parse_front_matter(front.group(1))
        body_start = front.end()
    lines = [_unquoted(line) for line in split_lines(original[body_start:], offset=body_start)]
    spans = _MarkdownSpans(lines).run()
    blocks = assemble_blocks(original, SourceFormat.MARKDOWN, spans)
    return make_document(original, SourceFormat.MARKDOWN, blocks, metadata)
