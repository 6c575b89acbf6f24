"""A learned second reading of a question's intent, for phrasings the cue rules miss."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from medinfo.domain.answers import Intent
from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import IntentModelFile


def question_features(text: str) -> frozenset[str]:
    """The words and neighbouring word pairs of a normalised question."""
    words = text.split()
    return frozenset([*words, *(f"{a}_{b}" for a, b in pairwise(words))])


@dataclass(frozen=True)
class IntentGuess:
    """The intent the model finds most likely and its probability."""

    intent: Intent
    confidence: float


@dataclass(frozen=True)
class IntentModel:
    """Softmax weights per feature and intent (knowledge/qa/intent_model.json)."""

    threshold: float
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]

    def guess(self, text: str) -> IntentGuess:
        """The most likely intent of a normalised question."""
        scores = dict(self.bias)
        for feature in question_features(text):
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight
        top = max(scores.values())
        total = sum(math.exp(score - top) for score in scores.values())
        label = max(scores, key=lambda name: scores[name])
        return IntentGuess(Intent(label), 1.0 / total)


@cache
def intent_model() -> IntentModel:
    """The shipped model, read once per process."""
    raw = load(IntentModelFile)
    return IntentModel(raw.threshold, dict(raw.bias), {k: dict(v) for k, v in raw.weights.items()})
