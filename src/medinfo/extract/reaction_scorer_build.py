"""Trains the label reaction scorer on annotated label sections and writes its JSON weights."""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from medinfo.extract.adverse_reactions import is_serious_heading, reaction_candidates
from medinfo.extract.meddra import TermMatcher, curated_vocabulary, phrase_key
from medinfo.extract.meddra_build import (
    LabelSection,
    default_annotations_path,
    load_sections,
    vocabulary_from_sections,
)
from medinfo.extract.reaction_features import Candidate, Features, Prior, candidate_features
from medinfo.extract.reaction_scorer import ReactionScorer
from medinfo.knowledge.extract_rules import ReactionScorerFile

Row = tuple[Features, bool]
INNER_FOLDS = 5
MIN_ROWS = 5  # a feature seen in fewer training rows gets no weight
EPOCHS = 20
L2 = 0.01
RATE = 0.05
THRESHOLD = 0.6
OVERRIDE = 0.8  # a term the rules reject needs more (a wrong fact is worse than a missing one)
PRUNE = False
SOURCE = (
    "trained on the OnSIDES packaging of the Demner-Fushman et al. 2018 FDA label annotations "
    "(train.json); candidates of each label read with a vocabulary and priors built from the "
    "other labels only"
)


def label_gold(sections: Iterable[LabelSection]) -> dict[str, set[str]]:
    """The annotated preferred terms (lower case) of each label."""
    gold: dict[str, set[str]] = defaultdict(set)
    for section in sections:
        gold[section["label_id"]] |= {str(r[1]).lower() for r in section["adverse_events"] if r[1]}
    return gold


def term_groups(text: str, matcher: TermMatcher) -> tuple[str, dict[str, list[Candidate]]]:
    """The masked text and its candidates grouped by preferred term (lower case)."""
    masked, candidates = reaction_candidates(text, matcher)
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.pt.lower(), []).append(candidate)
    return masked, groups


def label_priors(sections: Sequence[LabelSection], matcher: TermMatcher) -> dict[str, Prior]:
    """Per "pt:" term and "phrase:" written form: (labels proposing it, labels annotating it)."""
    gold = label_gold(sections)
    proposed: dict[str, dict[str, bool]] = defaultdict(dict)
    for section in sections:
        label = section["label_id"]
        _, groups = term_groups(section["section_text"], matcher)
        for pt, group in groups.items():
            marked = pt in gold[label]
            keys = {f"pt:{pt}"} | {f"phrase:{' '.join(phrase_key(c.text))}" for c in group}
            for key in keys:
                proposed[key][label] = marked
    return {key: (len(labels), sum(labels.values())) for key, labels in sorted(proposed.items())}


def candidate_matcher(sections: Sequence[LabelSection]) -> TermMatcher:
    """The matcher proposing candidates: annotated words of `sections` (weak phrases not
    blocked when the scorer judges them, PRUNE False), then the curated vocabulary."""
    annotated = vocabulary_from_sections(list(sections), prune=PRUNE)
    return TermMatcher(annotated.extend(curated_vocabulary()))


def _rows(rest: Sequence[LabelSection], held: Sequence[LabelSection]) -> list[Row]:
    """Rows for the held labels' candidates, read with what the other labels teach only."""
    matcher = candidate_matcher(rest)
    priors = label_priors(rest, matcher)
    gold = label_gold(held)
    rows: list[Row] = []
    for section in held:
        masked, groups = term_groups(section["section_text"], matcher)
        serious = is_serious_heading(section["section_name"])
        for pt, group in groups.items():
            features = candidate_features(masked, group, serious, priors)
            rows.append((features, pt in gold[section["label_id"]]))
    return rows


def folds_by_label(sections: Sequence[LabelSection], folds: int, seed: int) -> list[int]:
    """The fold of each section: labels shuffled with `seed`, dealt round the folds."""
    labels = sorted({section["label_id"] for section in sections})
    random.Random(seed).shuffle(labels)
    fold_of = {label: index % folds for index, label in enumerate(labels)}
    return [fold_of[section["label_id"]] for section in sections]


def training_rows(sections: Sequence[LabelSection], folds: int = INNER_FOLDS) -> list[Row]:
    """Rows of every label, each read as an unseen label (cross-fitted by label)."""
    fold_of = folds_by_label(sections, folds, seed=11)
    rows: list[Row] = []
    for fold in range(folds):
        rest = [s for s, f in zip(sections, fold_of, strict=True) if f != fold]
        held = [s for s, f in zip(sections, fold_of, strict=True) if f == fold]
        rows += _rows(rest, held)
    return rows


def fit(rows: Sequence[Row], epochs: int = EPOCHS, seed: int = 7) -> dict[str, float]:
    """Logistic regression weights by AdaGrad with L2; rare features are left out."""
    seen = Counter(name for features, _ in rows for name in features)
    kept = [({n: v for n, v in f.items() if seen[n] >= MIN_ROWS}, y) for f, y in rows]
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-6)
    order = list(range(len(kept)))
    shuffler = random.Random(seed)
    for _ in range(epochs):
        shuffler.shuffle(order)
        for index in order:
            features, label = kept[index]
            total = sum(weights[name] * value for name, value in features.items())
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total)))) - float(label)
            for name, value in features.items():
                gradient = error * value + L2 * weights[name]
                squares[name] += gradient * gradient
                weights[name] -= RATE * gradient / math.sqrt(squares[name])
    return {
        name: round(weight, 3) for name, weight in sorted(weights.items()) if abs(weight) >= 0.02
    }


def train_scorer(sections: Sequence[LabelSection]) -> ReactionScorer:
    """A scorer trained on `sections`, with priors over all of them (for unseen labels)."""
    weights = fit(training_rows(sections))
    matcher = candidate_matcher(sections)
    return ReactionScorer(weights, label_priors(sections, matcher), THRESHOLD, OVERRIDE)


def main(argv: list[str]) -> None:
    """Rebuild knowledge/extract/reaction_scorer.json (default: the shared train.json)."""
    source = Path(argv[0]) if argv else default_annotations_path()
    scorer = train_scorer(load_sections(source))
    target = Path(str(resources.files("medinfo.knowledge").joinpath(ReactionScorerFile.FILE)))
    data = {
        "_comment": (
            "Logistic model over candidate adverse reactions in label texts (one preferred term's "
            "mentions in one text). weights: per named feature (reaction_features.py); "
            "threshold: probability a candidate needs when the rules accept one of its "
            "mentions, override_threshold when they reject all (condition, outcome word, open "
            "term); priors: [labels the rules proposed it in, labels whose annotators marked "
            "it]. Rebuilt by python -m "
            "medinfo.extract.reaction_scorer_build; do not edit by hand."
        ),
        "source": SOURCE,
        "threshold": scorer.threshold,
        "override_threshold": scorer.override,
        "weights": dict(scorer.weights),
        "priors": {key: list(value) for key, value in scorer.priors.items()},
    }
    target.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {len(scorer.weights)} weights, {len(scorer.priors)} priors")


if __name__ == "__main__":
    main(sys.argv[1:])
