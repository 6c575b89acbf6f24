"""Running the packaged migrations programmatically on an open connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

_LOCATION = Path(__file__).parent


def migration_config(conn: Connection | None = None) -> Config:
    """An Alembic configuration pointing at this package, bound to `conn` when given."""
    config = Config()
    config.set_main_option("script_location", str(_LOCATION))
    config.attributes["connection"] = conn
    return config


def upgrade_to_head(conn: Connection) -> None:
    """Apply every migration the database lacks, inside the caller's transaction."""
    command.upgrade(migration_config(conn), "head")


def head_revision() -> str | None:
    """The newest revision among the packaged scripts."""
    return ScriptDirectory.from_config(migration_config()).get_current_head()
