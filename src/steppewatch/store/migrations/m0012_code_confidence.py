"""A confidence per code of a machine event (issue 13): ``event_codes.confidence`` is the coder's
calibrated confidence in that country, topic or domain, and ``events.confidence`` the lowest of
the event's (kind, framework and level included), with an index (review_status, confidence, id)
so the review queue can list the least certain machine events first.

Writers fill both from the event's ``attributes["confidence"]`` (``records.event_row`` and
``records.code_rows``); curated events and events coded before this migration have NULL, which
the queue lists after every scored event.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

VERSION = 12
NAME = "code_confidence"


def upgrade(connection: Connection) -> None:
    run = connection.exec_driver_sql
    inspector = inspect(connection)
    for table in ("events", "event_codes"):
        columns = {c["name"] for c in inspector.get_columns(table)}
        if "confidence" not in columns:  # databases made before the column was in tables.py
            run(f"ALTER TABLE {table} ADD COLUMN confidence FLOAT")
    run(
        "CREATE INDEX IF NOT EXISTS ix_events_status_confidence "
        "ON events (review_status, confidence, id)"
    )
