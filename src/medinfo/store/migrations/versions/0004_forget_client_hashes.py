"""Forget the client hashes signed with the database's own key: a copy of the database could
test guessed addresses against them. New hashes are keyed by a secret outside the database.

Revision ID: 0004_forget_client_hashes
Revises: 0003_reviews
"""

from __future__ import annotations

from alembic import op

revision = "0004_forget_client_hashes"
down_revision = "0003_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE reviews SET client_hash = NULL WHERE client_hash IS NOT NULL")


def downgrade() -> None:
    """Nothing to restore: the hashes are gone (they only served a 10-minute rate limit)."""
