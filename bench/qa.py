"""Question answering benchmark: intent accuracy, answerability and warm answer latency.

Run: .venv/bin/python bench/qa.py   (prints its figures; reads ../shared when present)
"""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from medinfo.config import SHARED_DIR
from medinfo.domain.monograph import Monograph
from medinfo.services.qa import InMemoryMonographs, answer_question, read_question

HERE = Path(__file__).resolve().parent
MEDQUAD_INTENTS = {
    "indication": "indication",
    "usage": "dosage",
    "dose": "dosage",
    "side effects": "side_effects",
    "severe reaction": "serious_side_effects",
    "forget a dose": "missed_dose",
    "storage and disposal": "storage",
    "emergency or overdose": "overdose",
}
MEDQUAD_SAMPLE = 2000
LATENCY_ROUNDS = 20


def _shared_dir() -> Path:
    configured = SHARED_DIR.value()
    return Path(configured) if configured else HERE.parent.parent / "shared"


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def _timed(step: Callable[[str], object], questions: list[str]) -> list[float]:
    """Milliseconds per call of `step` over every question, LATENCY_ROUNDS times."""
    samples = []
    for _ in range(LATENCY_ROUNDS):
        for question in questions:
            start = time.perf_counter()
            step(question)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_own_questions(lookup: InMemoryMonographs, file_name: str) -> list[str]:
    rows = json.loads((HERE / file_name).read_text())["questions"]
    intents_right = answerable_right = 0
    by_intent: Counter[str] = Counter()
    misses = []
    for row in rows:
        answer = answer_question(row["question"], lookup)
        by_intent[row["intent"]] += 1
        intent_ok = answer.intent.value == row["intent"]
        intents_right += intent_ok
        answerable_right += answer.answerable == row["answerable"]
        if not intent_ok or answer.answerable != row["answerable"]:
            misses.append(
                f"  {row['question']!r}: expected {row['intent']}/{row['answerable']}, "
                f"got {answer.intent.value}/{answer.answerable}"
            )
    total = len(rows)
    print(f"{file_name}: {total} questions across {len(by_intent)} intents")
    print(f"  intent accuracy      {intents_right / total:.1%} ({intents_right}/{total})")
    print(f"  answerable accuracy  {answerable_right / total:.1%} ({answerable_right}/{total})")
    print("\n".join(misses) if misses else "  no misses")
    return [row["question"] for row in rows]


def bench_latency(lookup: InMemoryMonographs, questions: list[str]) -> None:
    for question in questions:  # warm caches: rules, vocabulary, typo corrections
        answer_question(question, lookup)
    baseline = _timed(lambda q: lookup.get("sertraline"), questions)
    intent_only = _timed(read_question, questions)
    full = _timed(lambda q: answer_question(q, lookup), questions)
    print(f"latency, warm, {len(full)} calls (ms): p50 / p95")
    print(f"  baseline dict lookup {statistics.median(baseline):.4f} / {_p95(baseline):.4f}")
    print(f"  intent step alone    {statistics.median(intent_only):.3f} / {_p95(intent_only):.3f}")
    print(f"  answer_question      {statistics.median(full):.3f} / {_p95(full):.3f}  (target < 50)")


def bench_medquad() -> None:
    folder = _shared_dir() / "data" / "medquad-drugs" / "11_MPlusDrugs_QA"
    if not folder.is_dir():
        print(f"medquad: skipped ({folder} absent)")
        return
    pairs = []
    question = re.compile(r'qtype="([^"]+)">(.*?)</Question>')
    for path in sorted(folder.glob("*.xml")):
        for qtype, text in question.findall(path.read_text(encoding="utf-8")):
            if qtype in MEDQUAD_INTENTS:
                pairs.append((MEDQUAD_INTENTS[qtype], text))
    sample = random.Random(7).sample(pairs, min(MEDQUAD_SAMPLE, len(pairs)))
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for expected, text in sample:
        seen[expected] += 1
        right[expected] += read_question(text).intent.value == expected
    total = sum(right.values())
    print(f"medquad sample: {len(sample)} of {len(pairs)} mapped questions")
    print(f"  intent accuracy {total / len(sample):.1%}")
    for intent in sorted(seen):
        print(f"  {intent:22} {right[intent] / seen[intent]:.1%} of {seen[intent]}")


def main() -> None:
    raw = json.loads((HERE / "qa_monographs.json").read_text())["monographs"]
    lookup = InMemoryMonographs([Monograph.model_validate(m) for m in raw])
    questions = bench_own_questions(lookup, "questions.json")
    bench_own_questions(lookup, "questions_holdout.json")
    bench_latency(lookup, questions)
    bench_medquad()


if __name__ == "__main__":
    main()
