"""The sources of many events at once, for the report (the data section, both sides' accounts,
the events behind the findings).

Rows come in the order the report has always read them: the ids in chunks of
:data:`CHUNK` in the order given, and within a chunk by event id, then source position. On
SQLite the ids go into a temporary table keyed by (chunk, id) and one query joins it to the
sources through their index: no sort, no thousands of ``IN (...)`` round trips (a million events
have two million sources). Elsewhere the ids are read chunk by chunk with ``IN``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from steppewatch.store.store import Store

__all__ = ["CHUNK", "SOURCE_COLUMNS", "iter_sources"]

#: Ids per chunk (the order of the rows follows these chunks).
CHUNK = 500
#: Columns of the sources table that can be asked for.
SOURCE_COLUMNS = ("url", "publisher", "language", "attests", "source_type", "published")
_FETCH = 50_000


def iter_sources(
    store: Store, ids: Sequence[str], columns: Sequence[str]
) -> Iterator[Sequence[tuple[Any, ...]]]:
    """Chunks of ``(event_id, *columns)`` rows: every source of the events ``ids`` (repeated
    ids count once). ``columns``: names from :data:`SOURCE_COLUMNS`."""
    unknown = [c for c in columns if c not in SOURCE_COLUMNS]
    if unknown:
        raise ValueError(f"unknown source columns: {unknown}")
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            yield from _sqlite(conn, wanted, columns)
        else:
            yield from _chunked(conn, wanted, columns)


def _sqlite(
    conn: Any, ids: list[str], columns: Sequence[str]
) -> Iterator[Sequence[tuple[Any, ...]]]:
    raw = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.execute("DROP TABLE IF EXISTS temp.sw_source_ids")
        cursor.execute(
            "CREATE TEMP TABLE sw_source_ids (chunk INTEGER NOT NULL, id TEXT NOT NULL, "
            "PRIMARY KEY (chunk, id)) WITHOUT ROWID"
        )
        cursor.executemany(
            "INSERT INTO temp.sw_source_ids VALUES (?, ?)",
            ((k // CHUNK, i) for k, i in enumerate(ids)),
        )
        picked = ", ".join(f"s.{c}" for c in columns)
        cursor.execute(
            f"SELECT s.event_id, {picked} FROM temp.sw_source_ids AS t "  # noqa: S608 (names checked)
            "JOIN sources AS s ON s.event_id = t.id ORDER BY t.chunk, t.id, s.position"
        )
        while rows := cursor.fetchmany(_FETCH):
            yield rows
    finally:
        cursor.execute("DROP TABLE IF EXISTS temp.sw_source_ids")
        cursor.close()


def _chunked(
    conn: Any, ids: list[str], columns: Sequence[str]
) -> Iterator[Sequence[tuple[Any, ...]]]:
    from sqlalchemy import select

    from steppewatch.store.tables import sources

    picked = [sources.c.event_id, *(sources.c[c] for c in columns)]
    for start in range(0, len(ids), CHUNK):
        query = (
            select(*picked)
            .where(sources.c.event_id.in_(ids[start : start + CHUNK]))
            .order_by(sources.c.event_id, sources.c.position)
        )
        yield [tuple(r) for r in conn.execute(query)]
