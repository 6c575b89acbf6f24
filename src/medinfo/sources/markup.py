"""Markup removal: the clean text of a span of original text, for each source format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from medinfo.domain.sources import SourceFormat

CELL = "\x00"
"""Stands for a table-cell boundary; decoded documents never contain NUL."""

_Segment = tuple[str, int, bool]
"""Replacement text, its raw offset, and whether it maps char-by-char to the raw text."""

_TEXT_TOKEN = re.compile(
    r"(?P<marker>^[ \t]*(?:[-*•◦▪‣·–][ \t]+|\d{1,2}[.)][ \t]+))"
    r"|(?P<pipe>^[ \t]*\||\|[ \t]*$)",
    re.MULTILINE,
)

_MARKDOWN_TOKEN = re.compile(
    r"(?P<comment><!--[\s\S]*?(?:-->|\Z))"
    r"|(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link_open>\[(?=[^\]\n]*\]\())"
    r"|(?P<link_close>\]\([^)\n]*\))"
    r"|(?P<tag></?[A-Za-z][^<>]*>)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<escape>\\(?=[\\`*_{}\[\]()#+\-.!|]))"
    r"|(?P<strong>\*\*|__|~~|`+)"
    r"|(?P<em>(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*]))"
    r"|(?P<marker>^[ \t]*(?:#{1,6}[ \t]+|[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]?)+)"
    r"|(?P<hashes>[ \t]+#+[ \t]*$)"
    r"|(?P<pipe>^[ \t]*\||\|[ \t]*$)",
    re.MULTILINE,
)

_BLOCK_TAGS = (
    "p|div|br|li|ul|ol|h[1-6]|tr|table|thead|tbody|tfoot|section|article|header|footer|nav|aside"
    "|blockquote|dt|dd|dl|summary|details|pre|hr|main|figure|figcaption|caption|form|button"
    "|paragraph|item|list|title|text|component|excerpt|highlight|option|label"
)

_MARKUP_TOKEN = re.compile(
    r"(?P<drop><!--.*?(?:-->|\Z)"
    r"|<(script|style|noscript|template)\b[^>]*>.*?(?:</\2\s*>|\Z)"
    r"|<!\[CDATA\[|\]\]>|<![A-Za-z][^>]*>|<\?.*?\?>)"
    rf"|(?P<cell></?t[dh]\b[^>]*>)"
    rf"|(?P<block></?(?:{_BLOCK_TAGS})\b[^>]*>)"
    r"|(?P<tag></?[A-Za-z][\w:.-]*(?:\s[^>]*)?/?>)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)",
    re.DOTALL | re.IGNORECASE,
)


def _replacement(match: re.Match[str]) -> str:
    """What a markup token stands for in clean text."""
    group = match.lastgroup
    if group == "entity":
        return unescape(match.group())
    if group == "cell":
        return CELL
    if group == "block":
        return " "
    return ""


def _segments(raw: str, pattern: re.Pattern[str]) -> Iterator[_Segment]:
    """Split raw text into literal runs and the replacements of its markup tokens."""
    position = 0
    for match in pattern.finditer(raw):
        if match.start() > position:
            yield raw[position : match.start()], position, True
        replacement = _replacement(match)
        if replacement:
            yield replacement, match.start(), False
        position = match.end()
    if position < len(raw):
        yield raw[position:], position, True


_PATTERNS: dict[SourceFormat, re.Pattern[str]] = {
    SourceFormat.TEXT: _TEXT_TOKEN,
    SourceFormat.OPENFDA_JSON: _TEXT_TOKEN,
    SourceFormat.MARKDOWN: _MARKDOWN_TOKEN,
    SourceFormat.HTML: _MARKUP_TOKEN,
    SourceFormat.SPL_XML: _MARKUP_TOKEN,
}


def _join_cells(parts: list[str]) -> str:
    """Fold whitespace in each cell and join the non-empty cells with ' | '."""
    cells = (" ".join(part.split()) for part in parts)
    return " | ".join(cell for cell in cells if cell)


def clean_text(raw: str, fmt: SourceFormat) -> str:
    """The clean text of raw source text: markup stripped, whitespace folded, cells joined."""
    joined = "".join(text for text, _, _ in _segments(raw, _PATTERNS[fmt]))
    return _join_cells(joined.split(CELL))


def clean_with_positions(raw: str, fmt: SourceFormat) -> tuple[str, list[int]]:
    """Clean text as `clean_text` gives it, with each character's offset in `raw`."""
    chars: list[tuple[str, int]] = []
    for text, offset, literal in _segments(raw, _PATTERNS[fmt]):
        chars.extend(
            (char, offset + index if literal else offset) for index, char in enumerate(text)
        )
    cells: list[list[tuple[str, int]]] = [[]]
    for char, offset in chars:
        if char == CELL:
            cells.append([])
        else:
            cells[-1].append((char, offset))
    out: list[tuple[str, int]] = []
    for cell in cells:
        folded = _fold(cell)
        if folded:
            if out:
                out.extend((char, folded[0][1]) for char in " | ")
            out.extend(folded)
    text = "".join(char for char, _ in out)
    return text, [offset for _, offset in out]


def _fold(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Collapse whitespace runs to one space and strip the ends, keeping offsets."""
    folded: list[tuple[str, int]] = []
    pending_space: int | None = None
    for char, offset in chars:
        if char.isspace():
            if pending_space is None:
                pending_space = offset
            continue
        if pending_space is not None and folded:
            folded.append((" ", pending_space))
        pending_space = None
        folded.append((char, offset))
    return folded


def quote(original: str, fmt: SourceFormat, start: int, end: int) -> str:
    """The clean text of `original[start:end]`, as shown when quoting evidence."""
    if not 0 <= start <= end <= len(original):
        raise ValueError(f"span {start}:{end} is outside a text of {len(original)} characters")
    return clean_text(original[start:end], fmt)
