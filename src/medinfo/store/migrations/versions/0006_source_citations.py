"""Sources keep the citation metadata their documents give: publisher (site or labeler) and date.

Revision ID: 0006_source_citations
Revises: 0005_undated_reviews
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_source_citations"
down_revision = "0005_undated_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("publisher", sa.Text(), nullable=True))
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("published")
        batch.drop_column("publisher")
