"""Copy a steppewatch SQLite database (e.g. the synthetic 1,000,000-event one of
``make_synthetic_db.py``) into a PostgreSQL database, for the explorer bench on PostgreSQL.

The target database is created if missing and given the store's schema (``open_store``: the same
migrations as any PostgreSQL store); then the events, their codes and sources (and linked
documents and coded items, when the source has any) are sent with ``COPY`` in batches, with the
secondary indexes dropped during the copy and built again after it (one sort each instead of a
million index insertions), ``event_search`` (migration 16) filled in date order after the events
(its trigger off during the copy), and the tables analysed. Prints the seconds of each step.

    python bench/load_pg.py --from /tmp/sw1m.db --to postgresql://steppewatch:steppewatch@127.0.0.1:5432/sw_bench1m

A database that already holds events is left alone unless ``--replace``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

# parents first: event_codes and sources reference events, coded_items documents and events
TABLES = ("events", "event_codes", "sources", "documents", "coded_items")
SEARCH_TABLE, SEARCH_TRIGGER = "event_search", "event_search_sync"  # migration 16
BATCH = 20_000


def ensure_database(url: str) -> None:
    """CREATE DATABASE the target if it does not exist (through the server's ``postgres`` DB)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from steppewatch.store import resolve_url

    target = make_url(resolve_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        found = conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
        ).scalar()
        if not found:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def libpq_url(url: str) -> str:
    """The URL without SQLAlchemy's driver suffix (``postgresql+psycopg://`` -> ``postgresql://``)."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgresql") else url


def load(source: Path, url: str, *, replace: bool = False) -> dict[str, float]:
    """Copy ``source`` (SQLite) into ``url`` (PostgreSQL); seconds per step."""
    import psycopg

    from steppewatch.store import open_store
    from steppewatch.store.migrations.m0016_pg_event_search import FILL as SEARCH_FILL

    times: dict[str, float] = {}
    started = time.perf_counter()
    ensure_database(url)
    open_store(url).close()  # the schema, by the store's own migrations
    times["schema"] = time.perf_counter() - started
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    have = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    with psycopg.connect(libpq_url(url)) as pg:
        n_events = pg.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        if n_events and not replace:
            print(f"{url.rsplit('@', 1)[-1]} already holds {n_events:,} events: left alone")
            return times
        pg.execute("TRUNCATE " + ", ".join(TABLES) + " CASCADE")
        # event_search (migration 16): its trigger off during the copy (a row and two index
        # entries per event, in load order), the table filled in date order after it
        search = bool(pg.execute("SELECT to_regclass(%s)", (SEARCH_TABLE,)).fetchone()[0])  # type: ignore[index]
        if search:
            pg.execute(f"ALTER TABLE events DISABLE TRIGGER {SEARCH_TRIGGER}")
        indexes = pg.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "AND tablename = ANY(%s) AND indexname NOT LIKE '%%_pkey'",
            ([*TABLES, SEARCH_TABLE],),
        ).fetchall()
        for name, _ in indexes:
            pg.execute(f'DROP INDEX "{name}"')
        pg.commit()
        for table in TABLES:
            if table not in have:
                continue
            step = time.perf_counter()
            columns = [
                r[0]
                for r in pg.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                    (table,),
                )
            ]
            lite_columns = {r[1] for r in lite.execute(f"PRAGMA table_info({table})")}
            shared = [c for c in columns if c in lite_columns]
            quoted = ", ".join(f'"{c}"' for c in shared)
            cursor = lite.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid")
            rows = 0
            with pg.cursor() as out, out.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                while batch := cursor.fetchmany(BATCH):
                    for row in batch:
                        copy.write_row(row)
                    rows += len(batch)
            pg.commit()
            times[f"copy_{table}"] = time.perf_counter() - step
            print(f"  {table}: {rows:,} rows in {times[f'copy_{table}']:.1f} s", file=sys.stderr)
        if search:
            step = time.perf_counter()
            pg.execute(SEARCH_FILL)
            pg.execute(f"ALTER TABLE events ENABLE TRIGGER {SEARCH_TRIGGER}")
            pg.commit()
            times["fill_event_search"] = time.perf_counter() - step
        if "meta" in have:  # dataset name and version, codebook version
            meta = lite.execute("SELECT key, value FROM meta").fetchall()
            pg.execute("DELETE FROM meta WHERE key = ANY(%s)", ([k for k, _ in meta],))
            with pg.cursor() as out:
                out.executemany("INSERT INTO meta (key, value) VALUES (%s, %s)", meta)
            pg.commit()
        step = time.perf_counter()
        pg.execute("SET maintenance_work_mem = '256MB'")  # GIN builds: 64 MB made them crawl
        for _, definition in indexes:
            pg.execute(definition)
        pg.commit()
        times["indexes"] = time.perf_counter() - step
        step = time.perf_counter()
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
        times["analyze"] = time.perf_counter() - step
    lite.close()
    times["total"] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, help="SQLite file")
    parser.add_argument("--to", dest="url", required=True, help="postgresql://... database URL")
    parser.add_argument("--replace", action="store_true", help="empty the target first")
    args = parser.parse_args()
    times = load(args.source, args.url, replace=args.replace)
    print(", ".join(f"{k} {v:.1f} s" for k, v in times.items()))


if __name__ == "__main__":
    main()
