"""The render cache: one caller makes or remakes an entry while the others never pile on."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from medinfo.interfaces.shared.lookup import TtlCache


def _slow_counter(calls: list[int], seconds: float = 0.05):  # type: ignore[no-untyped-def]
    lock = threading.Lock()

    def make() -> int:
        with lock:
            calls.append(1)
            number = len(calls)
        time.sleep(seconds)
        return number

    return make


def test_a_missing_entry_is_made_once_for_many_callers() -> None:
    cache: TtlCache[int] = TtlCache(ttl=10)
    calls: list[int] = []
    make = _slow_counter(calls)
    with ThreadPoolExecutor(16) as pool:
        values = list(pool.map(lambda _: cache.get_or_make("page", make), range(32)))
    assert calls == [1]
    assert set(values) == {1}


def test_a_stale_entry_is_remade_once_while_the_others_get_the_old_value() -> None:
    cache: TtlCache[int] = TtlCache(ttl=0.01)
    calls: list[int] = []
    make = _slow_counter(calls, seconds=0.2)
    cache.get_or_make("page", make)
    time.sleep(0.02)
    with ThreadPoolExecutor(16) as pool:
        started = time.perf_counter()
        futures = [pool.submit(cache.get_or_make, "page", make) for _ in range(32)]
        values = sorted(future.result() for future in futures)
        elapsed = time.perf_counter() - started
    assert len(calls) == 2  # the first make and one remake
    assert values == [1] * 31 + [2]  # everyone else was served the previous value
    assert elapsed < 1.0


def test_a_failed_make_leaves_nothing_behind_and_the_next_caller_retries() -> None:
    cache: TtlCache[int] = TtlCache(ttl=10)

    def fail() -> int:
        raise LookupError("no such drug")

    for _ in range(2):
        with pytest.raises(LookupError):
            cache.get_or_make("x", fail)
    assert cache.get_or_make("x", lambda: 7) == 7
