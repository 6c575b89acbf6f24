"""Benchmark: median in-process latency of check_regimen, against validating the request."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from medinfo.domain.alerts import CheckRequest
from medinfo.domain.monograph import (
    DoseSpec,
    Dosing,
    Interaction,
    MissedDose,
    Monograph,
    Precaution,
    Pregnancy,
    Stopping,
)
from medinfo.services.safety import check_regimen

RUNS = 3000

MONOGRAPH = Monograph(
    drug="zorbafen",
    dosing=Dosing(max_daily=DoseSpec(amount=80, unit="mg", route="oral", sources=["s1"])),
    interactions=[
        Interaction(agent="alcohol", severity="major", sources=["s1"]),
        Interaction(agent="CNS depressants", severity="major", sources=["s1", "s2"]),
        Interaction(agent="narcotics", severity="major", sources=["s2"]),
        Interaction(agent="MAO inhibitors", severity="contraindicated", sources=["s2"]),
    ],
    precautions=[
        Precaution(condition="kidney disease", sources=["s1"]),
        Precaution(condition="seizure disorder", sources=["s2"]),
    ],
    pregnancy=Pregnancy(category="C", sources=["s1"]),
    missed_dose=MissedDose(take_when_remembered=True, sources=["s1"]),
    stopping=Stopping(abrupt_stop_risk=True, sources=["s1"]),
)

REQUEST: dict[str, Any] = {
    "patient": {
        "age": 60,
        "egfr": 42,
        "seizure_history": True,
        "alcohol_use": True,
        "other_medications": ["OxyContin", "Xanax", "hydrocodone/acetaminophen", "lisinopril"],
    },
    "regimen": {"drug": "zorbafen", "dose_mg": 30, "times_per_day": 3, "route": "oral"},
    "event": {"type": "missed_dose", "hours_since_missed": 1, "hours_until_next": 6},
}


def median_ns(action: Callable[[], object]) -> float:
    """Median wall time of one call, in nanoseconds, after a warm-up."""
    for _ in range(50):
        action()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter_ns()
        action()
        timings.append(time.perf_counter_ns() - start)
    return statistics.median(timings)


def main() -> None:
    request = CheckRequest.model_validate(REQUEST)
    response = check_regimen(request, MONOGRAPH)
    check = median_ns(lambda: check_regimen(request, MONOGRAPH))
    baseline = median_ns(lambda: CheckRequest.model_validate(REQUEST))
    print(f"safety check: {len(response.alerts)} alerts per call, {RUNS} runs")
    print(f"  check_regimen median:          {check / 1000:8.1f} us (target < 1000 us)")
    print(f"  baseline model_validate median: {baseline / 1000:8.1f} us")
    print(f"  ratio check / baseline:         {check / baseline:8.1f}x")


if __name__ == "__main__":
    main()
