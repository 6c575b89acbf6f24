"""Benchmark: time to extract the list fields of the four seed pages, cold and warm."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.unit.extract.helpers import make_document  # noqa: E402  (until readers land)

from medinfo import config  # noqa: E402
from medinfo.extract.lists import extract_list_facts  # noqa: E402


def main() -> None:
    shared = Path(config.SHARED_DIR.value() or ROOT / ".." / "shared")
    paths = sorted((shared / "corpus" / "baclofen").glob("*.txt"))
    if not paths:
        print("list_extraction: shared corpus not found; skipped")
        return
    documents = [make_document(p.read_text(encoding="utf-8")) for p in paths]
    for label in ("first run (loads vocabularies, drug dictionary, ConText)", "warm run"):
        started = time.perf_counter()
        count = sum(len(extract_list_facts(d, "bench", "baclofen")) for d in documents)
        print(f"list_extraction {label}: {time.perf_counter() - started:.3f} s, {count} facts")


if __name__ == "__main__":
    main()
