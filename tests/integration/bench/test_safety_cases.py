"""Safety checks keep their exact alert-code accuracy on the hand-written cases (bench)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.fakes import real_pipeline_missing

BENCH = Path(__file__).resolve().parents[3] / "bench" / "safety_cases.py"
# The accuracy reached on bench/safety_cases.json (docs/benchmarks.md), minus a margin.
ACCURACY_FLOOR = 0.94

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(real_pipeline_missing()), reason=real_pipeline_missing() or "-"),
]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("safety_cases", BENCH)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


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
