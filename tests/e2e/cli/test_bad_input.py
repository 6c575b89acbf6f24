"""Bad input at the command line: one line naming the file, exit 2, database unchanged.

Each case runs with the fake pipeline now and with the real readers and extraction
once they are merged (the `real` cases skip until then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app
from medinfo.services import pipeline as pipelines
from medinfo.store.database import open_database
from tests.documents import NO_DRUG
from tests.fakes import fake_pipeline, real_pipeline_missing

FIFTY_MB = 50 * 1024 * 1024


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _truncated_html(path: Path) -> None:
    path.write_text(
        "<!doctype html><html><head><title>Ibuprofen</title></head><body><h1>Ibuprofen</h1>"
        "<p>Ibuprofen eases pain; common side effects incl",
        encoding="utf-8",
    )


def _invalid_utf8(path: Path) -> None:
    path.write_bytes("Ibuprofen eases fi\u00e8vre and pain.\n".encode("latin-1") + b"\xff\xfe\n")


def _fifty_megabytes(path: Path) -> None:
    line = b"Ibuprofen can cause nausea and a headache in some people.\n"
    with path.open("wb") as handle:
        for _ in range(FIFTY_MB // len(line) + 1):
            handle.write(line)


def _junk_json_lines(path: Path) -> None:
    path.write_text("Ibuprofen eases pain and fever.\nnot JSON either\n", encoding="utf-8")


def _no_drug(path: Path) -> None:
    path.write_text(NO_DRUG, encoding="utf-8")


CASES: dict[str, Callable[[Path], None] | None] = {
    "empty.txt": _empty,
    "binary.txt": _binary,
    "truncated.html": _truncated_html,
    "invalid-utf8.txt": _invalid_utf8,
    "fifty-mb.txt": _fifty_megabytes,
    "no-drug.txt": _no_drug,
    "junk.jsonl": _junk_json_lines,
    "missing.txt": None,
}

PIPELINES = [
    pytest.param("fake", id="fake"),
    pytest.param(
        "real",
        id="real",
        marks=pytest.mark.skipif(
            bool(real_pipeline_missing()), reason=real_pipeline_missing() or "ready"
        ),
    ),
]


def _state(url: str) -> tuple[dict[str, int], dict[str, str]]:
    database = open_database(url)
    try:
        with database.reader() as store:
            bodies = {drug: store.monographs.get(drug) for drug in store.monographs.drugs()}
            return store.row_counts(), {d: c.body for d, c in bodies.items() if c is not None}
    finally:
        database.dispose()


@pytest.mark.parametrize("kind", PIPELINES)
@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    kind: str, name: str, tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "fake":
        monkeypatch.setattr(pipelines, "real_pipeline", fake_pipeline)
    runner = CliRunner()
    assert runner.invoke(app, ["db", "create", "--db", sqlite_url]).exit_code == 0
    before = _state(sqlite_url)
    path = tmp_path / name
    make = CASES[name]
    if make is not None:
        make(path)
    result = runner.invoke(app, ["ingest", str(path), "--db", sqlite_url])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ")
    assert name in result.stderr
    assert "Traceback" not in result.output
    assert _state(sqlite_url) == before
