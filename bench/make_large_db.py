"""Make a large synthetic SQLite database (e.g. 10,000,000 events) from a smaller one, in SQLite.

``make_synthetic_db.py`` builds events in Python, about 11 minutes per million on this machine.
This script copies a database it made ``--times`` times inside SQLite (``INSERT ... SELECT``
from the attached source, no Python per row): copy ``k`` of an event gets the id ``<id>~<k>``
(copy 0 keeps the id), its sources follow it. The secondary indexes are dropped during the copy
and built again at the end, and the tables' triggers (full-text index, data version) are dropped
during the copy and created again after it. 10,000,000 events from 1,000,000 took 5 minutes
on the 2-core machine with nothing else running (27 minutes under a load average of about 10);
the file is about 16 GB, mostly disk writes.

What it is for: the report's reads and analysis at scale (``bench_report.py --load`` and
``--large``). What it is not: the full-text index is not filled for the copied rows (text
searches find nothing; the explorer's search bench uses ``make_synthetic_db.py``), and
``event_codes`` (country, topic, domain filters) is copied only with ``--codes`` (it is about
half of the file).

    python bench/make_large_db.py --from /tmp/sw1m.db --out /tmp/sw10m.db --times 10
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

#: Columns of events copied as they are (id and content_hash are made per copy).
_EVENT_COLUMNS = (
    "kind", "title", "date_start", "date_end", "year", "date_sort", "precision", "countries",
    "framework", "location", "actors", "level", "domains", "topics", "attributes", "summary",
    "verification", "review_status", "codebook_version", "coder", "dataset_version",
    "created_at", "updated_at", "confidence",
)  # fmt: skip
_SOURCE_COLUMNS = (
    "position", "url", "publisher", "language", "published", "source_type", "attests",
    "document_id",
)  # fmt: skip


def _suffix(column: str, k: int) -> str:
    return column if k == 0 else f"{column} || '~{k}'"


def generate(source: Path, out: Path, times: int, codes: bool = False) -> dict[str, object]:
    from steppewatch.store import open_store
    from steppewatch.store.tables import event_codes, events, sources

    if out.exists():
        out.unlink()
    started = time.perf_counter()
    store = open_store("sqlite:///" + str(out))  # the schema, through the real migrations
    indexes = [*events.indexes, *event_codes.indexes, *sources.indexes]
    for index in indexes:
        index.drop(store.engine)
    store.close()

    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('events', 'sources', 'event_codes')"
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    for key, value in conn.execute("SELECT key, value FROM src.meta").fetchall():
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
    n_src = conn.execute("SELECT count(*) FROM src.events").fetchone()[0]
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('dataset_version', ?)",
        (f"synthetic-{n_src * times}",),
    )
    copied = ", ".join(_EVENT_COLUMNS)
    source_columns = ", ".join(_SOURCE_COLUMNS)
    for k in range(times):
        conn.execute(
            f"INSERT INTO events (id, content_hash, {copied}) "  # noqa: S608 (no input in the text)
            f"SELECT {_suffix('id', k)}, {_suffix('content_hash', k)}, {copied} FROM src.events"
        )
        conn.execute(
            f"INSERT INTO sources (event_id, {source_columns}) "  # noqa: S608
            f"SELECT {_suffix('event_id', k)}, {source_columns} FROM src.sources"
        )
        if codes:
            conn.execute(
                "INSERT INTO event_codes (event_id, facet, code, date_sort) "  # noqa: S608
                f"SELECT {_suffix('event_id', k)}, facet, code, date_sort FROM src.event_codes"
            )
        conn.commit()
        print(f"\r{k + 1} / {times} copies", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    conn.execute("DETACH DATABASE src")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    loaded = time.perf_counter()
    store = open_store("sqlite:///" + str(out))
    for index in indexes:
        if codes or index.table is not event_codes:
            index.create(store.engine)
    n_events, n_sources = store.count_events(), store.count_sources()
    store.close()
    done = time.perf_counter()
    return {
        "events": n_events,
        "sources": n_sources,
        "copy_seconds": round(loaded - started, 1),
        "index_seconds": round(done - loaded, 1),
        "total_seconds": round(done - started, 1),
        "size_mb": round(out.stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, help="SQLite file")
    parser.add_argument("--out", type=Path, required=True, help="SQLite file to create")
    parser.add_argument("--times", type=int, default=10, help="copies of the source's events")
    parser.add_argument("--codes", action="store_true", help="copy event_codes too")
    args = parser.parse_args()
    print(json.dumps(generate(args.source.resolve(), args.out, args.times, args.codes)))


if __name__ == "__main__":
    main()
