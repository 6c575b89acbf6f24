"""Question answering benchmark: intent accuracy, correct answers, abstention and warm latency.

Run: .venv/bin/python bench/qa.py [--store | --scale | --blind [--misses] [--holdout [SET]]]
(prints its figures; reads ../shared when present)

Two question sets are scored against in-memory monographs (bench/qa_monographs.json); the
fresh set is scored against a real store: a temporary SQLite database holding the embedded
knowledge base (baclofen) plus a tizanidine article ingested through the real pipeline.
The blind set (tests/fixtures/blind/questions, written by people who never read the rules) is
scored against a store holding the embedded knowledge base, both SPL example labels and the
blind articles, asking with the question text only (the drug must be resolved from it).
--holdout [SET] does the same with tests/fixtures/blind/SET (holdout5 when SET is left out:
later writers, twelve other drugs per set), measured at the start and end of a session.
"""

from __future__ import annotations

import functools
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
BLIND = HERE.parent / "tests" / "fixtures" / "blind"
SPL_FILES = ("spl_example_lipitor_orig.xml", "spl_example_viagra_64f8040f.xml")
# The scorer's fix for issue 13: a key fact counts when its words come in order with at most
# this many words between two of them, and numbers are compared without thousands separators.
KEY_GAP = 2
NEGATIONS = frozenset({"not", "no", "never", "don", "doesn", "didn", "without", "nor", "cannot"})
KEY_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
DOSE_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|micrograms?|g\b|ml|units?|iu\b|puffs?|tablets?|capsules?|%)"
)
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


@dataclass
class Tally:
    """Right / seen counts under one label (an intent, a population, a file)."""

    right: Counter[str] = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)

    def add(self, label: str, ok: bool) -> None:
        self.seen[label] += 1
        self.right[label] += ok

    def line(self, label: str) -> str:
        seen = self.seen[label]
        return f"{self.right[label] / seen:.1%} ({self.right[label]}/{seen})" if seen else "n/a"


def _drug_name(drug_dir: Path) -> str:
    """The drug a blind article folder is about, as its gold file names it ("a/b" for a
    combination; the folder name is only a file-system spelling)."""
    gold = drug_dir / "gold.json"
    if gold.is_file():
        return str(json.loads(gold.read_text()).get("drug") or drug_dir.name)
    return drug_dir.name


def _same_drug(
    expected: str | None, got: str | None, resolve: Callable[[str], str | None] | None = None
) -> bool:
    """Whether the answer is about the expected drug: the same name (a combination's parts in
    any order), or one the resolver files under the same key ("paracetamol" is the catalog's
    "acetaminophen", "sodium valproate" its "valproic acid")."""

    def key(name: str | None) -> str:
        return "-".join(sorted(re.findall(r"[a-z]+", (name or "").lower())))

    if key(expected) == key(got):
        return True
    if resolve is None or not expected or not got:
        return False
    return key(resolve(expected) or expected) == key(resolve(got) or got)


def _plain(text: str) -> str:
    """Lower-cased, single-spaced, without thousands separators ("1,500 mg" is "1500 mg")."""
    return THOUSANDS.sub("", " ".join(text.lower().split()))


def _holds(text: str, key: str, gap: int) -> bool:
    """Whether `text` states the key fact: as written, or (gap > 0) its words in order with at
    most `gap` words between two of them ("never double" in "never take a double dose")."""
    text, key = _plain(text), _plain(key)
    if key in text:
        return True
    wanted, words = KEY_WORD.findall(key), KEY_WORD.findall(text)
    if not gap or not wanted:
        return False
    for start, word in enumerate(words):
        at = start if word == wanted[0] else -1
        for part in wanted[1:] if at >= 0 else ():
            ahead = words[at + 1 : at + 2 + gap]
            skipped = ahead[: ahead.index(part)] if part in ahead else []
            # a skipped "not" would turn the key fact around ("can drink" in "can not drink")
            at = at + 1 + len(skipped) if part in ahead and not NEGATIONS & set(skipped) else -1
            if at < 0:
                break
        if at >= 0:
            return True
    return False


def _blind_verdict(row: dict[str, object], answer: Answer, gap: int = KEY_GAP) -> bool:
    """Answerable: answered, cited, every key fact present; unanswerable: an honest abstention."""
    text = " ".join(answer.answer.lower().split())
    if row["answerable"]:
        keys = [str(key) for key in row.get("key_facts") or []]  # type: ignore[attr-defined]
        held = all(_holds(text, key, gap) for key in keys)
        return answer.answerable and bool(answer.citations) and held
    no_number = DOSE_NUMBER.search(text) is None
    return not answer.answerable and no_number and _points_to_someone(answer)


def score_blind(
    ask: Ask,
    rows: list[dict[str, object]],
    misses: bool,
    resolve: Callable[[str], str | None] | None = None,
) -> None:
    intents, answers, abstentions, populations, drugs = Tally(), Tally(), Tally(), Tally(), Tally()
    strict = Tally()
    for row in rows:
        answer = ask(str(row["question"]), None)
        expected = str(row["intent"])
        intents.add(expected, answer.intent.value == expected)
        ok = _blind_verdict(row, answer)
        (answers if row["answerable"] else abstentions).add(expected, ok)
        answers.add("all", ok) if row["answerable"] else abstentions.add("all", ok)
        if row["answerable"]:
            strict.add("all", _blind_verdict(row, answer, gap=0))
        if row.get("population"):
            populations.add(str(row["population"]), ok)
        drug_ok = _same_drug(row.get("drug"), answer.drug, resolve)  # type: ignore[arg-type]
        drugs.add("all", drug_ok)
        if misses and not (ok and drug_ok and answer.intent.value == expected):
            print(
                f"MISS {row['question']!r} [{row.get('drug')}] expected {expected}/"
                f"{row['answerable']} {row.get('key_facts')} got {answer.drug} "
                f"{answer.intent.value}/{answer.answerable}: {answer.answer[:300]!r}"
            )
    intents.seen["all"] = sum(intents.seen.values())
    intents.right["all"] = sum(intents.right.values())
    print(f"blind questions: {len(rows)}")
    print(f"  intent accuracy       {intents.line('all')}")
    print(f"  correct answers       {answers.line('all')}")
    print(f"    (words verbatim     {strict.line('all')})")
    print(f"  abstentions           {abstentions.line('all')}")
    print(f"  drug resolution       {drugs.line('all')}")
    print(f"  {'intent':22} {'intent acc':>16} {'correct':>14} {'abstained':>14}")
    for label in sorted(set(intents.seen) - {"all"}):
        row_line = [intents.line(label), answers.line(label), abstentions.line(label)]
        print(f"  {label:22} {row_line[0]:>16} {row_line[1]:>14} {row_line[2]:>14}")
    for label in sorted(populations.seen):
        print(f"  population {label:14} {populations.line(label)}")


def bench_blind(folder: Path, misses: bool, root: Path = BLIND) -> None:
    """The blind questions over the embedded KB, both SPL labels and the blind articles (of
    `root`: the blind set, or the held-out set measured and never worked on)."""
    from medinfo.bootstrap import bootstrap
    from medinfo.services.answers import Answerer, StorePassages
    from medinfo.services.monograph_lookup import StoreMonographs

    rows: list[dict[str, object]] = []
    for path in sorted((root / "questions").glob("*.json")):
        rows.extend(json.loads(path.read_text())["questions"])
    app = bootstrap(f"sqlite:///{folder / 'blind.db'}")
    try:
        labels = [_shared_dir() / "data" / "openfda" / name for name in SPL_FILES]
        app.ingest_paths([path for path in labels if path.is_file()])
        for drug_dir in sorted(p for p in (root / "articles").iterdir() if p.is_dir()):
            articles = sorted(p for p in drug_dir.iterdir() if p.name != "gold.json")
            app.ingest_paths(articles, drug=_drug_name(drug_dir))
        lookup = StoreMonographs(app.database)
        answerer = Answerer(lookup, StorePassages(app.database))
        score_blind(answerer.ask, rows, misses, lambda name: app.resolve_name(name).drug)
        questions = [str(row["question"]) for row in rows]
        for question in questions:
            answerer.ask(question)
        full = _timed(answerer.ask, questions, 1)
        print(f"latency blind store, warm, {len(full)} calls (ms): p50 / p95")
        print(f"  answer                {statistics.median(full):.3f} / {_p95(full):.3f}  (< 50)")
    finally:
        app.close()


def _scaled(monograph: Monograph, factor: int) -> Monograph:
    """`monograph` with every fact list repeated `factor` times, each copy its own evidence."""
    data = monograph.model_dump()
    for name in ("indications", "side_effects", "interactions", "precautions", "faq"):
        copies = []
        for copy in range(factor):
            for item in data[name]:
                clone = json.loads(json.dumps(item))
                for evidence in clone.get("evidence", []):
                    evidence["start"] += copy * 10_000
                    evidence["end"] += copy * 10_000
                copies.append(clone)
        data[name] = copies
    return Monograph.model_validate(data)


def bench_scaling() -> None:
    """Warm p95 latency with 1x, 10x and 100x the facts of each benchmark monograph."""
    raw = json.loads((HERE / "qa_monographs.json").read_text())["monographs"]
    rows = json.loads((HERE / "questions.json").read_text())["questions"]
    base = [Monograph.model_validate(m) for m in raw]
    print("fact scaling, warm, questions.json (ms): facts / p50 / p95 / p95 per 1x")
    first = 0.0
    for factor in (1, 10, 100):
        lookup = InMemoryMonographs([_scaled(m, factor) for m in base])
        facts = sum(
            len(m.indications) + len(m.side_effects) + len(m.interactions) + len(m.precautions)
            for m in (lookup.get(m.drug) for m in base)
            if m is not None
        )
        rounds = 3 if factor < 100 else 1
        for row in rows:
            answer_question(row["question"], lookup, drug=row.get("drug"))
        ask = functools.partial(answer_question, monographs=lookup)
        samples = _timed(ask, [row["question"] for row in rows], rounds)
        p95 = _p95(samples)
        first = first or p95
        print(
            f"  {factor:>3}x  {facts:>6}  {statistics.median(samples):.3f} / {p95:.3f}"
            f"  ratio {p95 / first:.1f}"
        )


def _holdout_root(argv: list[str]) -> Path | None:
    """The held-out set named after --holdout (holdout5 when no name follows), if asked for."""
    if "--holdout" not in argv:
        return None
    after = argv[argv.index("--holdout") + 1 :]
    name = after[0] if after and not after[0].startswith("-") else "holdout5"
    return BLIND / name


def main() -> None:
    if "--scale" in sys.argv:  # latency with 10x and 100x the facts
        bench_scaling()
        return
    if "--blind" in sys.argv:  # the blind consumer questions over the blind articles and labels
        with tempfile.TemporaryDirectory() as folder:
            root = _holdout_root(sys.argv) or BLIND
            bench_blind(Path(folder), "--misses" in sys.argv, root)
        return
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
