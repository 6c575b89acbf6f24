"""Text units of a document (sentences, list-item labels, table cells) with original spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.extract.sections import Section, classify_heading
from medinfo.extract.text_cache import per_text

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n+")
_LABEL = re.compile(r"^\s*([^:.!?]{2,60}?)\s*:\s+(\S.*)$", re.DOTALL)
# "Alcohol. Best avoided ...": a paragraph opening with a topic word and a full stop (a bold
# lead-in whose markup the reader dropped) labels what follows, as "Alcohol:" would
_TOPIC_LABEL = re.compile(
    r"^\s*([A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2})\.\s+(?=[A-Z])(\S.*)$", re.DOTALL
)
_ABBREVIATIONS = ("e.g.", "i.e.", "approx.", "dr.", "vs.", "etc.", "mr.", "mrs.")


@dataclass(frozen=True)
class Unit:
    """A piece of a block that can state a fact.

    `text` is what is read; `start`/`end` index Document.original. `role` is "sentence",
    "label" (the bold or colon label of a list item), "description" (what follows the
    label) or "cell" (one item of a table cell).
    """

    text: str
    start: int
    end: int
    role: str
    block: Block


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, trimmed of surrounding white space."""
    return list(_sentence_spans(text))


@per_text
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].lower()
        if before.endswith(_ABBREVIATIONS):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(_trim(text, s, e) for s, e in spans if text[s:e].strip())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def locate(document: Document, block: Block, piece: str, hint: int = 0) -> tuple[int, int]:
    """The span of `piece` in the original, searched in the block; the block's span if absent."""
    found = document.original.find(piece, max(block.start, hint), block.end)
    if found < 0:
        found = document.original.find(piece, block.start, block.end)
    if found < 0:
        return block.start, block.end
    return found, found + len(piece)


def _units_of_text(document: Document, block: Block, text: str, role: str, hint: int) -> list[Unit]:
    units = []
    for start, end in split_sentences(text):
        piece = text[start:end]
        span = locate(document, block, piece, hint)
        hint = span[1] if span != (block.start, block.end) else hint
        units.append(Unit(piece, span[0], span[1], role, block))
    return units


def split_cell(cell: str) -> list[str]:
    """The items of a table cell listing several terms ("Drowsiness, dizziness and nausea")."""
    parts = re.split(r"\s*[,;]\s*", cell)
    return [part for part in (p.strip(" .") for p in parts) if part]


def topic_label(text: str) -> re.Match[str] | None:
    """The match of a paragraph opening with a topic's name and a full stop ("Alcohol. Best
    avoided ..."): group 1 the topic, group 2 the rest; None when it opens otherwise."""
    found = _TOPIC_LABEL.match(text)
    return found if found and classify_heading(found.group(1)) is not Section.OTHER else None


def units_of(document: Document, block: Block) -> list[Unit]:
    """A block's units: table-row cells, a list item's label and description, or sentences."""
    if block.kind is BlockKind.TABLE_ROW:
        units = []
        hint = block.start
        for cell in block.cells:
            span = locate(document, block, cell.strip(), hint) if cell.strip() else None
            if span is None:
                continue
            hint = span[1]
            units.append(Unit(cell.strip(), span[0], span[1], "cell", block))
        return units
    text = block.text.strip().lstrip("-*•").strip()
    labelled = _LABEL.match(text) if block.kind is not BlockKind.HEADING else None
    if labelled is None and block.kind is BlockKind.PARAGRAPH:
        labelled = topic_label(text)
    if labelled and len(labelled.group(1).split()) <= 6:
        label, rest = labelled.group(1).strip(" *"), labelled.group(2)
        span = locate(document, block, label, block.start)
        head = Unit(label, span[0], span[1], "label", block)
        return [head, *_units_of_text(document, block, rest, "description", span[1])]
    return _units_of_text(document, block, text, "sentence", block.start)
