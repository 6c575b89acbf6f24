"""Patient reviews: the reviews, their precomputed counts and a per-database review key.

Revision ID: 0003_reviews
Revises: 0001_initial
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0003_reviews"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("drug", sa.String(200), nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("condition", sa.String(200), nullable=False),
        sa.Column("duration", sa.String(200), nullable=False),
        sa.Column("side_effects", sa.JSON, nullable=False),
        sa.Column("side_effect_terms", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("hold_reason", sa.Text, nullable=False),
        sa.Column("attribution", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("client_hash", sa.String(64), nullable=True),
        sa.Column("import_key", sa.String(64), nullable=True, unique=True),
    )
    op.create_index(
        "ix_reviews_drug_status_created", "reviews", ["drug", "status", "created_at", "id"]
    )
    op.create_index("ix_reviews_status_created", "reviews", ["status", "created_at"])
    op.create_index("ix_reviews_client_created", "reviews", ["client_hash", "created_at"])
    op.create_table(
        "review_counts",
        sa.Column("drug", sa.String(200), primary_key=True),
        sa.Column("facet", sa.String(20), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index(
        "ix_review_counts_drug_facet_count", "review_counts", ["drug", "facet", "count"]
    )
    keys = op.create_table(
        "review_keys",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )
    op.bulk_insert(keys, [{"name": "reviews", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    op.drop_table("review_keys")
    op.drop_index("ix_review_counts_drug_facet_count", table_name="review_counts")
    op.drop_table("review_counts")
    op.drop_index("ix_reviews_client_created", table_name="reviews")
    op.drop_index("ix_reviews_status_created", table_name="reviews")
    op.drop_index("ix_reviews_drug_status_created", table_name="reviews")
    op.drop_table("reviews")
