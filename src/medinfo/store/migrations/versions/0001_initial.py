"""Initial schema: sources, facts, drug names and the monograph cache.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("drug", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("reliability", sa.Integer, nullable=False),
        sa.Column("reliability_reason", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("original_text", sa.Text, nullable=True),
    )
    op.create_index("ix_sources_drug", "sources", ["drug"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "source_id",
            sa.String(16),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("attributes", sa.JSON, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
    )
    op.create_index("ix_facts_source_position", "facts", ["source_id", "position"], unique=True)
    op.create_table(
        "drug_names",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("drug", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
    )
    op.create_table(
        "monographs",
        sa.Column("drug", sa.String(200), primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("etag", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("monographs")
    op.drop_table("drug_names")
    op.drop_index("ix_facts_source_position", table_name="facts")
    op.drop_table("facts")
    op.drop_index("ix_sources_drug", table_name="sources")
    op.drop_table("sources")
