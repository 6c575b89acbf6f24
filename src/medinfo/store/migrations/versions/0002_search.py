"""Search: the catalog's drug names and a full-text index of facts and source text.

Revision ID: 0002_search
Revises: 0001_initial

SQLite gets an FTS5 virtual table (Porter stemming, accents removed); PostgreSQL a plain
table with a GIN index on its English tsvector. Both index the `terms` column, which holds
text folded by medinfo (lower case, no accents) so that matching behaves the same.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_SQLITE_FTS = """
CREATE VIRTUAL TABLE search_documents USING fts5(
    drug UNINDEXED, kind UNINDEXED, ref UNINDEXED, source UNINDEXED,
    start UNINDEXED, stop UNINDEXED, body UNINDEXED, terms,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""


def upgrade() -> None:
    op.create_table(
        "catalog_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("folded", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("drug", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
    )
    op.create_index("ix_catalog_names_folded", "catalog_names", ["folded"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_SQLITE_FTS)
        return
    op.create_table(
        "search_documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("drug", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("stop", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
    )
    op.create_index("ix_search_documents_drug", "search_documents", ["drug"])
    op.execute(
        "CREATE INDEX ix_search_documents_terms ON search_documents "
        "USING gin (to_tsvector('english', terms))"
    )


def downgrade() -> None:
    op.drop_table("search_documents")
    op.drop_index("ix_catalog_names_folded", table_name="catalog_names")
    op.drop_table("catalog_names")
