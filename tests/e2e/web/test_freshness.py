"""A document ingested by another process shows on the running site, quotes included, within 2 s."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from medinfo.bootstrap import bootstrap
from medinfo.interfaces.app import create_app

ARTICLE = """---
title: Baclofen in brief
---

# Baclofen in brief

Baclofen is a muscle relaxant used for spasticity from multiple sclerosis.

## Side effects

Baclofen often causes drowsiness and a feeling of weakness in the first weeks.
"""
QUOTED = "a feeling of weakness in the first weeks"


@pytest.mark.slow
def test_another_process_ingest_shows_within_two_seconds(database_url: str, tmp_path: Path) -> None:
    medinfo = bootstrap(database_url)
    article = tmp_path / "baclofen-in-brief.md"
    article.write_text(ARTICLE, encoding="utf-8")
    with TestClient(create_app(services=medinfo)) as client:
        assert QUOTED not in client.get("/drugs/baclofen").text  # rendered and cached
        command = [str(Path(sys.executable).parent / "medinfo"), "ingest", str(article)]
        done = subprocess.run(
            [*command, "--db", database_url], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        ingested = time.monotonic()
        while QUOTED not in (page := client.get("/drugs/baclofen").text):
            assert time.monotonic() - ingested < 2.0, "the new source did not show within 2 s"
            time.sleep(0.1)
        assert "Baclofen in brief" in page
    medinfo.close()
