"""Plain-text reader: paragraphs, lists, pipe tables, and headings inferred from line shapes."""

from __future__ import annotations

import re

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.sources import SourceFormat
from medinfo.sources.blocks import assemble_blocks, make_document
from medinfo.sources.lines import (
    LIST_MARKER,
    TABLE_SEPARATOR,
    Line,
    is_table_row,
    is_title_case,
    split_lines,
    word_count,
)
from medinfo.sources.spans import Span, is_question

HEADING_LEVEL = 2
_LABEL = re.compile(r"^[ \t]*([^\s:.!?][^:.!?]{0,59}?)[ \t]*:[ \t]*$")
_TERMINAL = (".", ",", ";", ":", "!", "?")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 80
_MAX_OPENER_WORDS = 6
_MAX_LIST_WORDS = 25
# "Starting dose: 20mg once a day": a field and its figure, a line of content, never a title
_FIELD_WITH_FIGURE = re.compile(r"^[^:]{1,40}:\s*\S[^:]*\d")
# "5. Interactions" alone between blank lines: a numbered section heading, not a list item
_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+[A-Z]")


class _TextSpans:
    """Walks the lines of a plain-text document and emits spans."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.lines = split_lines(original)
        self.spans: list[Span] = []
        self.index = 0

    def line(self, index: int) -> Line | None:
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def next_content(self, index: int) -> Line | None:
        for line in self.lines[index + 1 :]:
            if not line.blank:
                return line
        return None

    def is_structural(self, line: Line) -> bool:
        return bool(LIST_MARKER.match(line.text)) or is_table_row(line.text)

    def implicit_list_length(self, index: int) -> int:
        """Short unmarked lines right after a line ending in ':' form a list (two or more)."""
        count = 0
        for line in self.lines[index:]:
            text = line.text.strip()
            if line.blank or self.is_structural(line) or text.endswith((".", "?", ":")):
                break
            if word_count(text) > _MAX_LIST_WORDS:
                break
            count += 1
        return count if count >= 2 else 0

    def is_heading(self, index: int, line: Line) -> bool:
        text = line.text.strip()
        if len(text) > _MAX_HEADING_CHARS or word_count(text) > _MAX_HEADING_WORDS:
            return False
        if text.endswith(_TERMINAL) or not (text[0].isupper() or text[0].isdigit()):
            return False
        if _FIELD_WITH_FIGURE.match(text):
            return False
        if sum(char.isalpha() for char in text) < 2 or self.next_content(index) is None:
            return False
        after_question = bool(self.spans) and is_question(self.spans[-1].text)
        if after_question and word_count(text) < 2:
            return False
        before, after = self.line(index - 1), self.line(index + 1)
        standalone = (before is None or before.blank) and (after is None or after.blank)
        return is_title_case(text) or standalone or self.opens_block(before, after, text)

    def is_numbered_title(self, index: int, line: Line) -> bool:
        """A short numbered line standing alone between blank lines, at the left margin and
        not closed like a sentence ("5. Interactions"): a section heading."""
        if line.indent or not _NUMBERED_TITLE.match(line.text):
            return False
        text = line.text.strip()
        if len(text) > _MAX_HEADING_CHARS or word_count(text) > _MAX_HEADING_WORDS:
            return False
        before, after = self.line(index - 1), self.line(index + 1)
        alone = (before is None or before.blank) and (after is None or after.blank)
        return alone and not text.endswith(_TERMINAL) and self.next_content(index) is not None

    def opens_block(self, before: Line | None, after: Line | None, text: str) -> bool:
        """A short sentence-case line after a blank line that a list or a new sentence follows
        directly ("Common side effects" then "- Dizziness") is a heading."""
        if not (before is None or before.blank) or after is None or after.blank:
            return False
        if word_count(text) > _MAX_OPENER_WORDS:
            return False
        following = after.text.strip()
        return self.is_structural(after) or following[:1].isupper()

    def run(self) -> list[Span]:
        list_left = 0
        while self.index < len(self.lines):
            index, line = self.index, self.lines[self.index]
            self.index += 1
            text = line.text.strip()
            if line.blank or TABLE_SEPARATOR.match(line.text):
                list_left = 0
                continue
            if list_left:
                list_left -= 1
                self.add(BlockKind.LIST_ITEM, line.start, line.end, listed=True)
            elif is_table_row(line.text):
                self.add(BlockKind.TABLE_ROW, line.start, line.end)
            elif self.is_numbered_title(index, line):
                self.add_heading(index, line.start, line.end)
            elif marker := LIST_MARKER.match(line.text):
                self.add_list_item(line, marker.end())
            elif text.endswith("?") and is_question(text):
                self.add(BlockKind.PARAGRAPH, line.start, line.end)
            elif label := _LABEL.match(line.text):
                if word_count(label.group(1)) <= 8 and label.group(1)[0].isupper():
                    # the colon stays: it marks a lead-in to what follows
                    colon = line.start + line.text.rindex(":") + 1
                    self.add_heading(index, line.start + label.start(1), colon)
                else:
                    self.add(BlockKind.PARAGRAPH, line.start, line.end)
            elif self.is_heading(index, line):
                self.add_heading(index, line.start, line.end)
            else:
                self.add_paragraph(line)
            if text.endswith(":"):
                list_left = self.implicit_list_length(self.index)
        return self.spans

    def add(self, kind: BlockKind, start: int, end: int, *, listed: bool = False) -> None:
        span = Span(kind, start, end, listed=listed)
        span.text = " ".join(self.original[start:end].split())
        self.spans.append(span)

    def add_heading(self, index: int, start: int, end: int) -> None:
        first = all(line.blank for line in self.lines[:index])
        span = Span(BlockKind.HEADING, start, end, level=1 if first else HEADING_LEVEL)
        self.spans.append(span)

    def add_list_item(self, line: Line, content_start: int) -> None:
        end = line.end
        while (follow := self.line(self.index)) is not None and not follow.blank:
            if follow.indent <= line.indent or self.is_structural(follow):
                break
            end = follow.end
            self.index += 1
        self.add(BlockKind.LIST_ITEM, line.start + content_start, end, listed=True)

    def add_paragraph(self, line: Line) -> None:
        end, last = line.end, line
        while (follow := self.line(self.index)) is not None and not follow.blank:
            if self.is_structural(follow) or not _continues(last.text, follow.text):
                break
            end, last = follow.end, follow
            self.index += 1
        self.add(BlockKind.PARAGRAPH, line.start, end)


# a line that opens with a field's label: "Drug class: calcium channel blocker"
_FIELD = re.compile(r"^[A-Z][\w'()/ -]{0,40}:\s+\S")


def _continues(previous: str, following: str) -> bool:
    """Whether `following` wraps the sentence that `previous` leaves open."""
    previous, following = previous.rstrip(), following.strip()
    if previous.endswith((".", "!", "?", ":")) or not following:
        return False
    if _FIELD.match(previous) and _FIELD.match(following):
        return False  # "Brand names: Calan, Isoptin" then "Drug class: ...": two fields
    return following[0].islower() or len(previous) >= 60


def text_spans(original: str) -> list[Span]:
    """The spans of a plain-text document."""
    return _TextSpans(original).run()


def read_text(original: str) -> Document:
    """Read plain text into a Document; its title is a first line that reads as one."""
    blocks = assemble_blocks(original, SourceFormat.TEXT, text_spans(original))
    return make_document(original, SourceFormat.TEXT, blocks)
