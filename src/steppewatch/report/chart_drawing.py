"""Drawing the report's charts, in this process or in worker processes.

Every chart is a PNG and an SVG drawn from a figure (:func:`figures.render`); on the bundled
data drawing them is most of the report's time. When at least two cores are idle and the
system can fork, the charts are drawn in a pool of forked worker processes (one per idle core) while this process goes on with the tables and
findings; the files are the same bytes either way. ``STEPPEWATCH_CHART_WORKERS`` sets the
number of worker processes (``0``: every chart in this process).

Workers are forked, so they read the chart data and the figure functions from the copy of this
process they start with; nothing but the finished bytes travel back. A chart that fails in a
worker raises its error here, and a worker that dies raises SW177: the caller has written
nothing yet, so no report is left half-written. The worker processes' CPU time is counted in
:attr:`ChartDrawing.worker_cpu_s` (and in the ``RUSAGE_CHILDREN`` of this process once they
have ended), so a measurement can add it to this process's own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from steppewatch.errors import AnalysisError, InputError

__all__ = ["WORKERS_VARIABLE", "ChartDrawing", "CpuWindow", "chart_workers"]

#: Environment variable giving the number of chart worker processes (0: none).
WORKERS_VARIABLE = "STEPPEWATCH_CHART_WORKERS"

#: A job draws one chart: its PNG and SVG bytes.
Job = Callable[[], tuple[bytes, bytes]]

# The jobs of the drawing under way, read by the forked workers (set before they are forked).
_JOBS: Sequence[Job] = ()
# The side job of the drawing under way (see ChartDrawing), read the same way.
_SIDE: Callable[[], Any] | None = None


class CpuWindow:
    """How busy this process's cores are from the moment it is made: read from the kernel's
    per-core counters (``/proc/stat``), so it says what the cores do now, where the load
    average still counts the minute before (a report run just before this one, say)."""

    #: Counter ticks per core the window must span to be read (the kernel counts 100 a second).
    MIN_TICKS = 5

    def __init__(self) -> None:
        self._cores = _cores()
        self._start = _cpu_ticks(self._cores)

    def idle_cores(self) -> float | None:
        """Cores left idle since the window opened (0 to the number of cores), or None when the
        counters cannot be read or the window is still too short to say."""
        end = _cpu_ticks(self._cores)
        if self._start is None or end is None or not self._cores:
            return None
        idle, total = end[0] - self._start[0], end[1] - self._start[1]
        if total < self.MIN_TICKS * len(self._cores):
            return None
        return len(self._cores) * idle / total


def _cores() -> list[int]:
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


def _cpu_ticks(cores: Sequence[int]) -> tuple[int, int] | None:
    """Idle and total ticks of ``cores`` since boot (``/proc/stat``), None where unreadable."""
    wanted = {f"cpu{c}" for c in cores}
    idle = total = found = 0
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            for line in handle:
                name, _, rest = line.partition(" ")
                if name in wanted:
                    ticks = [int(v) for v in rest.split()]
                    idle += ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
                    total += sum(ticks[:8])  # guest time is counted in user time already
                    found += 1
    except (OSError, ValueError, IndexError):
        return None
    return (idle, total) if found == len(wanted) else None


def chart_workers(n_charts: int, window: CpuWindow | None = None) -> int:
    """How many worker processes draw ``n_charts`` charts: ``STEPPEWATCH_CHART_WORKERS`` when
    set, else one per core free for them, 0 when fewer than two are free or the system cannot
    fork. Never more than the charts.

    Free cores: with ``window`` (opened when the report started), the cores left idle since then
    plus this process's own, which only waits once its tables are done (about a third of the
    charts' time); without it, or when the window cannot be read, the cores this process may
    run on less the 1-minute load average, to the nearest whole core. On an idle 2-core machine,
    2 workers built the bundled report in 2.35-2.51 s, 1 worker (charts drawn one after the
    other beside the tables) in 3.35-3.58 s, none in 3.7-3.8 s."""
    given = os.environ.get(WORKERS_VARIABLE, "").strip()
    if given:
        try:
            wanted = int(given)
            if wanted < 0:
                raise ValueError(given)
        except ValueError:
            raise InputError(
                f"{WORKERS_VARIABLE}={given!r} is not a number of worker processes",
                hint=f"set {WORKERS_VARIABLE} to 0 (draw every chart in the report's own "
                "process) or a positive whole number, or unset it to decide from the idle cores",
                code="SW176",
            ) from None
        return min(wanted, n_charts) if _can_fork() else 0
    if not _can_fork() or not hasattr(os, "sched_getaffinity"):
        return 0
    idle_now = window.idle_cores() if window is not None else None
    if idle_now is not None:
        free = round(idle_now + 1)
    else:
        free = round(len(os.sched_getaffinity(0)) - os.getloadavg()[0])
    return min(free, n_charts) if free >= 2 else 0


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _worker_start() -> None:
    """A forked worker's start: its garbage collections leave the objects it was forked with
    alone (each would otherwise write to, and so copy, every page of them), and it writes to
    standard output and error through files of its own (a progress bar's thread in the parent
    may hold the locks of the ones it was forked with)."""
    gc.freeze()
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 (open while the worker lives)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115


def _side() -> tuple[Any, float]:
    """In a worker: run the side job; its result and the CPU seconds it took."""
    start = time.process_time()
    assert _SIDE is not None
    out = _SIDE()
    return out, time.process_time() - start


def _draw(index: int) -> tuple[bytes, bytes, float]:
    """In a worker: draw job ``index``; its bytes and the CPU seconds it took."""
    start = time.process_time()
    png, svg = _JOBS[index]()
    return png, svg, time.process_time() - start


class ChartDrawing:
    """The charts of ``jobs``, drawn by ``workers`` forked processes started at once (0: drawn
    in this process when :meth:`results` asks for them).

    ``side``: one more job that needs only what the workers are forked with (no database, no
    open file) and returns something small (it is pickled back): given to the workers first,
    so it runs beside this process's own work; its result is :meth:`side_result` (None when
    there are no workers: the caller then does that work itself)."""

    def __init__(
        self, jobs: Sequence[Job], workers: int, side: Callable[[], Any] | None = None
    ) -> None:
        global _JOBS, _SIDE
        self._jobs = list(jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[bytes, bytes, float]]] = []
        self._side_future: Future[tuple[Any, float]] | None = None
        #: CPU seconds the worker processes spent drawing (0 when none drew), and on the side
        #: job.
        self.worker_cpu_s = 0.0
        self.workers = min(workers, len(self._jobs))
        if self.workers > 0:
            _JOBS, _SIDE = self._jobs, side
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_worker_start
            )
            try:
                if side is not None:
                    self._side_future = self._pool.submit(_side)
                self._futures = [self._pool.submit(_draw, i) for i in range(len(self._jobs))]
            except BaseException:
                self.close()
                raise

    def side_result(self) -> Any:
        """The side job's result from the worker that ran it (waiting for it if need be); None
        when no worker ran it. Call it before :meth:`results`, which ends the workers."""
        if self._side_future is None:
            return None
        try:
            out, cpu = self._side_future.result()
        except BrokenProcessPool:
            self.close()
            raise _worker_died() from None
        self.worker_cpu_s += cpu
        return out

    def results(self, done: Callable[[int], None] | None = None) -> list[tuple[bytes, bytes]]:
        """Each job's PNG and SVG, in order (``done(i)`` as each is ready); ends the workers."""
        out: list[tuple[bytes, bytes]] = []
        try:
            for i, job in enumerate(self._jobs):
                if self._pool is None:
                    out.append(job())
                else:
                    png, svg, cpu = self._futures[i].result()
                    self.worker_cpu_s += cpu
                    out.append((png, svg))
                if done is not None:
                    done(i)
        except BrokenProcessPool:
            raise _worker_died() from None
        finally:
            self.close()
        return out

    def close(self) -> None:
        """End the workers (waiting for them, so their CPU time is counted); idempotent."""
        global _JOBS, _SIDE
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _JOBS, _SIDE = (), None


def _worker_died() -> AnalysisError:
    return AnalysisError(
        "a worker process drawing the report's charts ended abruptly (killed, or out "
        "of memory); no report written",
        hint=f"run again; set {WORKERS_VARIABLE}=0 to draw the charts in the report's own process",
        code="SW177",
    )
