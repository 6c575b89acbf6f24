"""The embedded knowledge base: valid, deterministic, free of source text, reproducible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.services.knowledge_base import (
    SNAPSHOT_PATH,
    build_snapshot,
    dump_snapshot,
    export_snapshot,
    load_snapshot,
    read_snapshot,
)
from medinfo.services.pipeline import Pipeline, real_pipeline
from medinfo.store.database import open_database
from tests.fakes import real_pipeline_missing

CORPUS = Path(SHARED_DIR.value() or Path(__file__).parents[3] / ".." / "shared") / "corpus"


def test_shipped_snapshot_is_written_deterministically() -> None:
    assert dump_snapshot(read_snapshot()) == SNAPSHOT_PATH.read_text(encoding="utf-8")


def test_shipped_snapshot_survives_a_load_and_export(database_url: str, pipeline: Pipeline) -> None:
    snapshot = read_snapshot()
    database = open_database(database_url)
    try:
        database.ensure_schema(
            seed=lambda store: load_snapshot(store, snapshot, pipeline.reconcile_monograph)
        )
        with database.reader() as store:
            assert dump_snapshot(export_snapshot(store)) == dump_snapshot(snapshot)
            assert all(not store.sources.has_text(entry.id) for entry in snapshot.sources)
            assert store.monographs.drugs() == sorted({entry.drug for entry in snapshot.sources})
    finally:
        database.dispose()


def test_snapshot_with_unknown_keys_is_refused(tmp_path: Path) -> None:
    from medinfo.domain.errors import InputError

    path = tmp_path / "kb.json"
    path.write_text('{"format": 1, "sources": [], "text": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"kb\.json"):
        read_snapshot(path)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_shipped_snapshot_holds_no_sentence_of_the_corpus() -> None:
    shipped = SNAPSHOT_PATH.read_text(encoding="utf-8").lower()
    for path in sorted(CORPUS.rglob("*.txt")):
        words = re.findall(r"[a-z']+", path.read_text(encoding="utf-8").lower())
        # Eight words: longer than any vocabulary term (a processed fact such as
        # "history of drug abuse or addiction"), shorter than a copied clause.
        for start in range(0, max(len(words) - 8, 0)):
            phrase = " ".join(words[start : start + 8])
            assert phrase not in shipped, f"{path.name}: {phrase!r} copied into the snapshot"


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.skipif(bool(real_pipeline_missing()), reason=real_pipeline_missing() or "ready")
def test_corpus_reproduces_the_shipped_snapshot() -> None:
    rebuilt = dump_snapshot(build_snapshot(real_pipeline(), CORPUS))
    assert rebuilt == SNAPSHOT_PATH.read_text(encoding="utf-8"), (
        "the knowledge base is stale: run `python -m medinfo.services.knowledge_base build "
        "../shared/corpus`"
    )
