"""Refreshing a database: stored text read again, the knowledge base brought up to date."""

from __future__ import annotations

import json
from pathlib import Path

from medinfo.bootstrap import bootstrap
from medinfo.data import KNOWLEDGE_BASE, KNOWLEDGE_BASE_SETTING, knowledge_base_digest
from medinfo.services.knowledge_base import hold_current, read_snapshot
from medinfo.services.pipeline import Pipeline
from medinfo.services.refresh import refresh_database
from medinfo.store.database import Database

ARTICLE = "Metformin (Glucophage) can cause nausea. Rarely it causes lactic acidosis.\n"


def _ingest(app_url: str, tmp_path: Path, text: str, name: str = "metformin.txt") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    app = bootstrap(app_url)
    try:
        app.ingest_paths([path])
    finally:
        app.close()


def test_refresh_reads_stored_text_again_and_keeps_what_it_cannot_read(
    database_url: str, tmp_path: Path, fake_real_pipeline: None, pipeline: Pipeline
) -> None:
    _ingest(database_url, tmp_path, ARTICLE)
    app = bootstrap(database_url)
    try:
        with app.database.transaction() as store:  # what an older release's extraction left
            (source_id,) = [s.id for s in store.sources.list_for_drug("metformin")]
            before = store.facts.list_for_sources([source_id])
            store.facts.replace(source_id, before[:1])
        report = refresh_database(app.database, pipeline)
        assert report.read_again == 1
        assert not report.kept
        assert "metformin" in report.drugs
        with app.database.reader() as store:
            assert store.facts.list_for_sources([source_id]) == before
        monograph = app.monograph("metformin")
        assert {effect.term for effect in monograph.side_effects} == {"nausea", "lactic acidosis"}
    finally:
        app.close()


def test_a_stored_text_that_no_longer_reads_keeps_its_facts(
    database_url: str, tmp_path: Path, fake_real_pipeline: None, pipeline: Pipeline
) -> None:
    _ingest(database_url, tmp_path, ARTICLE)
    app = bootstrap(database_url)
    try:
        broken = Pipeline(
            read_path=pipeline.read_path,
            read_bytes=lambda data, name: pipeline.read_bytes(b"\0" + data, name),
            extract_document=pipeline.extract_document,
            assess_reliability=pipeline.assess_reliability,
            reconcile_monograph=pipeline.reconcile_monograph,
        )
        with app.database.reader() as store:
            facts = store.facts.list_for_sources(s.id for s in store.sources.list_all())
        report = refresh_database(app.database, broken)
        assert report.read_again == 0
        assert len(report.kept) == 1
        assert "binary" in report.kept[0]
        with app.database.reader() as store:
            assert store.facts.list_for_sources(s.id for s in store.sources.list_all()) == facts
    finally:
        app.close()


def _newer_snapshot(tmp_path: Path) -> Path:
    """The shipped knowledge base as a later release might ship it: one fact fewer."""
    data = json.loads(KNOWLEDGE_BASE.read_text(encoding="utf-8"))
    data["sources"][0]["facts"].pop()
    path = tmp_path / "knowledge_base.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _fact_count(database: Database) -> int:
    with database.reader() as store:
        return len(store.facts.list_for_sources(s.id for s in store.sources.list_all()))


def test_a_newer_knowledge_base_replaces_the_one_a_database_holds(
    database_url: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    app = bootstrap(database_url, pipeline_factory=lambda: pipeline)
    try:
        shipped = _fact_count(app.database)
        newer = _newer_snapshot(tmp_path)
        with app.database.exclusive_transaction() as store:
            assert hold_current(store, pipeline.reconcile_monograph, newer)
            assert not hold_current(store, pipeline.reconcile_monograph, newer)  # once only
        assert _fact_count(app.database) == shipped - 1
        with app.database.reader() as store:
            assert store.settings.get(KNOWLEDGE_BASE_SETTING) == knowledge_base_digest(newer)
            assert store.monographs.drugs() == ["baclofen"]
    finally:
        app.close()


def test_a_knowledge_base_source_ingested_from_its_file_keeps_its_facts(
    database_url: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    app = bootstrap(database_url, pipeline_factory=lambda: pipeline)
    try:
        first = read_snapshot().sources[0]
        with app.database.transaction() as store:
            store.sources.store_text(first.id, "its text, kept since it was ingested")
        newer = _newer_snapshot(tmp_path)
        with app.database.exclusive_transaction() as store:
            hold_current(store, pipeline.reconcile_monograph, newer)
            kept = store.facts.list_for_sources([first.id])
        assert len(kept) == len(first.facts)  # read again only by `medinfo db refresh`
    finally:
        app.close()


def test_a_database_created_empty_never_takes_the_knowledge_base(
    database_url: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    app = bootstrap(database_url, empty=True, pipeline_factory=lambda: pipeline)
    try:
        with app.database.exclusive_transaction() as store:
            assert store.settings.get(KNOWLEDGE_BASE_SETTING) == ""
            assert not hold_current(store, pipeline.reconcile_monograph, _newer_snapshot(tmp_path))
            assert store.sources.list_all() == []
    finally:
        app.close()


def test_opening_a_database_takes_this_releases_knowledge_base(
    database_url: str, pipeline: Pipeline
) -> None:
    app = bootstrap(database_url, pipeline_factory=lambda: pipeline)
    with app.database.transaction() as store:  # an older release's knowledge base
        store.settings.put(KNOWLEDGE_BASE_SETTING, "an older digest")
        (source,) = store.sources.list_all()[:1]
        store.facts.replace(source.id, [])
    app.close()
    reopened = bootstrap(database_url, pipeline_factory=lambda: pipeline)
    try:
        with reopened.database.reader() as store:
            assert store.settings.get(KNOWLEDGE_BASE_SETTING) == knowledge_base_digest()
            assert store.facts.list_for_sources([source.id])
        assert reopened.monograph("baclofen").side_effects
    finally:
        reopened.close()
