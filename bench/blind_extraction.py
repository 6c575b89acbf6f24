"""Extraction on the blind articles: per-field precision and recall, safety precision, traps.

Run: .venv/bin/python bench/blind_extraction.py [--drug NAME] [--misses] [--traps] [--labels]
     [--holdout [SET]]

Each folder of tests/fixtures/blind/articles/ holds one drug's articles, written by people
who never read the extraction rules, and its gold.json. All of a drug's articles are ingested
into a fresh empty database (bench/extraction_quality.py does the ingesting and scoring);
then, besides the field scores, every field is counted for precision (right / predicted) and
recall (right / gold-stated) after the scorer's folding (services/field_counts.py), and each
of the gold's `traps` (negated, hypothetical, other-drug, advert and navigation statements)
is checked for having become a fact (services/traps.py). The seed pages are scored against
dev-gold as in extraction_quality.py. --labels scores the two FDA SPL examples of
../shared/data/openfda against tests/fixtures/blind/labels/<drug>/gold.json the same way.
--holdout [SET] scores tests/fixtures/blind/SET/articles instead (holdout5 when SET is left
out): a later set by other writers (twelve drugs each), measured at the start and the end of a
session, so it shows how far the blind set's gains carry to text nobody tuned for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from extraction_quality import (
    DrugScore,
    article_paths,
    field_means,
    score_articles,
    score_seed,
    shared_dir,
)
from medinfo.services.field_counts import SAFETY_FIELDS, FieldCount, count_fields, pooled
from medinfo.services.pipeline import real_pipeline
from medinfo.services.traps import TrapResult, check_traps

BLIND = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "blind" / "articles"
LABEL_GOLD = BLIND.parent / "labels"
# the SPL file of ../shared/data/openfda each label gold describes
LABEL_FILES = {
    "atorvastatin": "spl_example_lipitor_orig.xml",
    "sildenafil": "spl_example_viagra_64f8040f.xml",
}


@dataclass(frozen=True)
class BlindResult:
    """One drug: its field scores, precision/recall counts and trap results."""

    score: DrugScore
    counts: dict[str, FieldCount]
    traps: list[TrapResult]


def score_blind(only: str | None = None, root: Path = BLIND) -> list[BlindResult]:
    """Ingest and score every blind drug folder of `root` (or just `only`)."""
    pipeline = real_pipeline()
    results = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if only and folder.name != only:
            continue
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        score = score_articles(pipeline, gold["drug"], article_paths(folder), gold)
        counts = count_fields(score.monograph, gold)
        results.append(BlindResult(score, counts, check_traps(score.monograph, gold)))
    return results


def score_labels() -> list[BlindResult]:
    """Ingest and score each SPL example against its blind label gold (when ../shared has it)."""
    pipeline = real_pipeline()
    results = []
    for drug, name in sorted(LABEL_FILES.items()):
        path = shared_dir() / "data" / "openfda" / name
        gold_path = LABEL_GOLD / drug / "gold.json"
        if not path.is_file() or not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score = score_articles(pipeline, gold["drug"], [path], gold)
        counts = count_fields(score.monograph, gold)
        results.append(BlindResult(score, counts, check_traps(score.monograph, gold)))
    return results


def _ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def print_fields(results: list[BlindResult]) -> None:
    names = sorted({name for result in results for name in result.counts})
    means = field_means([result.score for result in results])
    print(f"{'field':22s} {'P':>5s} {'R':>5s} {'score':>6s}  right/pred/gold")
    for name in names:
        total = pooled(r.counts[name] for r in results if name in r.counts)
        print(
            f"{name:22s} {_ratio(total.precision)} {_ratio(total.recall)} "
            f"{_ratio(means.get(name)):>6s}  "
            f"{total.correct:g}/{total.predicted}/{total.stated}"
        )
    safety = pooled(r.counts[n] for r in results for n in SAFETY_FIELDS if n in r.counts)
    print(
        f"\nsafety fields: precision {_ratio(safety.precision)} recall {_ratio(safety.recall)} "
        f"({safety.correct:g}/{safety.predicted}/{safety.stated})"
    )


def print_traps(results: list[BlindResult], show: bool) -> None:
    traps = [(r.score.drug, t) for r in results for t in r.traps]
    fired = [(drug, t) for drug, t in traps if t.fired]
    unchecked = sum(not t.checkable for _, t in traps)
    print(f"traps turned into facts: {len(fired)} of {len(traps)} ({unchecked} not checkable)")
    if show:
        for drug, trap in fired:
            print(f"    {drug:16s} {trap.field:18s} {trap.kind:12s} -> {trap.fact}")


def print_misses(results: list[BlindResult]) -> None:
    for result in results:
        imperfect = {
            name: value
            for name, value in sorted(result.score.scores.items())
            if value < 1 and name != "mean_field_score"
        }
        print(f"{result.score.drug:24s} mean {result.score.scores['mean_field_score']:.3f}")
        for name, value in imperfect.items():
            print(f"    {name:24s} {value:.2f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drug", help="score one blind folder only")
    parser.add_argument("--misses", action="store_true", help="list each drug's imperfect fields")
    parser.add_argument("--traps", action="store_true", help="list the traps that became facts")
    parser.add_argument(
        "--labels", action="store_true", help="score the two SPL label examples instead"
    )
    parser.add_argument(
        "--holdout",
        nargs="?",
        const="holdout5",
        metavar="SET",
        help="score a held-out set (tests/fixtures/blind/SET/articles, default holdout5) instead",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    root = BLIND.parent / args.holdout / "articles" if args.holdout else BLIND
    results = score_labels() if args.labels else score_blind(args.drug, root)
    if args.misses:
        print_misses(results)
    print_fields(results)
    mean = sum(r.score.scores["mean_field_score"] for r in results) / len(results)
    print(f"mean field score over {len(results)} drugs: {mean:.3f}")
    print_traps(results, args.traps)
    if not args.drug and not args.labels:
        seed = score_seed(real_pipeline())
        if seed:
            print(f"seed baclofen vs dev-gold: {seed.scores['mean_field_score']:.3f}")
    print(f"({time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
