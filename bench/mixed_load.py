"""Mixed-load benchmark: p99 of the drug page and the drug API while other connections search,
ask, check and post reviews, on SQLite and (when a URL is given) PostgreSQL.

Each backend is compared with the same app answering the drug page alone in the same run, so the
ratio says what the mixed traffic costs. Run:
`.venv/bin/python bench/mixed_load.py [--seconds 5] [--connections 64] [--postgres URL]`
(URL: an empty PostgreSQL database, e.g. from `source .ci/start-postgres`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from web import DRUG, _free_port, _open, _wait, load

CHECK = json.dumps(
    {"regimen": {"drug": DRUG, "dose_mg": 20, "times_per_day": 3}, "patient": {"age": 70}}
)
REVIEW = json.dumps(
    {"rating": 7, "text": "It eased the stiffness in my legs after a week, some drowsiness."}
)
# (label, method, path, body): one of each per round on every mixed connection.
MIX = [
    ("page", "GET", f"/drugs/{DRUG}", ""),
    ("api", "GET", f"/api/v1/drugs/{DRUG}", ""),
    ("search", "GET", "/api/v1/search?q=lioreseal", ""),
    ("ask", "GET", f"/api/v1/ask?q=can+i+drink+alcohol+on+{DRUG}", ""),
    ("check", "POST", "/api/v1/check", CHECK),
    ("review", "POST", f"/api/v1/drugs/{DRUG}/reviews", REVIEW),
    ("reviews", "GET", f"/api/v1/drugs/{DRUG}/reviews/summary", ""),
]


def _request(method: str, path: str, body: str, client: int) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nX-Bench-Client: {client}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body.encode())}\r\n"
    return (head + "\r\n" + body).encode()


async def _mixed_worker(
    port: int, client: int, until: float, timings: dict[str, list[float]], errors: list[str]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            for label, method, path, body in MIX:
                start = time.perf_counter()
                writer.write(_request(method, path, body, client))
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                status = int(head.split(b" ", 2)[1])
                if status >= 500:
                    errors.append(f"{label}: {status}")
                timings[label].append(time.perf_counter() - start)
    finally:
        writer.close()


def mixed(port: int, connections: int, seconds: float) -> tuple[dict[str, float], int, list[str]]:
    """p99 in ms per request kind, requests done, and any 5xx, over `connections` connections."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []

    async def run() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(
            *(_mixed_worker(port, n, until, timings, errors) for n in range(connections))
        )

    asyncio.run(run())
    p99 = {}
    for label, values in timings.items():
        values.sort()
        p99[label] = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
    return p99, sum(len(values) for values in timings.values()), errors


def measure(url: str, connections: int, seconds: float) -> tuple[float, dict[str, float], int]:
    """(page-alone p99, mixed p99 by kind, requests) of an app over the database at `url`."""
    _open(url).close()
    port = _free_port()
    app = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "web.py"), "--serve-app", url, str(port)]
    )
    try:
        _wait(port)
        load(port, f"/drugs/{DRUG}", connections, 0.5)  # warm up
        _rps, alone = load(port, f"/drugs/{DRUG}", connections, seconds)
        p99, done, errors = mixed(port, connections, seconds)
    finally:
        app.terminate()
        app.wait(10)
    if errors:
        raise SystemExit(f"{url.split(':')[0]}: server errors under load: {errors[:5]}")
    return alone, p99, done


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--postgres", default="", help="URL of an empty PostgreSQL database")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        backends = [("SQLite", f"sqlite:///{folder}/bench.db")]
        if args.postgres:
            backends.append(("PostgreSQL", args.postgres))
        for name, url in backends:
            rows.append((name, *measure(url, args.connections, args.seconds)))
    kinds = [label for label, *_ in MIX]
    print(f"{args.connections} connections, {args.seconds:g} s; p99 in ms")
    print("| backend | page alone | " + " | ".join(kinds) + " | page mixed / alone | requests |")
    print("|---" * (len(kinds) + 4) + "|")
    for name, alone, p99, done in rows:
        cells = " | ".join(f"{p99[kind]:.0f}" for kind in kinds)
        print(f"| {name} | {alone:.0f} | {cells} | {p99['page'] / alone:.1f} | {done} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
