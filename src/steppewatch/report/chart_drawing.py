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

from steppewatch.errors import AnalysisError, InputError

__all__ = ["WORKERS_VARIABLE", "ChartDrawing", "chart_workers"]

#: Environment variable giving the number of chart worker processes (0: none).
WORKERS_VARIABLE = "STEPPEWATCH_CHART_WORKERS"

#: A job draws one chart: its PNG and SVG bytes.
Job = Callable[[], tuple[bytes, bytes]]

# The jobs of the drawing under way, read by the forked workers (set before they are forked).
_JOBS: Sequence[Job] = ()


def chart_workers(n_charts: int) -> int:
    """How many worker processes draw ``n_charts`` charts: ``STEPPEWATCH_CHART_WORKERS`` when
    set, else one per idle core (cores this process may run on, less the 1-minute load average,
    to the nearest whole core), 0 when fewer than two are idle or the system cannot fork. Never
    more than the charts.

    The report's own process is not given a core of its own: once its tables are done (about a
    third of the charts' time) it only waits for them. On an idle 2-core machine, 2 workers built
    the bundled report in 2.35-2.51 s, 1 worker (charts drawn one after the other beside the
    tables) in 3.35-3.58 s, none in 3.7-3.8 s."""
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
    idle = round(len(os.sched_getaffinity(0)) - os.getloadavg()[0])
    return min(idle, n_charts) if idle >= 2 else 0


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


def _draw(index: int) -> tuple[bytes, bytes, float]:
    """In a worker: draw job ``index``; its bytes and the CPU seconds it took."""
    start = time.process_time()
    png, svg = _JOBS[index]()
    return png, svg, time.process_time() - start


class ChartDrawing:
    """The charts of ``jobs``, drawn by ``workers`` forked processes started at once (0: drawn
    in this process when :meth:`results` asks for them)."""

    def __init__(self, jobs: Sequence[Job], workers: int) -> None:
        global _JOBS
        self._jobs = list(jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[bytes, bytes, float]]] = []
        #: CPU seconds the worker processes spent drawing (0 when none drew).
        self.worker_cpu_s = 0.0
        self.workers = min(workers, len(self._jobs))
        if self.workers > 0:
            _JOBS = self._jobs
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_worker_start
            )
            try:
                self._futures = [self._pool.submit(_draw, i) for i in range(len(self._jobs))]
            except BaseException:
                self.close()
                raise

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
            raise AnalysisError(
                "a worker process drawing the report's charts ended abruptly (killed, or out "
                "of memory); no report written",
                hint=f"run again; set {WORKERS_VARIABLE}=0 to draw the charts in the report's "
                "own process",
                code="SW177",
            ) from None
        finally:
            self.close()
        return out

    def close(self) -> None:
        """End the workers (waiting for them, so their CPU time is counted); idempotent."""
        global _JOBS
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _JOBS = ()
