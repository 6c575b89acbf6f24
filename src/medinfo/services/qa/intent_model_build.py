"""Fits the intent model on the labelled question sets and writes knowledge/qa/intent_model.json.

Run `python -m medinfo.services.qa.intent_model_build` from a checkout: it prints, for each
set of questions left out of the fitting, the intent accuracy of the cue rules alone and of
the rules with the model (the honest figure for questions by writers the model never saw),
then fits on every set and writes the model.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from medinfo.domain.answers import Intent
from medinfo.services.qa.intent_model import IntentModel, question_features
from medinfo.services.qa.intents import (
    Reading,
    load_intent_rules,
    normalise_question,
    overrules,
    read_question,
)

ROOT = Path(__file__).resolve().parents[4]
QUESTION_FILES = (
    "bench/questions.json",
    "bench/questions_blind3.json",
    "bench/questions_fresh.json",
    "bench/questions_fresh2.json",
    "bench/questions_holdout.json",
    "tests/fixtures/blind/questions/blindA.json",
    "tests/fixtures/blind/questions/blindB.json",
    "tests/fixtures/blind/questions/blindC.json",
    "tests/fixtures/blind/questions/questions_main.json",
    *sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests" / "fixtures" / "blind").glob("holdout*/questions/*.json")
    ),
)
# Weight gain stays a rules-only intent (ADR 0033): a question a writer labelled so is learnt as
# the side-effect question it is reported as, so the model never overrules the weight rule.
_LEARNT_AS = {"weight_gain": "side_effects"}
THRESHOLD = 0.7  # the confidence from which the model overrules the cue rules
_EPOCHS = 40
_RATE = 0.3
_DECAY = 1e-4
_MIN_COUNT = 2
_KEEP = 0.05  # weights smaller than this are left out of the file
_SEED = 7


@dataclass(frozen=True)
class Example:
    """One labelled question: its set, the question, its drug names and its intent."""

    group: str
    question: str
    names: tuple[str, ...]
    intent: str


def _group(path: str) -> str:
    """The set a question file belongs to, one writing round each (left out together)."""
    held_out = next((part for part in path.split("/") if part.startswith("holdout")), None)
    if held_out:
        return held_out
    if "questions_main" in path:
        return "main"
    return "blind" if path.startswith("tests/") else "bench"


def read_examples(root: Path = ROOT, files: Sequence[str] = QUESTION_FILES) -> list[Example]:
    """The labelled questions of `files` (those present under `root`)."""
    examples = []
    for name in files:
        path = root / name
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["questions"] if isinstance(data, dict) else data:
            names = tuple(n for n in (item.get("drug"), *(item.get("drugs") or ())) if n)
            intent = _LEARNT_AS.get(item["intent"], item["intent"])
            examples.append(Example(_group(name), item["question"], names, intent))
    return examples


def fit(texts: Sequence[str], intents: Sequence[str]) -> IntentModel:
    """Softmax weights by stochastic gradient descent over the questions' features."""
    labels = sorted(set(intents))
    bias = dict.fromkeys(labels, 0.0)
    weights: dict[str, dict[str, float]] = {}
    seen = Counter(feature for text in texts for feature in question_features(text))
    rows = [  # a feature met once says more about its question than about its intent
        (frozenset(f for f in question_features(text) if seen[f] >= _MIN_COUNT), intent)
        for text, intent in zip(texts, intents, strict=True)
    ]
    order = list(range(len(rows)))
    random.Random(_SEED).shuffle(order)
    for epoch in range(_EPOCHS):
        rate = _RATE / (1 + epoch / 10)
        for index in order:
            features, intent = rows[index]
            scores = dict(bias)
            for feature in features:
                for label, weight in weights.get(feature, {}).items():
                    scores[label] += weight
            top = max(scores.values())
            exps = {label: math.exp(score - top) for label, score in scores.items()}
            total = sum(exps.values())
            for label in labels:
                gradient = exps[label] / total - (1.0 if label == intent else 0.0)
                bias[label] -= rate * gradient
                for feature in features:
                    row = weights.setdefault(feature, {})
                    row[label] = row.get(label, 0.0) * (1 - _DECAY) - rate * gradient
        random.Random(_SEED + epoch).shuffle(order)
    kept = {
        feature: {label: round(w, 2) for label, w in row.items() if abs(w) >= _KEEP}
        for feature, row in weights.items()
    }
    return IntentModel(
        THRESHOLD, {k: round(v, 3) for k, v in bias.items()}, {k: v for k, v in kept.items() if v}
    )


def combined(ruled: Reading, model: IntentModel, text: str) -> str:
    """The rules' intent unless the model is confident of another and the rules are not
    settled (as read_question does with the shipped model)."""
    guess = model.guess(text)
    known = ruled.intent is Intent.OTHER or ruled.intent.value in model.bias
    if guess.confidence >= model.threshold and overrules(ruled.score, guess.confidence) and known:
        return guess.intent.value
    return ruled.intent.value


def leave_one_set_out(examples: Sequence[Example]) -> dict[str, tuple[int, int, int, int]]:
    """Per set: (questions, right by the rules, right by the model, right by both combined),
    the model fitted on the other sets only."""
    rules = load_intent_rules()
    texts = [normalise_question(e.question, rules, e.names) for e in examples]
    ruled = [read_question(e.question, rules, e.names, learned=False) for e in examples]
    results = {}
    for group in sorted({e.group for e in examples}):
        train = [i for i, e in enumerate(examples) if e.group != group]
        model = fit([texts[i] for i in train], [examples[i].intent for i in train])
        counts: Counter[str] = Counter()
        held = [i for i, e in enumerate(examples) if e.group == group]
        for i in held:
            gold = examples[i].intent
            counts["rules"] += ruled[i].intent.value == gold
            counts["model"] += model.guess(texts[i]).intent.value == gold
            counts["both"] += combined(ruled[i], model, texts[i]) == gold
        results[group] = (len(held), counts["rules"], counts["model"], counts["both"])
    return results


def main(argv: Sequence[str]) -> int:
    """Print the leave-one-set-out figures, then fit on every set and write the model."""
    examples = read_examples()
    for group, (total, by_rules, by_model, both) in leave_one_set_out(examples).items():
        print(
            f"{group:10} {total:4} questions: rules {by_rules / total:.1%}, "
            f"model {by_model / total:.1%}, rules + model {both / total:.1%}"
        )
    rules_file = load_intent_rules()
    texts = [normalise_question(e.question, rules_file, e.names) for e in examples]
    model = fit(texts, [e.intent for e in examples])
    target = Path(str(resources.files("medinfo.knowledge").joinpath("qa/intent_model.json")))
    data = {
        "_comment": (
            "The learned intent model (services/qa/intent_model.py): per feature of a normalised "
            "question (a word or a pair of neighbouring words), its weight for each intent; the "
            "model overrules the cue rules from `threshold` confidence on. Fitted by "
            "`python -m medinfo.services.qa.intent_model_build` on the files in `trained_on`; "
            "do not edit by hand."
        ),
        "threshold": model.threshold,
        "trained_on": list(QUESTION_FILES),
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {target} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
