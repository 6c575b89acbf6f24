"""Opening databases: first-use migration, dialect settings and transactions."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from medinfo.store.database import StorageError, open_database
from medinfo.store.migrations import HEAD_REVISION
from medinfo.store.migrations.runner import head_revision
from medinfo.store.repositories import Store
from medinfo.store.tables import SEARCH_TABLE_PREFIX, metadata


def test_head_revision_names_the_newest_packaged_migration() -> None:
    assert head_revision() == HEAD_REVISION


def test_ensure_schema_migrates_a_new_database_once(database_url: str) -> None:
    database = open_database(database_url)
    try:
        assert database.revision() is None
        assert database.ensure_schema() is True
        assert database.revision() == HEAD_REVISION
        assert database.ensure_schema() is False
    finally:
        database.dispose()


def test_migrations_match_the_table_definitions(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    database = open_database(database_url)
    try:
        database.ensure_schema()
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": _outside_search_index})
            differences = compare_metadata(context, metadata)
        assert differences == []
    finally:
        database.dispose()


def test_ensure_schema_leaves_nothing_when_seeding_fails(database_url: str) -> None:
    def failing_seed(store: Store) -> None:
        raise RuntimeError("seed failed")

    database = open_database(database_url)
    try:
        with pytest.raises(RuntimeError):
            database.ensure_schema(seed=failing_seed)
        assert database.revision() is None
    finally:
        database.dispose()


def test_sqlite_database_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        database.ensure_schema()
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        database.dispose()


def test_sqlite_database_folder_is_created(tmp_path: pytest.TempPathFactory) -> None:
    url = f"sqlite:///{tmp_path}/nested/deeper/medinfo.db"
    database = open_database(url)
    try:
        assert database.ensure_schema() is True
    finally:
        database.dispose()


def test_open_database_rejects_an_unusable_url() -> None:
    with pytest.raises(StorageError, match="not a database URL"):
        open_database("not a url")


def test_unreachable_database_is_reported_as_a_storage_error() -> None:
    database = open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StorageError, match="database postgresql"):
        database.revision()


def _outside_search_index(name: str | None, type_: str, _parent: object) -> bool:
    """The dialect-specific full-text index (and its FTS5 shadow tables) has no Table."""
    return not (name or "").startswith(SEARCH_TABLE_PREFIX)
