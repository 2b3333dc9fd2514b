"""Make a large Parquet export (e.g. 10,000,000 events) from a smaller one, with DuckDB.

The Parquet counterpart of ``make_large_db.py``, with the same copies: copy ``k`` of an event
gets the id ``<id>~<k>`` (copy 0 keeps the id), its sources and codes follow it, every other
value is the same, and ``dataset_version`` becomes ``synthetic-<events>``. So the result is what
``steppewatch export --format parquet`` would write from the database ``make_large_db.py
--times K`` makes from the same source (same rows; the files' row order may differ, which no
reader depends on), without running that export (43 s of CPU per million events on the 2-core
machine, about 7 minutes for ten million, and it writes the CSV tables too). Only the files ``report --from-parquet`` reads are made
(events, sources, event_codes and datapackage.json); no CSV.

    python bench/make_large_parquet.py --from /tmp/sw1m-parquet --out /tmp/sw10m-parquet --times 10
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

#: The tables copied and the column that takes the copy's suffix.
_TABLES = {"events": "id", "sources": "event_id", "event_codes": "event_id"}


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def generate(source: Path, out: Path, times: int) -> dict[str, object]:
    from steppewatch.store.parquet_store import ParquetStore, duckdb_module

    ParquetStore(source)  # SW178 if it is not an export
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    started = time.perf_counter()
    db = duckdb_module().connect(":memory:")
    counts: dict[str, int] = {}
    for table, key in _TABLES.items():
        path = source / f"{table}.parquet"
        columns = [
            row[0]
            for row in db.sql(f"DESCRIBE SELECT * FROM read_parquet({_quoted(path)})").fetchall()
        ]  # noqa: S608 (a path, quoted)
        copies = []
        for k in range(times):
            picked = [f"{c} || '~{k}' AS {c}" if c == key and k else c for c in columns]
            copies.append(f"SELECT {', '.join(picked)} FROM read_parquet({_quoted(path)})")  # noqa: S608
        target = out / f"{table}.parquet"
        db.sql(
            f"COPY ({' UNION ALL '.join(copies)}) TO {_quoted(target)} "
            "(FORMAT parquet, COMPRESSION zstd)"
        )
        counts[table] = int(
            db.sql(f"SELECT count(*) FROM read_parquet({_quoted(target)})").fetchall()[0][0]
        )  # noqa: S608
    db.close()
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    tool = descriptor["steppewatch"]
    version = f"synthetic-{counts['events']}"
    tool["dataset_version"] = version
    tool.setdefault("store_meta", {})["dataset_version"] = version
    tool["rows"] = {**tool.get("rows", {}), **counts}
    tool["note"] = f"made by bench/make_large_parquet.py: {times} copies of {source}"
    descriptor["version"] = version
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    done = time.perf_counter()
    size = sum(p.stat().st_size for p in out.glob("*.parquet"))
    return {
        **{f"{name}_rows": n for name, n in counts.items()},
        "seconds": round(done - started, 1),
        "size_mb": round(size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, help="export folder")
    parser.add_argument("--out", type=Path, required=True, help="folder to create (replaced)")
    parser.add_argument("--times", type=int, default=10, help="copies of the source's events")
    args = parser.parse_args()
    print(json.dumps(generate(args.source.resolve(), args.out, args.times)))


if __name__ == "__main__":
    main()
