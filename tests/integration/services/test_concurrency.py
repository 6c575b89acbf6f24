"""Concurrent writers on one SQLite file queue on BEGIN IMMEDIATE instead of failing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from medinfo.services.ingest import ingest_paths
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import open_database
from tests.documents import IBUPROFEN, METFORMIN, SERTRALINE_AI, write


def test_parallel_ingests_into_one_sqlite_file_all_succeed(
    sqlite_url: str, pipeline: Pipeline, tmp_path: Path
) -> None:
    setup = open_database(sqlite_url)
    setup.ensure_schema()
    setup.dispose()
    texts = {"a.txt": IBUPROFEN, "b.txt": METFORMIN, "c.txt": SERTRALINE_AI}
    paths = [write(tmp_path, name, text) for name, text in texts.items()]

    def ingest_one(path: Path) -> str:
        database = open_database(sqlite_url)
        try:
            return ingest_paths(database, pipeline, [path]).documents[0].drug
        finally:
            database.dispose()

    with ThreadPoolExecutor(max_workers=3) as pool:
        drugs = sorted(pool.map(ingest_one, paths))
    assert drugs == ["ibuprofen", "metformin", "sertraline"]
    check = open_database(sqlite_url)
    try:
        with check.reader() as store:
            assert store.monographs.drugs() == drugs
    finally:
        check.dispose()


def test_parallel_first_use_creates_the_schema_once(sqlite_url: str) -> None:
    def first_use(_: int) -> bool:
        database = open_database(sqlite_url)
        try:
            return database.ensure_schema()
        finally:
            database.dispose()

    with ThreadPoolExecutor(max_workers=4) as pool:
        created = list(pool.map(first_use, range(4)))
    assert created.count(True) == 1
