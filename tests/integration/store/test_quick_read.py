"""The quick SQLite read answers exactly what the full store path answers, or stands aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from medinfo.bootstrap import bootstrap
from medinfo.data import KNOWLEDGE_BASE_SETTING as KB
from medinfo.store.quick_read import read_cached_monograph
from tests.fakes import fake_pipeline


def _seeded(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'quick.db'}"
    bootstrap(url, pipeline_factory=fake_pipeline).close()
    return url


def test_read_cached_monograph_matches_the_store(tmp_path: Path) -> None:
    url = _seeded(tmp_path)
    app = bootstrap(url, pipeline_factory=fake_pipeline)
    try:
        drug = app.drugs()[0]
        expected = app.cached_monograph(drug).body
    finally:
        app.close()
    assert read_cached_monograph(url, f"  {drug.upper()} ") == expected


def test_read_cached_monograph_stands_aside_for_unknown_names(tmp_path: Path) -> None:
    assert read_cached_monograph(_seeded(tmp_path), "no-such-drug") is None


def test_read_cached_monograph_stands_aside_without_a_database(tmp_path: Path) -> None:
    assert read_cached_monograph(f"sqlite:///{tmp_path / 'missing.db'}", "baclofen") is None
    assert not (tmp_path / "missing.db").exists()
    assert read_cached_monograph("postgresql+psycopg://u@127.0.0.1/x", "baclofen") is None


def test_read_cached_monograph_stands_aside_for_an_old_schema(tmp_path: Path) -> None:
    url = _seeded(tmp_path)
    with sqlite3.connect(tmp_path / "quick.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    assert read_cached_monograph(url, "baclofen") is None


def test_read_cached_monograph_stands_aside_for_an_older_knowledge_base(tmp_path: Path) -> None:
    url = _seeded(tmp_path)
    assert read_cached_monograph(url, "baclofen") is not None
    with sqlite3.connect(tmp_path / "quick.db") as connection:
        connection.execute("UPDATE settings SET value = 'an older release' WHERE name = ?", (KB,))
    assert read_cached_monograph(url, "baclofen") is None  # the full path takes the new one
