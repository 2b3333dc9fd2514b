"""Insert many rows into one table: PostgreSQL's COPY, else one executemany.

Used by the bulk link of a coded dataset (``scale.link``) for documents, coded items and
suggestions, inside the caller's transaction. Rows are dicts keyed by column name; a column a
row lacks is NULL (as with ``table.insert()``, whose Python-side defaults COPY does not run, so
callers give every value)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table

__all__ = ["insert_rows"]


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), list(rows))
        return
    names = [c.name for c in table.columns if any(c.name in row for row in rows[:1])]
    columns = ", ".join(f'"{name}"' for name in names)
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row.get(name) for name in names])
