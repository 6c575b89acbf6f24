"""Benchmark of label adverse-reaction extraction: term-level P/R/F1 per label, CV and speed.

Usage: python bench/label_adverse_reactions.py [ANNOTATED.json] [--folds N]
Default file: the shared OnSIDES train.json. Scores are on the set of MedDRA preferred terms
(lower case) per label, micro (pooled) and macro (mean over labels).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from medinfo.extract.adverse_reactions import extract_adverse_reactions, is_serious_heading
from medinfo.extract.meddra import TermMatcher, curated_vocabulary, default_matcher
from medinfo.extract.meddra_build import (
    LabelSection,
    default_annotations_path,
    load_sections,
    vocabulary_from_sections,
)
from medinfo.extract.reaction_scorer import ReactionScorer
from medinfo.extract.reaction_scorer_build import candidate_matcher, train_scorer

TermSets = dict[str, set[str]]


def gold_terms(sections: Iterable[LabelSection]) -> TermSets:
    """The annotated preferred terms of each label."""
    gold: TermSets = defaultdict(set)
    for section in sections:
        gold[section["label_id"]] |= {str(r[1]).lower() for r in section["adverse_events"] if r[1]}
    return gold


def predicted_terms(
    sections: Iterable[LabelSection],
    matcher: TermMatcher | None = None,
    scorer: ReactionScorer | None = None,
) -> TermSets:
    """The preferred terms extracted from each label's sections."""
    found: TermSets = defaultdict(set)
    for section in sections:
        mentions = extract_adverse_reactions(
            section["section_text"],
            serious_section=is_serious_heading(section["section_name"]),
            matcher=matcher,
            scorer=scorer,
        )
        found[section["label_id"]] |= {mention.key for mention in mentions}
    return found


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(gold: TermSets, found: TermSets) -> dict[str, float]:
    """Micro and macro precision, recall and F1 over labels."""
    tp = fp = fn = 0
    per_label = []
    for label, expected in gold.items():
        got = found.get(label, set())
        hits = len(expected & got)
        tp, fp, fn = tp + hits, fp + len(got - expected), fn + len(expected - got)
        precision = hits / len(got) if got else float(not expected)
        recall = hits / len(expected) if expected else 1.0
        per_label.append((precision, recall, _f1(precision, recall)))
    micro_p = tp / (tp + fp) if tp + fp else 0.0
    micro_r = tp / (tp + fn) if tp + fn else 0.0
    count = max(len(per_label), 1)
    return {
        "micro_p": micro_p,
        "micro_r": micro_r,
        "micro_f1": _f1(micro_p, micro_r),
        "macro_p": sum(p for p, _, _ in per_label) / count,
        "macro_r": sum(r for _, r, _ in per_label) / count,
        "macro_f1": sum(f for _, _, f in per_label) / count,
    }


def cross_validated(
    sections: list[LabelSection],
    folds: int,
    learned: bool,
    seed: int = 7,
    per_fold: list[dict[str, float]] | None = None,
) -> dict[str, float]:
    """Scores when each label's terms (and, if `learned`, the scorer) come only from the other
    folds' labels + curated list; each fold's own scores are appended to `per_fold`."""
    labels = sorted({section["label_id"] for section in sections})
    random.Random(seed).shuffle(labels)
    fold_of = {label: index % folds for index, label in enumerate(labels)}
    found: TermSets = {}
    for fold in range(folds):
        train = [s for s in sections if fold_of[s["label_id"]] != fold]
        test = [s for s in sections if fold_of[s["label_id"]] == fold]
        # the scorer judges the candidates of the matcher it was trained on (weak phrases not
        # blocked, as shipped); the rules alone need the weak phrases blocked
        if learned:
            scorer: ReactionScorer | None = train_scorer(train)
            matcher = candidate_matcher(train)
        else:
            scorer = None
            matcher = TermMatcher(vocabulary_from_sections(train).extend(curated_vocabulary()))
        fold_found = predicted_terms(test, matcher, scorer)
        if per_fold is not None:
            per_fold.append(scores(gold_terms(test), fold_found))
        found.update(fold_found)
    return scores(gold_terms(sections), found)


def throughput(sections: list[LabelSection]) -> tuple[float, float, float]:
    """(matcher build seconds, extraction sections/s, regex tokenisation sections/s)."""
    started = time.perf_counter()
    default_matcher.cache_clear()
    default_matcher()
    build = time.perf_counter() - started
    started = time.perf_counter()
    predicted_terms(sections)
    extraction = len(sections) / (time.perf_counter() - started)
    token = re.compile(r"[A-Za-z0-9]+")
    started = time.perf_counter()
    for section in sections:
        [word.lower() for word in token.findall(section["section_text"])]
    baseline = len(sections) / (time.perf_counter() - started)
    return build, extraction, baseline


def _line(name: str, figures: dict[str, float]) -> str:
    return (
        f"{name:<34} micro P {figures['micro_p']:.3f} R {figures['micro_r']:.3f} "
        f"F1 {figures['micro_f1']:.3f} | macro P {figures['macro_p']:.3f} "
        f"R {figures['macro_r']:.3f} F1 {figures['macro_f1']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=5, help="0 skips cross-validation")
    args = parser.parse_args()
    path = args.path or default_annotations_path()
    if not path.exists():
        print(f"{path}: not found; nothing to score")
        return
    sections = load_sections(path)
    labels = len({section["label_id"] for section in sections})
    print(f"{path.name}: {len(sections)} sections, {labels} labels")
    gold = gold_terms(sections)
    print(_line("shipped vocabulary", scores(gold, predicted_terms(sections))))
    curated = TermMatcher(curated_vocabulary())
    print(_line("curated vocabulary only", scores(gold, predicted_terms(sections, curated))))
    if args.folds > 1:
        rules = cross_validated(sections, args.folds, learned=False)
        print(_line(f"{args.folds}-fold CV by label, rules", rules))
        folds: list[dict[str, float]] = []
        learned = cross_validated(sections, args.folds, learned=True, per_fold=folds)
        print(_line(f"{args.folds}-fold CV by label, scorer", learned))
        for index, figures in enumerate(folds, start=1):
            print(_line(f"  fold {index}", figures))
    build, extraction, baseline = throughput(sections)
    print(
        f"matcher build {build * 1000:.0f} ms ({default_matcher().size} phrases); "
        f"extraction {extraction:.0f} sections/s; regex tokenisation baseline "
        f"{baseline:.0f} sections/s"
    )


if __name__ == "__main__":
    main()
