"""Question answering benchmark: intent accuracy, correct answers, abstention and warm latency.

Run: .venv/bin/python bench/qa.py [--store]   (prints its figures; reads ../shared when present)

Two question sets are scored against in-memory monographs (bench/qa_monographs.json); the
fresh set is scored against a real store: a temporary SQLite database holding the embedded
knowledge base (baclofen) plus a tizanidine article ingested through the real pipeline.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from medinfo.config import SHARED_DIR
from medinfo.domain.answers import Answer
from medinfo.domain.monograph import Monograph
from medinfo.services.qa import InMemoryMonographs, answer_question, read_question

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "tests" / "e2e" / "articles" / "tizanidine_guide.md"
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
STORE_FILES = ("questions_fresh.json", "questions_fresh2.json", "questions_blind3.json")
LATENCY_ROUNDS = 20
Ask = Callable[[str, str | None], Answer]


def _shared_dir() -> Path:
    configured = SHARED_DIR.value()
    return Path(configured) if configured else HERE.parent.parent / "shared"


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def _timed(step: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    """Milliseconds per call of `step` over every question, `rounds` times."""
    samples = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            step(question)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


@dataclass
class Score:
    """The figures of one question file."""

    total: int = 0
    intents: int = 0
    answerable: int = 0
    answerable_correct: int = 0
    unanswerable: int = 0
    abstained: int = 0
    misses: list[str] = field(default_factory=list)


def _correct(row: dict[str, object], answer: Answer) -> bool:
    """An answerable question is right when answered, cited and carrying every key phrase."""
    text = answer.answer.lower()
    keys = [str(key).lower() for key in row.get("key", [])]  # type: ignore[attr-defined]
    return answer.answerable and bool(answer.citations) and all(key in text for key in keys)


def _points_to_someone(answer: Answer) -> bool:
    """An abstention must send the reader to a pharmacist, doctor or vet."""
    return any(who in answer.answer.lower() for who in ("pharmacist", "doctor", "vet"))


def score_file(ask: Ask, file_name: str) -> Score:
    rows = json.loads((HERE / file_name).read_text())["questions"]
    score = Score(total=len(rows))
    for row in rows:
        answer = ask(row["question"], row.get("drug"))
        intent_ok = answer.intent.value == row["intent"]
        score.intents += intent_ok
        if row["answerable"]:
            score.answerable += 1
            ok = _correct(row, answer) if "key" in row else answer.answerable
            score.answerable_correct += ok
        else:
            score.unanswerable += 1
            ok = not answer.answerable and _points_to_someone(answer)
            score.abstained += ok
        if not intent_ok or not ok:
            score.misses.append(
                f"  {row['question']!r}: expected {row['intent']}/{row['answerable']} "
                f"{row.get('key', '')}, got {answer.intent.value}/{answer.answerable}: "
                f"{answer.answer[:160]}"
            )
    return score


def report(file_name: str, score: Score) -> None:
    def pct(part: int, whole: int) -> str:
        return f"{part / whole:.1%} ({part}/{whole})" if whole else "n/a"

    print(f"{file_name}: {score.total} questions")
    print(f"  intent accuracy       {pct(score.intents, score.total)}")
    print(f"  answerable correct    {pct(score.answerable_correct, score.answerable)}")
    print(f"  abstention rate       {pct(score.abstained, score.unanswerable)}")
    print("\n".join(score.misses) if score.misses else "  no misses")


def bench_latency(label: str, ask: Ask, baseline: Callable[[str], object], file_name: str) -> None:
    rows = json.loads((HERE / file_name).read_text())["questions"]
    drugs = {row["question"]: row.get("drug") for row in rows}
    questions = list(drugs)
    for question in questions:  # warm caches: rules, vocabulary, typo corrections, store
        ask(question, drugs[question])
    rounds = LATENCY_ROUNDS if label == "in-memory" else 3
    base = _timed(baseline, questions, rounds)
    full = _timed(lambda q: ask(q, drugs[q]), questions, rounds)
    print(f"latency {label}, warm, {len(full)} calls (ms): p50 / p95")
    print(f"  same-run baseline     {statistics.median(base):.4f} / {_p95(base):.4f}")
    print(f"  answer                {statistics.median(full):.3f} / {_p95(full):.3f}  (< 50)")


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


def bench_store(folder: Path) -> None:
    """The fresh questions over a real store: embedded baclofen plus an ingested article."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(f"sqlite:///{folder / 'qa.db'}")
    try:
        if ARTICLE.is_file():
            app.ingest_paths([ARTICLE])
        for file_name in STORE_FILES:
            report(f"{file_name} (store)", score_file(app.ask, file_name))
        bench_latency(
            "store", app.ask, lambda q: app.monographs.get("baclofen"), "questions_fresh.json"
        )
    finally:
        app.close()


def main() -> None:
    if "--store" in sys.argv:  # only the store sets: the quick check while iterating
        with tempfile.TemporaryDirectory() as folder:
            bench_store(Path(folder))
        return
    raw = json.loads((HERE / "qa_monographs.json").read_text())["monographs"]
    lookup = InMemoryMonographs([Monograph.model_validate(m) for m in raw])

    def ask(question: str, drug: str | None) -> Answer:
        return answer_question(question, lookup, drug=drug)

    for file_name in ("questions.json", "questions_holdout.json"):
        report(file_name, score_file(ask, file_name))
    bench_latency("in-memory", ask, lambda q: lookup.get("sertraline"), "questions.json")
    with tempfile.TemporaryDirectory() as folder:
        bench_store(Path(folder))
    bench_medquad()


if __name__ == "__main__":
    main()
