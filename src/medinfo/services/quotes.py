"""Evidence quotes: the words of a stored source text that a fact rests on, as plain text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from medinfo.domain.evidence import Evidence
from medinfo.store.database import Database

MAX_QUOTE = 400
_TAG = re.compile(r"<[^>]{0,500}>")
_MARKDOWN = re.compile(
    r"!?\[([^\]]*)\]\([^)]*\)|[*_`]{1,3}|^\s{0,3}(?:#{1,6}|>|[-+*]|\d+\.)\s+", re.M
)


def strip_markup(fragment: str) -> str:
    """Plain text of an HTML or Markdown fragment: tags, link targets and emphasis removed."""
    plain = _TAG.sub(" ", fragment)
    plain = _MARKDOWN.sub(lambda match: match.group(1) or " ", plain)
    return " ".join(html.unescape(plain).split())


def quote_span(original: str, start: int, end: int) -> str:
    """The plain text of `original[start:end]`, cut at MAX_QUOTE characters on a word."""
    if not 0 <= start < end <= len(original):
        return ""
    quote = strip_markup(original[start:end])
    if len(quote) > MAX_QUOTE:
        quote = quote[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"
    return quote


def quote_evidence(database: Database, evidence: Iterable[Evidence]) -> dict[Evidence, str]:
    """Quotes of each piece of evidence whose source text is stored; others are left out."""
    wanted: dict[str, list[Evidence]] = {}
    for item in evidence:
        wanted.setdefault(item.source, []).append(item)
    if not wanted:
        return {}
    quotes: dict[Evidence, str] = {}
    with database.reader() as store:
        for source_id, items in wanted.items():
            original = store.sources.original_text(source_id)
            if not original:
                continue
            for item in items:
                quote = quote_span(original, item.start, item.end)
                if quote:
                    quotes[item] = quote
    return quotes
