"""Importing data sets: brands mapped to generics, attribution kept, re-imports add nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from medinfo.config import SHARED_DIR
from medinfo.domain.errors import InputError
from medinfo.domain.reviews import ReviewStatus
from medinfo.services.reviews import (
    DatasetFormat,
    import_reviews,
    list_for_moderation,
    list_reviews,
    summarize_reviews,
)
from medinfo.store.database import Database
from medinfo.store.reviews import reviews
from tests.unit.services.reviews.test_datasets import DRUGLIB, DRUGSCOM, write

UNMAPPED = '9100,Zzyzxquil,Pain,"""Nothing to say about this one at all.""",3,2-Feb-14,1\n'
HELD = '9101,Aleve,Pain,"""Works if you take 4 pills at once, trust me.""",8,2-Feb-14,1\n'


def _count(database: Database) -> int:
    with database.reader() as store:
        return int(store.connection.execute(select(func.count()).select_from(reviews)).scalar_one())


def test_import_maps_brands_and_keeps_the_attribution(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", DRUGSCOM + UNMAPPED + HELD)
    report = import_reviews(database, DatasetFormat.DRUGSCOM, path)
    assert (report.rows, report.imported, report.held) == (4, 3, 1)
    assert (report.unmapped, report.unmapped_examples) == (1, ["Zzyzxquil"])
    listed = list_reviews(database, "naproxen").reviews
    assert {r.drug for r in listed} == {"naproxen"}
    assert all(r.attribution.startswith("Drugs.com via UCI ML Repository") for r in listed)
    [held] = list_for_moderation(database)
    assert held.status is ReviewStatus.PENDING
    assert "dosing advice" in held.hold_reason
    assert summarize_reviews(database, "aleve").count == 2


def test_reimporting_a_file_adds_nothing(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "d.tsv", DRUGLIB)
    import_reviews(database, DatasetFormat.DRUGLIB, path)
    again = import_reviews(database, DatasetFormat.DRUGLIB, path)
    assert (again.imported, again.already_present) == (0, 1)
    assert _count(database) == 1
    summary = summarize_reviews(database, "naproxen")
    assert summary.count == 1
    assert [item.term for item in summary.side_effects] == ["indigestion"]


def test_malformed_file_imports_nothing(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", DRUGSCOM + "9200,Aleve,Pain,text,99,1-Jan-16,0\n")
    with pytest.raises(InputError, match=r"d\.csv: line 4: rating '99'"):
        import_reviews(database, DatasetFormat.DRUGSCOM, path)
    assert _count(database) == 0


def _shared_reviews() -> Path:
    base = (
        Path(SHARED_DIR.value())
        if SHARED_DIR.value()
        else Path(__file__).parents[4] / ".." / "shared"
    )
    return base / "data" / "reviews"


@pytest.mark.slow
@pytest.mark.skipif(
    not (_shared_reviews() / "drugLibTest_raw.tsv").is_file() or "CI_SKIP_SLOW" in os.environ,
    reason="the shared review data sets are not present",
)
def test_import_of_the_published_druglib_file_maps_most_rows(database: Database) -> None:
    path = _shared_reviews() / "drugLibTest_raw.tsv"
    report = import_reviews(database, DatasetFormat.DRUGLIB, path)
    assert report.imported > 0.9 * report.rows
    assert report.unmapped == report.rows - report.imported
    assert import_reviews(database, DatasetFormat.DRUGLIB, path).imported == 0


def test_an_undated_review_keeps_no_date_and_is_listed_after_dated_ones(
    database: Database, tmp_path: Path
) -> None:
    import_reviews(database, DatasetFormat.DRUGLIB, write(tmp_path, "d.tsv", DRUGLIB))
    import_reviews(database, DatasetFormat.DRUGSCOM, write(tmp_path, "d.csv", DRUGSCOM))
    listed = list_reviews(database, "naproxen").reviews
    assert [r.created_at is None for r in listed] == [False, False, True]
    assert listed[0].created_at is not None
    assert listed[1].created_at is not None
    assert listed[0].created_at > listed[1].created_at  # newest dated first
