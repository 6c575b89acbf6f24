"""Where a paragraph sits in its source: the heading above it, and a question's answer below."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medinfo.services.qa.passages import Passage

_HEADING_WORDS = 12  # a one-line paragraph this short without closing punctuation is a heading
_CLOSING = re.compile(r"[.!:;,)\]\"'\u201d|]$")


def is_heading(text: str) -> bool:
    """Whether a paragraph is a heading ("How to take it", "Q: Can I drink alcohol?"): one
    short line with no closing punctuation but a question mark, and no table cell."""
    line = text.strip()
    if not line or "\n" in line or "|" in line or len(line.split()) > _HEADING_WORDS:
        return False
    return line.endswith("?") or not _CLOSING.search(line)


def in_context(passage: Passage, paragraphs: Sequence[Passage]) -> Passage:
    """`passage` with the heading it sits under (the nearest heading before it in its source)
    and, when it is a source's question of its own ("Q: How does it work?"), the paragraph
    after it: the answer. `paragraphs` are its source's paragraphs in text order."""
    starts = [paragraph.start for paragraph in paragraphs]
    at = bisect_left(starts, passage.start)
    heading = next((p.text.strip() for p in reversed(paragraphs[:at]) if is_heading(p.text)), "")
    found = replace(passage, heading=heading)
    placed = at < len(paragraphs) and paragraphs[at].start == passage.start
    following = paragraphs[at + 1] if placed and at + 1 < len(paragraphs) else None
    asks = is_heading(passage.text) and passage.text.rstrip().endswith("?")
    if asks and following is not None and not is_heading(following.text):
        text = f"{passage.text}\n\n{following.text}"
        return replace(found, end=following.end, text=text, section=following.section)
    return found
