"""FDA SPL XML reader: label sections by LOINC code, their titles, paragraphs, lists and tables."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import count
from xml.parsers import expat

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.knowledge.loading import load
from medinfo.knowledge.source_rules import LoincSections
from medinfo.sources.blocks import assemble_blocks, make_document
from medinfo.sources.markup import clean_text
from medinfo.sources.runs import Container, RunCollector, keeps_container

SPL_NAMESPACE = "urn:hl7-org:v3"
_KINDS = {
    "title": BlockKind.HEADING,
    "paragraph": BlockKind.PARAGRAPH,
    "item": BlockKind.LIST_ITEM,
    "tr": BlockKind.TABLE_ROW,
    "caption": BlockKind.PARAGRAPH,
    "text": BlockKind.PARAGRAPH,
}
_DOCUMENT_FIELDS = {
    "setId": ("spl_set_id", "root"),
    "id": ("spl_id", "root"),
    "effectiveTime": ("effective_time", "value"),
}


@cache
def loinc_sections() -> dict[str, str]:
    """LOINC section codes -> section names (knowledge/sources/loinc_sections.json)."""
    return dict(load(LoincSections).sections)


def _section_heading(sections: list[_Section]) -> str:
    for section in reversed(sections):
        name = loinc_sections().get(section.code, "")
        if section.title or (name and "unclassified" not in name.lower()):
            return section.title or name
    return ""


class _ByteOffsets:
    """Converts UTF-8 byte offsets (what expat reports) to character offsets."""

    def __init__(self, text: str) -> None:
        self.byte_ends: list[int] = []
        self.extra: list[int] = []
        extra = 0
        for match in re.finditer(r"[^\x00-\x7f]", text):
            size = len(match.group().encode("utf-8"))
            extra += size - 1
            self.byte_ends.append(match.start() + extra + 1)
            self.extra.append(extra)

    def char(self, byte_offset: int) -> int:
        index = bisect_right(self.byte_ends, byte_offset)
        return byte_offset - (self.extra[index - 1] if index else 0)


@dataclass
class _Section:
    code: str = ""
    title: str = ""
    depth: int = 1


@dataclass
class _Frame:
    tag: str
    container: Container | None
    section: _Section | None = None
    in_text: bool = False


class _NotSplError(Exception):
    """The XML root is not an SPL `document`."""


@dataclass
class _LabelParser:
    """Handlers for expat events over one SPL document."""

    original: str
    offsets: _ByteOffsets
    parser: expat.XMLParserType
    collector: RunCollector = field(default_factory=RunCollector)
    stack: list[_Frame] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)
    title_span: tuple[int, int] | None = None
    ids: count[int] = field(default_factory=count)
    last_text: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    def position(self) -> int:
        return self.offsets.char(self.parser.CurrentByteIndex)

    def heading(self) -> str:
        """The title of the innermost titled section, else the name of its LOINC code."""
        return _section_heading(self.sections)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        position = self.position()
        self.collector.close(position)
        self.last_text = ""
        namespace, _, tag = name.rpartition("}")
        if not self.stack and (tag != "document" or namespace != SPL_NAMESPACE):
            raise _NotSplError(name)
        parent = self.stack[-1] if self.stack else _Frame("", None)
        frame = _Frame(tag, parent.container, in_text=parent.in_text)
        if tag == "section":
            frame.section = _Section(depth=len(self.sections) + 1)
            self.sections.append(frame.section)
        elif tag == "code" and parent.tag == "section" and self.sections:
            self.sections[-1].code = attrs.get("code", "")
        elif parent.tag == "document" and tag in _DOCUMENT_FIELDS:
            key, attribute = _DOCUMENT_FIELDS[tag]
            if attrs.get(attribute):
                self.fields[key] = attrs[attribute]
        elif tag == "title" and parent.tag == "document":
            self.title_span = (position, -1)
        elif tag == "title" and parent.tag == "section" and self.sections:
            level = min(6, self.sections[-1].depth)
            heading = self.heading_above()
            frame.container = Container(next(self.ids), BlockKind.HEADING, level, heading=heading)
            frame.in_text = True
        elif (tag == "text" and self.sections) or (parent.in_text and tag in _KINDS):
            if parent.container is not None and keeps_container(parent.container.kind, tag):
                self.stack.append(frame)
                return
            kind = _KINDS.get(tag, BlockKind.PARAGRAPH)
            frame.container = Container(next(self.ids), kind, heading=self.heading())
            frame.in_text = True
        self.stack.append(frame)

    def heading_above(self) -> str:
        return _section_heading(self.sections[:-1])

    def end(self, name: str) -> None:
        position = self.position()
        self.collector.close(position)
        frame = self.stack.pop()
        if frame.section is not None:
            self.sections.pop()
        elif frame.tag == "title" and frame.container is not None and self.sections:
            runs = [run for run in self.collector.runs if run[2] is frame.container]
            if runs:
                raw = self.original[runs[0][0] : runs[-1][1]]
                self.sections[-1].title = clean_text(raw, SourceFormat.SPL_XML)
        elif frame.tag == "title" and self.title_span is not None and self.title_span[1] < 0:
            self.title_span = (self.title_span[0], position)
        elif frame.tag == "name" and len(self.stack) >= 2:
            owner = self.stack[-1].tag
            self.names.setdefault(owner, []).append(self.last_text)
        self.last_text = ""

    def data(self, text: str) -> None:
        self.last_text += text
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.in_text and frame.container is not None:
            self.collector.text(self.position(), frame.container, False)


def _parse(original: str, name: str) -> _LabelParser:
    parser = expat.ParserCreate(encoding="utf-8", namespace_separator="}")
    handlers = _LabelParser(original, _ByteOffsets(original), parser)
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    parser.CharacterDataHandler = handlers.data
    parser.CommentHandler = lambda _data: handlers.collector.close(handlers.position())
    try:
        parser.Parse(original.encode("utf-8"), True)
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise InputError(
            f"{name}: malformed XML: {reason} (line {error.lineno}, column {error.offset + 1})"
        ) from None
    except _NotSplError as error:
        raise InputError(
            f"{name}: XML is not an FDA SPL label (root element is {error.args[0]!r}, "
            f"expected 'document' in namespace {SPL_NAMESPACE})"
        ) from None
    handlers.collector.close(len(original))
    return handlers


def read_spl_xml(original: str, name: str) -> Document:
    """Read an FDA SPL label into a Document; raises InputError for malformed or other XML."""
    handlers = _parse(original, name)
    spans = handlers.collector.spans(original)
    blocks = assemble_blocks(original, SourceFormat.SPL_XML, spans, find_boilerplate=False)
    metadata = {"kind": "label", **handlers.fields}
    brands = handlers.names.get("manufacturedProduct", [])
    generics = handlers.names.get("genericMedicine", [])
    if brands:
        metadata["brand_name"] = " ".join(brands[0].split())
    if generics:
        metadata["generic_name"] = " ".join(generics[0].split())
    labelers = handlers.names.get("representedOrganization", [])
    if labelers:  # the first is the labeler (document/author); later ones are establishments
        metadata["labeler"] = " ".join(labelers[0].split())
    if handlers.title_span is not None and handlers.title_span[1] >= 0:
        raw_title = original[slice(*handlers.title_span)]
        metadata["spl_title"] = clean_text(raw_title, SourceFormat.SPL_XML)
    names = [metadata[key] for key in ("brand_name", "generic_name") if key in metadata]
    if len(names) == 2 and names[0].lower() != names[1].lower():
        metadata["title"] = f"{names[0]} ({names[1]})"
    else:
        metadata["title"] = (names or [metadata.get("spl_title", "")])[0]
    return make_document(original, SourceFormat.SPL_XML, blocks, metadata)
