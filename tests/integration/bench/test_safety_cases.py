"""Safety checks keep their exact alert-code accuracy on the hand-written cases (bench)."""

from __future__ import annotations

from types import ModuleType

from tests.bench_scripts import BENCH_MARKS, load_bench

# The accuracy reached on bench/safety_cases.json (docs/benchmarks.md), minus a margin.
ACCURACY_FLOOR = 0.94

pytestmark = BENCH_MARKS


def _bench() -> ModuleType:
    return load_bench("safety_cases")


def test_safety_cases_keep_their_exact_alert_accuracy() -> None:
    bench = _bench()
    results = bench.run_cases()
    assert len(results) >= 100
    assert bench.accuracy(results) >= ACCURACY_FLOOR


def test_safety_cases_raise_no_false_alarm_on_clean_cases() -> None:
    results = _bench().run_cases()
    clean = [result for result in results if not result.expected]
    assert len(clean) >= 30
    assert [result.name for result in clean if result.got] == []
