"""Spans: the draft blocks readers emit before text, questions and boilerplate are settled."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from medinfo.domain.documents import BlockKind
from medinfo.domain.sources import SourceFormat
from medinfo.sources.markup import clean_with_positions

_QUESTION_WORD = (
    r"(?:can|could|is|are|was|were|does|do|did|how|what|what's|when|where|which|who|whom|whose|"
    r"why|should|will|would|may|might|am|has|have|shall|isn't|aren't|doesn't|don't|can't|won't)"
)
_LEADING_QUESTION = re.compile(
    rf"^({_QUESTION_WORD}\b(?:[^?.!:]|[.:](?=\S)){{2,250}}\?)\s+(\S.*)$", re.I | re.S
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")
MAX_QUESTION_CHARS = 300


@dataclass
class Span:
    """A draft block: where it stands in the original and what a reader knows about it.

    `listed` records that the span came from a list item, even after it turns into a
    question; `link_only` that all its text is a link within the page (a table of
    contents); `heading` overrides the nearest-heading rule for structured formats.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    boilerplate: bool = False
    link_only: bool = False
    listed: bool = False
    heading: str | None = None
    text: str = ""

    @property
    def words(self) -> int:
        """How many words the clean text holds."""
        return len(self.text.split())

    @property
    def is_heading_like(self) -> bool:
        """A heading, or a question standing where a heading would."""
        return self.kind is BlockKind.HEADING or (
            self.kind is BlockKind.QUESTION and self.level > 0
        )


def trim(original: str, span: Span) -> Span:
    """The span without surrounding whitespace (changed in place)."""
    start, end = span.start, span.end
    while start < end and original[start].isspace():
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    span.start, span.end = start, end
    return span


# "Q. How much will I take?", "Q: ...", "Question: ...": a question marked as one, which may
# give its context first ("Q. I'm on methotrexate as well. Is that a problem?").
_QUESTION_MARK = re.compile(r"^\s*(?:Q|Question)\s*[.:)]\s+")


def is_question(text: str) -> bool:
    """Whether a clean text is one question (and nothing after it)."""
    if not text.endswith("?") or len(text) > MAX_QUESTION_CHARS:
        return False
    return bool(_QUESTION_MARK.match(text)) or not _SENTENCE_BREAK.search(text[:-1])


def split_question(original: str, fmt: SourceFormat, span: Span) -> list[Span]:
    """A block that opens with a question and goes on with its answer, as two spans.

    `**Can I drive?** Not until you know how it affects you.` becomes a question span
    and a paragraph span; anything else comes back unchanged.
    """
    if span.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return [span]
    if span.text and _LEADING_QUESTION.match(span.text) is None:
        return [span]
    text, positions = clean_with_positions(original[span.start : span.end], fmt)
    match = _LEADING_QUESTION.match(text)
    if match is None:
        return [span]
    question_end = span.start + positions[match.end(1) - 1] + 1
    answer_start = span.start + positions[match.start(2)]
    question = replace(span, kind=BlockKind.QUESTION, end=question_end, level=0)
    answer = replace(span, kind=BlockKind.PARAGRAPH, start=answer_start, level=0)
    return [question, answer]
