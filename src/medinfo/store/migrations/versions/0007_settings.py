"""A settings table: what a database records about itself (the knowledge base it holds).

Revision ID: 0007_settings
Revises: 0006_source_citations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_settings"
down_revision = "0006_source_citations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
