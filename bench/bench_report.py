"""Time analysis and report generation on the bundled data and on a synthetic database.

Each measurement runs in its own process so its peak RSS is its own. Prints the figures and
writes bench/results/report.json. ``finding_events_*`` time the listing of the events behind the
findings (with their sources) and the finding_events.csv table on their own; they are also part
of ``full_report_*``. Opening the database applies pending migrations: copy a database you must
not change and give the copy.

    python bench/bench_report.py                         # bundled + /tmp/sw1m.db (made if absent)
    python bench/bench_report.py --synthetic /tmp/sw10k.db -n 10000
    python bench/bench_report.py --synthetic /tmp/sw1m.db --large /tmp/sw10m.db   # + a 10M run
    python bench/bench_report.py --bundled-only --repeat 3 [--chart-workers 0]
    python bench/bench_report.py --synthetic /tmp/sw1m.db --parquet /tmp/sw1m-parquet

``--parquet DIR`` also measures the report read from a Parquet export of the synthetic database
(``steppewatch report --from-parquet DIR``, DuckDB over the export's files): DIR is made by
``steppewatch export --format parquet`` when absent, in its own process, timed apart
(``parquet_export``: not part of any report figure); an existing DIR is used as it is.
``--large-parquet DIR`` does the same for ``--large``.

``--load SOURCE`` (repeatable: a SQLite file, a PostgreSQL URL) measures only what the report
reads before it analyses: the events frame (``load_frame_*``) and the data section's source
counts (``count_sources_*``), through Arrow (``route: arrow``, what the report uses) and row by
row (``route: rows``, the reader it falls back to), each in its own process, and writes
bench/results/report_load.json:

    python bench/bench_report.py --load /tmp/sw1m.db --load postgresql://u:p@host/sw_bench1m
    python bench/bench_report.py --load /tmp/sw10m.db --route arrow \
        --load-out bench/results/report_load_10m.json       # made by make_large_db.py

The figures already in bench/results/report.json are kept under ``previous`` (each with the
commit they were measured on), so a run shows what changed. ``--bundled-only`` measures only the
bundled data (``--repeat`` times, each in its own process) and writes
bench/results/report_charts.json instead (its earlier figures kept the same way).

The charts may be drawn in worker processes (``STEPPEWATCH_CHART_WORKERS``, or idle cores:
``report/chart_drawing.py``); ``full_report_cpu_s`` is this process's CPU,
``full_report_children_cpu_s`` that of the worker processes and ``full_report_total_cpu_s`` both.
``peak_rss_mb`` is that process's peak, after it also loaded and analysed the frame on its own
(the figures above ``full_report_*``); ``cli_report`` is the report alone in a process of its
own, as ``steppewatch report`` runs it (its ``peak_rss_mb`` is the report's peak).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "report.json"
BUNDLED_RESULTS = HERE / "results" / "report_charts.json"


def _analysis(frame, study):  # type: ignore[no-untyped-def]
    """Every analysis the report runs; returns the analysis frame and the findings."""
    from steppewatch import analysis as a
    from steppewatch.analysis.frame import analysis_frame

    frame = analysis_frame(frame)
    periods = a.periods_from_study(study)
    partners = list(study.partner_states)
    a.concerns_by_period(frame, periods)
    a.concerns_by_period(frame, periods, partners=partners)
    a.concerns_by_year(frame)
    a.concern_trends(a.concerns_by_period(frame, periods))
    a.concern_lifespan(frame)
    a.meeting_volume(frame, partners)
    a.format_mix(frame, periods)
    a.activity_mix(frame, partners, periods)
    a.multilateral_vs_bilateral(frame, periods)
    a.exercise_series(a.exercises_table(frame))
    a.country_ranking(a.engagement_index(frame, partners))
    a.index_sensitivity(frame, partners)
    return frame, a.evaluate_claims(frame, partners)


def run_one(db: str, label: str) -> dict[str, object]:
    """Measure one database (or a Parquet export: a folder) in this process."""
    from steppewatch.report import DEFAULT_STATUSES, build_report
    from steppewatch.report.build import _load_frame
    from steppewatch.report.evidence import finding_events
    from steppewatch.store import EventFilter, Store, open_store
    from steppewatch.store.parquet_store import ParquetStore, is_parquet_export
    from steppewatch.study import load_study

    study = load_study()
    store: Store | ParquetStore = ParquetStore(db) if is_parquet_export(db) else open_store(db)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    load_before = os.getloadavg()[0]
    with _memory_pool():  # Arrow's memory pool as build_report chooses it
        t0, c0 = time.perf_counter(), time.process_time()
        frame = _load_frame(store, filters)
        t1, c1 = time.perf_counter(), time.process_time()
        analysed, findings = _analysis(frame, study)
        t2, c2 = time.perf_counter(), time.process_time()
        # the events behind the findings: page lists (with the sources of the listed events)
        # and the CSV table (source URLs of every counted event up to 20,000); part of
        # full_report_s too
        evidence = finding_events(analysed, findings, store)
        t2e, c2e = time.perf_counter(), time.process_time()
    # the rows' count without making their table (code from before n_rows: the table's)
    n_rows = getattr(evidence, "n_rows", None)
    n_rows = evidence.table.num_rows if n_rows is None else n_rows
    urls_for_all = evidence.urls_for_all
    del frame, analysed, evidence
    with tempfile.TemporaryDirectory() as out:
        k3 = _children_cpu()
        timer = _StageTimer()
        t3, c3 = time.perf_counter(), time.process_time()
        try:
            result = build_report(out, store=store, study=study)
        finally:
            t4, c4 = time.perf_counter(), time.process_time()
            timer.restore()
        k4 = _children_cpu()
        size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "dataset": label,
        "events": result.n_events,
        "sources": result.n_sources,
        "load_frame_s": round(t1 - t0, 2),
        "load_frame_cpu_s": round(c1 - c0, 2),
        "analysis_s": round(t2 - t1, 2),
        "analysis_cpu_s": round(c2 - c1, 2),
        "finding_events_s": round(t2e - t2, 2),
        "finding_events_cpu_s": round(c2e - c2, 2),
        "finding_events_rows": n_rows,
        "finding_events_all_urls": urls_for_all,
        "full_report_s": round(t4 - t3, 2),
        "full_report_cpu_s": round(c4 - c3, 2),
        # as the report decided them (code from before chart workers: none)
        "chart_workers": getattr(result, "chart_workers", 0),
        "full_report_children_cpu_s": round(k4 - k3, 2),
        "full_report_total_cpu_s": round(c4 - c3 + k4 - k3, 2),
        # where the full report's time goes, in the report's own process (see STAGES)
        "full_report_stages": timer.figures(t4 - t3, c4 - c3),
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "report_mb": round(size / 1e6, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "chart_workers_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


#: What the full report's stage breakdown times: (module, function, stage). Each function is
#: wrapped in the measuring process only (the module attribute the report looks up when it
#: runs). Figures are exclusive: a stage called inside another (the evidence inside
#: ``build_content``, which runs it while the workers draw) is taken out of the outer one, so
#: ``charts_data`` is build_content's own work (each chart's data, the captions); ``wait_charts``
#: is the report's process waiting for the chart workers (or drawing, with none); ``other``
#: is what no stage covers.
STAGES = (
    ("steppewatch.report.build", "_load_frame", "load_frame"),
    ("steppewatch.report.content", "build_content", "charts_data"),
    ("steppewatch.report.content", "_add_tables", "tables_and_findings"),
    ("steppewatch.report.limits", "count_sources", "count_sources"),
    ("steppewatch.report.limits", "data_limits", "data_limits"),
    ("steppewatch.analysis.sensitivity", "claims_sensitivity", "claims_sensitivity"),
    ("steppewatch.report.evidence", "finding_events", "finding_events"),
    ("steppewatch.report.activity_html", "add_source_urls", "activity_sources"),
    ("steppewatch.report.both_sides", "both_sides", "both_sides"),
    ("steppewatch.report.chart_drawing", "ChartDrawing.results", "wait_charts"),
    ("steppewatch.report.build", "_counts", "page_counts"),
    ("steppewatch.report.html", "render_html", "render_html"),
    ("steppewatch.report.html", "write_report", "write_files"),
)


class _StageTimer:
    """Wall and CPU seconds spent in each of :data:`STAGES` while the report runs."""

    def __init__(self) -> None:
        import importlib

        self.seconds: dict[str, list[float]] = {}
        #: resident and peak MB of this process when the stage last ended
        self.memory: dict[str, tuple[float, float]] = {}
        self._inner: list[list[float]] = []  # time of the stages inside each running one
        self._undo: list[tuple[object, str, object]] = []
        for module_name, path, stage in STAGES:
            owner: object = importlib.import_module(module_name)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = getattr(owner, name)
            self._undo.append((owner, name, original))
            setattr(owner, name, self._timed(original, stage))

    def _timed(self, original, stage):  # type: ignore[no-untyped-def]
        import functools

        @functools.wraps(original)
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            self._inner.append([0.0, 0.0])
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                inner = self._inner.pop()
                spent = self.seconds.setdefault(stage, [0.0, 0.0])
                spent[0] += wall - inner[0]
                spent[1] += cpu - inner[1]
                self.memory[stage] = (_resident_mb(), _peak_mb())
                if self._inner:
                    self._inner[-1][0] += wall
                    self._inner[-1][1] += cpu

        return timed

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)

    def figures(self, total_wall: float, total_cpu: float) -> dict[str, dict[str, float]]:
        out = {
            stage: {
                "s": round(wall, 2),
                "cpu_s": round(cpu, 2),
                "rss_mb_after": self.memory[stage][0],
                "peak_mb_after": self.memory[stage][1],
            }
            for stage, (wall, cpu) in self.seconds.items()
        }
        wall = total_wall - sum(w for w, _ in self.seconds.values())
        cpu = total_cpu - sum(c for _, c in self.seconds.values())
        out["other"] = {"s": round(wall, 2), "cpu_s": round(cpu, 2)}
        return out


def _resident_mb() -> float:
    """This process's resident memory now (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _memory_pool():  # type: ignore[no-untyped-def]
    """build_report's choice of Arrow memory pool (a no-op on code from before it)."""
    from contextlib import nullcontext

    from steppewatch.report import build

    return getattr(build, "_arrow_memory_pool", nullcontext)()


def _children_cpu() -> float:
    """CPU seconds of this process's ended child processes (the chart workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_one(db: str, route: str) -> dict[str, object]:
    """Measure the report's reads on one database in this process: the events frame and the
    source counts, through Arrow or (``route == "rows"``) row by row."""
    from steppewatch.report import DEFAULT_STATUSES
    from steppewatch.report.build import _load_frame
    from steppewatch.report.limits import count_sources
    from steppewatch.store import EventFilter, arrow_reader, open_store
    from steppewatch.study import load_study

    if route == "rows":
        arrow_reader.report_events_frame = lambda *_a, **_k: None  # type: ignore[assignment]
        arrow_reader.source_pairs = lambda *_a, **_k: None  # type: ignore[assignment]
    study = load_study()
    store = open_store(db)
    filters = EventFilter(statuses=DEFAULT_STATUSES)
    load_before = os.getloadavg()[0]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # as the report reads: the sources counted with the events when most are selected
    tally = arrow_reader.SourceTally() if route == "arrow" else None
    t0, c0 = time.perf_counter(), time.process_time()
    frame = _load_frame(store, filters, tally)
    t1, c1 = time.perf_counter(), time.process_time()
    frame_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counted = count_sources(
        store,
        list(frame["id"]),
        study,
        list(study.partner_states),
        counted=tally.pairs if tally is not None else None,
    )
    t2, c2 = time.perf_counter(), time.process_time()
    return {
        "source": store.describe(),
        "route": route,
        "events": len(frame),
        "sources": int(counted["sources"].sum()),
        "load_frame_s": round(t1 - t0, 2),
        "load_frame_cpu_s": round(c1 - c0, 2),
        "count_sources_s": round(t2 - t1, 2),
        "count_sources_cpu_s": round(c2 - c1, 2),
        "rss_before_load_mb": round(rss_before / 1024, 1),
        "peak_rss_after_frame_mb": round(frame_peak / 1024, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }


def _load_runs(sources: list[str], routes: list[str], out: Path) -> None:
    runs = []
    for source in sources:
        db = source if "://" in source else "sqlite:///" + str(Path(source).resolve())
        for route in routes:
            cmd = [sys.executable, __file__, "--load-one", db, "--label", route]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(json.dumps(runs[-1]), flush=True)
    old = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    payload = {
        "benchmark": "report_load",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "note": "what the report reads before it analyses: the events frame and the data "
        "section's source counts; route arrow = store/arrow_reader (ADBC drivers into Arrow), "
        "rows = the row-by-row reader; *_cpu_s are the process's CPU seconds, peak_rss_mb its "
        "peak resident memory (each run in its own process)",
        "commit": _commit(),
        "runs": runs,
        "previous": ([{k: old[k] for k in ("commit", "runs") if k in old}] if old else [])
        + (old or {}).get("previous", [])[:4],
    }
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"written {out}")


def _bundled_db(tmp: Path) -> str:
    from steppewatch.store import open_store
    from steppewatch.store.importing import load_bundled_dataset
    from steppewatch.study import load_study

    url = "sqlite:///" + str(tmp / "bundled.db")
    load_bundled_dataset(open_store(url), load_study())
    return url


def export_one(db: str, out: str) -> dict[str, object]:
    """``steppewatch export --format parquet`` of ``db`` into ``out`` in this process: its
    wall time, CPU and peak memory (its own process, so the peak is the export's alone)."""
    from steppewatch.cli import main as cli

    t0, c0 = time.perf_counter(), time.process_time()
    cli(["export", "--db", db, "--out", out, "--format", "parquet"])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(p.stat().st_size for p in Path(out).glob("*.parquet"))
    return {
        "parquet_export": out,
        "from": Path(db.removeprefix("sqlite:///")).name,
        "export_s": round(wall, 2),
        "export_cpu_s": round(cpu, 2),
        "export_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "parquet_mb": round(size / 1e6, 1),
        "note": "steppewatch export --format parquet (also writes the CSV tables); not timed "
        "in the report figures",
    }


def _export_parquet(db: Path, out: Path) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--export-one", "sqlite:///" + str(db), "--label", str(out)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _parquet_run(db: Path, folder: Path, exports: list[dict[str, object]]) -> dict[str, object]:
    """The report from the Parquet export ``folder`` of ``db`` (exported first if absent)."""
    if not (folder / "events.parquet").is_file():
        exports.append(_export_parquet(db, folder))
        print(json.dumps(exports[-1]), flush=True)
    return _child(str(folder), f"parquet export of {db.name} ({folder.name})")


def _child(db: str, label: str) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", db, "--label", label]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    if label != "bundled":
        # the report alone in its own process, as `steppewatch report` runs it
        cmd = [sys.executable, __file__, "--report-one", db]
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        found["cli_report"] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def report_one(db: str) -> dict[str, object]:
    """``build_report`` alone in this process, as the CLI runs it (no frame loaded or analysed
    before it, unlike :func:`run_one`): its wall and CPU seconds and this process's peak RSS
    (the figure issue 17's < 1 GB is about), and its chart workers' peak and CPU."""
    from steppewatch.report import DEFAULT_STATUSES, build_report
    from steppewatch.store import EventFilter, Store, open_store
    from steppewatch.store.parquet_store import ParquetStore, is_parquet_export
    from steppewatch.study import study_for_store

    store: Store | ParquetStore = ParquetStore(db) if is_parquet_export(db) else open_store(db)
    study = study_for_store(store, None)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as out:
        k0 = _children_cpu()
        t0, c0 = time.perf_counter(), time.process_time()
        result = build_report(
            out, store=store, filters=EventFilter(statuses=DEFAULT_STATUSES), study=study
        )
        t1, c1 = time.perf_counter(), time.process_time()
        k1 = _children_cpu()
    return {
        "s": round(t1 - t0, 2),
        "cpu_s": round(c1 - c0, 2),
        "chart_workers": result.chart_workers,
        "children_cpu_s": round(k1 - k0, 2),
        "peak_rss_mb": _peak_mb(),
        "chart_workers_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }


def _commit() -> str | None:
    """The commit of the steppewatch code measured (the checkout it is imported from)."""
    import steppewatch

    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=Path(steppewatch.__file__).parent,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() or None


def _previous(results: Path = RESULTS) -> list[dict[str, object]]:
    """The runs already in the results file (and the ones they kept), newest first."""
    if not results.exists():
        return []
    old = json.loads(results.read_text(encoding="utf-8"))
    keys = ("commit", "target", "note", "chart_workers_setting", "median_full_report_cpu_s",
            "median_full_report_total_cpu_s", "runs")  # fmt: skip
    entry = {k: old.get(k) for k in keys if k in old}
    return [entry, *old.get("previous", [])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=Path, default=Path("/tmp/sw1m.db"))
    parser.add_argument("-n", type=int, default=1_000_000, help="events if it must be generated")
    parser.add_argument(
        "--large",
        type=Path,
        help="also measure this (larger) database, e.g. 10,000,000 events made beforehand with "
        "make_large_db.py --times 10 from a 1,000,000-event one (half an hour; make_synthetic_db.py "
        "-n 10000000 takes hours on 2 cores)",
    )
    parser.add_argument(
        "--bundled-only",
        action="store_true",
        help="measure only the bundled data; write bench/results/report_charts.json",
    )
    parser.add_argument("--repeat", type=int, default=1, help="bundled runs (own process each)")
    parser.add_argument(
        "--chart-workers",
        type=int,
        help="STEPPEWATCH_CHART_WORKERS for the runs (default: as set, else from idle cores)",
    )
    parser.add_argument("--note", default="", help="added to the results' note")
    parser.add_argument(
        "--load",
        action="append",
        default=[],
        metavar="SOURCE",
        help="measure only the report's reads (frame, source counts) on this SQLite file or "
        "PostgreSQL URL, through Arrow and row by row (repeatable); no report is built",
    )
    parser.add_argument(
        "--route",
        action="append",
        choices=("arrow", "rows"),
        help="with --load: only this route (repeatable; default both). On 10,000,000 events "
        "the row-by-row reader would need about ten times its 1,000,000-event peak (1.5 GB): "
        "--route arrow",
    )
    parser.add_argument(
        "--load-out",
        type=Path,
        default=HERE / "results" / "report_load.json",
        help="with --load: the results file (its runs so far are kept under previous)",
    )
    parser.add_argument(
        "--parquet",
        type=Path,
        help="also measure the report from this Parquet export of --synthetic (exported first, "
        "timed apart, if the folder holds no events.parquet)",
    )
    parser.add_argument(
        "--large-parquet",
        type=Path,
        help="also measure the report from this Parquet export of --large (the same way); "
        "without --large, the folder must hold an export already (e.g. made by "
        "make_large_parquet.py) and only the report from it is measured",
    )
    parser.add_argument("--load-one", help=argparse.SUPPRESS)
    parser.add_argument("--export-one", help=argparse.SUPPRESS)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--report-one", help=argparse.SUPPRESS)
    parser.add_argument("--label", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.label)))
        return
    if args.report_one:
        print(json.dumps(report_one(args.report_one)))
        return
    if args.export_one:
        print(json.dumps(export_one(args.export_one, args.label)))
        return
    if args.load_one:
        print(json.dumps(load_one(args.load_one, args.label)))
        return
    if args.load:
        _load_runs(args.load, args.route or ["arrow", "rows"], args.load_out)
        return

    if args.chart_workers is not None:
        os.environ["STEPPEWATCH_CHART_WORKERS"] = str(args.chart_workers)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        db = _bundled_db(Path(tmp))
        for _ in range(max(args.repeat, 1)):
            runs.append(_child(db, "bundled"))
            print(json.dumps(runs[-1]), flush=True)
    if args.bundled_only:
        _write_bundled(runs, args.note)
        return
    generated = None
    if not args.synthetic.exists():
        sys.path.insert(0, str(HERE))
        from make_synthetic_db import generate

        generated = generate(args.synthetic, args.n)
        print("generated:", json.dumps(generated))
    runs.append(_child("sqlite:///" + str(args.synthetic), f"synthetic ({args.synthetic.name})"))
    print(json.dumps(runs[-1]))
    exports: list[dict[str, object]] = []
    if args.parquet is not None:
        runs.append(_parquet_run(args.synthetic, args.parquet, exports))
        print(json.dumps(runs[-1]))
    if args.large is not None:
        runs.append(_child("sqlite:///" + str(args.large), f"synthetic ({args.large.name})"))
        print(json.dumps(runs[-1]))
    if args.large_parquet is not None:
        if args.large is not None:
            runs.append(_parquet_run(args.large, args.large_parquet, exports))
        elif (args.large_parquet / "events.parquet").is_file():
            label = f"parquet export ({args.large_parquet.name})"
            runs.append(_child(str(args.large_parquet), label))
        else:
            parser.error(
                f"--large-parquet {args.large_parquet}: no events.parquet there; add --large DB"
            )
        print(json.dumps(runs[-1]))
    payload = {
        "benchmark": "report",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "target": "issue 19: bundled full report about 2.7 s CPU and 1M report <= 51 s as before "
        "it; issue 17: 1M report < 15 s and < 1 GB peak RSS, 10M < 60 s",
        "note": "wall times depend on other load (load_average_1min: before, after); "
        "*_cpu_s are this process's CPU seconds" + (f"; {args.note}" if args.note else ""),
        "commit": _commit(),
        "generated": generated,
        "parquet_exports": exports,
        "runs": runs,
        "previous": _previous(),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")


def _write_bundled(runs: list[dict[str, object]], note: str) -> None:
    """bench/results/report_charts.json: the bundled runs, the earlier ones under previous."""
    cpu = sorted(float(r["full_report_cpu_s"]) for r in runs)  # type: ignore[arg-type]
    total = sorted(float(r["full_report_total_cpu_s"]) for r in runs)  # type: ignore[arg-type]
    payload = {
        "benchmark": "report (bundled data only)",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "target": "issue 19: bundled full report about 2.7 s CPU as before it (6 charts, PNG "
        "at 110 dpi then; 8 charts, PNG at 300 dpi now)",
        "note": "full_report_cpu_s: CPU of the process building the report; "
        "full_report_children_cpu_s: its chart worker processes; wall times depend on the "
        "machine's load (load_average_1min: before, after). " + note,
        "commit": _commit(),
        "chart_workers_setting": os.environ.get("STEPPEWATCH_CHART_WORKERS", "auto"),
        "median_full_report_cpu_s": cpu[len(cpu) // 2],
        "median_full_report_total_cpu_s": total[len(total) // 2],
        "runs": runs,
        "previous": _previous(BUNDLED_RESULTS),
    }
    BUNDLED_RESULTS.parent.mkdir(parents=True, exist_ok=True)
    BUNDLED_RESULTS.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"written {BUNDLED_RESULTS}")


if __name__ == "__main__":
    main()
