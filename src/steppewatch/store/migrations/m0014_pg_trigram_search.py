"""PostgreSQL: a trigram index (``pg_trgm``) on the lower-cased text of every event, so that a
search for Chinese words (no spaces, so no ``to_tsvector`` words) reads the index instead of
every event (``store.query.queries.search_condition``). SQLite: nothing (its FTS5 tables are
trigram indexes already).

Where the extension cannot be created (not installed on the server, or the role may not create
it), the migration records that and does nothing: Chinese searches then scan the events, as
before, under the explorer's time limits.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 14
NAME = "pg_trigram_search"

# the text searched, as one expression: the index is used only by this exact expression
PG_EVENT_TEXT = (
    "lower(coalesce(title,'') || ' ' || coalesce(summary,'') || ' ' || "
    "coalesce(location,'') || ' ' || coalesce(actors,''))"
)
INDEX = "ix_events_text_trgm"


def upgrade(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    available = connection.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).scalar()
    if not available:
        return
    with connection.begin_nested():  # a role that may not create it: leave the schema as is
        try:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except Exception:  # noqa: BLE001 - insufficient privilege: no index, searches scan
            return
    connection.execute(
        text(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON events USING gin (({PG_EVENT_TEXT}) gin_trgm_ops)"
        )
    )
