"""Search storage: catalog names and the full-text index, one interface over SQLite and PostgreSQL.

SQLite answers full-text queries with FTS5, PostgreSQL with a GIN-indexed tsvector. Callers
hand in text already folded to lower-case ASCII words (`terms`, `tokens`), so both backends
match the same way and no user input ever reaches a query as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, text

from medinfo.store.tables import catalog_names, drug_names

_TOKEN = re.compile(r"^[0-9a-z]+$")
_BATCH = 5000


@dataclass(frozen=True)
class IndexEntry:
    """One searchable passage: a fact line of a monograph or a paragraph of a source text.

    `kind` is "fact" or "source"; `ref` the section title (facts) or the source title;
    `source` the source id ("" for facts, which may rest on several); `start`/`stop` index the
    source text; `body` is shown to readers, `terms` is the folded text that is matched.
    """

    drug: str
    kind: str
    ref: str
    body: str
    terms: str
    source: str = ""
    start: int = 0
    stop: int = 0


@dataclass(frozen=True)
class TextHit:
    """A passage that matched a full-text query, best first."""

    drug: str
    kind: str
    ref: str
    source: str
    start: int
    stop: int
    body: str


@dataclass(frozen=True)
class NameHit:
    """A drug name that matched: as written, its drug key, its kind and whether it is exact."""

    name: str
    drug: str
    kind: str
    exact: bool


class SearchIndex:
    """The search tables over one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._postgres = conn.dialect.name == "postgresql"

    # catalog names --------------------------------------------------------------------------

    def load_catalog_names(self, rows: Iterable[tuple[str, str, str, str]]) -> int:
        """Replace the catalog names with (folded, name, drug, kind) rows; returns the count."""
        self._conn.execute(delete(catalog_names))
        batch: list[dict[str, str]] = []
        count = 0
        for folded, name, drug, kind in rows:
            batch.append({"folded": folded, "name": name, "drug": drug, "kind": kind})
            if len(batch) >= _BATCH:
                count += self._insert_names(batch)
                batch = []
        return count + self._insert_names(batch)

    def has_catalog_names(self) -> bool:
        return self._conn.execute(select(catalog_names.c.id).limit(1)).first() is not None

    def names_starting(self, folded: str, limit: int) -> list[NameHit]:
        """Catalog and monograph names equal to or starting with `folded`, exact ones first."""
        if not folded:
            return []
        upper = folded[:-1] + chr(ord(folded[-1]) + 1)
        hits: dict[tuple[str, str], NameHit] = {}
        catalog_query = (
            select(catalog_names.c.name, catalog_names.c.drug, catalog_names.c.kind)
            .add_columns(catalog_names.c.folded)
            .where(
                and_(
                    catalog_names.c.folded >= folded,
                    catalog_names.c.folded < upper,
                    catalog_names.c.folded.like(f"{folded}%"),
                )
            )
            .order_by(func.length(catalog_names.c.folded), catalog_names.c.folded)
            .limit(limit * 4)
        )
        monograph_query = (
            select(drug_names.c.name, drug_names.c.drug, drug_names.c.kind, drug_names.c.name)
            .where(or_(drug_names.c.name == folded, drug_names.c.name.like(f"{folded}%")))
            .order_by(func.length(drug_names.c.name))
            .limit(limit)
        )
        for query in (monograph_query, catalog_query):
            for name, drug, kind, row_folded in self._conn.execute(query):
                hit = NameHit(name, drug, kind, row_folded == folded)
                hits.setdefault((drug, name.lower()), hit)
        ordered = sorted(hits.values(), key=lambda hit: (not hit.exact, len(hit.name)))
        return ordered[: limit * 2]

    # full text ------------------------------------------------------------------------------

    def replace_drug(self, drug: str, entries: Sequence[IndexEntry], new: bool = False) -> None:
        """Drop the drug's indexed passages and index `entries` instead. `new` says the drug
        was never indexed: nothing to drop, and on SQLite no scan of the whole index (FTS5
        cannot look its unindexed `drug` column up, so each drop reads every passage)."""
        if not new:
            self._conn.execute(
                text("DELETE FROM search_documents WHERE drug = :drug"), {"drug": drug}
            )
        if not entries:
            return
        # through the driver: a bulk run stores ~35 passages a label (no per-row work here)
        marker = "%s" if self._postgres else "?"
        rows = [
            (e.drug, e.kind, e.ref, e.source, e.start, e.stop, e.body, e.terms) for e in entries
        ]
        self._conn.exec_driver_sql(
            "INSERT INTO search_documents (drug, kind, ref, source, start, stop, body, terms) "
            f"VALUES ({', '.join([marker] * 8)})",
            rows,
        )

    def match(self, tokens: Sequence[str], limit: int) -> list[TextHit]:
        """Passages containing every token (the last one as a prefix), best first."""
        words = [token for token in tokens if _TOKEN.match(token)]
        if not words or limit <= 0:
            return []
        if self._postgres:
            query = " & ".join([*words[:-1], f"{words[-1]}:*"])
            sql = (
                "SELECT drug, kind, ref, source, start, stop, body FROM search_documents "
                "WHERE to_tsvector('english', terms) @@ to_tsquery('english', :query) "
                "ORDER BY ts_rank(to_tsvector('english', terms), to_tsquery('english', :query)) "
                "DESC, id LIMIT :limit"
            )
        else:
            query = " ".join([*(f'"{word}"' for word in words[:-1]), f'"{words[-1]}"*'])
            sql = (
                "SELECT drug, kind, ref, source, start, stop, body FROM search_documents "
                "WHERE search_documents MATCH :query ORDER BY bm25(search_documents), rowid "
                "LIMIT :limit"
            )
        rows = self._conn.execute(text(sql), {"query": query, "limit": limit})
        return [TextHit(*row) for row in rows]

    def match_sources(self, drug: str, tokens: Sequence[str], limit: int) -> list[TextHit]:
        """Paragraphs of `drug`'s stored source texts containing any of `tokens`, best first."""
        words = list(dict.fromkeys(token for token in tokens if _TOKEN.match(token)))
        if not words or limit <= 0:
            return []
        if self._postgres:
            query = " | ".join(words)
            sql = (
                "SELECT drug, kind, ref, source, start, stop, body FROM search_documents "
                "WHERE drug = :drug AND kind = 'source' "
                "AND to_tsvector('english', terms) @@ to_tsquery('english', :query) "
                "ORDER BY ts_rank(to_tsvector('english', terms), to_tsquery('english', :query)) "
                "DESC, id LIMIT :limit"
            )
        else:
            query = " OR ".join(f'"{word}"' for word in words)
            sql = (
                "SELECT drug, kind, ref, source, start, stop, body FROM search_documents "
                "WHERE search_documents MATCH :query AND drug = :drug AND kind = 'source' "
                "ORDER BY bm25(search_documents), rowid LIMIT :limit"
            )
        rows = self._conn.execute(text(sql), {"query": query, "drug": drug, "limit": limit})
        return [TextHit(*row) for row in rows]

    def source_paragraphs(self, source_ids: Sequence[str]) -> list[TextHit]:
        """Every indexed paragraph of the given source texts, by source and place in it."""
        ids = list(dict.fromkeys(source_ids))
        if not ids:
            return []
        sql = text(
            "SELECT drug, kind, ref, source, start, stop, body FROM search_documents "
            "WHERE kind = 'source' AND source IN :ids ORDER BY source, start"
        ).bindparams(bindparam("ids", expanding=True))
        return [TextHit(*row) for row in self._conn.execute(sql, {"ids": ids})]

    def count(self) -> int:
        return int(self._conn.execute(text("SELECT count(*) FROM search_documents")).scalar_one())

    def _insert_names(self, batch: list[dict[str, str]]) -> int:
        if batch:
            self._conn.execute(insert(catalog_names), batch)
        return len(batch)
