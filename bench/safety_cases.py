"""Safety-check accuracy: exact alert-code sets on hand-written cases, KB and ingested drugs.

Creates a temporary SQLite database holding the embedded knowledge base, ingests the articles the
cases file names (our own words, tests/fixtures/safety/), runs every case through the same path as
`medinfo check` and prints the exact-match accuracy and each mismatch.

    .venv/bin/python bench/safety_cases.py [--cases bench/safety_cases.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from medinfo.bootstrap import bootstrap
from medinfo.services.checks import read_check_request

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT / "bench" / "safety_cases.json"


@dataclass(frozen=True)
class CaseResult:
    """One case: its name, the expected and the returned alert codes."""

    name: str
    expected: frozenset[str]
    got: frozenset[str]

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def run_cases(cases_path: Path = DEFAULT_CASES) -> list[CaseResult]:
    """Every case of `cases_path` checked against a fresh database with its articles ingested."""
    spec = json.loads(cases_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        app = bootstrap(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            app.ingest_paths([ROOT / article for article in spec["articles"]])
            results = []
            for case in spec["cases"]:
                request = read_check_request(json.dumps(case["request"]), case["name"])
                response = app.check(request)
                got = frozenset(str(alert.code.value) for alert in response.alerts)
                results.append(CaseResult(case["name"], frozenset(case["expected"]), got))
        finally:
            app.close()
    return results


def accuracy(results: list[CaseResult]) -> float:
    """Share of cases whose alert-code set is exactly the expected one."""
    return sum(result.ok for result in results) / len(results) if results else 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    args = parser.parse_args(argv)
    results = run_cases(args.cases)
    for result in results:
        if not result.ok:
            missing = sorted(result.expected - result.got)
            extra = sorted(result.got - result.expected)
            print(f"MISMATCH {result.name}: missing {missing} extra {extra}")
    passed = sum(result.ok for result in results)
    print(f"exact-match accuracy: {passed}/{len(results)} = {accuracy(results):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
