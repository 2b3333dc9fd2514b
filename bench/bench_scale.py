"""Benchmark coding on Dask (issue 17): documents/s with 1 and 2 local Dask workers on N documents
(default 200,000) of real MFA paragraphs recombined, scaling efficiency, peak memory and CPU
seconds per document of each worker; then the time to link the Parquet output into SQLite and
into PostgreSQL (through the ingest pipeline, in batches of 2,000 documents: COPY on PostgreSQL).

The documents are made as ``add_synthetic_documents.py`` makes them: 2-5 paragraphs drawn from
the China FM pages in ``../shared/corpora/china_fm`` (Chinese and English), cut to ``--chars``
characters, each under a publication date (2012-2020) and stored as an HTTP response in WARC
files of ``--per-warc`` records (one partition each), as a news crawl would give them.

The machine is shared: the load average before and after each run is in the results; read the
efficiency with it (another process on the second core takes from the 2-worker run only).

    .venv/bin/python bench/bench_scale.py [--n 200000] [--per-warc 5000] [--skip-pg]

PostgreSQL: the admin URL in $STEPPEWATCH_TEST_PG (a database is made and dropped); without it
the PostgreSQL part is skipped with a note. Writes bench/results/scale.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from add_synthetic_documents import CORPUS, paragraphs  # noqa: E402


def make_warcs(folder: Path, n: int, per_warc: int, chars: int, seed: int) -> dict[str, Any]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    started = time.perf_counter()
    zh, en = paragraphs()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, n, per_warc):
        with (folder / f"crawl-{first // per_warc:05d}.warc.gz").open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for i in range(first, min(n, first + per_warc)):
                chinese = rng.random() < 0.5
                pool = zh if chinese else en
                y, m, d = rng.randint(2012, 2020), rng.randint(1, 12), rng.randint(1, 28)
                head = f"{y}年{m}月{d}日" if chinese else f"{y}-{m:02d}-{d:02d}"
                body = ("\n" if chinese else "\n\n").join(
                    rng.choice(pool) for _ in range(rng.randint(2, 5))
                )[:chars]
                payload = f"{head}\n{body}\n".encode()
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/plain; charset=utf-8")],
                    protocol="HTTP/1.1",
                )
                url = f"https://www.fmprc.gov.cn/synthetic/{i}.txt"
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=io.BytesIO(payload), http_headers=headers
                    )
                )
    size = sum(p.stat().st_size for p in folder.iterdir())
    return {
        "documents": n,
        "warc_files": len(list(folder.iterdir())),
        "warc_mb": round(size / 1e6, 1),
        "paragraphs_zh": len(zh),
        "paragraphs_en": len(en),
        "seconds": round(time.perf_counter() - started, 1),
    }


def code_run(warcs: Path, out: Path, workers: int) -> dict[str, Any]:
    from steppewatch.scale.engine import CodingRun, code_dataset
    from steppewatch.scale.partition import CoderSpec

    load_before = os.getloadavg()
    summary, _ = code_dataset(
        CodingRun([str(warcs)], out, coder=CoderSpec(), engine="dask", workers=workers)
    )
    by_pid: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for task in summary.tasks:
        worker = by_pid[task["pid"]]
        worker["documents"] += task["documents"]
        worker["cpu_seconds"] += task["cpu_seconds"]
        worker["peak_rss_mb"] = max(worker["peak_rss_mb"], task["peak_rss_kb"] / 1024)
        worker["partitions"] += 1
    per_worker = [
        {
            "documents": int(w["documents"]),
            "partitions": int(w["partitions"]),
            "cpu_seconds": round(w["cpu_seconds"], 1),
            "cpu_ms_per_document": round(1000 * w["cpu_seconds"] / w["documents"], 3),
            "peak_rss_mb": round(w["peak_rss_mb"], 1),
        }
        for w in by_pid.values()
    ]
    result = {
        "workers": workers,
        "workers_seen": len(by_pid),
        "documents": summary.documents,
        "coded": summary.coded,
        "failed": summary.failed,
        "items": summary.items,
        "failed_partitions": len(summary.failed_partitions),
        "seconds": round(summary.seconds, 1),
        "cluster_startup_seconds": round(summary.startup_seconds, 1),
        "documents_per_second": round(summary.documents / summary.seconds, 1),
        # the rate once the cluster is up (its start is a fixed cost of a few seconds)
        "documents_per_second_after_startup": round(
            summary.documents / (summary.seconds - summary.startup_seconds), 1
        ),
        "per_worker": per_worker,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result), file=sys.stderr, flush=True)
    return result


def link_run(url: str, out: Path, archive: Path) -> dict[str, Any]:
    from steppewatch.scale.inputs import expand_inputs, make_partitions
    from steppewatch.scale.link import link_dataset
    from steppewatch.scale.partition import CoderSpec
    from steppewatch.store import open_store
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    store = open_store(url)
    load_bundled_dataset(store, load_study(None))
    manifest = json.loads((out / "manifest.json").read_text())
    partitions = [
        p
        for p in make_partitions(expand_inputs([str(out.parent / "warcs")]))
        if p.id in set(manifest["partitions"])
    ]
    coder = CoderSpec().build()
    load_before = os.getloadavg()
    started = time.perf_counter()
    summary = link_dataset(
        store, out, partitions, label=f"{coder.name} {coder.version}", archive=archive
    )
    seconds = time.perf_counter() - started
    store.engine.dispose()
    result = {
        "seconds": round(seconds, 1),
        "documents_per_second": round(summary.seen / seconds, 1),
        "documents": summary.seen,
        "new": summary.new,
        "near_duplicates": summary.near_duplicates,
        "relevant_items": summary.relevant_items,
        "events_created": summary.events_created,
        "sources_added": summary.sources_added,
        "suggestions": summary.suggestions,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result), file=sys.stderr, flush=True)
    return result


def pg_database(admin_url: str) -> tuple[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from steppewatch.store.database import resolve_url

    admin = create_engine(resolve_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"sw_bench_scale_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(resolve_url(admin_url)).set(database=name)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--n", type=int, default=200_000)
    parser.add_argument("--per-warc", type=int, default=5_000)
    parser.add_argument("--chars", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-link", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the corpus is not at {CORPUS}")
    work = Path(tempfile.mkdtemp(prefix="sw_bench_scale_"))
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        },
        "command": " ".join(["bench/bench_scale.py", *sys.argv[1:]]),
    }
    try:
        results["corpus"] = make_warcs(work / "warcs", args.n, args.per_warc, args.chars, args.seed)
        print(json.dumps(results["corpus"]), file=sys.stderr, flush=True)
        one = code_run(work / "warcs", work / "coded1", 1)
        two = code_run(work / "warcs", work / "coded2", 2)
        results["dask_1_worker"], results["dask_2_workers"] = one, two
        results["scaling_efficiency"] = round(
            two["documents_per_second_after_startup"]
            / (2 * one["documents_per_second_after_startup"]),
            3,
        )
        results["scaling_efficiency_with_startup"] = round(
            two["documents_per_second"] / (2 * one["documents_per_second"]), 3
        )
        results["cpu_ms_per_document"] = {
            "1_worker": [w["cpu_ms_per_document"] for w in one["per_worker"]],
            "2_workers": [w["cpu_ms_per_document"] for w in two["per_worker"]],
        }
        same = _same_files(work / "coded1", work / "coded2")
        results["parquet_identical_1_vs_2_workers"] = same
        shutil.rmtree(work / "coded1")
        (work / "coded2").rename(work / "coded")
        if not args.skip_link:
            results["link_sqlite"] = link_run(
                f"sqlite:///{work / 'sw.db'}", work / "coded", work / "archive"
            )
            admin = os.environ.get("STEPPEWATCH_TEST_PG")
            if args.skip_pg or not admin:
                results["link_postgresql"] = {
                    "skipped": "--skip-pg" if args.skip_pg else "STEPPEWATCH_TEST_PG is not set"
                }
            else:
                url, drop = pg_database(admin)
                try:
                    results["link_postgresql"] = link_run(url, work / "coded", work / "archive")
                finally:
                    drop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def _same_files(a: Path, b: Path) -> bool:
    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }

    return files(a) == files(b)


if __name__ == "__main__":
    main()
