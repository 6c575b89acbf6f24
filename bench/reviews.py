"""Benchmark: review submission p99 under concurrent load, and the reviews page with 10,000 reviews.

Runs a loopback uvicorn in a child process. Submission latency is compared with GET of the
cached monograph JSON under the same concurrency; the page with 10,000 approved reviews of one
drug is compared with the same page before they were added.

    python bench/reviews.py [--clients 16] [--posts 40] [--reviews 10000] [--page-runs 200]
"""

from __future__ import annotations

import argparse
import hashlib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

DRUG = "zorbafen"
EMPTY = "quenfazol"
FEW = "plimodrine"
SIDE_EFFECTS = ("nausea", "headache", "drowsiness", "dizziness", "dry mouth", "rash")
CONDITIONS = ("back pain", "knee pain", "migraine", "muscle spasm", "arthritis")


def serve(url: str, port: int) -> None:
    """Child process: the app with the rate limit lifted (every bench client shares one address)."""
    import uvicorn

    from medinfo.bootstrap import bootstrap
    from medinfo.interfaces.app import create_app
    from medinfo.services.reviews import RateLimit

    app = create_app(services=bootstrap(url, empty=True))
    app.state.review_rate_limit = RateLimit(max_reviews=10**9, window_seconds=1)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)


def prepare(url: str) -> None:
    """An empty database holding one monograph whose side effects cite several sources."""
    from medinfo.bootstrap import bootstrap
    from medinfo.domain.monograph import Monograph, SideEffect
    from medinfo.store.repositories import CachedMonograph

    app = bootstrap(url, empty=True)
    for drug in (DRUG, EMPTY, FEW):
        monograph = Monograph(
            drug=drug,
            side_effects=[
                SideEffect(term=term, sources=[f"s{i}" for i in range(1 + n % 4)])
                for n, term in enumerate(SIDE_EFFECTS)
            ],
        )
        body = monograph.model_dump_json()
        etag = hashlib.sha256(body.encode()).hexdigest()
        with app.database.transaction() as store:
            store.monographs.put(CachedMonograph(drug, body, etag))
            store.names.replace_for_drug(drug, [(drug, "generic")])
    app.close()


def add_approved_reviews(url: str, count: int, drug: str = DRUG) -> None:
    """`count` approved reviews of the drug, stored and counted as an import would."""
    from medinfo.bootstrap import bootstrap
    from medinfo.domain.reviews import Review, ReviewStatus
    from medinfo.services.reviews.aggregates import count_deltas
    from medinfo.store.reviews import ReviewRepository

    start = datetime(2020, 1, 1, tzinfo=UTC)
    reviews = [
        Review(
            drug=drug,
            rating=1 + n % 10,
            condition=CONDITIONS[n % len(CONDITIONS)],
            side_effects=[SIDE_EFFECTS[n % len(SIDE_EFFECTS)]],
            side_effect_terms=[SIDE_EFFECTS[n % len(SIDE_EFFECTS)]],
            text=f"Bench review {n}: it worked for me some days and not on others.",
            status=ReviewStatus.APPROVED,
            created_at=start + timedelta(minutes=n),
        )
        for n in range(count)
    ]
    app = bootstrap(url, empty=True)
    with app.database.transaction() as store:
        repository = ReviewRepository(store.connection)
        repository.add_many((review, f"bench-{drug}-{n}") for n, review in enumerate(reviews))
        repository.add_to_counts(count_deltas(reviews, 1))
    app.close()


def load(
    base: str, clients: int, per_client: int, request: Callable[[httpx.Client], int]
) -> list[float]:
    """Latencies (ms) of `clients` threads each sending `per_client` requests at once."""
    timings: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            request(client)
            barrier.wait()
            mine = []
            for _ in range(per_client):
                began = time.perf_counter()
                status = request(client)
                mine.append((time.perf_counter() - began) * 1000)
                if status >= 400:
                    raise RuntimeError(f"status {status}")
            with lock:
                timings.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def page_latency(base: str, paths: list[str], runs: int) -> list[float]:
    """Median latency (ms) of sequential GETs of each path, interleaved so noise hits all."""
    timings: list[list[float]] = [[] for _ in paths]
    with httpx.Client(base_url=base, timeout=30) as client:
        for run in range(runs + 20):
            for path, found in zip(paths, timings, strict=True):
                began = time.perf_counter()
                client.get(path).raise_for_status()
                if run >= 20:
                    found.append((time.perf_counter() - began) * 1000)
    return [statistics.median(found) for found in timings]


def p99(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=100)[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--posts", type=int, default=40, help="requests per client")
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--page-runs", type=int, default=200)
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    folder = Path(tempfile.mkdtemp(prefix="medinfo-bench-"))
    url = f"sqlite:///{folder / 'reviews.db'}"
    prepare(url)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    child = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)])
    try:
        _wait_for(base)
        add_approved_reviews(url, args.reviews)
        add_approved_reviews(url, 100, FEW)
        pages = {
            "drug page (HTML, reviews block included)": "/drugs/{}",
            "reviews page (HTML)": "/drugs/{}/reviews",
            "summary JSON": "/api/v1/drugs/{}/reviews/summary",
        }
        latency = {
            name: page_latency(base, [path.format(d) for d in (EMPTY, FEW, DRUG)], args.page_runs)
            for name, path in pages.items()
        }
        body = {
            "rating": 7,
            "condition": "back pain",
            "side_effects": ["nausea"],
            "text": "A bench review long enough to pass validation.",
        }
        submit = load(
            base,
            args.clients,
            args.posts,
            lambda c: c.post(f"/api/v1/drugs/{DRUG}/reviews", json=body).status_code,
        )
        baseline = load(
            base, args.clients, args.posts, lambda c: c.get(f"/api/v1/drugs/{DRUG}").status_code
        )
    finally:
        child.terminate()
        child.wait(timeout=10)
    print(
        f"submission under {args.clients} clients x {args.posts}: "
        f"p50 {statistics.median(submit):.1f} ms, p99 {p99(submit):.1f} ms"
    )
    print(
        f"baseline GET monograph JSON, same load: "
        f"p50 {statistics.median(baseline):.1f} ms, p99 {p99(baseline):.1f} ms "
        f"(submission p99 = {p99(submit) / p99(baseline):.1f}x)"
    )
    for name, (empty, few, full) in latency.items():
        print(
            f"{name}: median {empty:.2f} ms with 0 reviews, {few:.2f} ms with 100, "
            f"{full:.2f} ms with {args.reviews:,} (ratio to none {full / empty:.2f}, "
            f"to 100 {full / few:.2f})"
        )


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/api/v1/drugs/{DRUG}", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


if __name__ == "__main__":
    main()
