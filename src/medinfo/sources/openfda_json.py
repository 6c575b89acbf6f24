"""openFDA drug-label JSON reader: one record rendered as plain text, one section per field."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.knowledge.loading import load
from medinfo.knowledge.source_rules import OpenfdaSections
from medinfo.sources.blocks import assemble_blocks, make_document
from medinfo.sources.markup import clean_text
from medinfo.sources.spans import Span

_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.S | re.I)
_METADATA_FIELDS = ("generic_name", "brand_name", "manufacturer_name", "substance_name", "route")
_RECORD_FIELDS = {"set_id": "spl_set_id", "id": "spl_id", "effective_time": "effective_time"}


@cache
def label_sections() -> tuple[tuple[str, str], ...]:
    """(field, heading) pairs in label order, from knowledge/sources/openfda_sections.json."""
    return load(OpenfdaSections).sections


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [" ".join(item.split()) for item in value if isinstance(item, str) and item.strip()]


def _table_rows(html: str) -> list[str]:
    rows = (clean_text(row, SourceFormat.HTML) for row in _ROW.findall(html))
    return [row for row in rows if row]


def is_label_record(record: Any) -> bool:
    """Whether a JSON value looks like one openFDA drug-label record."""
    if not isinstance(record, dict):
        return False
    return "openfda" in record or any(field in record for field, _ in label_sections())


def unwrap_record(value: Any, name: str) -> dict[str, Any]:
    """The one label record in a parsed JSON value: a record, or {"results": [record]}."""
    if isinstance(value, dict) and isinstance(value.get("results"), list):
        results = value["results"]
        if len(results) != 1:
            raise InputError(
                f"{name}: holds {len(results)} label records; a document is one record "
                "(stream dumps with iter_openfda_records)"
            )
        value = results[0]
    if not is_label_record(value):
        raise InputError(f"{name}: JSON is not an openFDA drug-label record")
    record: dict[str, Any] = value
    return record


class _Rendering:
    """The plain text a record is shown as, with the spans of its lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def add(self, text: str, kind: BlockKind, level: int = 0) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.spans.append(Span(kind, self.length, self.length + len(text), level=level))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts) + "\n"


def render_record(record: dict[str, Any]) -> tuple[str, list[Span]]:
    """A label record as text: each known section's heading line, then its paragraphs."""
    rendering = _Rendering()
    for field, heading in label_sections():
        paragraphs = _strings(record.get(field))
        rows = [
            row for table in _strings(record.get(f"{field}_table")) for row in _table_rows(table)
        ]
        if not paragraphs and not rows:
            continue
        rendering.add(heading, BlockKind.HEADING, level=1)
        for paragraph in paragraphs:
            rendering.add(paragraph, BlockKind.PARAGRAPH)
        for row in rows:
            rendering.add(row, BlockKind.TABLE_ROW)
    return rendering.text(), rendering.spans


def record_metadata(record: dict[str, Any]) -> dict[str, str]:
    """Names and identifiers of a record: first values of its `openfda` block."""
    metadata = {"kind": "label"}
    openfda = record.get("openfda")
    if isinstance(openfda, dict):
        for field in _METADATA_FIELDS:
            values = _strings(openfda.get(field))
            if values:
                metadata[field] = values[0]
    for field, key in _RECORD_FIELDS.items():
        value = record.get(field)
        if isinstance(value, str) and value:
            metadata[key] = value
    title = metadata.get("brand_name") or metadata.get("generic_name")
    if title:
        metadata["title"] = title
    return metadata


def read_openfda_record(record: dict[str, Any], name: str) -> Document:
    """A Document for one openFDA label record (already parsed)."""
    original, spans = render_record(record)
    if not spans:
        raise InputError(f"{name}: openFDA record has no label sections")
    blocks = assemble_blocks(original, SourceFormat.OPENFDA_JSON, spans, find_boilerplate=False)
    return make_document(original, SourceFormat.OPENFDA_JSON, blocks, record_metadata(record))


def read_openfda_json(text: str, name: str) -> Document:
    """Read openFDA label JSON (a record or {"results": [record]}); InputError when malformed."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name}: malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    return read_openfda_record(unwrap_record(value, name), name)
