"""A tiny line-based stand-in for the readers, so extraction tests can build Documents."""

from __future__ import annotations

import re

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.sources import SourceFormat

_LIST = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+")
_BOLD_ONLY = re.compile(r"^\*\*[^*]+\*\*\s*$")


def _clean(text: str) -> str:
    return re.sub(r"\*\*|__|^#+\s*", "", text).strip()


def _kind(line: str) -> BlockKind:
    words = len(line.split())
    if line.startswith("#") or _BOLD_ONLY.match(line):
        return BlockKind.HEADING
    if _LIST.match(line):
        return BlockKind.LIST_ITEM
    if line.count("|") >= 1 and len([c for c in line.split("|") if c.strip()]) >= 2:
        return BlockKind.TABLE_ROW
    if line.endswith("?") and words <= 15:
        return BlockKind.QUESTION
    if words <= 8 and not line.rstrip("*").endswith((".", "!")):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _mark_navigation(blocks: list[Block]) -> list[Block]:
    """Runs of five or more list items naming later headings (a table of contents) are noise."""
    result = list(blocks)
    headings = {b.text.lower() for b in blocks if b.kind in (BlockKind.HEADING, BlockKind.QUESTION)}
    run: list[int] = []
    for index, block in enumerate([*blocks, None]):
        short = (
            block is not None
            and block.kind is BlockKind.LIST_ITEM
            and len(block.text.split()) <= 8
            and not block.text.endswith((".", ":"))
        )
        if short:
            run.append(index)
            continue
        named = sum(blocks[i].text.lower() in headings for i in run)
        if len(run) >= 5 and named * 2 > len(run):
            for i in run:
                result[i] = result[i].model_copy(update={"boilerplate": True})
        run = []
    return result


def make_document(text: str, fmt: SourceFormat | None = None) -> Document:
    """Blocks from lines: headings, list items, table rows, questions and paragraphs."""
    fmt = fmt or next(iter(SourceFormat))
    blocks: list[Block] = []
    heading = ""
    offset = 0
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        offset = end + 4 if end > 0 else 0
    for match in re.finditer(r"[^\n]+", body):
        if match.start() < offset or not match.group().strip():
            continue
        line = match.group().strip()
        kind = _kind(line)
        clean = _clean(_LIST.sub("", line) if kind is BlockKind.LIST_ITEM else line)
        cells: tuple[str, ...] = ()
        if kind is BlockKind.TABLE_ROW:
            cells = tuple(c.strip() for c in line.strip("|").split("|") if c.strip())
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        blocks.append(
            Block(
                kind=kind,
                text=clean,
                start=start,
                end=start + len(line),
                heading=heading if kind is not BlockKind.HEADING else "",
                cells=cells,
            )
        )
        if kind in (BlockKind.HEADING, BlockKind.QUESTION):
            heading = clean
    return Document(original=text, format=fmt, blocks=tuple(_mark_navigation(blocks)))
