"""Run the coding of partitions locally (one process) or on Dask, and skip what is done.

``code_dataset`` expands the inputs, splits them into partitions (``scale.inputs``), leaves out
every partition whose manifest entry says it was coded from the same inputs (path, size, mtime)
by the same coder, and codes the rest: one after the other in this process (``engine="local"``),
or as one Dask task each (``engine="dask"``) on the cluster at ``scheduler`` or on a
``LocalCluster`` of one single-threaded worker process per core, listening on 127.0.0.1 only,
without a dashboard. A partition whose task fails (a worker killed more often than Dask
tolerates, a bug) is reported and left without a manifest entry: rerunning codes exactly the
partitions that are missing. ``manifest.json`` lists the run's partitions in input order; files
of partitions of earlier runs over other inputs are removed, so the folder (read whole, e.g. by
DuckDB or ``pyarrow.dataset``) holds each input's rows once.

One run at a time codes into a folder: a run holds ``<folder>/.coding-lock`` (an exclusive
``flock``, released by the kernel however the process ends) from reading the manifest to writing
it, and a second run waits for it, then codes only what the first left missing. Without it, a
run over other inputs would prune the first run's files while that run still writes them.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from steppewatch.errors import InputError
from steppewatch.scale.inputs import (
    DEFAULT_PARTITION_SIZE,
    Partition,
    expand_inputs,
    make_partitions,
)
from steppewatch.scale.options import ENGINES
from steppewatch.scale.partition import (
    FORMAT_VERSION,
    CoderSpec,
    Crash,
    _atomic_write,
    code_partition,
    prune_dataset,
    read_manifest,
)
from steppewatch.store.file_lock import FileLock

__all__ = [
    "CodingRun",
    "DatasetSummary",
    "code_dataset",
    "dataset_lock",
    "done_partitions",
    "ENGINES",
]

#: The lock file inside a coded dataset's folder (a dot file: pyarrow.dataset and the linker skip it).
LOCK_NAME = ".coding-lock"


@dataclass
class DatasetSummary:
    partitions: int = 0
    skipped: int = 0  # done in an earlier run
    coded_partitions: int = 0
    failed_partitions: list[tuple[str, str]] = field(default_factory=list)
    documents: int = 0
    coded: int = 0
    failed: int = 0
    items: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # starting the local cluster (or connecting to one)
    workers: int = 0
    # per task: pid, CPU seconds, documents, peak RSS (kB) of the worker process
    tasks: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        failed = (
            f"; {len(self.failed_partitions)} partitions FAILED (run again to code them)"
            if self.failed_partitions
            else ""
        )
        return (
            f"{self.partitions} partitions: {self.coded_partitions} coded now, {self.skipped} "
            f"done before{failed}; {self.documents} documents coded now ({self.coded} coded, "
            f"{self.failed} failed), {self.items} items; {self.seconds:.1f} s "
            f"({rate:.0f} docs/s, {self.workers} workers)."
        )


@dataclass
class CodingRun:
    """What ``code_dataset`` was asked to do."""

    sources: Sequence[str]
    out: Path
    coder: CoderSpec = field(default_factory=CoderSpec)
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    archive: Path | None = None
    progress: Callable[[int, int], None] | None = None  # (partitions done, partitions to do)
    crash: dict[str, Crash] = field(default_factory=dict)  # tests: partition id -> how
    # called once when another run holds the folder's lock and this one waits for it
    on_wait: Callable[[], None] | None = None
    # the caller holds dataset_lock(out) already (ingest: across coding and linking)
    locked_by_caller: bool = False


@contextmanager
def dataset_lock(out: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the coded dataset folder ``out`` for one run (waiting for another run to end)."""
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK_NAME)
    lock.acquire(on_wait)
    try:
        yield
    finally:
        lock.release()


def code_dataset(run: CodingRun) -> tuple[DatasetSummary, list[Partition]]:
    """Code what is missing of ``run``'s inputs into its dataset; returns the summary and the
    run's partitions in input order (what linking reads)."""
    if run.engine not in ENGINES:
        raise InputError(
            f"unknown engine '{run.engine}'", hint="use --engine local or dask", code="SW903"
        )
    started = time.perf_counter()
    partitions = make_partitions(expand_inputs(run.sources), run.partition_size)
    if not partitions:
        raise InputError("no documents found in the inputs", code="SW904")
    label = _label(run.coder)
    out = run.out
    out.mkdir(parents=True, exist_ok=True)
    if run.locked_by_caller:
        return _code_missing(run, partitions, label, started)
    with dataset_lock(out, run.on_wait):
        return _code_missing(run, partitions, label, started)


def _code_missing(
    run: CodingRun, partitions: list[Partition], label: str, started: float
) -> tuple[DatasetSummary, list[Partition]]:
    out = run.out
    done = done_partitions(out, partitions, label)
    todo = [p for p in partitions if p.id not in done]
    summary = DatasetSummary(partitions=len(partitions), skipped=len(partitions) - len(todo))
    archive = str(run.archive) if run.archive else None
    if todo:
        if run.engine == "local":
            summary.workers = 1
            _run_local(run, todo, archive, summary)
        else:
            _run_dask(run, todo, archive, summary)
    prune_dataset(out, {p.id for p in partitions})
    index = {
        "format": FORMAT_VERSION,
        "coder": label,
        "partitions": [p.id for p in partitions],
        "complete": not summary.failed_partitions,
    }
    text = json.dumps(index, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    _atomic_write(out / "manifest.json", text.encode())
    summary.seconds = time.perf_counter() - started
    return summary, partitions


def done_partitions(out: Path, partitions: Sequence[Partition], label: str) -> set[str]:
    """Ids of the partitions coded before from the same inputs by the same coder, whose files
    are all there."""
    done = set()
    for partition in partitions:
        entry = read_manifest(out, partition.id)
        if (
            entry is not None
            and entry.get("format") == FORMAT_VERSION
            and entry.get("coder") == label
            and entry.get("inputs") == [i.fingerprint() for i in partition.inputs]
            and all((out / name).is_file() for name in entry.get("files", []))
        ):
            done.add(partition.id)
    return done


def _label(spec: CoderSpec) -> str:
    coder = spec.build()
    return f"{coder.name} {coder.version}"


def run_partition(
    partition: Partition,
    out: str,
    coder: CoderSpec,
    archive: str | None,
    crash: Crash | None = None,
) -> dict[str, Any]:
    """``code_partition`` plus what the run reports about the task (not in the dataset)."""
    cpu = time.process_time()
    entry = code_partition(partition, out, coder, archive, crash)
    return {
        "partition": partition.id,
        "documents": entry["documents"],
        "coded": entry["coded"],
        "failed": entry["failed"],
        "items": entry["items"],
        "pid": os.getpid(),
        "cpu_seconds": time.process_time() - cpu,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def _add(summary: DatasetSummary, task: dict[str, Any]) -> None:
    summary.coded_partitions += 1
    summary.documents += task["documents"]
    summary.coded += task["coded"]
    summary.failed += task["failed"]
    summary.items += task["items"]
    summary.tasks.append(task)


def _run_local(
    run: CodingRun, todo: list[Partition], archive: str | None, summary: DatasetSummary
) -> None:
    for number, partition in enumerate(todo, start=1):
        try:
            task = run_partition(
                partition, str(run.out), run.coder, archive, run.crash.get(partition.id)
            )
        except Exception as error:  # noqa: BLE001 - reported; the other partitions go on
            summary.failed_partitions.append((partition.id, f"{type(error).__name__}: {error}"))
        else:
            _add(summary, task)
        if run.progress:
            run.progress(number, len(todo))


def _run_dask(
    run: CodingRun, todo: list[Partition], archive: str | None, summary: DatasetSummary
) -> None:
    from distributed import as_completed

    started = time.perf_counter()
    with dask_client(run.scheduler, run.workers) as client:
        summary.startup_seconds = time.perf_counter() - started
        summary.workers = len(client.scheduler_info().get("workers", {}))
        futures = [
            client.submit(
                run_partition,
                partition,
                str(run.out.resolve()),
                run.coder,
                archive,
                run.crash.get(partition.id),
                key=f"steppewatch-code-{partition.id}",
                pure=False,
            )
            for partition in todo
        ]
        ids = {future.key: partition.id for future, partition in zip(futures, todo, strict=True)}
        for number, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            try:
                task = future.result()
            except Exception as error:  # noqa: BLE001 - KilledWorker, a bug: reported
                summary.failed_partitions.append(
                    (ids[future.key], f"{type(error).__name__}: {error}")
                )
            else:
                _add(summary, task)
            if run.progress:
                run.progress(number, len(todo))
    summary.tasks.sort(key=lambda t: str(t["partition"]))
    summary.failed_partitions.sort()


class dask_client:  # noqa: N801 - used as a context manager like a function
    """A Dask client for ``scheduler``, or for a new loopback ``LocalCluster`` of ``workers``
    single-threaded processes (default: one per usable core), closed on exit."""

    def __init__(self, scheduler: str | None, workers: int | None = None) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> Any:
        import logging

        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="30s")  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as error:
                raise InputError(
                    f"cannot reach the Dask scheduler at {self.scheduler}: {error}",
                    hint="start it (dask scheduler) or leave out --scheduler for a local cluster",
                    code="SW905",
                ) from None
            return self.client
        self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=self.workers or usable_cpus(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity
        return os.cpu_count() or 1
