"""Loading a script of bench/ as a module, and the marks of tests that run one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.fakes import real_pipeline_missing

BENCH_DIR = Path(__file__).resolve().parents[1] / "bench"

# Bench tests are slow and need the real extraction pipeline.
BENCH_MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(real_pipeline_missing()), reason=real_pipeline_missing() or "-"),
]


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py imported as the module `name`."""
    spec = importlib.util.spec_from_file_location(name, BENCH_DIR / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module
