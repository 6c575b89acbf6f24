"""`medinfo ingest`: documents in, a line per document out, idempotent."""

from __future__ import annotations

import json
from pathlib import Path

from tests.documents import METFORMIN, write
from tests.e2e.cli.conftest import Invoke


def test_ingest_reports_each_document_then_shows_it(medinfo: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "metformin.txt", METFORMIN)
    result = medinfo("ingest", str(path), "--title", "Metformin in brief", "--kind", "article")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"added: {path} -> metformin (source ")
    shown = json.loads(medinfo("show", "glucophage", "--json").stdout)
    assert [source["title"] for source in shown["sources"]] == ["Metformin in brief"]


def test_ingest_twice_reports_unchanged(medinfo: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "metformin.txt", METFORMIN)
    medinfo("ingest", str(path))
    result = medinfo("ingest", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith("unchanged: ")


def test_ingest_rejects_an_unknown_kind(medinfo: Invoke, tmp_path: Path) -> None:
    result = medinfo("ingest", str(write(tmp_path, "m.txt", METFORMIN)), "--kind", "blog")
    assert result.exit_code == 2


def _dump(path: Path, *texts: str) -> Path:
    records = [
        {"set_id": f"set-{n}", "indications_and_usage": [text]} if text else {"set_id": f"set-{n}"}
        for n, text in enumerate(texts, start=1)
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_ingest_folder_streams_every_file_and_exits_0(medinfo: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "labels"
    folder.mkdir()
    write(folder, "metformin.txt", METFORMIN)
    _dump(folder / "dump.jsonl", "Ibuprofen eases pain; rash is rare.", "Zoloft may cause nausea.")
    result = medinfo("ingest", str(folder), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 documents: 3 added, 0 updated, 0 unchanged, 0 failed")
    assert result.stderr == ""
    assert medinfo("show", "sertraline", "--json").exit_code == 0


def test_ingest_dump_with_a_bad_record_lists_it_and_exits_1(
    medinfo: Invoke, tmp_path: Path
) -> None:
    dump = _dump(tmp_path / "dump.jsonl", "Ibuprofen eases pain.", "", "Metformin and nausea.")
    result = medinfo("ingest", str(dump), "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert "2 added" in result.stdout
    assert "1 failed" in result.stdout
    assert result.stderr.startswith(f"failed: #2 {dump}#2 (id set-2): ")
    assert medinfo("ingest", str(dump), "--jobs", "1").stdout.startswith(
        "3 documents: 0 added, 0 updated, 2 unchanged, 1 failed"
    )


def test_ingest_corrupt_zip_is_one_line_exit_2(medinfo: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "labels.zip"
    archive.write_bytes(b"PK\x03\x04 cut short")
    result = medinfo("ingest", str(archive))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "labels.zip" in result.stderr


def test_ingest_folder_refuses_a_title_for_all_its_documents(
    medinfo: Invoke, tmp_path: Path
) -> None:
    result = medinfo("ingest", str(tmp_path), "--title", "One title")
    assert result.exit_code == 2
    assert "--title" in result.stderr
