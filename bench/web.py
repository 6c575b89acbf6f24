"""Web benchmark: requests/s and p99 of the monograph JSON and the drug page at 32 connections,
each against a bare Starlette endpoint serving the same bytes in the same run; search p95.

Run: `.venv/bin/python bench/web.py [--seconds 3] [--connections 32]`. Servers are uvicorn
subprocesses on loopback; the load generator is a small asyncio HTTP/1.1 keep-alive client.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRUG = "baclofen"
SEARCHES = [
    "baclophen",
    "Lioresal",
    "zanaflex",
    "metax",
    "drowsiness",
    "lioreseal",
    "Baclofène",
    "tylenol",
    "seizures",
    "xyzzy",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _open(url: str):  # type: ignore[no-untyped-def]
    """The services over `url`; the fake pipeline stands in while the real one is unmerged."""
    sys.path.insert(0, str(ROOT))
    from medinfo.bootstrap import bootstrap

    try:
        return bootstrap(url)
    except ModuleNotFoundError as error:
        from tests.fakes import fake_pipeline

        print(f"note: {error}; using the test pipeline to load the knowledge base")
        return bootstrap(url, pipeline_factory=fake_pipeline)


def serve_app(url: str, port: int) -> None:
    import uvicorn

    from medinfo.interfaces.app import create_app

    uvicorn.run(
        create_app(services=_open(url)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )


def serve_bare(folder: str, port: int) -> None:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    json_body = (Path(folder) / "body.json").read_bytes()
    page_body = (Path(folder) / "body.html").read_bytes()

    async def json_endpoint(_request: object) -> Response:
        return Response(json_body, media_type="application/json")

    async def page_endpoint(_request: object) -> Response:
        return Response(page_body, media_type="text/html; charset=utf-8")

    app = Starlette(routes=[Route("/json", json_endpoint), Route("/page", page_endpoint)])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def _worker(port: int, path: str, until: float, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
    try:
        while time.perf_counter() < until:
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{path}: {head.splitlines()[0]!r}")
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


def load(port: int, path: str, connections: int, seconds: float) -> tuple[float, float]:
    """(requests per second, p99 latency in ms) of GET `path` over `connections` connections."""
    latencies: list[float] = []

    async def run() -> float:
        until = time.perf_counter() + seconds
        begin = time.perf_counter()
        await asyncio.gather(*(_worker(port, path, until, latencies) for _ in range(connections)))
        return time.perf_counter() - begin

    elapsed = asyncio.run(run())
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    return len(latencies) / elapsed, p99


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start")


def _fetch(port: int, path: str) -> bytes:
    import httpx

    response = httpx.get(f"http://127.0.0.1:{port}{path}", follow_redirects=True)
    response.raise_for_status()
    return response.content


def search_p95(url: str, rounds: int = 50) -> tuple[float, float]:
    """(p95, p50) in ms of the search service over a mix of names, typos and words."""
    medinfo = _open(url)
    for query in SEARCHES:
        medinfo.search(query)
    timings = []
    for _ in range(rounds):
        for query in SEARCHES:
            start = time.perf_counter()
            medinfo.search(query)
            timings.append((time.perf_counter() - start) * 1000)
    medinfo.close()
    timings.sort()
    return timings[int(len(timings) * 0.95)], statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--serve-app", nargs=2, metavar=("URL", "PORT"))
    parser.add_argument("--serve-bare", nargs=2, metavar=("FOLDER", "PORT"))
    args = parser.parse_args()
    if args.serve_app:
        serve_app(args.serve_app[0], int(args.serve_app[1]))
        return 0
    if args.serve_bare:
        serve_bare(args.serve_bare[0], int(args.serve_bare[1]))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        start = time.perf_counter()
        _open(url).close()
        created = time.perf_counter() - start
        p95, p50 = search_p95(url)
        app_port, bare_port = _free_port(), _free_port()
        me = [sys.executable, __file__]
        app = subprocess.Popen([*me, "--serve-app", url, str(app_port)])
        bare = None
        try:
            _wait(app_port)
            Path(folder, "body.json").write_bytes(_fetch(app_port, f"/api/v1/drugs/{DRUG}"))
            Path(folder, "body.html").write_bytes(_fetch(app_port, f"/drugs/{DRUG}"))
            bare = subprocess.Popen([*me, "--serve-bare", folder, str(bare_port)])
            _wait(bare_port)
            rows = []
            for label, app_path, bare_path in (
                (f"GET /api/v1/drugs/{DRUG}", f"/api/v1/drugs/{DRUG}", "/json"),
                (f"GET /drugs/{DRUG}", f"/drugs/{DRUG}", "/page"),
            ):
                load(app_port, app_path, args.connections, 0.5)  # warm up
                rps, p99 = load(app_port, app_path, args.connections, args.seconds)
                load(bare_port, bare_path, args.connections, 0.5)
                bare_rps, bare_p99 = load(bare_port, bare_path, args.connections, args.seconds)
                rows.append((label, rps, p99, bare_rps, bare_p99))
        finally:
            for process in (app, bare):
                if process is not None:
                    process.terminate()
                    process.wait(10)
    print(f"new database with catalog names and knowledge base: {created * 1000:.0f} ms")
    print(f"search service: p95 {p95:.2f} ms, p50 {p50:.2f} ms ({len(SEARCHES)} queries x 50)")
    print(f"{args.connections} connections, {args.seconds:g} s each:")
    print("| endpoint | req/s | p99 ms | bare req/s | bare p99 ms | ratio |")
    print("|---|---|---|---|---|---|")
    for label, rps, p99, bare_rps, bare_p99 in rows:
        print(
            f"| {label} | {rps:.0f} | {p99:.1f} | {bare_rps:.0f} | {bare_p99:.1f} | "
            f"{rps / bare_rps:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
