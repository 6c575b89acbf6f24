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
