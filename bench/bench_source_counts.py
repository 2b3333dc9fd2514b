"""The report's load of a Parquet export with its sources per event taken from the export's
``n_sources`` column (checked against the sources counted by publisher and language) or
counted per event by DuckDB (the route before), in the same process, alternating.

Times ``report/build._read_frame`` (the report's load: the events frame and the data
section's source counts) and, apart, the source count alone (the pairs with the export's
counts vs the count per event and per pair). Checks that both routes give the same frame
(every column, order, dtypes) and the same pairs. Prints CPU seconds
(``time.process_time``; the machine may be shared) and writes
bench/results/source_counts.json:

    python bench/bench_source_counts.py /tmp/pq1m --repeat 3
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "source_counts.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="a folder written by steppewatch export --format parquet")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()

    import numpy as np
    import pyarrow as pa
    from sqlalchemy import select

    from steppewatch.report.build import _read_frame
    from steppewatch.store import arrow_reader as ar
    from steppewatch.store.filters import EventFilter
    from steppewatch.store.parquet_store import ParquetStore
    from steppewatch.store.source_reader import CHUNK

    store = ParquetStore(args.export)
    store.connection()
    has_counts = store.source_counts
    filters = EventFilter()
    load: dict[str, list[float]] = {"export_counts": [], "counted": []}
    frames: dict[str, Any] = {}
    pairs: dict[str, Any] = {}
    _read_frame(store, filters, ar.SourceTally())  # warm-up (imports, first reads): not timed
    for _ in range(args.repeat):
        for route in load:
            store.source_counts = has_counts and route == "export_counts"
            tally = ar.SourceTally()
            start = time.process_time()
            frame = _read_frame(store, filters, tally)
            load[route].append(round(time.process_time() - start, 2))
            frames[route], pairs[route] = frame, sorted(tally.pairs or [], key=repr)
            del frame
            print(f"load {route}: {load[route][-1]} s CPU", flush=True)
    store.source_counts = has_counts
    same_frame = frames["export_counts"].equals(frames["counted"]) and all(
        frames["export_counts"][c].dtype == frames["counted"][c].dtype
        for c in frames["counted"].columns
    )
    same_pairs = pairs["export_counts"] == pairs["counted"]
    del frames

    # the count alone, on the ids in the order the report reads them
    with ar.arrow_connection(store) as conn:
        assert conn is not None
        picked = [ar.events.c.id, ar.events.c.date_sort.label("d")]
        picked.append(ar.sql_column("n_sources").label("n_sources__export"))
        table = conn.fetch_encoded(select(*picked), plain=("id",))
        ids = table.column("id").combine_chunks()
        order = ar._date_id_order(table.column("d"), ids)
        seq = np.empty(len(order), dtype=np.int64)
        seq[order] = ar._read_rank(ids.take(pa.array(order)), CHUNK)
        count: dict[str, list[float]] = {"export_counts": [], "counted": []}
        for _ in range(args.repeat):
            start = time.process_time()
            given = ar._exported_counts(conn, table, ids, seq)
            count["export_counts"].append(round(time.process_time() - start, 2))
            start = time.process_time()
            counted = ar._count_sources(conn, ids, seq)
            count["counted"].append(round(time.process_time() - start, 2))
            print(
                f"count: export_counts {count['export_counts'][-1]} s CPU, "
                f"counted {count['counted'][-1]} s CPU",
                flush=True,
            )
        same_counts = given is not None and given[0].equals(counted[0])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    result = {
        "export": str(args.export),
        "events": len(ids),
        "commit": commit,
        "python": platform.python_version(),
        "load_avg": [round(x, 2) for x in __import__("os").getloadavg()],
        "read_frame_cpu_s": load,
        "source_count_cpu_s": count,
        "same_frame": bool(same_frame),
        "same_pairs": bool(same_pairs),
        "same_counts": bool(same_counts),
    }
    print(json.dumps(result, indent=1))
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
