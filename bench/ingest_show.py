"""Benchmark: seed ingest time, cold `medinfo show --json` time, extraction throughput.

Usage: python bench/ingest_show.py [--runs N] [--docs N] [--pipeline real|fake]
Times are also printed as ratios to a `python -c pass` cold start measured in the same run,
so figures from different machines can be compared. `--pipeline fake` uses the test fakes
(for branches where the real readers and extraction are not merged yet).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medinfo.bootstrap import bootstrap  # noqa: E402
from medinfo.config import SHARED_DIR  # noqa: E402
from medinfo.services.ingest import expand_paths, source_id_of  # noqa: E402
from medinfo.services.pipeline import Pipeline, real_pipeline  # noqa: E402

SEEDS = Path(SHARED_DIR.value() or ROOT / ".." / "shared") / "corpus" / "baclofen"


def cold_run_seconds(command: list[str], runs: int) -> float:
    """Median wall time of `command` started afresh `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def extraction_throughput(pipeline: Pipeline, seeds: list[Path], docs: int) -> float:
    """Documents read and extracted per second, over the seeds repeated to `docs` files."""
    corpus = [seeds[i % len(seeds)] for i in range(docs)]
    pipeline.extract_document(pipeline.read_path(seeds[0]), "warmup", None)  # load models once
    start = time.perf_counter()
    for path in corpus:
        document = pipeline.read_path(path)
        pipeline.extract_document(document, source_id_of(document.original)[0], None)
    return docs / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--pipeline", choices=["real", "fake"], default="real")
    args = parser.parse_args()
    if args.pipeline == "fake":
        from tests.fakes import fake_pipeline

        factory = fake_pipeline
    else:
        factory = real_pipeline
    seeds = expand_paths([SEEDS])
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        app = bootstrap(url, empty=True, pipeline_factory=factory)
        app.pipeline.extract_document(app.pipeline.read_path(seeds[0]), "warmup", None)
        start = time.perf_counter()
        app.ingest_paths(seeds, drug="baclofen")
        ingest_seconds = time.perf_counter() - start
        throughput = extraction_throughput(app.pipeline, seeds, args.docs)
        app.close()
        medinfo = str(Path(sys.executable).with_name("medinfo"))
        show_command = [medinfo, "show", "baclofen", "--json", "--db", url]
        baseline = cold_run_seconds([sys.executable, "-c", "pass"], args.runs)
        show = cold_run_seconds(show_command, args.runs)
    print(f"pipeline: {args.pipeline}; cpu count: {os.cpu_count()}; runs: {args.runs}")
    print(f"baseline `python -c pass` cold start: {baseline * 1000:.0f} ms")
    print(
        f"ingest of {len(seeds)} seed pages (fresh SQLite, warm pipeline): "
        f"{ingest_seconds * 1000:.0f} ms = {ingest_seconds / baseline:.1f}x baseline"
    )
    print(
        f"`medinfo show baclofen --json` cold process: {show * 1000:.0f} ms = "
        f"{show / baseline:.1f}x baseline"
    )
    print(f"extraction throughput ({args.docs} docs): {throughput:.1f} docs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
