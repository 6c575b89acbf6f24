"""The learned keep-or-drop decision over candidate label reactions (a logistic model)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from medinfo.extract.reaction_features import Candidate, Features, Prior, candidate_features
from medinfo.knowledge.extract_rules import ReactionScorerFile
from medinfo.knowledge.loading import load


@dataclass(frozen=True)
class ReactionScorer:
    """Weights of named features, the training priors, and the probability a candidate needs:
    `threshold` when a mention of it is one the rules accept, `override` when the rules reject
    all its mentions (the patient's condition, an outcome word, a proposed open term)."""

    weights: Mapping[str, float]
    priors: Mapping[str, Prior]
    threshold: float = 0.5
    override: float = 0.8

    def probability(self, features: Features) -> float:
        """The model's probability that the candidate is an annotated reaction."""
        total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def keeps(self, text: str, candidates: Sequence[Candidate], serious_section: bool) -> bool:
        """True when one preferred term's candidate mentions in `text` make a reaction."""
        features = candidate_features(text, candidates, serious_section, self.priors)
        accepted = any(not (c.condition or c.outcome or c.negated or c.open) for c in candidates)
        return self.probability(features) >= (self.threshold if accepted else self.override)


@cache
def default_scorer() -> ReactionScorer:
    """The shipped model of knowledge/extract/reaction_scorer.json (read once per process)."""
    raw = load(ReactionScorerFile)
    return ReactionScorer(raw.weights, raw.priors, raw.threshold, raw.override_threshold)
