"""Stored source text that may answer a question: a portable LIKE prefilter over sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from medinfo.store.tables import facts, sources

# A prefilter with more words than this matches almost every text; the first ones are kept.
MAX_WORDS = 12


@dataclass(frozen=True)
class StoredText:
    """The original text of one user-ingested source of a drug."""

    source_id: str
    text: str


@dataclass(frozen=True)
class SectionSpan:
    """A section name the extraction gave to a span of a source text."""

    start: int
    end: int
    section: str


def texts_mentioning(conn: Connection, drug: str, words: Iterable[str]) -> list[StoredText]:
    """The stored texts of `drug`'s sources that contain any of `words` (case-insensitive).

    Knowledge-base sources have no stored text and never match. Plain `LIKE` keeps this
    portable (SQLite and PostgreSQL); ranking is left to the caller.
    """
    wanted = [word for word in dict.fromkeys(words) if word.strip()][:MAX_WORDS]
    if not wanted:
        return []
    query = (
        select(sources.c.id, sources.c.original_text)
        .where(sources.c.drug == drug, sources.c.original_text.is_not(None))
        .where(
            or_(*(sources.c.original_text.ilike(f"%{_escape(w)}%", escape="\\") for w in wanted))
        )
        .order_by(sources.c.reliability.desc(), sources.c.id)
    )
    return [StoredText(row.id, row.original_text) for row in conn.execute(query)]


def section_spans(conn: Connection, source_ids: Iterable[str]) -> dict[str, list[SectionSpan]]:
    """The sections extraction assigned within each source, from its facts' evidence."""
    ids = list(source_ids)
    if not ids:
        return {}
    query = (
        select(facts.c.source_id, facts.c.start, facts.c.end, facts.c.section)
        .where(facts.c.source_id.in_(ids), facts.c.section != "")
        .order_by(facts.c.source_id, facts.c.start)
    )
    spans: dict[str, list[SectionSpan]] = {}
    for row in conn.execute(query):
        spans.setdefault(row.source_id, []).append(SectionSpan(row.start, row.end, row.section))
    return spans


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
