"""The report's largest files written in a thread while the report goes on.

On 10,000,000 events the activity and exercise tables are about 1.1 GB of CSV and
finding_events.csv 1.7 GB; written at the end, after everything else, they took about a fifth
of the report's time on one core while the other had nothing to do. Each such file is written
as soon as its table is made, into the report's staging folder (``atomic_output.staged_folder``:
nothing is published before the whole report is written), by one thread beside the report's
own work: DuckDB's and Arrow's CSV writers format and write without Python's lock.
:func:`~steppewatch.report.html.write_report` then writes only what is not written yet, and the
bytes are the same: a table goes through the same writer (``table_csv.write_table_csv``), and
one it refuses is left to ``write_report`` (pandas).
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from steppewatch.report.evidence import CSV_NAME
from steppewatch.report.table_csv import MIN_ROWS, write_table_csv

if TYPE_CHECKING:
    import pandas as pd

    from steppewatch.report.evidence import Evidence

__all__ = ["EarlyFiles"]


class EarlyFiles:
    """Files of ``folder``'s ``data/`` written by one thread, in the order they were given.

    The tables given must not change until :meth:`finish` (the report keeps them unchanged
    until its files are written). An error in the thread (a full disk) is raised by
    :meth:`finish`; :meth:`close` waits for the thread and drops what it did not start."""

    def __init__(self, folder: Path, *, min_rows: int | None = None) -> None:
        self.data = folder / "data"
        #: tables with fewer rows are left to ``write_report`` (default: table_csv's MIN_ROWS)
        self.min_rows = MIN_ROWS if min_rows is None else min_rows
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-files")
        self._tables: dict[str, tuple[int, Future[bool]]] = {}
        self._evidence: Future[None] | None = None

    def table(self, name: str, table: pd.DataFrame) -> None:
        """Write ``data/<name>.csv`` of ``table`` when it is large (else left to
        ``write_report``)."""
        if len(table) >= self.min_rows and name not in self._tables:
            self._tables[name] = (id(table), self._pool.submit(self._write, table, name))

    def evidence(self, evidence: Evidence) -> None:
        """Write ``data/finding_events.csv``."""
        if self._evidence is None:
            self._evidence = self._pool.submit(self._write_evidence, evidence)

    def _write(self, table: pd.DataFrame, name: str) -> bool:
        self.data.mkdir(parents=True, exist_ok=True)
        path = self.data / f"{name}.csv"
        tmp = path.with_name(f".{path.name}.tmp")
        if not write_table_csv(table, tmp, min_rows=self.min_rows):
            return False
        os.replace(tmp, path)
        return True

    def _write_evidence(self, evidence: Evidence) -> None:
        self.data.mkdir(parents=True, exist_ok=True)
        tmp = self.data / f".{CSV_NAME}.tmp"
        evidence.write_csv(tmp)
        os.replace(tmp, self.data / CSV_NAME)

    def finish(self) -> tuple[dict[str, int], bool]:
        """Wait for every file: the tables written (name: the ``id`` of the table written)
        and whether finding_events.csv was. Raises what the thread raised."""
        written = {name: key for name, (key, job) in self._tables.items() if job.result()}
        if self._evidence is not None:
            self._evidence.result()
        return written, self._evidence is not None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
