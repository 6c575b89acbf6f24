"""`medinfo import-reviews`: a report of what was imported, exit 2 and nothing for a bad file."""

from __future__ import annotations

from pathlib import Path

from medinfo.bootstrap import bootstrap
from medinfo.services.reviews import summarize_reviews
from tests.e2e.cli.conftest import Invoke
from tests.unit.services.reviews.test_datasets import DRUGLIB, DRUGSCOM, write


def test_import_reviews_reports_counts_and_attribution(
    medinfo: Invoke, tmp_path: Path, sqlite_url: str
) -> None:
    path = write(tmp_path, "d.csv", DRUGSCOM + '9100,Zzyzxquil,Pain,"""No words.""",3,2-Feb-14,1\n')
    result = medinfo("import-reviews", "drugscom", str(path))
    assert result.exit_code == 0, result.output
    assert "imported 2 (0 held for moderation)" in result.output
    assert "1 rows name a drug not in the catalog, e.g. 'Zzyzxquil'" in result.output
    assert "Drugs.com via UCI ML Repository (Gräßer et al. 2018), CC BY 4.0" in result.output
    again = medinfo("import-reviews", "drugscom", str(path))
    assert "imported 0" in again.output
    assert "2 already imported" in again.output
    app = bootstrap(sqlite_url)
    try:
        assert summarize_reviews(app.database, "naproxen").count == 2
    finally:
        app.close()


def test_import_reviews_of_a_malformed_file_exits_2_with_one_line(
    medinfo: Invoke, tmp_path: Path, sqlite_url: str
) -> None:
    path = write(tmp_path, "bad.tsv", DRUGLIB.replace("\t8\t", "\tgreat\t"))
    result = medinfo("import-reviews", "druglib", str(path))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0]
    assert "rating 'great'" in lines[0]
    app = bootstrap(sqlite_url)
    try:
        assert summarize_reviews(app.database, "naproxen").count == 0
    finally:
        app.close()


def test_import_reviews_rejects_an_unknown_format(medinfo: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", DRUGSCOM)
    assert medinfo("import-reviews", "yelp", str(path)).exit_code == 2
