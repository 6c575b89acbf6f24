"""Trains the label reaction scorer on annotated label sections and writes its JSON weights."""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
THRESHOLD = 0.6  # the default pair, kept unless another serves the training labels better
OVERRIDE = 0.8  # a term the rules reject needs more (a wrong fact is worse than a missing one)
MARGIN = 0.15
TIE = 0.002  # term F1 differences this small between threshold pairs are noise
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
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


@dataclass(frozen=True)
class Example:
    """One candidate reaction of a training label: its features, whether the annotators
    marked its term, and whether the rules accept one of its mentions."""

    label: str
    pt: str
    features: Features
    marked: bool
    accepted: bool


def _examples(rest: Sequence[LabelSection], held: Sequence[LabelSection]) -> list[Example]:
    """Examples of the held labels' candidates, read with what the other labels teach only."""
    matcher = candidate_matcher(rest)
    priors = label_priors(rest, matcher)
    gold = label_gold(held)
    examples: list[Example] = []
    for section in held:
        masked, groups = term_groups(section["section_text"], matcher)
        serious = is_serious_heading(section["section_name"])
        label = section["label_id"]
        for pt, group in groups.items():
            features = candidate_features(masked, group, serious, priors)
            accepted = any(not (c.condition or c.outcome or c.negated or c.open) for c in group)
            examples.append(Example(label, pt, features, pt in gold[label], accepted))
    return examples


def folds_by_label(sections: Sequence[LabelSection], folds: int, seed: int) -> list[int]:
    """The fold of each section: labels shuffled with `seed`, dealt round the folds."""
    labels = sorted({section["label_id"] for section in sections})
    random.Random(seed).shuffle(labels)
    fold_of = {label: index % folds for index, label in enumerate(labels)}
    return [fold_of[section["label_id"]] for section in sections]


def training_examples(sections: Sequence[LabelSection], folds: int = INNER_FOLDS) -> list[Example]:
    """Examples of every label, each read as an unseen label (cross-fitted by label)."""
    fold_of = folds_by_label(sections, folds, seed=11)
    examples: list[Example] = []
    for fold in range(folds):
        rest = [s for s, f in zip(sections, fold_of, strict=True) if f != fold]
        held = [s for s, f in zip(sections, fold_of, strict=True) if f == fold]
        examples += _examples(rest, held)
    return examples


def training_rows(sections: Sequence[LabelSection], folds: int = INNER_FOLDS) -> list[Row]:
    """Rows (features, marked) of every label, each read as an unseen label."""
    return [(e.features, e.marked) for e in training_examples(sections, folds)]


def _label_f1(
    examples: Sequence[Example],
    probabilities: Sequence[float],
    gold: Mapping[str, set[str]],
    thresholds: tuple[float, float],
) -> float:
    """Term F1 over labels when candidates need `thresholds` (accepted, rejected by rules)."""
    threshold, override = thresholds
    found: dict[str, set[str]] = defaultdict(set)
    for example, probability in zip(examples, probabilities, strict=True):
        if probability >= (threshold if example.accepted else override):
            found[example.label].add(example.pt)
    hits = sum(len(found[label] & terms) for label, terms in gold.items())
    predicted = sum(len(terms) for terms in found.values())
    expected = sum(len(terms) for terms in gold.values())
    return 2 * hits / (predicted + expected) if predicted + expected else 0.0


def chosen_thresholds(
    examples: Sequence[Example], weights: Mapping[str, float], gold: Mapping[str, set[str]]
) -> tuple[float, float]:
    """The (threshold, override) pair with the best term F1 over the training labels; the
    override stays MARGIN above the threshold (a term the rules reject needs more)."""
    model = ReactionScorer(weights, {})
    probabilities = [model.probability(example.features) for example in examples]
    scored = {
        (THRESHOLD, OVERRIDE): _label_f1(examples, probabilities, gold, (THRESHOLD, OVERRIDE))
    }
    for threshold in THRESHOLDS:
        for override in THRESHOLDS:
            if override >= threshold + MARGIN:
                pair = (threshold, override)
                scored[pair] = _label_f1(examples, probabilities, gold, pair)
    best_f1 = max(scored.values())
    # F1 is flat near its best: of the pairs within TIE of it, the lowest keeps most reactions
    return min(pair for pair, f1 in scored.items() if f1 >= best_f1 - TIE)


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
    """A scorer trained on `sections`, with priors over all of them (for unseen labels) and
    the thresholds that serve the training labels best (cross-fitted rows)."""
    examples = training_examples(sections)
    weights = fit([(e.features, e.marked) for e in examples])
    threshold, override = chosen_thresholds(examples, weights, label_gold(sections))
    matcher = candidate_matcher(sections)
    return ReactionScorer(weights, label_priors(sections, matcher), threshold, override)


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
