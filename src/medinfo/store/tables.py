"""The relational schema: sources, facts, drug names, cached monographs, catalog names and
settings."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# One ingested document. `id` is the first 16 hex digits of the SHA-256 of its text;
# `original_text` is NULL for sources loaded from the embedded knowledge base.
sources = Table(
    "sources",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("title", Text, nullable=False),
    Column("drug", String(200), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("format", String(20), nullable=False),
    Column("reliability", Integer, nullable=False),
    Column("reliability_reason", Text, nullable=False, default=""),
    Column("url", Text, nullable=True),
    Column("publisher", Text, nullable=True),
    Column("published", Date, nullable=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("original_text", Text, nullable=True),
)

# One extracted claim of one source; `position` keeps the extraction order.
facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "source_id",
        String(16),
        ForeignKey("sources.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("key", Text, nullable=False),
    Column("attributes", JSON, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("section", Text, nullable=False, default=""),
    Index("ix_facts_source_position", "source_id", "position", unique=True),
)

# Every name a drug is known by (lower case): generic, brand or synonym.
drug_names = Table(
    "drug_names",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("drug", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
)

# The reconciled monograph of each drug as its JSON text, recomputed on ingest.
monographs = Table(
    "monographs",
    metadata,
    Column("drug", String(200), primary_key=True),
    Column("body", Text, nullable=False),
    Column("etag", String(64), nullable=False),
)

# Every name of the shipped drug catalog (Drugs@FDA + DrugBank): `folded` is the lookup form
# (lower case, no accents, punctuation as spaces), `name` as written, `drug` the generic key.
# Loaded once into every new database so that any brand or synonym resolves in SQL.
catalog_names = Table(
    "catalog_names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("folded", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("drug", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Index("ix_catalog_names_folded", "folded"),
)

# What a database records about itself, by name (text values).
settings = Table(
    "settings",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

# The full-text index (`search_documents`) is dialect-specific (an FTS5 virtual table on
# SQLite, a table with a GIN tsvector index on PostgreSQL), so it is created by migration
# 0002 and queried only through `medinfo.store.search`; it has no Table here.
SEARCH_TABLE_PREFIX = "search_documents"

# The review tables live beside their repository; importing them registers them on `metadata`.
from medinfo.store import reviews as _reviews  # noqa: E402, F401
