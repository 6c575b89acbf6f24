"""Format detection: which reader a document needs, judged from its content."""

from __future__ import annotations

import re
from pathlib import PurePath

from medinfo.domain.sources import SourceFormat

_HEAD_CHARS = 4096
_SPL_ROOT = re.compile(r"<(?:[\w-]+:)?document\b[^>]*\bxmlns(?::[\w-]+)?=\"urn:hl7-org:v3\"")
_XML_START = re.compile(r"\A(?:<\?xml\b|<!--.*?-->\s*<(?:[\w-]+:)?document\b)", re.S)
_HTML_START = re.compile(
    r"\A(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|div|p|h[1-6]|article"
    r"|section|main|header|nav|ul|ol|table|span|a|!--)[\s>/]",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(?:html|body|head)[\s>]|<!doctype\s+html", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_FENCE_OR_TABLE_RULE = re.compile(r"^ {0,3}(?:```|~~~|\|?[ \t]*:?-{3,}:?[ \t]*\|)", re.M)
_BOLD = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
# JSON opens an object or an array of values; "[Home](/) | [Help](/help)" opens Markdown
_JSON_START = re.compile(r"\A(?:\{|\[\s*(?:[{\[\"\]\d-]|true\b|false\b|null\b|\Z))")
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A file named as JSON is read as JSON whatever it holds: junk in it is malformed JSON
# (reported with its line), never prose.
_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})


def _markdown_score(text: str) -> int:
    """Evidence of Markdown: strong signs count 2, weaker ones 1."""
    score = 0
    if _FRONT_MATTER.match(text):
        score += 2
    if _ATX_HEADING.search(text):
        score += 2
    if _FENCE_OR_TABLE_RULE.search(text):
        score += 2
    if len(_BOLD.findall(text)) >= 2:
        score += 1
    if _LINK.search(text):
        score += 1
    return score


def detect_format(text: str, name: str = "") -> SourceFormat:
    """The format of a decoded document; the file name's extension only breaks ties,
    except that a file named .json, .jsonl or .ndjson is always JSON.

    JSON starts with `{` or an array `[` of values (not a Markdown link); SPL is XML whose
    root is `document` in the HL7 v3 namespace; HTML starts with a tag or declares
    <html>/<body>; Markdown shows front matter, `#` headings, tables or code fences, bold
    text or links; the rest is text.
    """
    stripped = text.lstrip()
    head = stripped[:_HEAD_CHARS]
    suffix = PurePath(name).suffix.lower()
    if _JSON_START.match(head) or suffix in _JSON_SUFFIXES:
        return SourceFormat.OPENFDA_JSON
    if _SPL_ROOT.search(head) and (_XML_START.match(head) or head.startswith("<")):
        return SourceFormat.SPL_XML
    if head.startswith("<?xml") and not _HTML_TAG.search(head):
        return SourceFormat.SPL_XML
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return SourceFormat.HTML
    if suffix in _HTML_SUFFIXES and head.startswith("<"):
        return SourceFormat.HTML
    score = _markdown_score(stripped)
    if score >= 2 or (score >= 1 and suffix in _MARKDOWN_SUFFIXES):
        return SourceFormat.MARKDOWN
    if suffix in _MARKDOWN_SUFFIXES and not head.startswith("<"):
        return SourceFormat.MARKDOWN
    return SourceFormat.TEXT
