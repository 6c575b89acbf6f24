"""Imported reviews without a date keep none (shown as "date not given", listed after dated ones)
instead of the day they were imported.

Revision ID: 0005_undated_reviews
Revises: 0004_forget_client_hashes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_undated_reviews"
down_revision = "0004_forget_client_hashes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("created_at", existing_type=sa.DateTime(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE reviews SET created_at = CURRENT_TIMESTAMP WHERE created_at IS NULL")
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)
