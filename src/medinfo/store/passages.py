"""What the answers' passage search reads besides the full-text index: source ranks, sections."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select

from medinfo.store.tables import facts, sources


@dataclass(frozen=True)
class SectionSpan:
    """A section name the extraction gave to a span of a source text."""

    start: int
    end: int
    section: str


def source_ranks(conn: Connection, drug: str) -> dict[str, int]:
    """The drug's sources by id, ranked 0 for the most reliable (ties by id)."""
    query = (
        select(sources.c.id)
        .where(sources.c.drug == drug)
        .order_by(sources.c.reliability.desc(), sources.c.id)
    )
    return {row.id: rank for rank, row in enumerate(conn.execute(query))}


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
