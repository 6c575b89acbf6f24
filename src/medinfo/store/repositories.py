"""Repositories: the only place that reads and writes the tables, in domain types."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, String, delete, func, insert, literal, or_, select, update

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.names import stored_name
from medinfo.domain.sources import Reliability, Source, SourceFormat, SourceKind
from medinfo.store.tables import drug_names, facts, monographs, settings, sources

# Etag prefix of a monograph whose drug gained or lost sources since it was reconciled.
STALE_PREFIX = "stale-"


@dataclass(frozen=True)
class CachedMonograph:
    """A drug's reconciled monograph as stored: JSON text and its content hash."""

    drug: str
    body: str
    etag: str


class SourceRepository:
    """Sources and their original text."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, source: Source, original_text: str | None) -> None:
        """Store a new source; `original_text` is None for knowledge-base sources."""
        values = _source_values(source)
        self._conn.execute(insert(sources).values(original_text=original_text, **values))

    def add_many(self, items: Sequence[tuple[Source, str | None]]) -> None:
        """Store new sources with their original text, in one statement."""
        if items:
            rows = [{**_source_values(source), "original_text": text} for source, text in items]
            self._conn.execute(insert(sources), rows)

    def get(self, source_id: str) -> Source | None:
        row = self._conn.execute(select(sources).where(sources.c.id == source_id)).first()
        return None if row is None else _source_from_row(row)

    def has_text(self, source_id: str) -> bool:
        """Whether the source's original text is stored."""
        query = select(sources.c.original_text.is_not(None)).where(sources.c.id == source_id)
        return bool(self._conn.execute(query).scalar())

    def original_text(self, source_id: str) -> str | None:
        query = select(sources.c.original_text).where(sources.c.id == source_id)
        return self._conn.execute(query).scalar()

    def store_text(self, source_id: str, original_text: str) -> None:
        """Keep the text of a source that was known only by its facts."""
        self._conn.execute(
            update(sources).where(sources.c.id == source_id).values(original_text=original_text)
        )

    def list_for_drug(self, drug: str) -> list[Source]:
        query = select(sources).where(sources.c.drug == drug).order_by(sources.c.id)
        return [_source_from_row(row) for row in self._conn.execute(query)]

    def list_all(self) -> list[Source]:
        query = select(sources).order_by(sources.c.id)
        return [_source_from_row(row) for row in self._conn.execute(query)]

    def ids(self) -> set[str]:
        """The id of every stored source."""
        return set(self._conn.execute(select(sources.c.id)).scalars())

    def ids_by_url(self) -> dict[str, str]:
        """Source ids by the URL they were published at (sources without a URL left out)."""
        query = select(sources.c.url, sources.c.id).where(sources.c.url.is_not(None))
        return {str(url): str(source_id) for url, source_id in self._conn.execute(query)}

    def with_text(self) -> list[tuple[str, SourceFormat]]:
        """The id and format of every source whose original text is kept, in id order."""
        query = (
            select(sources.c.id, sources.c.format)
            .where(sources.c.original_text.is_not(None))
            .order_by(sources.c.id)
        )
        return [(row.id, SourceFormat(row.format)) for row in self._conn.execute(query)]

    def without_text(self) -> list[Source]:
        """Every source known only by its facts (loaded from a knowledge base)."""
        query = select(sources).where(sources.c.original_text.is_(None)).order_by(sources.c.id)
        return [_source_from_row(row) for row in self._conn.execute(query)]

    def rate(self, source: Source) -> None:
        """Store a source's reliability and its reason again (its facts were read again)."""
        self._conn.execute(
            update(sources)
            .where(sources.c.id == source.id)
            .values(
                reliability=int(source.reliability), reliability_reason=source.reliability_reason
            )
        )

    def delete(self, source_id: str) -> None:
        """Remove a source and its facts."""
        self._conn.execute(delete(facts).where(facts.c.source_id == source_id))
        self._conn.execute(delete(sources).where(sources.c.id == source_id))

    def drugs(self) -> list[str]:
        """Every drug that has at least one source, sorted."""
        query = select(sources.c.drug).distinct().order_by(sources.c.drug)
        return list(self._conn.execute(query).scalars())


class FactRepository:
    """The facts each source states, in extraction order."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_many(self, source_id: str, items: Sequence[ExtractedFact]) -> None:
        self.add_for_sources([(source_id, items)])

    def add_for_sources(self, items: Sequence[tuple[str, Sequence[ExtractedFact]]]) -> None:
        """Store the facts of several sources (each in extraction order), in one statement."""
        self.add_rows(
            [(source_id, [fact_row(fact) for fact in stated]) for source_id, stated in items]
        )

    def add_rows(self, items: Sequence[tuple[str, Sequence[FactRow]]]) -> None:
        """Store facts already made into rows (see `fact_row`), each source's in extraction
        order, in one statement through the database driver (no per-row work here)."""
        rows = [
            (source_id, position, *row)
            for source_id, stated in items
            for position, row in enumerate(stated)
        ]
        if not rows:
            return
        dialect = self._conn.dialect
        marker, as_json = ("%s", "%s::json") if dialect.name == "postgresql" else ("?", "?")
        columns = ", ".join(dialect.identifier_preparer.quote(name) for name in _FACT_COLUMNS)
        values = ", ".join(as_json if name == "attributes" else marker for name in _FACT_COLUMNS)
        self._conn.exec_driver_sql(f"INSERT INTO facts ({columns}) VALUES ({values})", rows)

    def replace(self, source_id: str, items: Sequence[ExtractedFact]) -> None:
        """A source's facts, read again: the old ones are removed."""
        self._conn.execute(delete(facts).where(facts.c.source_id == source_id))
        self.add_many(source_id, items)

    def list_for_sources(self, source_ids: Iterable[str]) -> list[ExtractedFact]:
        """Facts of the given sources, grouped by source id, each in extraction order."""
        query = (
            select(*(facts.c[name] for name in _READ_COLUMNS))
            .where(facts.c.source_id.in_(list(source_ids)))
            .order_by(facts.c.source_id, facts.c.position)
        )
        return [_fact_from_row(*row) for row in self._conn.execute(query)]


# A fact as stored, less its source and position: kind, key, attributes (JSON text, as the
# JSON column type writes them), start, end, section.
FactRow = tuple[str, str, str, int, int, str]
_FACT_COLUMNS = ("source_id", "position", "kind", "key", "attributes", "start", "end", "section")
# The columns a fact is read back from, in `_fact_from_row`'s order (unpacked, not looked up
# by name: reading a drug's facts back is a large part of reconciling it).
_READ_COLUMNS = ("source_id", "kind", "key", "attributes", "start", "end", "section")


def fact_row(fact: ExtractedFact) -> FactRow:
    """A fact as `FactRepository.add_rows` stores it. Made where facts are extracted, rows
    cross from a bulk ingest worker to the writer far more cheaply than fact objects."""
    evidence = fact.evidence
    attributes = json.dumps(dict(fact.attributes))
    return (fact.kind.value, fact.key, attributes, evidence.start, evidence.end, evidence.section)


class NameRepository:
    """Every name (generic, brand, synonym) a drug is known by, in lower case."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def replace_for_drug(self, drug: str, names: Iterable[tuple[str, str]]) -> None:
        """Set the (name, kind) pairs of `drug`; the first kind given for a name wins."""
        self._conn.execute(delete(drug_names).where(drug_names.c.drug == drug))
        rows: dict[str, str] = {}
        for name, kind in names:
            rows.setdefault(stored_name(name), kind)
        if rows:
            self._conn.execute(
                insert(drug_names),
                [{"name": name, "drug": drug, "kind": kind} for name, kind in rows.items()],
            )

    def drugs_named(self, name: str) -> list[str]:
        """The drugs known by exactly this name (case-insensitive)."""
        query = (
            select(drug_names.c.drug)
            .where(drug_names.c.name == stored_name(name))
            .order_by(drug_names.c.drug)
        )
        return list(self._conn.execute(query).scalars())

    def all_rows(self) -> list[tuple[str, str, str]]:
        """Every (name, drug, kind) row."""
        query = select(drug_names.c.name, drug_names.c.drug, drug_names.c.kind)
        return [(name, drug, kind) for name, drug, kind in self._conn.execute(query)]

    def all_names(self) -> dict[str, str]:
        """Every known name mapped to its drug (the alphabetically first one when shared)."""
        query = select(drug_names.c.name, drug_names.c.drug).order_by(
            drug_names.c.name, drug_names.c.drug
        )
        names: dict[str, str] = {}
        for name, drug in self._conn.execute(query):
            names.setdefault(name, drug)
        return names


class MonographRepository:
    """The cache of reconciled monographs, one JSON document per drug."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def put(self, cached: CachedMonograph) -> None:
        self._conn.execute(delete(monographs).where(monographs.c.drug == cached.drug))
        self._conn.execute(
            insert(monographs).values(drug=cached.drug, body=cached.body, etag=cached.etag)
        )

    def get(self, drug: str) -> CachedMonograph | None:
        row = self._conn.execute(select(monographs).where(monographs.c.drug == drug)).first()
        return None if row is None else CachedMonograph(row.drug, row.body, row.etag)

    def delete(self, drug: str) -> None:
        self._conn.execute(delete(monographs).where(monographs.c.drug == drug))

    def has(self, drug: str) -> bool:
        """Whether a monograph of `drug` was ever stored (stale or not)."""
        query = select(monographs.c.drug).where(monographs.c.drug == drug).limit(1)
        return self._conn.execute(query).first() is not None

    def drugs(self) -> list[str]:
        return list(self._conn.execute(select(monographs.c.drug).order_by("drug")).scalars())

    def mark_stale(self, drugs: Iterable[str]) -> None:
        """Flag monographs whose sources changed; they are served as they are until refreshed.

        The flag replaces the start of the etag with a prefix: the etag keeps its length
        (the column holds 64 characters) and stays unique, and HTTP caches see a change.
        """
        listed = list(drugs)
        if not listed:
            return
        kept = func.substr(monographs.c.etag, len(STALE_PREFIX) + 1)
        stale = literal(STALE_PREFIX, String) + kept
        self._conn.execute(
            update(monographs)
            .where(monographs.c.drug.in_(listed), monographs.c.etag.not_like(f"{STALE_PREFIX}%"))
            .values(etag=stale)
        )

    def stale_drugs(self) -> list[str]:
        """Drugs with sources whose monograph is flagged stale or was never built, sorted."""
        query = (
            select(sources.c.drug)
            .distinct()
            .outerjoin(monographs, monographs.c.drug == sources.c.drug)
            .where(or_(monographs.c.drug.is_(None), monographs.c.etag.like(f"{STALE_PREFIX}%")))
            .order_by(sources.c.drug)
        )
        return list(self._conn.execute(query).scalars())


class SettingRepository:
    """What a database records about itself, as named text values."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, name: str) -> str | None:
        query = select(settings.c.value).where(settings.c.name == name)
        return self._conn.execute(query).scalar_one_or_none()

    def put(self, name: str, value: str) -> None:
        self._conn.execute(delete(settings).where(settings.c.name == name))
        self._conn.execute(insert(settings).values(name=name, value=value))


class Store:
    """The repositories over one connection; its transaction is the unit of work."""

    def __init__(self, conn: Connection) -> None:
        self.connection = conn
        self.sources = SourceRepository(conn)
        self.facts = FactRepository(conn)
        self.names = NameRepository(conn)
        self.monographs = MonographRepository(conn)
        self.settings = SettingRepository(conn)

    def row_counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        return {
            table.name: int(
                self.connection.execute(select(func.count()).select_from(table)).scalar_one()
            )
            for table in (sources, facts, drug_names, monographs)
        }


def _source_values(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "drug": source.drug,
        "kind": source.kind.value,
        "format": source.format.value,
        "reliability": int(source.reliability),
        "reliability_reason": source.reliability_reason,
        "url": source.url,
        "publisher": source.publisher,
        "published": source.published,
        "sha256": source.sha256,
    }


def _source_from_row(row: Row[Any]) -> Source:
    return Source(
        id=row.id,
        title=row.title,
        drug=row.drug,
        kind=SourceKind(row.kind),
        format=SourceFormat(row.format),
        reliability=Reliability(row.reliability),
        reliability_reason=row.reliability_reason,
        url=row.url,
        publisher=row.publisher,
        published=row.published,
        sha256=row.sha256,
    )


def _fact_from_row(
    source: str, kind: str, key: str, attributes: Any, start: int, end: int, section: str
) -> ExtractedFact:
    """A stored fact (the `_READ_COLUMNS` of its row; the kind is validated as a FactKind)."""
    evidence = Evidence(source=source, start=start, end=end, section=section)
    return ExtractedFact(kind=kind, key=key, attributes=attributes, evidence=evidence)
