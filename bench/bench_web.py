"""Drive the running explorer with a bounded load and report latency per route.

Starts ``steppewatch serve`` on 127.0.0.1 (a free port) over a database (default: a synthetic
1,000,000-event database made with ``bench/make_synthetic_db.py`` if --db is not given), sends
``--requests`` requests (default 2,000) with ``--concurrency`` in flight (default 8) using
httpx.AsyncClient, spread evenly over three routes:

- list: the events page with two facets selected (country + kind, or country + topic), random
  combination and page 1-3, all facet counts on the page;
- event: an event page for a random event id;
- search: a full-text search (random word from a list) on the events page.

Prints p50/p95/p99 per route and writes bench/results/web.json. Target: p95 < 200 ms.

    python bench/bench_web.py --db /tmp/sw1m.db
    python bench/bench_web.py --db /tmp/sw1m.db --cache-size 0      # no count/facet cache
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "web.json"
COUNTRIES = ["KZ", "KG", "TJ", "UZ", "TM"]
KINDS = ["meeting", "bilateral_exercise", "multilateral_exercise", "training_education", "mechanism",
         "equipment_transfer", "joint_patrol_operation"]
TOPICS = ["terrorism", "separatism", "extremism", "border_security", "drug_trafficking", "afghanistan",
          "three_evils", "investment_security"]
WORDS = ["exercise", "Peace Mission", "border", "defence", "SCO", "counter-terrorism", "Jinping", "Tokayev",
         "security", "training", "Bishkek", "Dushanbe", "police", "Astana", "agreement", "patrol"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_ids(db: Path, n: int, seed: int) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
    rng = random.Random(seed)
    rowids = [rng.randint(1, top) for _ in range(n * 2)]
    ids = [r[0] for r in conn.execute(
        f"SELECT id FROM events WHERE rowid IN ({','.join('?' * len(rowids))})", rowids)]
    conn.close()
    return ids[:n]


def make_urls(ids: list[str], total: int, seed: int) -> list[tuple[str, str]]:
    from urllib.parse import quote, urlencode

    rng = random.Random(seed)
    urls: list[tuple[str, str]] = []
    for i in range(total):
        route = ("list", "event", "search")[i % 3]
        if route == "list":
            second = ("kind", rng.choice(KINDS)) if rng.random() < 0.6 else ("topic", rng.choice(TOPICS))
            params = [("country", rng.choice(COUNTRIES)), second, ("page", str(rng.randint(1, 3)))]
            urls.append((route, "/?" + urlencode(params)))
        elif route == "event":
            urls.append((route, "/events/" + quote(rng.choice(ids))))
        else:
            urls.append((route, "/?" + urlencode([("q", rng.choice(WORDS))])))
    rng.shuffle(urls)
    return urls


async def drive(base: str, urls: list[tuple[str, str]], concurrency: int) -> dict[str, list[float]]:
    import httpx

    timings: dict[str, list[float]] = {"list": [], "event": [], "search": []}
    errors: list[str] = []
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in urls:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            while not queue.empty():
                route, url = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                    status = str(response.status_code)
                except httpx.HTTPError as error:
                    status = type(error).__name__
                elapsed = (time.perf_counter() - started) * 1000
                if status != "200":
                    errors.append(f"{status} {url}")
                timings[route].append(elapsed)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    if errors:
        print(f"{len(errors)} non-200 responses, e.g. {errors[:3]}", file=sys.stderr)
    timings["_errors"] = [float(len(errors))]
    return timings


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return round(ordered[k], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="SQLite database (default: make /tmp/steppewatch-bench-1m.db)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--cache-size", type=int, default=1024, help="server count/facet cache (0: off)")
    parser.add_argument("--warmup", type=int, default=24, help="requests sent first and not timed")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    db = args.db or Path("/tmp/steppewatch-bench-1m.db")
    if not db.exists():
        print(f"making {db} (1,000,000 events) ...", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_synthetic_db.py"), "--out", str(db)], check=True)
    n_events = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT count(*) FROM events").fetchone()[0]
    port = free_port()
    env = {**os.environ, "STEPPEWATCH_SECRET": "bench-secret"}
    cmd = [sys.executable, "-m", "steppewatch", "serve", "--db", str(db), "--port", str(port),
           "--workers", str(args.workers), "--cache-size", str(args.cache_size)]
    server = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(1200):
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("server did not start")
        ids = sample_ids(db, 500, args.seed)
        warm = make_urls(ids, args.warmup, args.seed + 1)
        asyncio.run(drive(base, warm, args.concurrency))
        urls = make_urls(ids, args.requests, args.seed)
        started = time.perf_counter()
        timings = asyncio.run(drive(base, urls, args.concurrency))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    errors = int(timings.pop("_errors")[0])
    routes = {
        route: {"n": len(v), "p50_ms": pct(v, 50), "p95_ms": pct(v, 95), "p99_ms": pct(v, 99),
                "mean_ms": round(statistics.fmean(v), 1), "max_ms": round(max(v), 1)}
        for route, v in timings.items()
    }
    result = {
        "events": n_events,
        "requests": args.requests,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "cache_size": args.cache_size,
        "errors": errors,
        "wall_seconds": round(wall, 1),
        "requests_per_second": round(args.requests / wall, 1),
        "target_p95_ms": 200,
        "routes": routes,
        "cpus": os.cpu_count(),
        "load_average_1min_after": round(os.getloadavg()[0], 2),  # other jobs on the machine
    }
    print(f"{n_events:,} events, {args.requests} requests, {args.concurrency} concurrent, "
          f"{args.workers} worker(s), cache {args.cache_size}: {result['requests_per_second']} req/s, "
          f"{errors} errors")
    for route, r in routes.items():
        flag = "ok" if r["p95_ms"] < 200 else "OVER TARGET"
        print(f"  {route:<7} n={r['n']:<5} p50={r['p50_ms']:>7} ms  p95={r['p95_ms']:>7} ms  "
              f"p99={r['p99_ms']:>7} ms  ({flag})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
