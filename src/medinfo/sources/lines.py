"""Lines of a text with their offsets, and the line shapes that text and Markdown share."""

from __future__ import annotations

import re
from dataclasses import dataclass

LIST_MARKER = re.compile(r"^([ \t]*)(?:[-*+•◦▪‣·–]|\d{1,3}[.)])[ \t]+(?=\S)")
TABLE_SEPARATOR = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "are",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
        "without",
        "your",
        "its",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Line:
    """One line: `start`/`end` are offsets of its text, without the line break."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())


def split_lines(text: str, offset: int = 0) -> list[Line]:
    """The lines of `text` (which starts at `offset` in the original)."""
    lines: list[Line] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(offset + position, offset + position + len(body), body))
        position += len(raw)
    return lines


def is_table_row(text: str) -> bool:
    """A pipe row like `Drug class | Anticonvulsant |` or `| a | b |`."""
    stripped = text.strip()
    if "|" not in stripped or TABLE_SEPARATOR.match(stripped):
        return False
    return stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 2


def is_title_case(text: str) -> bool:
    """Whether most significant words start with a capital letter."""
    words = _WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    significant = [word for word in words if word.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitals = sum(1 for word in significant if word[0].isupper())
    return capitals >= 0.7 * len(significant)


def word_count(text: str) -> int:
    """Words in a line of text."""
    return len(text.split())
