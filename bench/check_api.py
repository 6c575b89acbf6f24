"""Benchmark: safety checks per second through POST /api/v1/check on a loopback uvicorn.

The baseline is a bare Starlette endpoint on the same uvicorn settings returning the very bytes
the check returns, measured in the same run, so the ratio shows what medinfo adds per request.
Each server runs in its own process; the client sends keep-alive requests for a bounded time.

    python bench/check_api.py [--seconds 3] [--max-requests 5000] [--clients 1]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

REQUEST: dict[str, Any] = {
    "patient": {
        "age": 60,
        "egfr": 42,
        "alcohol_use": True,
        "other_medications": ["OxyContin", "Xanax", "lisinopril"],
    },
    "regimen": {"drug": "Zorbaflex", "dose_mg": 30, "times_per_day": 3, "route": "oral"},
    "event": {"type": "missed_dose", "hours_since_missed": 1, "hours_until_next": 6},
}


def seed(url: str) -> None:
    """A database holding one made-up drug's monograph, known also by a brand name."""
    from medinfo.domain.monograph import (
        DoseSpec,
        Dosing,
        Interaction,
        MissedDose,
        Monograph,
        Precaution,
        Stopping,
    )
    from medinfo.services.monographs import refresh_monograph
    from medinfo.store.database import open_database

    monograph = Monograph(
        drug="zorbafen",
        brand_names=["Zorbaflex"],
        dosing=Dosing(max_daily=DoseSpec(amount=80, unit="mg", route="oral", sources=["s1"])),
        interactions=[
            Interaction(agent="alcohol", severity="major", sources=["s1"]),
            Interaction(agent="CNS depressants", severity="major", sources=["s1", "s2"]),
            Interaction(agent="MAO inhibitors", severity="contraindicated", sources=["s2"]),
        ],
        precautions=[Precaution(condition="kidney disease", sources=["s1"])],
        missed_dose=MissedDose(take_when_remembered=True, sources=["s1"]),
        stopping=Stopping(abrupt_stop_risk=True, sources=["s1"]),
    )
    database = open_database(url)
    database.ensure_schema()
    with database.transaction() as store:
        refresh_monograph(store, "zorbafen", lambda *_: monograph)
    database.dispose()


def serve(kind: str, port: int, url: str, body_file: str) -> None:
    """Run one server until killed: the medinfo app, or the bare baseline."""
    import uvicorn

    if kind == "app":
        from medinfo.bootstrap import bootstrap
        from medinfo.interfaces.app import create_app

        application: Any = create_app(services=bootstrap(url, empty=True))
    else:
        from starlette.applications import Starlette
        from starlette.requests import Request
        from starlette.responses import Response
        from starlette.routing import Route

        body = Path(body_file).read_bytes()

        async def bare(request: Request) -> Response:
            await request.body()
            return Response(body, media_type="application/json")

        application = Starlette(routes=[Route("/api/v1/check", bare, methods=["POST"])])
    uvicorn.run(application, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(kind: str, url: str, body_file: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, __file__, "--serve", kind, str(port), url, body_file]
    process = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.post(f"{base}/api/v1/check", json=REQUEST, timeout=5)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{kind} server did not start")


def measure(base: str, seconds: float, limit: int, clients: int) -> tuple[float, float]:
    """(requests per second, median latency in ms) over `clients` keep-alive connections."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = 0.0

    def run() -> None:
        mine = []
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.monotonic() < stop_at and len(mine) < limit // clients:
                started = time.perf_counter()
                response = client.post("/api/v1/check", json=REQUEST)
                mine.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"status {response.status_code}: {response.text}")
        with lock:
            latencies.extend(mine)

    with httpx.Client(base_url=base, timeout=10) as warm:
        for _ in range(50):
            warm.post("/api/v1/check", json=REQUEST)
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=run) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return len(latencies) / elapsed, statistics.median(latencies) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--max-requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        body_file = str(Path(folder) / "body.json")
        seed(url)
        app, base = start("app", url, body_file)
        try:
            body = httpx.post(f"{base}/api/v1/check", json=REQUEST).content
            Path(body_file).write_bytes(body)
            checks, check_ms = measure(base, args.seconds, args.max_requests, args.clients)
        finally:
            app.kill()
        bare, bare_base = start("bare", url, body_file)
        try:
            baseline, bare_ms = measure(bare_base, args.seconds, args.max_requests, args.clients)
        finally:
            bare.kill()
    alerts = body.count(b'"code"')
    print(f"POST /api/v1/check ({alerts} alerts, {len(body)} bytes, {args.clients} client(s))")
    print(f"  medinfo check:      {checks:8.0f} checks/s   median {check_ms:6.2f} ms")
    print(f"  bare Starlette:     {baseline:8.0f} req/s      median {bare_ms:6.2f} ms")
    print(f"  ratio:              {baseline / checks:8.1f}x the baseline's time per request")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        kind, port, url, body_file = sys.argv[2:6]
        serve(kind, int(port), url, body_file)
    else:
        main()
