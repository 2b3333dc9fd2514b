"""Time and peak memory of ``steppewatch export`` on a synthetic database.

Each export runs in its own process, so its peak RSS (``ru_maxrss``) is its own. The target is
exporting 1,000,000 events in under 1 GB of memory: memory must stay flat as the events grow
(batches of 2,000 events; only the list of ids grows with the database, about 60 bytes an
event). Prints the figures and writes bench/results/export.json (the runs it replaces are kept
under ``previous``).

CSV and Parquet are built column-wise in Arrow (``steppewatch.export.columnar``; ``route``:
columns); JSON Lines, XLSX and BibTeX are still written row by row and cost several times as much.

    python bench/bench_export.py -n 100000                      # makes /tmp/sw_export_100000.db
    python bench/bench_export.py -n 1000000                     # the 1M target
    python bench/bench_export.py --db /tmp/sw1m.db --formats csv,parquet,jsonl
    python bench/bench_export.py --db /tmp/me/sw1m.db --in-place --formats csv --formats csv,parquet

Opening the database applies pending migrations: each run exports from a fresh copy, or with
``--in-place`` from the database itself (a copy of your own: no 4 GB copy per run at 1M).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "export.json"


def run_one(db: str, formats: str) -> dict[str, object]:
    from steppewatch.export import export_package, parse_formats
    from steppewatch.export.columnar import has_arrow_route
    from steppewatch.store import open_store

    store = open_store(db)
    n_events = store.count_events()
    route = "columns" if has_arrow_route(store) else "rows"
    with tempfile.TemporaryDirectory() as out:
        load_before = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        result = export_package(out, store=store, formats=parse_formats(formats))
        t1, c1 = time.perf_counter(), time.process_time()
        size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "events": n_events,
        "formats": formats,
        "route": route,
        "rows": result.counts,
        "export_s": round(t1 - t0, 2),
        "export_cpu_s": round(c1 - c0, 2),
        "events_per_s": round(n_events / max(t1 - t0, 1e-9)),
        "output_mb": round(size / 1e6, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }


def _migrate(url: str) -> None:
    from steppewatch.store import open_store

    open_store(url).close()


def _child(db: str, formats: str) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", db, "--formats", formats]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="existing SQLite database (made if absent)")
    parser.add_argument("-n", type=int, default=100_000, help="events, if the db must be made")
    parser.add_argument(
        "--formats",
        action="append",
        help="formats of one run (repeat for several runs); default: csv, and csv,parquet,jsonl",
    )
    parser.add_argument(
        "--in-place", action="store_true", help="export from --db itself, not from a copy"
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.formats[0])))
        return
    db = args.db or Path(tempfile.gettempdir()) / f"sw_export_{args.n}.db"
    generated = None
    if not db.exists():
        sys.path.insert(0, str(HERE))
        from make_synthetic_db import generate

        generated = generate(db, args.n)
        print("generated:", json.dumps(generated))
    runs = []
    for formats in args.formats or ["csv", "csv,parquet,jsonl"]:
        if args.in_place:
            _migrate(f"sqlite:///{db}")
            runs.append(_child(f"sqlite:///{db}", formats))
            print(json.dumps(runs[-1]))
            continue
        with tempfile.TemporaryDirectory() as tmp:  # a copy: opening migrates
            copy = Path(tmp) / db.name
            shutil.copy(db, copy)
            _migrate(f"sqlite:///{copy}")  # here, so the export's peak is the export's alone
            runs.append(_child(f"sqlite:///{copy}", formats))
        print(json.dumps(runs[-1]))
    RESULTS.parent.mkdir(exist_ok=True)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "export",
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                },
                "target": "export of 1,000,000 events with peak RSS < 1 GB",
                "note": "wall times depend on other load (load_average_1min: before, after); "
                "export_cpu_s is this process's CPU time",
                "database": db.name,
                "runs": runs,
                "previous": {k: previous[k] for k in ("database", "runs") if k in previous},
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written: {RESULTS}")


if __name__ == "__main__":
    main()
