"""PostgreSQL: indexes that hold, beside their keys, the event columns the explorer's filters test
(kind, level, framework, review status, year), so that a date-ordered list page finds its
events' ids from indexes alone (index-only scans) and reads the rows of ``events`` only for the
page itself (``store.query.list_plans``). A row of ``events`` is about 900 bytes, eight to a
page, and the pages of a large table are not all in PostgreSQL's buffers: walking a million
events' dates read a table page per event (11 us each on the bench machine); these indexes hold
about 80 entries a page.

- ``ix_events_id_filters`` (id): a code's rows in date order (``ix_event_codes_code_date``)
  test each event's columns by its id;
- ``ix_events_date_filters`` (date_sort, id): the walk of all events in page order;
- ``ix_events_kind_date_filters`` (kind, date_sort, id): the walk of one kind's events.

And a GIN index on each event's list of codes (countries, topics, domains, as arrays:
``CODE_ARRAYS``), so that a text search with a code filter (``?q=agreement&country=TM``) is the
intersection of two index bitmaps (the words' and the code's) and reads only the rows of the
events that match both: before, every event with the word was read (43,744 rows, 0.5-0.7 s) to
find the 3,727 of that country (``store.query.queries.where_clause``). ``ANALYZE events`` then
gives the planner the statistics of these expressions.

SQLite: nothing (its plans read the event rows, which its page cache serves, and its searches
read the dated text index in page order).

Index-only scans need the table's visibility map, which VACUUM (or autovacuum) keeps: after a
bulk load run ``VACUUM ANALYZE`` (docs/teams.md).
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 15
NAME = "pg_event_lookup_index"
INDEX = "ix_events_id_filters"
INDEXES = {
    INDEX: "(id) INCLUDE (kind, level, framework, review_status, year, date_sort)",
    "ix_events_date_filters": "(date_sort, id) INCLUDE (kind, level, framework, review_status, year)",
    "ix_events_kind_date_filters": "(kind, date_sort, id) INCLUDE (level, framework, review_status, year)",
}

# the codes of an event as an array: the same values as its rows in event_codes (both are
# written from Event.countries, .topics, .domains; records.SEP is ";")
CODE_ARRAYS = {
    "countries": "string_to_array(events.countries, ';')",
    "topics": "string_to_array(events.topics, ';')",
    "domains": "string_to_array(events.domains, ';')",
}
ARRAY_INDEXES = {f"ix_events_{field}_array": field for field in CODE_ARRAYS}


def upgrade(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for name, columns in INDEXES.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON events {columns}")
    for name, field in ARRAY_INDEXES.items():
        expression = CODE_ARRAYS[field].replace("events.", "")
        connection.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {name} ON events USING gin (({expression}))"
        )
    connection.exec_driver_sql("ANALYZE events")
