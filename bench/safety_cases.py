"""Safety-check accuracy: alert codes and not-checked items on case files, KB and ingested drugs.

For each cases file, creates a temporary SQLite database holding the embedded knowledge base,
ingests the articles and labels the file names, runs every case through the same path as
`medinfo check` and prints exact-match accuracy, alert precision and recall, clean cases that
raised an alarm, not-checked recall, and each mismatch.

    .venv/bin/python bench/safety_cases.py [--cases FILE ...]
    .venv/bin/python bench/safety_cases.py --blind      # tests/fixtures/blind/safety/*.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medinfo.bootstrap import Medinfo, bootstrap
from medinfo.domain.errors import MedinfoError
from medinfo.services.checks import read_check_request

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT / "bench" / "safety_cases.json"
BLIND_CASES = sorted((ROOT / "tests" / "fixtures" / "blind" / "safety").glob("cases_*.json"))
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class CaseResult:
    """One case: expected and returned alert codes and not-checked items."""

    name: str
    expected: frozenset[str]
    got: frozenset[str]
    expected_not_checked: frozenset[str] = frozenset()
    got_not_checked: frozenset[str] = frozenset()
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.expected == self.got and self.expected_not_checked <= self.got_not_checked

    @property
    def clean(self) -> bool:
        return not self.expected


def _article_path(article: str) -> Path:
    """A path from a cases file: relative to the repository, or to ../shared when absolute."""
    if article.startswith("/") and "/shared/" in article:
        return SHARED / article.split("/shared/", 1)[1]
    return ROOT / article


def _run_case(app: Medinfo, case: dict[str, Any]) -> CaseResult:
    expected = frozenset(case["expected"])
    expected_not_checked = frozenset(case.get("expected_not_checked", []))
    try:
        request = read_check_request(json.dumps(case["request"]), case["name"])
        response = app.check(request)
    except MedinfoError as error:
        return CaseResult(
            case["name"], expected, frozenset(), expected_not_checked, error=str(error)
        )
    got = frozenset(str(alert.code) for alert in response.alerts)
    # a case written as "dose" not checked is met by "dose limit" or "dose unit"
    not_checked = frozenset(
        name
        for item in getattr(response, "not_checked", [])
        for name in (item.what, item.what.split()[0])
    )
    return CaseResult(case["name"], expected, got, expected_not_checked, not_checked)


def run_cases(cases_path: Path = DEFAULT_CASES) -> list[CaseResult]:
    """Every case of `cases_path` checked against a fresh database with its documents ingested."""
    spec = json.loads(cases_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        app = bootstrap(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            app.ingest_paths([_article_path(article) for article in spec["articles"]])
            return [_run_case(app, case) for case in spec["cases"]]
        finally:
            app.close()


def accuracy(results: list[CaseResult]) -> float:
    """Share of cases whose alert-code set is exactly the expected one (and not-checked covered)."""
    return sum(result.ok for result in results) / len(results) if results else 0.0


def summary(results: list[CaseResult]) -> dict[str, float]:
    """Exact match, micro precision/recall of alert codes, clean-case alarms, not-checked recall."""
    true_positive = sum(len(r.expected & r.got) for r in results)
    returned = sum(len(r.got) for r in results)
    wanted = sum(len(r.expected) for r in results)
    nc_wanted = sum(len(r.expected_not_checked) for r in results)
    nc_found = sum(len(r.expected_not_checked & r.got_not_checked) for r in results)
    clean = [r for r in results if r.clean]
    return {
        "cases": len(results),
        "exact": accuracy(results),
        "precision": true_positive / returned if returned else 1.0,
        "recall": true_positive / wanted if wanted else 1.0,
        "clean_cases": len(clean),
        "clean_with_alarm": sum(bool(r.got) for r in clean),
        "not_checked_recall": nc_found / nc_wanted if nc_wanted else 1.0,
        "errors": sum(bool(r.error) for r in results),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="+", default=[DEFAULT_CASES])
    parser.add_argument("--blind", action="store_true", help="the blind case files")
    parser.add_argument("--quiet", action="store_true", help="figures only, no mismatches")
    args = parser.parse_args(argv)
    results: list[CaseResult] = []
    for path in BLIND_CASES if args.blind else args.cases:
        results.extend(run_cases(path))
    for result in results:
        if not result.ok and not args.quiet:
            missing = sorted(result.expected - result.got)
            extra = sorted(result.got - result.expected)
            unchecked = sorted(result.expected_not_checked - result.got_not_checked)
            error = f" error {result.error}" if result.error else ""
            print(
                f"MISMATCH {result.name}: missing {missing} extra {extra}"
                f" not_checked missing {unchecked}{error}"
            )
    figures = summary(results)
    passed = sum(result.ok for result in results)
    print(f"exact-match accuracy: {passed}/{len(results)} = {figures['exact']:.3f}")
    print(
        f"alert precision {figures['precision']:.3f} recall {figures['recall']:.3f}; "
        f"clean cases with an alarm {figures['clean_with_alarm']}/{figures['clean_cases']}; "
        f"not_checked recall {figures['not_checked_recall']:.3f}; "
        f"request errors {figures['errors']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
