"""A tiny line-based reader for extraction tests (the real readers live in medinfo.sources)."""

from __future__ import annotations

import re

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.sources import SourceFormat

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_BOLD_LABEL = re.compile(r"^\*\*([^*]+?):?\*\*:?$")


def _kind_and_text(line: str) -> tuple[BlockKind, str, int]:
    stripped = line.strip()
    if stripped.startswith("#"):
        level = len(stripped) - len(stripped.lstrip("#"))
        return BlockKind.HEADING, stripped.lstrip("# ").strip(), level
    label = _BOLD_LABEL.match(stripped)
    if label:
        return BlockKind.HEADING, label.group(1).strip(), 3
    if stripped[:2] in ("- ", "* "):
        return BlockKind.LIST_ITEM, stripped[2:].replace("**", "").strip(), 0
    if "|" in stripped:
        return BlockKind.TABLE_ROW, stripped, 0
    short = len(stripped) < 70 and not stripped.endswith((".", "!", ",", ";"))
    if short and not stripped.endswith("?") and stripped[:1].isupper():
        return BlockKind.HEADING, stripped.rstrip(":"), 2
    return BlockKind.PARAGRAPH, stripped.replace("**", ""), 0


def read_test_document(text: str, markdown: bool = False) -> Document:
    """Blocks from lines: '#' or short unpunctuated lines are headings, '- ' items, '|' rows."""
    metadata: dict[str, str] = {}
    offset = 0
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            metadata[key.strip()] = value.strip()
        offset = front.end()
    blocks: list[Block] = []
    heading = ""
    for match in re.finditer(r"[^\n]+", text[offset:]):
        line = match.group()
        if not line.strip():
            continue
        start = offset + match.start() + (len(line) - len(line.lstrip()))
        end = offset + match.end()
        kind, clean, level = _kind_and_text(line)
        cells: tuple[str, ...] = ()
        if kind is BlockKind.TABLE_ROW:
            cells = tuple(cell.strip() for cell in clean.strip("|").split("|"))
        blocks.append(
            Block(
                kind=kind,
                text=clean,
                start=start,
                end=end,
                level=level,
                heading=heading,
                cells=cells,
            )
        )
        if kind is BlockKind.HEADING:
            heading = clean
    fmt = SourceFormat.MARKDOWN if markdown or front else SourceFormat.TEXT
    return Document(
        original=text,
        format=fmt,
        title=metadata.get("title", ""),
        metadata=metadata,
        blocks=tuple(blocks),
    )
