"""HTML reader: headings, paragraphs, lists, table rows and FAQ details, with page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from itertools import count

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.sources.blocks import assemble_blocks, make_document
from medinfo.sources.boilerplate import html_rules, is_boilerplate_class, is_fact_box
from medinfo.sources.runs import Container, RunCollector, keeps_container

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_MINOR_HEADING_LEVEL = 6
_KINDS = {
    "li": BlockKind.LIST_ITEM,
    "tr": BlockKind.TABLE_ROW,
    "summary": BlockKind.HEADING,
    "dt": BlockKind.HEADING,
}
_PARAGRAPHS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "html",
        "blockquote",
        "dd",
        "caption",
        "figcaption",
        "pre",
        "td",
        "th",
        "address",
        "header",
        "footer",
        "nav",
        "aside",
        "form",
        "details",
        "figure",
        "dl",
        "ul",
        "ol",
        "table",
        "center",
    ]
)
_META_KEYS = {
    "description": "description",
    "og:description": "description",
    "author": "author",
    "article:author": "author",
    "og:url": "url",
    "article:published_time": "published",
    "article:modified_time": "updated",
    "og:title": "og_title",
    "og:site_name": "site_name",
    "application-name": "site_name",
    "publisher": "publisher",
    "dc.publisher": "publisher",
    "dcterms.publisher": "publisher",
    "citation_publisher": "publisher",
    "date": "date",
    "dc.date": "date",
    "dcterms.date": "date",
    "dcterms.created": "date",
    "dcterms.issued": "date",
    "citation_publication_date": "date",
    "dcterms.modified": "updated",
    "last-modified": "updated",
}


@dataclass(frozen=True)
class _Element:
    tag: str
    container: Container
    skip: bool
    link: bool
    in_content: bool


def check_complete(original: str, name: str) -> None:
    """Refuse HTML that was cut off: an unclosed <html> or <body>, or an unfinished tag."""
    lower = original.lower()
    for tag in ("html", "body"):
        if re.search(rf"<{tag}[\s>]", lower) and f"</{tag}" not in lower:
            raise InputError(f"{name}: truncated HTML: <{tag}> is opened but never closed")
    if lower.rfind("<!--") > lower.rfind("-->"):
        raise InputError(f"{name}: truncated HTML: ends inside a comment")
    tail = original.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        raise InputError(f"{name}: truncated HTML: ends inside a tag")


class _PageParser(HTMLParser):
    """Turns HTML events into text runs owned by block containers."""

    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
        self.rules = html_rules()
        self.ids = count()
        root = Container(next(self.ids), BlockKind.PARAGRAPH)
        self.stack = [_Element("#root", root, skip=False, link=False, in_content=False)]
        self.collector = RunCollector()
        self.title_parts: list[str] = []
        self.metadata: dict[str, str] = {}
        self.has_main = bool(re.search(r"<(?:article|main)[\s>]", original, re.IGNORECASE))

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collector.close(self.position())
        self.read_head_tag(tag, dict(attrs))
        if tag in _VOID:
            return
        self.stack.append(self.element(tag, {key: value or "" for key, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.collector.close(self.position())
        self.read_head_tag(tag, dict(attrs))

    def element(self, tag: str, attrs: dict[str, str]) -> _Element:
        parent = self.stack[-1]
        rules = self.rules
        skip = parent.skip or tag in rules.skip_tags or "hidden" in attrs
        skip = skip or attrs.get("aria-hidden") == "true"
        in_content = parent.in_content or tag in rules.content_containers
        box = is_fact_box(attrs.get("class", "")) or is_fact_box(attrs.get("id", ""))
        boilerplate = (
            parent.container.boilerplate
            or (tag in rules.boilerplate_tags and not box)
            or (tag == "header" and self.has_main and not in_content)
            or attrs.get("role", "") in rules.boilerplate_roles
            or is_boilerplate_class(attrs.get("class", ""))
            or is_boilerplate_class(attrs.get("id", ""))
        )
        link = parent.link or (tag == "a" and attrs.get("href", "").startswith("#"))
        container = parent.container
        if tag in _HEADINGS or tag in _KINDS or tag in _PARAGRAPHS:
            same = boilerplate == parent.container.boilerplate
            if not (same and keeps_container(parent.container.kind, tag)):
                kind = (
                    BlockKind.HEADING if tag in _HEADINGS else _KINDS.get(tag, BlockKind.PARAGRAPH)
                )
                heading_level = _MINOR_HEADING_LEVEL if kind is BlockKind.HEADING else 0
                level = _HEADINGS.get(tag, heading_level)
                container = Container(next(self.ids), kind, level, boilerplate)
        elif boilerplate != container.boilerplate:
            container = Container(next(self.ids), container.kind, container.level, boilerplate)
        return _Element(tag, container, skip, link, in_content)

    def handle_endtag(self, tag: str) -> None:
        self.collector.close(self.position())
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.add_text(data)

    def handle_entityref(self, name: str) -> None:
        self.add_text(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.add_text(unescape(f"&#{name};"))

    def add_text(self, text: str) -> None:
        top = self.stack[-1]
        if top.tag == "title":
            self.title_parts.append(text)
        if top.skip:
            self.collector.close(self.position())
            return
        self.collector.text(self.position(), top.container, top.link)

    def handle_comment(self, data: str) -> None:
        self.collector.close(self.position())

    def handle_decl(self, decl: str) -> None:
        self.collector.close(self.position())

    def handle_pi(self, data: str) -> None:
        self.collector.close(self.position())

    def read_head_tag(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Citation metadata: `<meta>` fields and the canonical address (`<link rel=canonical>`)."""
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or "").lower()
            content = attrs.get("content")
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            key, content = "og:url", attrs.get("href")
        else:
            return
        if key in _META_KEYS and content and _META_KEYS[key] not in self.metadata:
            self.metadata[_META_KEYS[key]] = " ".join(content.split())


def read_html(original: str, name: str) -> Document:
    """Read an HTML page into a Document; raises InputError when the page is truncated."""
    check_complete(original, name)
    parser = _PageParser(original)
    parser.feed(original)
    parser.close()
    parser.collector.close(len(original))
    blocks = assemble_blocks(original, SourceFormat.HTML, parser.collector.spans(original))
    metadata = dict(parser.metadata)
    title = " ".join(unescape("".join(parser.title_parts)).split()) or metadata.get("og_title", "")
    if title:
        metadata["title"] = title
    return make_document(original, SourceFormat.HTML, blocks, metadata)
