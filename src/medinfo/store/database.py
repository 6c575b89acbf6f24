"""Opening a database: engine settings per dialect, transactions and first-use migration."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.pool import StaticPool

from medinfo.domain.errors import MedinfoError
from medinfo.store.migrations import HEAD_REVISION
from medinfo.store.repositories import Store

_WRITE = "medinfo_write"
# PostgreSQL advisory lock held by an exclusive transaction (schema created or upgraded,
# knowledge base refreshed).
_LOCK = 0x6D6564696E666F


class StorageError(MedinfoError):
    """The database cannot be opened, read or written."""


class Database:
    """One database: writes in serialised transactions, reads on pooled connections."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """A write transaction (`BEGIN IMMEDIATE` on SQLite): all or nothing."""
        with self._guard(), self.engine.execution_options(**{_WRITE: True}).begin() as conn:
            yield Store(conn)

    @contextmanager
    def exclusive_transaction(self) -> Iterator[Store]:
        """A write transaction that no other process's exclusive transaction overlaps (for
        creating, upgrading or refreshing a database that several processes may open at once).
        """
        with self.transaction() as store:
            if store.connection.dialect.name == "postgresql":
                # SQLite's BEGIN IMMEDIATE already serialises every write transaction.
                store.connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
            yield store

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only view of a consistent snapshot."""
        with self._guard(), self.engine.connect() as conn:
            yield Store(conn)

    def revision(self) -> str | None:
        """The schema revision, or None when the database has no medinfo schema yet."""
        with self._guard(), self.engine.connect() as conn:
            return current_revision(conn)

    def ensure_schema(
        self,
        seed: Callable[[Store], None] | None = None,
        upgraded: Callable[[Store], None] | None = None,
    ) -> bool:
        """Create or upgrade the schema; a new database is seeded, an upgraded one handed to
        `upgraded`, in the same transaction.

        Returns True when the database was new. Nothing is left behind if `seed` or
        `upgraded` fails.
        """
        if self.revision() == HEAD_REVISION:
            return False
        with self.exclusive_transaction() as store:
            before = current_revision(store.connection)
            if before == HEAD_REVISION:
                return False
            upgrade_schema(store.connection)
            if before is None and seed is not None:
                seed(store)
            elif before is not None and upgraded is not None:
                upgraded(store)
        return before is None

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (OperationalError, InterfaceError, ArgumentError) as error:
            reason = str(error.orig if isinstance(error, DBAPIError) else error).splitlines()[0]
            raise StorageError(f"database {self.url}: {reason}") from error


def open_database(url: str) -> Database:
    """An engine for `url` (sqlite:///path or postgresql+psycopg://...), not yet migrated."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StorageError(f"database {url!r}: not a database URL") from error
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path in ("", ":memory:"):
            options["poolclass"] = StaticPool
        else:
            try:
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(f"database {url}: {error.strerror}") from error
    try:
        engine = create_engine(parsed, **options)
    except (NoSuchModuleError, ArgumentError, SQLAlchemyError) as error:
        raise StorageError(f"database {url}: {error}") from error
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return Database(engine)


def current_revision(conn: Connection) -> str | None:
    """The Alembic revision stamped in the database, without importing Alembic."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_schema(conn: Connection) -> None:
    """Run the packaged Alembic migrations up to head on an open transaction."""
    from medinfo.store.migrations.runner import upgrade_to_head

    upgrade_to_head(conn)


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and explicit BEGIN so writes take the lock first."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        if engine.url.database not in (None, "", ":memory:"):
            _enable_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _enable_wal(cursor: Any, attempts: int = 100) -> None:
    """Switch the file to WAL (persistent, so usually a no-op read).

    Changing the journal mode does not wait on the busy handler: when several
    processes open a new file at once, retry briefly instead of failing.
    """
    import sqlite3
    import time

    for attempt in range(attempts):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)
