"""Benchmark of the drug catalog: load time, exact and fuzzy resolve latency (p50/p95)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

EXACT = ["baclofen", "Lioresal", "Zanaflex", "oxycodone hcl", "Norco", "Paracetamol", "Tylenol"]
FUZZY = ["baclophen", "lioreseal", "tizanadine", "metaxolone", "gabapentine", "qwertyzol"]
ROUNDS = 50


def _percentiles(call: Callable[[str], object], names: list[str]) -> tuple[float, float]:
    timings = []
    for _ in range(ROUNDS):
        for name in names:
            started = time.perf_counter()
            call(name)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)]


def _cold_load_ms() -> float:
    code = (
        "import time; t = time.perf_counter(); "
        "from medinfo.services.catalog import load_catalog; load_catalog(); "
        "print((time.perf_counter() - t) * 1000)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(output.stdout.strip())


def main() -> None:
    from medinfo.services.catalog import load_catalog
    from medinfo.services.catalog.snapshot import packaged_catalog_path

    print(f"catalog file: {packaged_catalog_path().stat().st_size:,} bytes")
    print(f"cold import + load: {_cold_load_ms():.0f} ms")
    started = time.perf_counter()
    catalog = load_catalog()
    print(f"load (warm interpreter): {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    catalog.resolve("lioreseal")  # the first miss builds the sound-alike index, imports rapidfuzz
    print(f"first misspelled resolve: {(time.perf_counter() - started) * 1000:.0f} ms")
    for label, names in (("exact", EXACT), ("fuzzy", FUZZY)):
        p50, p95 = _percentiles(catalog.resolve, names)
        print(f"resolve {label}: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
    p50, p95 = _percentiles(lambda name: catalog.suggest(name), FUZZY)
    print(f"suggest: p50 {p50:.3f} ms, p95 {p95:.3f} ms")
    p50, p95 = _percentiles(lambda name: catalog.search(name[:4], 10), EXACT)
    print(f"search (4-letter prefix): p50 {p50:.3f} ms, p95 {p95:.3f} ms")


if __name__ == "__main__":
    main()
