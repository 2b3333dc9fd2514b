"""Drive the running explorer with a bounded load and report latency per route.

Starts ``steppewatch serve`` on 127.0.0.1 (a free port) over a database (default: a synthetic
1,000,000-event database made with ``bench/make_synthetic_db.py`` if --db is not given), sends
``--requests`` requests (default 2,000) with ``--concurrency`` in flight (default 8) using
httpx.AsyncClient, spread over the routes:

- list: the events page with two facets (two of country, kind, topic, domain, framework, level,
  year range, review status, with random values present in the database), page 1-5, sometimes
  sorted oldest first; all facet counts on the page;
- event: an event page for a random event id;
- search: a full-text search for a word or two drawn from the database's own text (titles,
  locations, and the Chinese and Russian summaries of make_synthetic_db.py: several hundred
  distinct words), a fifth of them with a country facet, page 1-3;
- search_short (``--short-share`` of the requests, default 1%): a search for a two-character
  Chinese word (反恐, 边境 ...), which no index serves (bounded, reported apart from the target).

So many distinct queries that the server's cache (pages 30 s, counts, facets) is hit rarely;
each run is made twice by default, with the cache (``--cache-size``, default 1,024) and without
(0), and both go into bench/results/web.json (the cached run at the top level, as before, the
uncached one under ``uncached``), with the load average before and after each run (other jobs
on the machine, and this client, share its CPUs). Target: p95 < 200 ms. Server CPU is the
CPU time of the server's processes while driven; on PostgreSQL also that of the database
backends serving its connections (``pg_backend_cpu_ms_per_request``). The figures already in
the results file are kept under ``previous`` (newest first, each with its commit). The search
words whose requests were slowest are printed with their p95 (``slowest_search_terms``).

    python bench/bench_web.py --db /tmp/sw1m.db --workers 2
    python bench/bench_web.py --db /tmp/sw1m.db --modes uncached   # only --cache-size 0
    python bench/bench_web.py --db postgresql://steppewatch:steppewatch@127.0.0.1:5432/sw_bench1m \
        --source /tmp/sw1m.db --workers 2   # PostgreSQL (loaded from --source if empty)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "web.json"
RESULTS_PG = ROOT / "bench" / "results" / "web_pg.json"
ROUTES = ("list", "event", "search", "search_short")
SLOWEST: list[tuple[float, str, str]] = []  # (ms, route, url) of every request of the current run
SHORT_WORDS = ["反恐", "边境", "合作", "安全", "演习", "毒品", "会见", "北京", "国防", "公安"]
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
_WORD = re.compile(r"[^\W\d_][\w-]{2,}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_ids(db: Path, n: int, seed: int) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
    rng = random.Random(seed)
    rowids = [rng.randint(1, top) for _ in range(n * 2)]
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM events WHERE rowid IN ({','.join('?' * len(rowids))})", rowids
        )
    ]
    conn.close()
    return ids[:n]


def sample_words(db: Path, seed: int, n_rows: int = 4000, n_words: int = 400) -> list[str]:
    """Search words from the text of ``n_rows`` random events: Latin and Cyrillic words of 3+
    letters, and 3-4 character pieces of Chinese text (which has no spaces), de-duplicated."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
    rng = random.Random(seed)
    rowids = [rng.randint(1, top) for _ in range(n_rows)]
    words: set[str] = set()
    for i in range(0, len(rowids), 500):
        chunk = rowids[i : i + 500]
        for title, summary, location in conn.execute(
            f"SELECT title, summary, location FROM events WHERE rowid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            for text in (title, summary or "", location or ""):
                words.update(w for w in _WORD.findall(text) if not _CJK_RUN.match(w))
                for run in _CJK_RUN.findall(text):
                    for _ in range(2):
                        size = rng.choice((3, 4))
                        if len(run) >= size:
                            at = rng.randrange(len(run) - size + 1)
                            words.add(run[at : at + size])
    conn.close()
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered[:n_words]


def facet_values(db: Path) -> dict[str, list[str]]:
    """Values present in the database for each list facet (query parameter -> values)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[str, list[str]] = {}
    for param, facet in (("country", "country"), ("topic", "topic"), ("domain", "domain")):
        out[param] = [
            r[0]
            for r in conn.execute("SELECT DISTINCT code FROM event_codes WHERE facet = ?", (facet,))
        ]
    for param, column in (
        ("kind", "kind"),
        ("framework", "framework"),
        ("level", "level"),
        ("status", "review_status"),
    ):
        out[param] = [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM events") if r[0]]
    conn.close()
    out["country"] = [c for c in out["country"] if c != "CN"] or out[
        "country"
    ]  # CN: (nearly) every event
    return out


def _list_params(rng: random.Random, values: dict[str, list[str]]) -> list[tuple[str, str]]:
    names = [*values, "years"]
    weights = [4 if n in ("country", "kind", "topic") else 1 for n in names]
    first = rng.choices(names, weights)[0]
    second = first
    while second == first:
        second = rng.choices(names, weights)[0]
    params: list[tuple[str, str]] = []
    for name in (first, second):
        if name == "years":
            since = rng.randint(1992, 2022)
            params += [("since", str(since)), ("until", str(min(2025, since + rng.randint(0, 6))))]
        else:
            params.append((name, rng.choice(values[name])))
    params.append(("page", str(rng.randint(1, 5))))
    if rng.random() < 0.15:
        params.append(("sort", "date"))
    return params


def make_urls(
    ids: list[str],
    words: list[str],
    values: dict[str, list[str]],
    total: int,
    seed: int,
    short_share: float = 0.01,
) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    urls: list[tuple[str, str]] = []
    for i in range(total):
        route = ("list", "event", "search")[i % 3]
        if rng.random() < short_share:
            route = "search_short"
        if route == "list":
            urls.append((route, "/?" + urlencode(_list_params(rng, values))))
        elif route == "event":
            urls.append((route, "/events/" + quote(rng.choice(ids))))
        elif route == "search":
            q = (
                rng.choice(words)
                if rng.random() < 0.8
                else f"{rng.choice(words)} {rng.choice(words)}"
            )
            params = [("q", q)]
            if rng.random() < 0.2:
                params.append(("country", rng.choice(values["country"])))
            if rng.random() < 0.3:
                params.append(("page", str(rng.randint(2, 3))))
            urls.append((route, "/?" + urlencode(params)))
        else:
            urls.append((route, "/?" + urlencode([("q", rng.choice(SHORT_WORDS))])))
    rng.shuffle(urls)
    return urls


async def drive(base: str, urls: list[tuple[str, str]], concurrency: int) -> dict[str, list[float]]:
    import httpx

    timings: dict[str, list[float]] = {route: [] for route in ROUTES}
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
                SLOWEST.append((elapsed, route, url))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    if errors:
        print(f"{len(errors)} non-200 responses, e.g. {errors[:3]}", file=sys.stderr)
    timings["_errors"] = [float(len(errors))]
    return timings


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its children (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def pg_backend_pids(url: str) -> list[int]:
    """PostgreSQL: the pids of the client backends connected to ``url``'s database (the
    server's pooled connections), other than the one asking."""
    import psycopg

    scheme, rest = url.split("://", 1)
    with psycopg.connect("postgresql://" + rest) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchall()
    return [int(r[0]) for r in rows]


def pids_cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) of each of ``pids`` still running (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / tick
    return out


def commit() -> str | None:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or None


def previous_runs(path: Path) -> list[dict[str, object]]:
    """The figures already in ``path`` (with the commit that wrote them) and those they kept,
    newest first, as bench_report.py keeps its own."""
    if not path.exists():
        return []
    old = json.loads(path.read_text(encoding="utf-8"))
    kept = old.pop("previous", [])
    if not old.get("commit"):
        done = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", str(path.relative_to(ROOT))],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        old["commit"] = done.stdout.strip() or None
    old.pop("slowest", None)  # the figures, not the lists of URLs
    old.pop("slowest_search_terms", None)
    old.pop("uncached", None)
    return [old, *kept]


def search_terms(slowest: list[tuple[float, str, str]], top: int = 15) -> list[dict[str, object]]:
    """The search words (``q``) whose requests were slowest: per word its requests (pages,
    with or without a country), their p95 and max, the ``top`` words by p95."""
    from urllib.parse import parse_qs, urlsplit

    by_term: dict[str, list[tuple[float, str]]] = {}
    for ms, route, url in slowest:
        if route != "search":
            continue
        query = parse_qs(urlsplit(url).query)
        by_term.setdefault(query.get("q", [""])[0], []).append((ms, url))
    rows = [
        {
            "q": term,
            "n": len(found),
            "p95_ms": pct([ms for ms, _ in found], 95),
            "max_ms": round(max(ms for ms, _ in found), 1),
            "with_country": sum("country=" in url for _, url in found),
        }
        for term, found in by_term.items()
    ]
    rows.sort(key=lambda r: -float(r["p95_ms"]))  # type: ignore[arg-type]
    return rows[:top]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return round(ordered[k], 1)


def run_server(
    db: str,
    args: argparse.Namespace,
    cache_size: int,
    ids: list[str],
    words: list[str],
    values: dict[str, list[str]],
) -> dict[str, object]:
    """Start the server with ``cache_size``, warm it up, drive it, stop it; the run's figures."""
    import httpx

    port = free_port()
    env = {**os.environ, "STEPPEWATCH_SECRET": "bench-secret"}
    cmd = [
        sys.executable,
        "-m",
        "steppewatch",
        "serve",
        "--db",
        db,
        "--port",
        str(port),
        "--workers",
        str(args.workers),
        "--cache-size",
        str(cache_size),
    ]
    server = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("server did not start")
        warm = make_urls(ids, words, values, args.warmup, args.seed + 1, args.short_share)
        asyncio.run(drive(base, warm, args.concurrency))
        urls = make_urls(ids, words, values, args.requests, args.seed, args.short_share)
        SLOWEST.clear()
        load_before = [round(x, 2) for x in os.getloadavg()]
        postgres = db.startswith("postgresql")
        pg_before = pids_cpu(pg_backend_pids(db)) if postgres else {}
        pg_seen: dict[int, float] = dict(pg_before)  # last CPU reading of every backend seen
        polling = threading.Event()

        def poll_backends() -> None:  # pooled connections beyond the pool's size are closed
            while not polling.wait(0.25):
                pg_seen.update(pids_cpu(pg_backend_pids(db)))

        poller = threading.Thread(target=poll_backends, daemon=True)
        if postgres:
            poller.start()
        cpu_before = os.times()
        server_before = process_tree_cpu(server.pid)
        started = time.perf_counter()
        timings = asyncio.run(drive(base, urls, args.concurrency))
        wall = time.perf_counter() - started
        cpu_after = os.times()
        server_cpu = process_tree_cpu(server.pid) - server_before
        load_after = [round(x, 2) for x in os.getloadavg()]
        # the PostgreSQL backends serving the explorer's connections (new ones from zero;
        # those closed during the run with their last reading, polled every 0.25 s)
        polling.set()
        if postgres:
            poller.join()
            pg_seen.update(pids_cpu(pg_backend_pids(db)))
        pg_cpu = sum(v - pg_before.get(pid, 0.0) for pid, v in pg_seen.items())
        pg_after = pg_seen
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    errors = int(timings.pop("_errors")[0])
    distinct = {route: len({u for r, u in urls if r == route}) for route in ROUTES}
    routes = {
        route: {
            "n": len(v),
            "distinct_urls": distinct[route],
            "p50_ms": pct(v, 50),
            "p95_ms": pct(v, 95),
            "p99_ms": pct(v, 99),
            "mean_ms": round(statistics.fmean(v), 1),
            "max_ms": round(max(v), 1),
        }
        for route, v in timings.items()
        if v
    }
    client_cpu = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
    return {
        "cache_size": cache_size,
        "errors": errors,
        "wall_seconds": round(wall, 1),
        "requests_per_second": round(args.requests / wall, 1),
        "routes": routes,
        "load_average_before": load_before,  # 1, 5, 15 min
        "load_average_after": load_after,
        "load_average_1min_after": load_after[0],
        "bench_client_cpu_seconds": round(client_cpu, 1),  # this process, on the same CPUs
        "server_cpu_seconds": round(server_cpu, 1),  # the server's workers, while driven
        "server_cpu_ms_per_request": round(server_cpu * 1000 / args.requests, 1),
        **(
            {
                "pg_backends_seen": len(pg_after),
                "pg_backend_cpu_seconds": round(pg_cpu, 1),
                "pg_backend_cpu_ms_per_request": round(pg_cpu * 1000 / args.requests, 1),
                "server_and_pg_cpu_ms_per_request": round(
                    (server_cpu + pg_cpu) * 1000 / args.requests, 1
                ),
            }
            if postgres
            else {}
        ),
        "slowest_search_terms": search_terms(SLOWEST),
        "slowest": {
            name: [
                {"ms": round(ms, 1), "url": url}
                for ms, route, url in sorted(SLOWEST, reverse=True)
                if route == name
            ][:10]
            for name in ROUTES
        },
    }


def report(n_events: int, args: argparse.Namespace, run: dict[str, object]) -> None:
    print(
        f"{n_events:,} events, {args.requests} requests, {args.concurrency} concurrent, "
        f"{args.workers} worker(s), cache {run['cache_size']}: {run['requests_per_second']} req/s, "
        f"{run['errors']} errors, load {run['load_average_before']} -> {run['load_average_after']}, "
        f"server CPU {run['server_cpu_ms_per_request']} ms/request"
        + (
            f", PostgreSQL backends {run['pg_backend_cpu_ms_per_request']} ms/request"
            if "pg_backend_cpu_ms_per_request" in run
            else ""
        )
    )
    for route, r in run["routes"].items():  # type: ignore[attr-defined]
        flag = "ok" if r["p95_ms"] < 200 else "OVER TARGET"
        if route == "search_short":
            flag = "no index: bounded scan, not in the target"
        print(
            f"  {route:<12} n={r['n']:<5} distinct={r['distinct_urls']:<5} p50={r['p50_ms']:>7} ms  "
            f"p95={r['p95_ms']:>7} ms  p99={r['p99_ms']:>7} ms  ({flag})"
        )
    terms = run.get("slowest_search_terms") or []
    if terms:
        print("  slowest search words (p95 of their requests; n, of which with a country):")
        for t in terms[:10]:  # type: ignore[attr-defined]
            print(
                f"    {t['p95_ms']:>7} ms  max {t['max_ms']:>7}  n={t['n']} "
                f"({t['with_country']} with country)  {t['q']}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db",
        help="SQLite database file (default: make /tmp/steppewatch-bench-1m.db), or a "
        "postgresql://... URL (then --source is needed)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        help="with a PostgreSQL --db: the SQLite database it holds (or is loaded from, with "
        "bench/load_pg.py, when it has no events); ids, words and facet values are sampled "
        "from it, so both databases get the same requests",
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--cache-size", type=int, default=1024, help="server cache of the cached run"
    )
    parser.add_argument(
        "--modes",
        default="cached,uncached",
        help="runs to make: cached (--cache-size), uncached (0), or both",
    )
    parser.add_argument(
        "--short-share",
        type=float,
        default=0.01,
        help="share of requests searching a two-character word (no index)",
    )
    parser.add_argument("--warmup", type=int, default=24, help="requests sent first and not timed")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per mode (a fresh server each); the median run is reported",
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--out", type=Path, help="default: bench/results/web.json (web_pg.json on PostgreSQL)"
    )
    args = parser.parse_args()
    postgres = bool(args.db and args.db.startswith("postgresql"))
    if args.out is None:
        args.out = RESULTS_PG if postgres else RESULTS
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not modes or any(m not in ("cached", "uncached") for m in modes):
        raise SystemExit("--modes: cached, uncached or both")

    server_db: str | None = None
    if postgres:
        if args.source is None:
            raise SystemExit("--db postgresql://...: give --source SQLITE_FILE (what it holds)")
        sys.path.insert(0, str(ROOT / "bench"))
        from load_pg import load

        print(f"PostgreSQL: {load(args.source, args.db)}", file=sys.stderr)  # no-op when loaded
        db, server_db = args.source, args.db
    else:
        db = Path(args.db) if args.db else Path("/tmp/steppewatch-bench-1m.db")
    if not db.exists():
        print(f"making {db} (1,000,000 events) ...", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_synthetic_db.py"), "--out", str(db)],
            check=True,
        )
    n_events = (
        sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        .execute("SELECT count(*) FROM events")
        .fetchone()[0]
    )
    ids = sample_ids(db, 500, args.seed)
    words = sample_words(db, args.seed)
    values = facet_values(db)
    runs: dict[str, dict[str, object]] = {}
    repeats: dict[str, list[dict[str, object]]] = {}
    for mode in modes:
        for _ in range(args.repeat):
            run = run_server(
                server_db or str(db),
                args,
                args.cache_size if mode == "cached" else 0,
                ids,
                words,
                values,
            )
            report(n_events, args, run)
            repeats.setdefault(mode, []).append(run)
        # the run whose search p95 is the median of the repeats stands for the mode
        ordered = sorted(repeats[mode], key=lambda r: r["routes"]["search"]["p95_ms"])  # type: ignore[index]
        runs[mode] = ordered[len(ordered) // 2]
    medians = {
        mode: {
            route: statistics.median(
                r["routes"][route]["p95_ms"]  # type: ignore[index]
                for r in mode_runs
                if route in r["routes"]
            )  # type: ignore[operator]
            for route in ROUTES
        }
        for mode, mode_runs in repeats.items()
    }
    if args.repeat > 1:
        for mode, per_route in medians.items():
            print(
                f"median p95 of {args.repeat} {mode} runs: "
                + ", ".join(f"{route} {ms} ms" for route, ms in per_route.items())
            )
    first = runs.get("cached") or runs["uncached"]
    result = {
        "database": "postgresql" if postgres else "sqlite",
        "events": n_events,
        "requests": args.requests,
        "concurrency": args.concurrency,
        "workers": args.workers,
        **{k: first[k] for k in ("cache_size", "errors", "wall_seconds", "requests_per_second")},
        "target_p95_ms": 200,
        "routes": first["routes"],
        "cpus": os.cpu_count(),
        **{
            k: first[k]
            for k in (
                "load_average_1min_after",
                "load_average_before",
                "load_average_after",
                "bench_client_cpu_seconds",
                "server_cpu_seconds",
                "server_cpu_ms_per_request",
                "pg_backends_seen",
                "pg_backend_cpu_seconds",
                "pg_backend_cpu_ms_per_request",
                "server_and_pg_cpu_ms_per_request",
                "slowest_search_terms",
                "slowest",
            )
            if k in first
        },
        "search_words": len(words),
        "search_words_sample": words[:12],
        "short_share": args.short_share,
    }
    if "cached" in runs and "uncached" in runs:
        result["uncached"] = runs["uncached"]
    result["repeats"] = args.repeat
    result["commit"] = commit()
    result["previous"] = previous_runs(args.out)
    result["median_p95_ms"] = medians
    result["p95_ms_of_each_run"] = {
        mode: [
            {
                route: r["routes"][route]["p95_ms"]  # type: ignore[index]
                for route in ROUTES
                if route in r["routes"]
            }  # type: ignore[operator]
            for r in mode_runs
        ]
        for mode, mode_runs in repeats.items()
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
