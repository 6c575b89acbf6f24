"""How many real patient reviews the moderation rules hold, by reason (false-alarm rate).

Reads the review data sets under ../shared/data/reviews (Druglib and Drugs.com) and runs every
review's text through `find_holds`. Ordinary reviews should rarely be held; a rise after a rule
change is the cost of that change. Run: `.venv/bin/python bench/moderation_holds.py`.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from medinfo.services.reviews.rules import find_holds

ROOT = Path(__file__).resolve().parents[1]
REVIEWS = ROOT.parent / "shared" / "data" / "reviews"


def review_texts() -> list[str]:
    """The free text of every review in the data sets (Druglib's three fields joined)."""
    csv.field_size_limit(10_000_000)
    texts = []
    for name in ("drugLibTrain_raw.tsv", "drugLibTest_raw.tsv"):
        with (REVIEWS / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                fields = ("benefitsReview", "sideEffectsReview", "commentsReview")
                texts.append(" ".join(row.get(field) or "" for field in fields))
    with (REVIEWS / "drugsComTrain_raw_first5000.csv").open(encoding="utf-8", newline="") as handle:
        texts.extend(row.get("review") or "" for row in csv.DictReader(handle))
    return texts


def main() -> int:
    texts = review_texts()
    started = time.perf_counter()
    reasons: Counter[str] = Counter()
    held = 0
    for text in texts:
        holds = find_holds(text)
        held += bool(holds)
        reasons.update(hold.reason for hold in holds)
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} reviews, held {held} ({held / len(texts):.2%}); {elapsed:.1f} s")
    for reason, count in reasons.most_common():
        print(f"  {reason}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
