"""Shared fixtures: databases on SQLite (and PostgreSQL when configured) and fake pipelines."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from medinfo.services import pipeline as pipelines
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database, open_database
from tests.fakes import fake_pipeline

POSTGRES_URL = os.environ.get("MEDINFO_TEST_DATABASE_URL", "")

_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not POSTGRES_URL, reason="MEDINFO_TEST_DATABASE_URL is not set"),
        ],
    ),
]


@pytest.fixture(params=_BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database that does not exist yet, on each backend under test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'medinfo.db'}"
        return
    yield from _fresh_postgres_database()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated, empty database on each backend under test."""
    database = open_database(database_url)
    database.ensure_schema()
    yield database
    database.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite database file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'medinfo.db'}"


@pytest.fixture
def pipeline() -> Pipeline:
    return fake_pipeline()


@pytest.fixture
def fake_real_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the production wiring (CLI, app) use the fake pipeline."""
    monkeypatch.setattr(pipelines, "real_pipeline", fake_pipeline)


def _fresh_postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"medinfo_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
