"""Alembic environment: migrate the connection handed over by the runner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from medinfo.store.tables import metadata


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


_handed_over = context.config.attributes.get("connection")
if _handed_over is not None:
    _migrate(_handed_over)
else:
    _url = context.config.get_main_option("sqlalchemy.url")
    if _url is None:
        raise RuntimeError("set sqlalchemy.url or pass a connection to run migrations")
    with create_engine(_url).begin() as _own:
        _migrate(_own)
