"""Event text search in date order (SQLite), a data version counter for the web workers, and
throttling of failed sign-ins.

1. ``events_fts_dated`` replaces ``events_fts``. It is a contentless FTS5 table (trigram, the
   same four columns) whose rowid is ``(date key << 32) | events.rowid``, the date key being
   ``date_sort`` as the integer YYYYMMDD. FTS5 returns the hits of a MATCH in rowid order
   (either way) without sorting them, so the explorer's newest-first search reads hits one by one
   in the order of the page, checks each against the filters and stops once the page is full,
   instead of collecting every hit of a common word (hundreds of thousands on a million events)
   first. The order (date_sort, rowid) is exactly the order of the explorer's date sorts.
   Triggers on events keep it in sync (a contentless table is told the old values to remove a
   row: an UPDATE removes the old row, date included, and adds the new one). The table is filled
   from the events here (about two minutes on a million events); ``events_fts`` and its triggers
   are dropped (same text, one index fewer to write).
2. ``data_version`` (both dialects): one row holding a counter, bumped by triggers in the same
   transaction as every insert, update or delete of events (an event's codes and sources are
   only written with it), so any web worker sees that its cached pages and counts are stale by
   reading one row.

3. ``login_failures`` (both dialects): failed sign-ins, for throttling them across workers
   (see ``steppewatch.review.login_limits``).

PostgreSQL keeps its expression indexes for text search (nothing to do for 1).
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 6
NAME = "dated_event_search"

COLUMNS = ("title", "summary", "location", "actors")
ROWID_BITS = 32
DATE_KEY = "(CAST(replace({row}.date_sort, '-', '') AS INTEGER) << 32) | {row}.rowid"
# every write of an event (its codes and sources are only written with it): what the web
# workers cache; suggestions, the audit log and review codings are read uncached
WATCHED = ("events",)


def _event_search(connection: Connection) -> None:
    cols = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    new_key, old_key = DATE_KEY.format(row="new"), DATE_KEY.format(row="old")
    run = connection.exec_driver_sql
    for name in ("events_fts_ai", "events_fts_ad", "events_fts_au"):
        run(f"DROP TRIGGER IF EXISTS {name}")
    run("DROP TABLE IF EXISTS events_fts")
    run(f"CREATE VIRTUAL TABLE events_fts_dated USING fts5({cols}, content='', tokenize='trigram')")
    insert = f"INSERT INTO events_fts_dated(rowid, {cols}) VALUES ({new_key}, {new});"
    remove = (
        f"INSERT INTO events_fts_dated(events_fts_dated, rowid, {cols}) "
        f"VALUES ('delete', {old_key}, {old});"
    )
    run(f"CREATE TRIGGER events_fts_dated_ai AFTER INSERT ON events BEGIN {insert} END")
    run(f"CREATE TRIGGER events_fts_dated_ad AFTER DELETE ON events BEGIN {remove} END")
    # only when an indexed column or the date is written: adding a source to an event (what
    # ingest does most) writes its hash and time stamp, and re-indexing its text would be waste
    watched = ", ".join((*COLUMNS, "date_sort"))
    run(
        f"CREATE TRIGGER events_fts_dated_au AFTER UPDATE OF {watched} ON events "
        f"BEGIN {remove} {insert} END"
    )
    run(
        f"INSERT INTO events_fts_dated(rowid, {cols}) "
        f"SELECT {DATE_KEY.format(row='events')}, {cols} FROM events"
    )


def _data_version(connection: Connection, tables: set[str]) -> None:
    run = connection.exec_driver_sql
    run("CREATE TABLE data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)")
    run("INSERT INTO data_version (id, version) VALUES (1, 1)")
    bump = "UPDATE data_version SET version = version + 1 WHERE id = 1"
    watched = [t for t in WATCHED if t in tables]
    if connection.dialect.name == "sqlite":
        for table in watched:
            for action in ("INSERT", "UPDATE", "DELETE"):
                # one statement of many rows bumps once per row: cheap (one page, in cache)
                run(
                    f"CREATE TRIGGER data_version_{table}_{action.lower()} AFTER {action} ON {table} "
                    f"BEGIN {bump}; END"
                )
    elif connection.dialect.name == "postgresql":
        run(
            "CREATE FUNCTION steppewatch_bump_data_version() RETURNS trigger AS $$ "
            f"BEGIN {bump}; RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
        for table in watched:
            # per statement: one bump per write, whatever its number of rows
            run(
                f"CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION steppewatch_bump_data_version()"
            )


def upgrade(connection: Connection) -> None:
    from steppewatch.review.login_limits import login_failures

    tables = set(inspect(connection).get_table_names())
    if connection.dialect.name == "sqlite":
        _event_search(connection)
    _data_version(connection, tables)
    login_failures.create(connection, checkfirst=True)
