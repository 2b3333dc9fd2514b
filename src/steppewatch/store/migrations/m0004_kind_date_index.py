"""An index on events (kind, date_sort) for the explorer's date-ordered pages filtered by kind.

With it, a page such as ``?country=KZ&kind=multilateral_exercise`` walks the events of that
kind newest first and stops once the page is full, instead of reading and sorting every event
of the kind (tens of thousands of full rows on a million events). An index only: the database
keeps it in sync, so no writer changes.
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 4
NAME = "kind_date_index"


def upgrade(connection: Connection) -> None:
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_events_kind_date ON events (kind, date_sort)"
    )
