"""Each event code row carries its event's ``date_sort``, with an index (facet, code, date_sort).

The explorer's newest-first list filtered by a code (``?topic=border_security&domain=military``)
could read the page only from the date index of all events (checking the codes of every event
passed, up to the whole of a year range in which the codes never meet: 125,000 events on the
synthetic million) or from all the events of the code (sorted after). With this index it reads
that code's rows newest first and stops when the page is full.

Writers fill the column with the codes (``records.code_rows``); a date changed without
rewriting the codes is copied by a trigger on ``events`` (both dialects). Existing rows are
filled here (about a minute on a million events).
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 7
NAME = "code_date_index"

_COPY = "UPDATE event_codes SET date_sort = {new}.date_sort WHERE event_id = {new}.id"


def upgrade(connection: Connection) -> None:
    run = connection.exec_driver_sql
    columns = {c["name"] for c in inspect(connection).get_columns("event_codes")}
    if "date_sort" not in columns:  # databases made before this column was in tables.py
        run("ALTER TABLE event_codes ADD COLUMN date_sort VARCHAR(10)")
    run(
        "UPDATE event_codes SET date_sort = "
        "(SELECT events.date_sort FROM events WHERE events.id = event_codes.event_id) "
        "WHERE date_sort IS NULL"
    )
    run(
        "CREATE INDEX IF NOT EXISTS ix_event_codes_code_date "
        "ON event_codes (facet, code, date_sort, event_id)"
    )
    if connection.dialect.name == "sqlite":
        run(
            "CREATE TRIGGER event_codes_date AFTER UPDATE OF date_sort ON events "
            f"BEGIN {_COPY.format(new='new')}; END"
        )
    elif connection.dialect.name == "postgresql":
        run(
            "CREATE FUNCTION steppewatch_copy_code_date() RETURNS trigger AS $$ "
            f"BEGIN {_COPY.format(new='NEW')}; RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
        run(
            "CREATE TRIGGER event_codes_date AFTER UPDATE OF date_sort ON events FOR EACH ROW "
            "WHEN (OLD.date_sort IS DISTINCT FROM NEW.date_sort) "
            "EXECUTE FUNCTION steppewatch_copy_code_date()"
        )
