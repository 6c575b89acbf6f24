"""Tests of the quiet process pool: it works as a Pool and still replaces a worker that dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from medinfo.services.process_pool import QuietPool

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


def _square(number: int) -> int:
    return number * number


def _pid(_: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def test_quiet_pool_returns_every_result_in_order() -> None:
    with QuietPool(2, context=multiprocessing.get_context("fork")) as pool:
        assert pool.map(_square, range(50), chunksize=3) == [n * n for n in range(50)]


def test_quiet_pool_replaces_a_worker_that_was_killed() -> None:
    with QuietPool(2, context=multiprocessing.get_context("fork")) as pool:
        first = set(pool.map(_pid, range(8), chunksize=1))
        victim = next(iter(first))
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 10
        later: set[int] = set()
        while time.monotonic() < deadline and (victim in later or len(later) < 2):
            later = set(pool.map(_pid, range(8), chunksize=1))
        assert victim not in later
        assert len(later) == 2
