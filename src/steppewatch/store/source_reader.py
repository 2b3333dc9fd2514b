"""The sources of many events at once, for the report (the data section, both sides' accounts,
the events behind the findings).

Rows come in the order the report has always read them: the ids in chunks of
:data:`CHUNK` in the order given, and within a chunk by event id, then source position. On
SQLite the ids go into a temporary table keyed by (chunk, id) and one query joins it to the
sources through their index: no sort, no thousands of ``IN (...)`` round trips (a million events
have two million sources). Elsewhere the ids are read chunk by chunk with ``IN``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from steppewatch.store.parquet_store import ParquetStore

if TYPE_CHECKING:
    from steppewatch.store.store import Store

__all__ = ["CHUNK", "SOURCE_COLUMNS", "count_sources_sqlite", "iter_sources"]

#: Ids per chunk (the order of the rows follows these chunks).
CHUNK = 500
#: Columns of the sources table that can be asked for.
SOURCE_COLUMNS = ("url", "publisher", "language", "attests", "source_type", "published")
_FETCH = 50_000


def iter_sources(
    store: Store | ParquetStore, ids: Sequence[str], columns: Sequence[str]
) -> Iterator[Sequence[tuple[Any, ...]]]:
    """Chunks of ``(event_id, *columns)`` rows: every source of the events ``ids`` (repeated
    ids count once). ``columns``: names from :data:`SOURCE_COLUMNS`."""
    unknown = [c for c in columns if c not in SOURCE_COLUMNS]
    if unknown:
        raise ValueError(f"unknown source columns: {unknown}")
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return
    if isinstance(store, ParquetStore):
        yield from store.iter_sources(wanted, columns, CHUNK, _FETCH)
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
        _fill_ids(cursor, ids)
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


def _fill_ids(cursor: Any, ids: list[str]) -> None:
    """The temporary table of ``ids``: (chunk, id) and ``seq``, the rank of the id in the
    order the rows are read (by chunk, then id: Python orders str as SQLite orders UTF-8)."""
    cursor.execute(
        "CREATE TEMP TABLE sw_source_ids (chunk INTEGER NOT NULL, id TEXT NOT NULL, "
        "seq INTEGER NOT NULL, PRIMARY KEY (chunk, id)) WITHOUT ROWID"
    )

    def rows() -> Iterator[tuple[int, str, int]]:
        for start in range(0, len(ids), CHUNK):
            for j, i in enumerate(sorted(ids[start : start + CHUNK])):
                yield start // CHUNK, i, start + j

    cursor.executemany("INSERT INTO temp.sw_source_ids VALUES (?, ?, ?)", rows())


#: ``seq * _SEQ + position`` orders sources as :func:`iter_sources` reads them.
_SEQ = 1 << 32


def count_sources_sqlite(
    store: Store | ParquetStore, ids: Sequence[str], undecided: Callable[[str | None], bool]
) -> tuple[list[tuple[Any, Any, int, int]], list[tuple[Any, Any, int]]] | None:
    """The sources of the events ``ids`` counted in SQL, for a SQLite store (None elsewhere):
    ``(publisher, language, count, first)`` per distinct pair, and for the publishers that
    ``undecided`` says need their URL (and sources with no publisher), ``(url, language,
    first)`` per source. ``first``: where the pair or source comes in :func:`iter_sources`'s
    order (smaller is earlier). Two grouped queries instead of two million rows."""
    if isinstance(store, ParquetStore):
        return None
    wanted = list(dict.fromkeys(ids))
    with store.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return None
        if not wanted:
            return [], []
        raw: Any = conn.connection.dbapi_connection
        cursor = raw.cursor()
        try:
            cursor.execute("DROP TABLE IF EXISTS temp.sw_source_ids")
            cursor.execute("DROP TABLE IF EXISTS temp.sw_source_publishers")
            _fill_ids(cursor, wanted)
            join = "FROM temp.sw_source_ids AS t JOIN sources AS s ON s.event_id = t.id"
            pairs = cursor.execute(
                f"SELECT s.publisher, s.language, COUNT(*), MIN(t.seq * {_SEQ} + s.position) "  # noqa: S608 (no input in the text)
                f"{join} GROUP BY s.publisher, s.language"
            ).fetchall()
            need = sorted({p for p, _l, _n, _f in pairs if p is not None and undecided(p)})
            by_url: list[tuple[Any, Any, int]] = []
            if need or any(p is None for p, _l, _n, _f in pairs):
                cursor.execute("CREATE TEMP TABLE sw_source_publishers (p TEXT PRIMARY KEY)")
                cursor.executemany(
                    "INSERT INTO temp.sw_source_publishers VALUES (?)", [(p,) for p in need]
                )
                cursor.execute(
                    f"SELECT s.url, s.language, t.seq * {_SEQ} + s.position {join} "  # noqa: S608 (no input in the text)
                    "WHERE s.publisher IS NULL "
                    "OR s.publisher IN (SELECT p FROM temp.sw_source_publishers)"
                )
                while rows := cursor.fetchmany(_FETCH):
                    by_url.extend(rows)
            return pairs, by_url
        finally:
            cursor.execute("DROP TABLE IF EXISTS temp.sw_source_ids")
            cursor.execute("DROP TABLE IF EXISTS temp.sw_source_publishers")
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
