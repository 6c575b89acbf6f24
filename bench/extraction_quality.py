"""Extraction quality on unseen-style articles: field scores of each drug's monograph vs its gold.

Run: .venv/bin/python bench/extraction_quality.py [--fields] [--drug NAME] [--dump]

Each folder of tests/fixtures/heldout/ holds one drug's articles (.txt, .md, .html, written
for this benchmark) and its gold.json (the dev-gold format). All of a drug's articles are
ingested into a fresh empty SQLite database, and the reconciled monograph is scored with
services.scoring. The seed pages (../shared/corpus/baclofen) are scored against
../shared/dev-gold/baclofen.json when present.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medinfo.bootstrap import bootstrap
from medinfo.config import SHARED_DIR
from medinfo.domain.errors import UnknownDrugError
from medinfo.services.monograph_lookup import NoMonographError
from medinfo.services.pipeline import Pipeline, real_pipeline
from medinfo.services.scoring import score_monograph

HERE = Path(__file__).resolve().parent
HELDOUT = HERE.parent / "tests" / "fixtures" / "heldout"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class DrugScore:
    """One drug's field scores and its monograph JSON."""

    drug: str
    scores: dict[str, float]
    monograph: dict[str, Any]


def shared_dir() -> Path:
    configured = SHARED_DIR.value()
    return Path(configured) if configured else HERE.parent.parent / "shared"


def article_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def score_articles(
    pipeline: Pipeline, drug: str, paths: list[Path], gold: Mapping[str, Any]
) -> DrugScore:
    """Ingest `paths` as `drug` into a fresh database and score the monograph against `gold`."""
    with tempfile.TemporaryDirectory() as tmp:
        app = bootstrap(f"sqlite:///{tmp}/bench.db", empty=True, pipeline_factory=lambda: pipeline)
        try:
            report = app.ingest_paths(paths)
            detected = sorted({document.drug for document in report.documents})
            try:
                monograph = json.loads(app.cached_monograph(drug).body)
            except (NoMonographError, UnknownDrugError):  # read as about another drug
                print(f"{drug}: no monograph of that name; the articles were read as {detected}")
                only = detected[0] if len(detected) == 1 else None
                monograph = json.loads(app.cached_monograph(only).body) if only else {}
        finally:
            app.close()
    return DrugScore(drug, score_monograph(monograph, gold), monograph)


def score_heldout(pipeline: Pipeline, only: str | None = None) -> list[DrugScore]:
    """Scores of every drug folder under tests/fixtures/heldout (or just `only`)."""
    results = []
    for folder in sorted(p for p in HELDOUT.iterdir() if p.is_dir()):
        if only and folder.name != only:
            continue
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        results.append(score_articles(pipeline, gold["drug"], article_paths(folder), gold))
    return results


def score_seed(pipeline: Pipeline) -> DrugScore | None:
    """The seed baclofen pages against dev-gold, or None when ../shared is absent."""
    shared = shared_dir()
    gold_path = shared / "dev-gold" / "baclofen.json"
    corpus = shared / "corpus" / "baclofen"
    if not gold_path.is_file() or not corpus.is_dir():
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score_articles(pipeline, "baclofen", sorted(corpus.glob("*.txt")), gold)


def field_means(results: list[DrugScore]) -> dict[str, float]:
    """Mean of each field over the drugs whose gold states it."""
    fields: dict[str, list[float]] = {}
    for result in results:
        for name, value in result.scores.items():
            fields.setdefault(name, []).append(value)
    return {name: sum(values) / len(values) for name, values in fields.items()}


def print_report(results: list[DrugScore], seed: DrugScore | None, show_fields: bool) -> None:
    for result in results:
        print(f"{result.drug:14s} mean {result.scores['mean_field_score']:.3f}")
        if show_fields:
            for name, value in sorted(result.scores.items()):
                if value < 1 and name != "mean_field_score":
                    print(f"    {name:24s} {value:.2f}")
    if len(results) > 1:
        print("\nper field, mean over drugs:")
        for name, value in sorted(field_means(results).items()):
            print(f"    {name:24s} {value:.3f}")
    if seed:
        print(f"\nseed baclofen vs dev-gold: {seed.scores['mean_field_score']:.3f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", action="store_true", help="list each drug's imperfect fields")
    parser.add_argument("--drug", help="score one fixture folder only")
    parser.add_argument("--dump", action="store_true", help="print the monographs as JSON")
    args = parser.parse_args(argv)
    pipeline = real_pipeline()
    results = score_heldout(pipeline, args.drug)
    seed = None if args.drug else score_seed(pipeline)
    if args.dump:
        for result in results:
            print(json.dumps(result.monograph, indent=1))
    print_report(results, seed, args.fields)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
