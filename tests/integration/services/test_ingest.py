"""Ingest: one transaction per document, idempotent, and all-or-nothing on bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medinfo.domain.errors import InputError
from medinfo.domain.monograph import Monograph
from medinfo.domain.sources import Reliability, SourceKind
from medinfo.services.ingest import IngestStatus, ingest_paths
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database
from tests.documents import IBUPROFEN, METFORMIN, NO_DRUG, SERTRALINE_AI, write


def _state(database: Database) -> tuple[dict[str, int], dict[str, str]]:
    with database.reader() as store:
        bodies = {}
        for drug in store.monographs.drugs():
            cached = store.monographs.get(drug)
            assert cached is not None
            bodies[drug] = cached.body
        return store.row_counts(), bodies


def test_ingest_stores_source_text_facts_and_monograph(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    path = write(tmp_path, "ibuprofen.txt", IBUPROFEN)
    report = ingest_paths(database, pipeline, [path], url="https://example.org/ibu")
    [document] = report.documents
    assert document.status is IngestStatus.ADDED
    assert document.drug == "ibuprofen"
    with database.reader() as store:
        source = store.sources.get(document.source_id)
        assert source is not None
        assert source.url == "https://example.org/ibu"
        assert source.kind is SourceKind.ARTICLE
        assert store.sources.original_text(document.source_id) == IBUPROFEN
        cached = store.monographs.get("ibuprofen")
    assert cached is not None
    monograph = Monograph.model_validate_json(cached.body)
    assert monograph.brand_names == ["Advil", "Motrin"]
    assert {effect.term for effect in monograph.side_effects} >= {"nausea", "bleeding"}


def test_reingesting_the_same_document_changes_nothing(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    path = write(tmp_path, "metformin.txt", METFORMIN)
    ingest_paths(database, pipeline, [path])
    before = _state(database)
    copy = write(tmp_path, "copy-of-metformin.txt", METFORMIN)
    report = ingest_paths(database, pipeline, [path, copy], title="Another title")
    assert [d.status for d in report.documents] == [IngestStatus.UNCHANGED] * 2
    assert _state(database) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
        ("latin1.txt", "Ibuprofen for fi\u00e8vre".encode("latin-1")),
        ("nodrug.txt", NO_DRUG.encode()),
    ],
)
def test_failed_ingest_leaves_the_database_unchanged(
    database: Database, pipeline: Pipeline, tmp_path: Path, name: str, content: bytes
) -> None:
    ingest_paths(database, pipeline, [write(tmp_path, "ibuprofen.txt", IBUPROFEN)])
    before = _state(database)
    good = write(tmp_path, "metformin.txt", METFORMIN)
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(name)):
        ingest_paths(database, pipeline, [good, bad])
    assert _state(database) == before


def test_second_source_is_reconciled_into_the_same_monograph(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    ingest_paths(database, pipeline, [write(tmp_path, "a.txt", IBUPROFEN)])
    other = "Advil (ibuprofen) can upset the stomach; nausea and rash are reported.\n"
    report = ingest_paths(database, pipeline, [write(tmp_path, "b.txt", other)])
    with database.reader() as store:
        cached = store.monographs.get("ibuprofen")
    assert cached is not None
    monograph = Monograph.model_validate_json(cached.body)
    assert len(monograph.sources) == 2
    [nausea] = [effect for effect in monograph.side_effects if effect.term == "nausea"]
    assert report.documents[0].source_id in nausea.sources
    assert len(nausea.sources) == 2


def test_brand_given_as_drug_is_stored_under_the_generic(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    ingest_paths(database, pipeline, [write(tmp_path, "metformin.txt", METFORMIN)])
    note = "Glucophage tablets: nausea is common at first.\n"
    report = ingest_paths(database, pipeline, [write(tmp_path, "g.txt", note)], drug="Glucophage")
    assert report.documents[0].drug == "metformin"


def test_self_declared_ai_content_is_rated_least_reliable(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    report = ingest_paths(database, pipeline, [write(tmp_path, "z.txt", SERTRALINE_AI)])
    with database.reader() as store:
        source = store.sources.get(report.documents[0].source_id)
    assert source is not None
    assert source.reliability is Reliability.USER_GENERATED


def test_folder_is_ingested_file_by_file_skipping_hidden_files(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "a.txt", IBUPROFEN)
    write(folder, "b.txt", METFORMIN)
    write(folder, ".notes.txt", "scratch")
    report = ingest_paths(database, pipeline, [folder])
    assert [d.drug for d in report.documents] == ["ibuprofen", "metformin"]


def test_missing_path_is_named_in_the_error(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"absent\.txt"):
        ingest_paths(database, pipeline, [tmp_path / "absent.txt"])
