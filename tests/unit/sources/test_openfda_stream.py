"""Tests of streaming openFDA dumps record by record."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from medinfo.domain.errors import InputError
from medinfo.sources import iter_openfda_records, openfda_stream

RECORDS = [{"id": str(n), "warnings": [f"Warning {n} " + "x" * 300]} for n in range(40)]


def test_iter_openfda_records_streams_a_results_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openfda_stream, "CHUNK_CHARS", 256)
    path = tmp_path / "drug-label-0001-of-0001.json"
    path.write_text(json.dumps({"meta": {"results": {"total": 40}}, "results": RECORDS}, indent=1))
    assert list(iter_openfda_records(path)) == RECORDS


def test_iter_openfda_records_reads_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in RECORDS[:3]) + "\n")
    assert [record["id"] for record in iter_openfda_records(path)] == ["0", "1", "2"]


def test_iter_openfda_records_reads_zip_archives(tmp_path: Path) -> None:
    path = tmp_path / "drug-label.json.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("drug-label-0001-of-0001.json", json.dumps({"results": RECORDS[:5]}))
    assert len(list(iter_openfda_records(path))) == 5


def test_iter_openfda_records_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps({"results": RECORDS})[:-40])
    records = iter_openfda_records(path)
    assert next(records) == RECORDS[0]
    with pytest.raises(InputError, match="malformed JSON"):
        list(records)


def test_iter_openfda_records_reads_shared_harmonised_records(tmp_path: Path) -> None:
    from tests.unit.sources.conftest import shared_dir

    path = shared_dir() / "data" / "openfda" / "openfda_harmonized_small.jsonl"
    if not path.is_file():
        pytest.skip("shared openFDA records are absent")
    assert sum(1 for _ in iter_openfda_records(path)) == 500


@pytest.mark.parametrize("content", ['{"results": [1]}', "[true]"])
def test_iter_openfda_records_refuses_non_objects(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match="record 1 is not a JSON object"):
        list(iter_openfda_records(path))


def test_iter_openfda_records_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_openfda_records(tmp_path / "none.json"))


def test_iter_openfda_records_names_the_line_of_malformed_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n" + json.dumps(RECORDS[1]) + "\nnot a record\n")
    with pytest.raises(InputError, match=r"labels\.jsonl: malformed JSON: .*line 3\b"):
        list(iter_openfda_records(path))


def test_iter_openfda_records_counts_lines_across_buffer_refills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openfda_stream, "CHUNK_CHARS", 256)
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS) + "{oops\n")
    with pytest.raises(InputError, match=r"line 41\b"):
        list(iter_openfda_records(path))


@pytest.mark.parametrize(
    ("member_bytes", "problem"),
    [(b'{"id": "1", "warnings": ["caf\xe9"]}\n', "not valid UTF-8"), (b"{oops\n", "malformed")],
)
def test_iter_openfda_records_names_the_bad_zip_member(
    tmp_path: Path, member_bytes: bytes, problem: str
) -> None:
    path = tmp_path / "labels.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("good.jsonl", json.dumps(RECORDS[0]) + "\n")
        archive.writestr("part-2.jsonl", member_bytes)
    records = iter_openfda_records(path)
    assert next(records) == RECORDS[0]
    with pytest.raises(InputError, match=rf"labels\.zip!part-2\.jsonl: {problem}"):
        list(records)


def test_iter_openfda_records_names_a_corrupt_zip_member(tmp_path: Path) -> None:
    path = tmp_path / "labels.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("part-1.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS))
    data = bytearray(path.read_bytes())
    middle = data.index(b"part-1.jsonl") + 40  # inside the compressed member data
    data[middle : middle + 20] = bytes(20)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"labels\.zip!part-1\.jsonl: cannot be read"):
        list(iter_openfda_records(path))
