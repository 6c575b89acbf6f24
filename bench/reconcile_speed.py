"""Time reconcile_monograph on ~200 synthetic facts from four sources and print the figures."""

from __future__ import annotations

import statistics
import time

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.sources import Source
from medinfo.reconcile import reconcile_monograph

_TERMS = [f"effect {n}" for n in range(40)]


def _facts(source_ids: list[str]) -> list[ExtractedFact]:
    facts = []
    for index, source_id in enumerate(source_ids):
        for offset, term in enumerate(_TERMS[index * 5 : index * 5 + 35]):
            evidence = Evidence(source=source_id, start=offset * 50, end=offset * 50 + 30)
            facts.append(ExtractedFact(kind=FactKind.SIDE_EFFECT, key=term, evidence=evidence))
        for kind, attributes in [
            (FactKind.INITIAL_DOSE, {"amount": 5 + index, "unit": "mg", "frequency_per_day": 3}),
            (FactKind.MAX_DAILY_DOSE, {"amount": 80, "unit": "mg"}),
            (FactKind.ONSET, {"first_effect": f"{index + 1} hours"}),
        ]:
            key = "oral" if "dose" in kind.value else kind.value
            evidence = Evidence(source=source_id, start=9000, end=9030)
            fact = ExtractedFact(kind=kind, key=key, attributes=attributes, evidence=evidence)
            facts.append(fact)
        for offset in range(16):
            evidence = Evidence(source=source_id, start=5000 + offset * 40, end=5030 + offset * 40)
            facts.append(
                ExtractedFact(kind=FactKind.INTERACTION, key=f"agent {offset}", evidence=evidence)
            )
    return facts


def main() -> None:
    ids = ["s1", "s2", "s3", "s4"]
    sources = [Source(id=i, title=f"Page {i}", drug="exampledrug", sha256=i) for i in ids]
    facts = _facts(ids)
    reconcile_monograph("exampledrug", sources, facts)
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        reconcile_monograph("exampledrug", sources, facts)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"reconcile_monograph: {len(facts)} facts, {len(sources)} sources")
    print(f"  median {statistics.median(timings):.2f} ms, max {max(timings):.2f} ms (50 runs)")


if __name__ == "__main__":
    main()
