"""Bulk ingest: streamed dumps and folders, idempotent, resumable, failures reported not fatal."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from medinfo.domain.errors import InputError
from medinfo.domain.monograph import Monograph
from medinfo.services import bulk_ingest
from medinfo.services.bulk_ingest import ingest_bulk, refresh_stale_monographs
from medinfo.services.ingest import prepare_document
from medinfo.services.ingest_tasks import count_tasks, wants_bulk
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database, open_database
from medinfo.store.repositories import CachedMonograph
from tests.documents import METFORMIN, write


def _record(number: int, text: str, set_id: str | None = None) -> dict[str, Any]:
    return {
        "set_id": set_id or f"set-{number}",
        "openfda": {"generic_name": ["see text"]},
        "indications_and_usage": [text],
    }


RECORDS = [
    _record(1, "Ibuprofen eases pain. Nausea may occur."),
    _record(2, "Advil (ibuprofen) can cause a rash."),
    _record(3, "Sertraline treats depression; headache is common."),
    {"set_id": "set-4", "unrelated": "no label sections here"},
    _record(5, "Metformin lowers blood sugar; nausea is common at first."),
]


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


class _Spy:
    """Counts the extractions and reconciliations a pipeline performs."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.extracted = 0
        self.reconciled: Counter[str] = Counter()
        self.inner = pipeline

    def pipeline(self) -> Pipeline:
        def extract(*args: Any) -> Any:
            self.extracted += 1
            return self.inner.extract_document(*args)

        def reconcile(drug: str, *args: Any) -> Monograph:
            self.reconciled[drug] += 1
            return self.inner.reconcile_monograph(drug, *args)

        return dataclasses.replace(
            self.inner, extract_document=extract, reconcile_monograph=reconcile
        )


def _counts(database: Database) -> dict[str, int]:
    with database.reader() as store:
        return store.row_counts()


def test_dump_is_ingested_record_by_record_with_failures_reported(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    spy = _Spy(pipeline)
    report = ingest_bulk(database, spy.pipeline(), [_jsonl(tmp_path / "d.jsonl", RECORDS)], jobs=1)
    assert (report.added, report.failed, report.documents) == (4, 1, 5)
    [failure] = report.failures
    assert (failure.index, failure.record_id) == (4, "set-4")
    assert failure.origin.endswith("d.jsonl#4")
    assert "no label sections" in failure.reason
    assert spy.reconciled == Counter({"ibuprofen": 1, "sertraline": 1, "metformin": 1})
    with database.reader() as store:
        assert store.monographs.drugs() == ["ibuprofen", "metformin", "sertraline"]
        assert store.monographs.stale_drugs() == []


def test_rerun_skips_stored_records_before_extracting_them(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", RECORDS)
    ingest_bulk(database, pipeline, [dump], jobs=1)
    before = _counts(database)
    spy = _Spy(pipeline)
    report = ingest_bulk(database, spy.pipeline(), [dump], jobs=1)
    assert (report.added, report.unchanged, report.failed) == (0, 4, 1)
    assert spy.extracted == 0
    assert not spy.reconciled
    assert _counts(database) == before


def test_a_folder_keeps_the_text_of_a_knowledge_base_source_and_its_facts(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "metformin"
    folder.mkdir()
    article = write(folder, "metformin.txt", METFORMIN)
    prepared = prepare_document(pipeline, article)
    with database.transaction() as store:  # as the embedded knowledge base loads it
        store.sources.add(prepared.source, None)
        store.facts.add_many(prepared.source.id, prepared.facts[:1])
        store.monographs.put(CachedMonograph(drug="metformin", body="{}", etag="kb"))
    report = ingest_bulk(database, pipeline, [folder], jobs=1)
    assert (report.added, report.unchanged, report.drugs) == (0, 1, 1)
    with database.reader() as store:
        assert store.sources.original_text(prepared.source.id) == METFORMIN
        assert store.facts.list_for_sources([prepared.source.id]) == prepared.facts[:1]
        cached = store.monographs.get("metformin")
    assert cached is not None
    assert cached.etag != "kb"  # reconciled and indexed again, with its text


def test_interrupted_run_resumes_where_it_stopped(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    ingest_bulk(database, pipeline, [_jsonl(tmp_path / "part.jsonl", RECORDS[:2])], jobs=1)
    spy = _Spy(pipeline)
    report = ingest_bulk(
        database, spy.pipeline(), [_jsonl(tmp_path / "all.jsonl", RECORDS)], jobs=1
    )
    assert (report.added, report.unchanged) == (2, 2)
    assert spy.extracted == 2


def test_new_version_of_a_label_replaces_the_old_one(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    ingest_bulk(database, pipeline, [_jsonl(tmp_path / "v1.jsonl", RECORDS[:1])], jobs=1)
    newer = _record(1, "Ibuprofen eases pain and fever. Rash may occur.")
    report = ingest_bulk(database, pipeline, [_jsonl(tmp_path / "v2.jsonl", [newer])], jobs=1)
    assert report.updated == 1
    with database.reader() as store:
        [source] = store.sources.list_for_drug("ibuprofen")
        assert "fever" in (store.sources.original_text(source.id) or "")
        cached = store.monographs.get("ibuprofen")
    assert cached is not None
    assert [effect.term for effect in Monograph.model_validate_json(cached.body).side_effects] == [
        "rash"
    ]


def test_two_versions_of_a_label_in_one_batch_leave_the_later_one(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    newer = _record(1, "Ibuprofen eases pain and fever. Rash may occur.")
    dump = _jsonl(tmp_path / "both.jsonl", [RECORDS[0], RECORDS[2], newer])
    report = ingest_bulk(database, pipeline, [dump], jobs=1)
    assert (report.added, report.updated) == (2, 1)
    with database.reader() as store:
        [source] = store.sources.list_for_drug("ibuprofen")
        assert "fever" in (store.sources.original_text(source.id) or "")
        assert len(store.sources.list_for_drug("sertraline")) == 1


def test_folder_zip_and_results_dump_are_read_recursively(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "deep").mkdir(parents=True)
    write(folder / "deep", "metformin.txt", METFORMIN)
    (folder / "results.json").write_text(json.dumps({"results": RECORDS[:2]}), encoding="utf-8")
    with zipfile.ZipFile(folder / "more.zip", "w") as archive:
        archive.writestr("part.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS[2:3]))
    write(folder, ".hidden.txt", METFORMIN)
    assert wants_bulk([folder])
    assert count_tasks([folder]) == 4
    report = ingest_bulk(database, pipeline, [folder], jobs=2)
    assert (report.added, report.failed) == (4, 0)


def test_missing_path_and_corrupt_zip_stop_the_run_before_it_starts(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    good = _jsonl(tmp_path / "d.jsonl", RECORDS)
    before = _counts(database)
    for bad in (tmp_path / "absent.jsonl", broken):
        with pytest.raises(InputError, match=bad.name):
            ingest_bulk(database, pipeline, [good, bad], jobs=1)
    assert _counts(database) == before


def test_dump_broken_part_way_keeps_the_records_before_the_break(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps(RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    report = ingest_bulk(database, pipeline, [dump], jobs=1)
    assert (report.added, report.failed) == (1, 1)
    assert "malformed JSON" in report.failures[0].reason


def test_monographs_left_stale_by_a_killed_run_are_rebuilt(
    database: Database, pipeline: Pipeline, tmp_path: Path
) -> None:
    ingest_bulk(database, pipeline, [_jsonl(tmp_path / "d.jsonl", RECORDS[:1])], jobs=1)
    with database.transaction() as store:
        store.monographs.mark_stale(["ibuprofen"])
        assert store.monographs.stale_drugs() == ["ibuprofen"]
    assert refresh_stale_monographs(database, pipeline) == 1
    with database.reader() as store:
        assert store.monographs.stale_drugs() == []


_KILLED_PARENT = """
import dataclasses, sys, time
from pathlib import Path
from medinfo.services.bulk_ingest import ingest_bulk
from medinfo.store.database import open_database
from tests.fakes import fake_pipeline

url, dump, marker = sys.argv[1:]
pipeline = fake_pipeline()

def slow_extract(*args):
    Path(marker).touch()
    time.sleep(0.05)
    return pipeline.extract_document(*args)

database = open_database(url)
database.ensure_schema()
slow = dataclasses.replace(pipeline, extract_document=slow_extract)
ingest_bulk(database, slow, [Path(dump)], jobs=2)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_workers_of_a_killed_run_end_without_tracebacks(tmp_path: Path) -> None:
    records = [_record(n, f"Ibuprofen eases pain, note {n}.") for n in range(400)]
    dump = _jsonl(tmp_path / "d.jsonl", records)
    marker = tmp_path / "started"
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    command = [sys.executable, "-c", _KILLED_PARENT, f"sqlite:///{tmp_path / 'k.db'}"]
    with subprocess.Popen(
        [*command, str(dump), str(marker)], stderr=subprocess.PIPE, env=env, text=True
    ) as parent:
        deadline = time.monotonic() + 60
        while not marker.exists() and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # workers busy with chunks whose results will find no reader
        parent.kill()
        _, stderr = parent.communicate(timeout=60)  # EOF once every worker has ended
    assert marker.exists()
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr


def _monographs(database: Database) -> dict[str, str]:
    with database.reader() as store:
        cached = {drug: store.monographs.get(drug) for drug in store.monographs.drugs()}
    return {drug: monograph.body for drug, monograph in cached.items() if monograph is not None}


@pytest.mark.parametrize("memory", [False, True], ids=["file", "in-memory"])
def test_workers_reconcile_the_same_monographs_as_one_process(
    memory: bool, pipeline: Pipeline, tmp_path: Path
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", RECORDS)
    two = "sqlite://" if memory else f"sqlite:///{tmp_path / 'two.db'}"
    results = []
    for jobs, url in ((1, f"sqlite:///{tmp_path / 'one.db'}"), (2, two)):
        database = open_database(url)
        database.ensure_schema()
        report = ingest_bulk(database, pipeline, [dump], jobs=jobs)
        assert (report.added, report.drugs) == (4, 3)
        results.append((_monographs(database), _passages(database)))
        database.dispose()
    assert results[0] == results[1]
    assert sorted(results[0][0]) == ["ibuprofen", "metformin", "sertraline"]
    assert {row[1] for row in results[0][1]} == {"fact", "source"}


def _passages(database: Database) -> list[tuple[Any, ...]]:
    """Every indexed search passage (made by the workers when they can open the database)."""
    query = text("SELECT drug, kind, ref, source, start, stop, body, terms FROM search_documents")
    with database.reader() as store:
        return sorted(tuple(row) for row in store.connection.execute(query))


def test_workers_share_what_they_read_in_one_folder_the_run_removes(
    database: Database, pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "memory"
    base.mkdir()
    monkeypatch.setattr(bulk_ingest, "SHARED_MEMORY", str(base))
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    orphan = base / f"{bulk_ingest.SHARED_PREFIX}{finished.stdout.strip()}-left"  # a killed run's
    orphan.mkdir()
    running = base / f"{bulk_ingest.SHARED_PREFIX}{os.getpid()}-running"  # a run going on
    running.mkdir()
    seen = tmp_path / "seen.txt"

    def share(folder: Path | None) -> None:
        if folder is not None:
            with seen.open("a", encoding="utf-8") as handle:
                handle.write(f"{folder} {folder.is_dir()}\n")

    sharing = dataclasses.replace(pipeline, share_readings=share)
    report = ingest_bulk(database, sharing, [_jsonl(tmp_path / "d.jsonl", RECORDS)], jobs=2)
    assert (report.added, report.failed) == (4, 1)  # one record has no label section
    lines = seen.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # each worker
    (shared,) = {line.split()[0] for line in lines}
    assert Path(shared).parent == base
    assert {line.split()[1] for line in lines} == {"True"}
    assert sorted(path.name for path in base.iterdir()) == [running.name]
