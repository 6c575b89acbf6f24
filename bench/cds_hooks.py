"""Benchmark: CDS Hooks order-sign calls against the plain POST /api/v1/check of the same regimen.

One loopback uvicorn process serves both; 16 keep-alive connections send requests for a
bounded time, alternating the two endpoints twice so both see the same machine load. The
figures are requests per second and the 95th-percentile latency, and the order-sign figures
as a ratio to the plain check's (target: throughput ratio at least 0.5).

    python bench/cds_hooks.py [--seconds 5] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.cds_requests import (
    bundle,
    condition,
    full_prefetch,
    hook_request,
    medication_request,
    statement,
)

from check_api import free_port, seed

OTHERS = ("OxyContin", "Xanax", "lisinopril")
PLAIN: dict[str, Any] = {
    "patient": {"age": 56, "egfr": 42, "alcohol_use": True, "other_medications": list(OTHERS)},
    "regimen": {"drug": "Zorbaflex", "dose_mg": 30, "times_per_day": 3, "route": "oral"},
}


def order_sign() -> dict[str, Any]:
    """The same patient and regimen as `PLAIN`, as an EHR sends it at order-sign."""
    prefetch = full_prefetch(egfr=42, medicines=OTHERS)
    prefetch["conditions"] = bundle(condition("Alcohol use disorder", "7200002"))
    prefetch["medicationStatements"] = bundle(*(statement(name) for name in OTHERS))
    order = medication_request("Zorbaflex 10 MG Oral Tablet", 3, "{tbl}", timing_code="TID")
    return hook_request([order], prefetch)


ENDPOINTS = {
    "plain /api/v1/check": ("/api/v1/check", PLAIN),
    "order-sign": ("/cds-services/medinfo-order-sign", order_sign()),
}


def serve(port: int, url: str) -> None:
    import uvicorn

    from medinfo.bootstrap import bootstrap
    from medinfo.interfaces.api.app import create_app

    app = create_app(services=bootstrap(url, empty=True))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def measure(
    base: str, path: str, body: dict[str, Any], seconds: float, connections: int
) -> list[float]:
    """Latencies (s) of requests sent on `connections` keep-alive connections for `seconds`."""
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        stop_at = time.monotonic() + seconds

        async def worker() -> None:
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                response = await client.post(path, json=body)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: status {response.status_code}: {response.text}")

        await asyncio.gather(*(worker() for _ in range(connections)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per endpoint and round")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        seed(url)
        port = free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), url])
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base)
            results = _run(base, args.seconds, args.connections)
        finally:
            server.kill()
            server.wait()
    _report(results, args.connections)


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            for path, body in ENDPOINTS.values():
                httpx.post(base + path, json=body, timeout=10).raise_for_status()
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def _run(base: str, seconds: float, connections: int) -> dict[str, tuple[float, list[float]]]:
    totals: dict[str, tuple[float, list[float]]] = {name: (0.0, []) for name in ENDPOINTS}
    with httpx.Client(base_url=base) as warm:  # warm caches and the thread pool
        for path, body in ENDPOINTS.values():
            for _ in range(30):
                warm.post(path, json=body)
    for _ in range(2):
        for name, (path, body) in ENDPOINTS.items():
            latencies = asyncio.run(measure(base, path, body, seconds, connections))
            elapsed, found = totals[name]
            totals[name] = (elapsed + seconds, found + latencies)
    return totals


def _report(results: dict[str, tuple[float, list[float]]], connections: int) -> None:
    figures = {}
    for name, (elapsed, latencies) in results.items():
        rate = len(latencies) / elapsed
        p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
        figures[name] = (rate, p95)
        print(f"{name:22s} {rate:8.0f} req/s   p95 {p95:7.1f} ms   ({connections} connections)")
    (plain_rate, plain_p95), (sign_rate, sign_p95) = figures.values()
    print(
        f"order-sign / plain:    throughput {sign_rate / plain_rate:.2f}   "
        f"p95 {sign_p95 / plain_p95:.2f}x (target: throughput >= 0.5)"
    )


if __name__ == "__main__":
    main()
