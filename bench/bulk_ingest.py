"""Benchmark: bulk ingest of a synthetic openFDA dump (labels/s/core, peak memory, two sizes).

Usage: python bench/bulk_ingest.py [--sizes 5000,20000] [--jobs N] [--distinct 0.1]

The dump is built from real label sections (../shared/data/onsides-labels/train.json and the
two SPL labels in ../shared/data/openfda/), recombined per record with varied generic and
brand names (DrugBank open vocabulary), and written as JSON lines under bench/out/ (git-ignored).
Each size is ingested by `medinfo ingest` into a fresh SQLite database (without the embedded
knowledge base). Figures are reported as ratios to plain orjson parsing of the same dump,
record by record, measured in the same run (the machine is shared: absolute numbers are noisy),
and as labels per CPU-second of all the ingest's processes (least disturbed by other load).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "src"))

from medinfo.config import SHARED_DIR  # noqa: E402

SHARED = Path(SHARED_DIR.value() or ROOT / ".." / "shared")
SPL_FILES = ("spl_example_lipitor_orig.xml", "spl_example_viagra_64f8040f.xml")
# Numbered SPL sections and the openFDA fields they become.
SPL_FIELDS = {
    "1": "indications_and_usage",
    "2": "dosage_and_administration",
    "4": "contraindications",
    "5": "warnings_and_cautions",
    "6": "adverse_reactions",
    "7": "drug_interactions",
    "8": "use_in_specific_populations",
}
ONSIDES_FIELDS = {
    "adverse reactions": "adverse_reactions",
    "warnings and precautions": "warnings_and_cautions",
    "boxed warnings": "boxed_warning",
}
_NUMBER = re.compile(r"^(\d+)(?:\.\d+)?\s")
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z*])")
# Characters per section excerpt: records stay near the size of a short real label's
# sections so that two dump sizes ingest within the benchmark's ten-minute budget.
EXCERPT_CHARS = 700


def excerpts(text: str) -> list[str]:
    """A section cut into runs of whole sentences of about EXCERPT_CHARS characters."""
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        current = f"{current} {sentence}".strip()
        if len(current) >= EXCERPT_CHARS:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def section_pool() -> dict[str, list[str]]:
    """openFDA field -> excerpts of the real section texts available for it."""
    from medinfo.sources import read_path

    pool: dict[str, list[str]] = {field: [] for field in {*SPL_FIELDS.values(), "boxed_warning"}}
    rows = json.loads((SHARED / "data/onsides-labels/train.json").read_text("utf-8"))
    for row in rows:
        text = " ".join(row["section_text"].split())
        pool[ONSIDES_FIELDS[row["section_name"]]].extend(excerpts(text))
    for name in SPL_FILES:
        document = read_path(SHARED / "data/openfda" / name)
        texts: dict[str, list[str]] = {}
        for block in document.content_blocks():
            found = _NUMBER.match(block.heading)
            if found and found.group(1) in SPL_FIELDS:
                texts.setdefault(SPL_FIELDS[found.group(1)], []).append(block.text)
        for field, paragraphs in texts.items():
            pool[field].extend(excerpts(" ".join(paragraphs)))
    return pool


def drug_names(count: int, seed: int) -> list[tuple[str, str]]:
    """(generic, brand) pairs: DrugBank common names, with brand-like names made from them."""
    path = SHARED / "data/drugbank-open-vocabulary/drugbank_vocabulary.csv"
    with path.open(encoding="utf-8") as handle:
        names = [row["Common name"] for row in csv.DictReader(handle) if row["Common name"]]
    names = [name for name in names if name.isascii() and len(name) < 30]
    rng = random.Random(seed)
    chosen = rng.sample(names, min(count, len(names)))
    return [(name.lower(), name.split()[0].capitalize() + "ex") for name in chosen]


def synthetic_records(size: int, distinct: float, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`size` openFDA label records recombined from the real sections."""
    pool = section_pool()
    names = drug_names(max(1, int(size * distinct)), seed)
    rng = random.Random(seed)
    for number in range(size):
        generic, brand = names[number % len(names)]
        record: dict[str, Any] = {
            "set_id": f"bench-{number:07d}",
            "id": f"bench-{number:07d}-v1",
            "openfda": {"generic_name": [generic], "brand_name": [brand]},
        }
        for field, texts in pool.items():
            if field == "boxed_warning" and rng.random() > 0.3:
                continue
            record[field] = [rng.choice(texts)]
        yield record


def write_dump(size: int, distinct: float) -> Path:
    """The JSON-lines dump of `size` records (reused when already built)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"labels-{size}-{distinct}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as handle:
            for record in synthetic_records(size, distinct):
                handle.write(json.dumps(record) + "\n")
        partial.rename(path)
    return path


def orjson_baseline(path: Path) -> tuple[float, int]:
    """Seconds and peak memory (KiB) to parse the dump record by record with orjson."""
    script = (
        "import orjson, resource, sys, time\n"
        "start = time.perf_counter()\n"
        "with open(sys.argv[1], 'rb') as handle:\n"
        "    for line in handle:\n"
        "        orjson.loads(line)\n"
        "print(time.perf_counter() - start, "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(output[0]), int(output[1])


def ingest(path: Path, jobs: int) -> tuple[float, int, float, str]:
    """Seconds, peak memory (KiB, the largest of the ingest process and its workers), CPU
    seconds (user + system, all its processes) and the summary line of `medinfo ingest` into
    a fresh database."""
    database = OUT / f"{path.stem}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    medinfo = str(Path(sys.executable).with_name("medinfo"))
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "seconds = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = usage.ru_utime + usage.ru_stime\n"
        "print(seconds, usage.ru_maxrss, cpu, done.stdout.strip().replace(' ', '_'))\n"
    )
    subprocess.run([medinfo, "db", "create", "--empty", "--db", url], check=True)
    command = [medinfo, "ingest", str(path), "--jobs", str(jobs), "--db", url]
    output = subprocess.run(
        [sys.executable, "-c", script, *command], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(output[0]), int(output[1]), float(output[2]), output[3].replace("_", " ")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--distinct", type=float, default=0.1, help="drugs per record")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"cpu count: {os.cpu_count()}; jobs: {args.jobs}; drugs per record: {args.distinct}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for size in sizes:
        path = write_dump(size, args.distinct)
        parse_seconds, parse_peak = orjson_baseline(path)
        seconds, peak, cpu, summary = ingest(path, args.jobs)
        rate = size / seconds / args.jobs
        parse_rate = size / parse_seconds
        megabytes = path.stat().st_size / 1e6
        print(f"\n{size} records ({megabytes:.0f} MB JSON lines): {summary}")
        print(f"  ingest: {seconds:.1f} s, {rate:.1f} labels/s/core, peak {peak / 1024:.0f} MiB")
        # CPU time is what a shared machine's load disturbs least: labels per CPU-second
        # counts the main process too, and every worker's start-up.
        print(f"  cpu: {cpu:.1f} s of all processes, {size / cpu:.1f} labels per CPU-second")
        print(
            f"  orjson: {parse_seconds:.2f} s, {parse_rate:,.0f} records/s, peak "
            f"{parse_peak / 1024:.0f} MiB"
        )
        print(
            f"  ratio to orjson: labels/s/core 1/{parse_rate / rate:,.0f}, "
            f"peak memory {peak / parse_peak:.1f}x"
        )
    print(f"\n(bench driver itself: {own / 1024:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
