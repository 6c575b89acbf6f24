"""Passages: the fallback search over stored source text, and a small in-memory version."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from medinfo.services.qa.headings import in_context
from medinfo.services.qa.vocabulary import load_vocabulary

_WORDS = re.compile(r"[a-z0-9]+")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


@dataclass(frozen=True)
class Passage:
    """A span of one stored source text; `start`/`end` index the source's original text."""

    source: str
    start: int
    end: int
    text: str
    section: str = ""
    score: float = 0.0
    heading: str = ""  # the heading or source question the paragraph sits under


class PassageSearch(Protocol):
    """Full-text search over the stored sources of one drug (SQLite FTS5 or PostgreSQL)."""

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        """The passages of `drug`'s sources that best match `query`, best first.

        `query` is a bag of space-separated words (the question and words of its topic);
        a passage matches when it shares any of them.
        """
        ...


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The words of `text` that carry meaning: lower-cased, without stopwords. Cached: the
    same stored paragraphs (a whole label among them) are matched against most questions
    about their drug."""
    stopwords = load_vocabulary().stopwords
    return frozenset(word for word in _WORDS.findall(text.lower()) if word not in stopwords)


def split_passages(source: str, text: str, section: str = "") -> list[Passage]:
    """The paragraphs of a source text as passages with their original offsets."""
    return [
        Passage(source, match.start(), match.end(), match.group(), section)
        for match in _PARAGRAPH.finditer(text)
        if match.group().strip()
    ]


class InMemoryPassages:
    """A PassageSearch over passages held in memory, ranked by shared content words."""

    def __init__(self, passages: dict[str, Iterable[Passage]] | None = None) -> None:
        self._passages: dict[str, list[Passage]] = {
            drug.lower(): list(items) for drug, items in (passages or {}).items()
        }

    def add_text(self, drug: str, source: str, text: str, section: str = "") -> None:
        """Index a source text of `drug`, one passage per paragraph."""
        self._passages.setdefault(drug.lower(), []).extend(split_passages(source, text, section))

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        wanted = content_words(query)
        scored = []
        for passage in self._passages.get(drug.lower(), []):
            shared = len(wanted & content_words(passage.text))
            if shared:
                scored.append((shared, passage))
        scored.sort(key=lambda item: -item[0])
        return [
            in_context(
                Passage(p.source, p.start, p.end, p.text, p.section, float(shared)),
                [other for other in self._passages[drug.lower()] if other.source == p.source],
            )
            for shared, p in scored[:limit]
        ]
