"""Upgrading medinfo: a database an older release made gets monographs the new code builds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from medinfo.bootstrap import bootstrap
from medinfo.data import KNOWLEDGE_BASE_SETTING, knowledge_base_digest
from medinfo.store.migrations import HEAD_REVISION
from medinfo.store.repositories import CachedMonograph

STALE = '{"drug": "baclofen", "summary": "cached by an older release"}'


def test_an_upgraded_database_rebuilds_its_cached_monographs(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    app = bootstrap(url)
    with app.database.transaction() as store:  # what an older release left: its own schema
        store.monographs.put(CachedMonograph(drug="baclofen", body=STALE, etag="old"))
        store.connection.execute(text("ALTER TABLE sources DROP COLUMN publisher"))
        store.connection.execute(text("ALTER TABLE sources DROP COLUMN published"))
        store.connection.execute(text("DROP TABLE settings"))
        store.connection.execute(
            text("UPDATE alembic_version SET version_num = :old"), {"old": "0005_undated_reviews"}
        )
    app.close()
    upgraded = bootstrap(url)
    try:
        assert upgraded.database.revision() == HEAD_REVISION
        monograph = upgraded.monograph("baclofen")
        assert monograph.summary != "cached by an older release"
        assert monograph.sources
        assert monograph.indications
        assert all("_" not in source.title for source in monograph.sources)  # no file stems
        with upgraded.database.reader() as store:  # the knowledge base it holds is recorded
            assert store.settings.get(KNOWLEDGE_BASE_SETTING) == knowledge_base_digest()
    finally:
        upgraded.close()
