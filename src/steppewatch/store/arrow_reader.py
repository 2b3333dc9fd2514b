"""Events and their sources read as Arrow tables, in C, for the report on large stores.

The row-by-row reader (:func:`steppewatch.store.frames.events_frame`) makes a Python tuple per
row in the database driver and then a pandas frame from lists; on a million events that is most
of the report's load time and memory. Here the same query runs through an ADBC driver
(``adbc-driver-sqlite``, ``adbc-driver-postgresql``: Apache Arrow's database connectivity; the
rows go from SQLite's C API or PostgreSQL's binary ``COPY`` straight into Arrow arrays, batch by
batch, each text column dictionary-encoded as it comes). Source counts come from one grouped
query joined in Arrow, or, when most events are read, from one read of every source that also
counts them by publisher and language for the report's data section (:class:`SourceTally`);
rows are sorted by Arrow; only then is the pandas frame the analysis
reads made, with one Python object per *distinct* value (a million events have a few hundred
distinct country lists, kinds or dates), so the frame is the row-by-row reader's, value for
value.

DuckDB: the DuckDB we pin (2.x) reads neither SQLite nor PostgreSQL without an extension
downloaded at run time, so the drivers read those; the sources are then counted (per event, and
by publisher and language) by DuckDB on the Arrow tables in place. A Parquet export
(:class:`~steppewatch.store.parquet_store.ParquetStore`, ``report --from-parquet``) is read by
DuckDB itself, through the same queries: one path from the Arrow tables on, whatever the
database.

Every function returns None when there is no Arrow route for the store (a SQLite database in
memory or smaller than :data:`SQLITE_MIN_EVENTS`, or another kind of database) or the driver
cannot read a value; callers then use the row-by-row reader, which gives the same result.

The SQLite driver guesses a column's type from its first batch (a column NULL in all of it
would be guessed as an integer and fail later), so every nullable text column is read as
``COALESCE(column, '')`` with a second column saying where it was NULL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, String, case, cast, func, literal, select
from sqlalchemy import column as sql_column

from steppewatch.store.filters import EventFilter
from steppewatch.store.parquet_store import ParquetStore, duckdb_module
from steppewatch.store.tables import events, sources

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    from steppewatch.store.store import Store

__all__ = ["SourceTally", "arrow_connection", "report_events_frame", "source_pairs", "url_rows"]

#: Rows per Arrow batch read from SQLite (the driver's default is 1,024; larger batches cost
#: less per row, smaller ones leave less memory behind; the result is the same).
BATCH_ROWS = 16_384
#: Below this many events a SQLite file is read row by row: the Arrow route's fixed costs (its
#: connection, Arrow's compute functions) are then more than it saves. PostgreSQL always uses it.
SQLITE_MIN_EVENTS = 20_000
#: Text columns of ``events`` that may be NULL (read through ``COALESCE``; see above).
_NULLABLE = frozenset({"date_end", "location", "level", "verification"})
#: Columns held as one tuple of codes per row (``"CN;KZ"`` -> ``("CN", "KZ")``).
_LISTS = frozenset({"countries", "domains", "topics"})
_NUMBERS = frozenset({"year", "n_sources"})
_NULL = "__null"
#: Columns with at most this many distinct values get their codes noted for the analysis
#: (:func:`~steppewatch.store.frames.note_value_codes`; two bytes per row at most).
_NOTED_UP_TO = 1 << 16


@dataclass(frozen=True)
class ArrowConnection:
    """An open ADBC DB-API connection and whether it is SQLite's (else PostgreSQL's), or
    (``duck``) the DuckDB connection of a Parquet export
    (:class:`~steppewatch.store.parquet_store.ParquetStore`), which reads the same SQL as
    PostgreSQL's with its values written in."""

    conn: Any
    sqlite: bool
    duck: bool = False

    def _sql(self, query: Any) -> tuple[str, tuple[Any, ...]]:
        """``query`` as SQL text with its parameters in order: ``?`` for SQLite; none for
        PostgreSQL, the values written into the text as SQLAlchemy quotes them (a query with
        parameters is read through a prepared statement whose whole result libpq holds in
        memory; without, the driver streams it with ``COPY``)."""
        if self.sqlite:
            from sqlalchemy.dialects import sqlite

            dialect: Any = sqlite.dialect()
            options = {"render_postcompile": True}
        else:
            from sqlalchemy.dialects.postgresql import psycopg

            dialect = psycopg.dialect(paramstyle="numeric_dollar")  # type: ignore[no-untyped-call]
            # standard_conforming_strings (PostgreSQL's default since 9.1): a backslash is
            # itself in a quoted string, only quotes are doubled
            dialect._backslash_escapes = False
            options = {"render_postcompile": True, "literal_binds": True}
        compiled = query.compile(dialect=dialect, compile_kwargs=options)
        params = tuple(compiled.params[name] for name in compiled.positiontup or [])
        return str(compiled), () if not self.sqlite else params

    def _batch_rows(self, cursor: Any) -> None:
        if self.sqlite:
            cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)})

    @contextmanager
    def _batches(self, query: Any) -> Iterator[pa.RecordBatchReader]:
        """The rows of ``query`` as a stream of Arrow batches (open while the block runs)."""
        sql, params = self._sql(query)
        if self.duck:
            cursor = self.conn.cursor()  # its own: a result left open blocks the connection
            try:
                yield cursor.sql(sql).to_arrow_reader(BATCH_ROWS)
            finally:
                cursor.close()
            return
        cursor = self.conn.cursor()
        try:
            self._batch_rows(cursor)
            cursor.execute(sql, params or None)
            yield cursor.fetch_record_batch()
        finally:
            cursor.close()

    def fetch(self, query: Any, *, restore: bool = True) -> pa.Table:
        """The rows of ``query`` (a SQLAlchemy select) as an Arrow table; ``restore``: NULLs
        put back in the columns read through :func:`_nullable` (else their flags are kept)."""
        with self._batches(query) as reader:
            table: pa.Table = reader.read_all()
        return _restore_nulls(table) if restore else table

    def fetch_encoded(self, query: Any, *, plain: Sequence[str] = ()) -> pa.Table:
        """Like :meth:`fetch` without restoring NULLs, but read batch by batch, every text
        column but ``plain`` dictionary-encoded as it comes (a batch's text is dropped once
        encoded: a million events' repeated kinds, dates and code lists never sit in memory
        as text)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        parts: dict[str, list[Any]] = {}
        with self._batches(query) as reader:
            schema = reader.schema
            for batch in reader:
                for name, column in zip(batch.schema.names, batch.columns, strict=True):
                    if pa.types.is_string(column.type) and name not in plain:
                        column = pc.dictionary_encode(column)
                    else:
                        # a copy: an array imported from the driver keeps its whole batch
                        # alive (every column's buffers) for as long as it lives
                        column = pa.concat_arrays([column, pa.array([], column.type)])
                    parts.setdefault(name, []).append(column)
        if not parts:
            return schema.empty_table()
        columns = {}
        for name, chunks in parts.items():
            chunked = pa.chunked_array(chunks)
            if pa.types.is_dictionary(chunked.type):
                chunked = chunked.unify_dictionaries()
            columns[name] = chunked
        return pa.table(columns)

    def count_events(self) -> int:
        table = self.fetch(select(func.count().label("n")).select_from(events))
        return int(table.column("n")[0].as_py())


@contextmanager
def arrow_connection(
    store: Store | ParquetStore, *, min_events: int | None = None
) -> Iterator[ArrowConnection | None]:
    """An ADBC connection to ``store``'s database, or None when there is none (SQLite in
    memory or with fewer than ``min_events`` events, :data:`SQLITE_MIN_EVENTS` by default,
    another kind of database, or the driver missing); for a Parquet export, its DuckDB
    connection (left open: the export keeps it). Closed on exit."""
    if isinstance(store, ParquetStore):
        with store.reading():
            yield ArrowConnection(store.connection(), sqlite=False, duck=True)
        return
    url = store.engine.url
    backend = url.get_backend_name()
    conn: Any = None
    try:
        if backend == "sqlite":
            path = url.database
            if path and path != ":memory:" and not path.startswith("file:"):
                if Path(path).is_file():
                    import adbc_driver_sqlite.dbapi

                    # The driver links its own SQLite: a connection of Python's SQLite in this
                    # process does not see its locks, so on close the driver takes itself for
                    # the last connection and removes the WAL files under the other's feet (a
                    # "disk I/O error" next). The store's pooled connections are closed first;
                    # they reopen when next needed.
                    store.engine.dispose()
                    conn = adbc_driver_sqlite.dbapi.connect(str(Path(path)))
        elif backend == "postgresql":
            import adbc_driver_postgresql.dbapi

            plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
            conn = adbc_driver_postgresql.dbapi.connect(plain)
    except ImportError:
        conn = None
    if conn is None:
        yield None
        return
    try:
        found = ArrowConnection(conn, sqlite=backend == "sqlite")
        least = SQLITE_MIN_EVENTS if min_events is None else min_events
        small = found.sqlite and least > 0 and found.count_events() < least
        yield None if small else found
    finally:
        conn.close()


def _driver_errors() -> tuple[type[BaseException], ...]:
    try:
        from adbc_driver_manager import dbapi
    except ImportError:  # pragma: no cover (a dependency)
        return (OSError,)
    return (OSError, dbapi.Error)


#: What a driver raises on a query or a value it cannot read (a failed stream is an OSError).
DRIVER_ERRORS = _driver_errors()


def _nullable(column: Any, name: str) -> list[Any]:
    """``COALESCE(column, '')`` and a flag where it was NULL (see the module's notes)."""
    return [func.coalesce(column, "").label(name), column.is_(None).label(name + _NULL)]


def _restore_nulls(table: pa.Table) -> pa.Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in [n for n in table.column_names if n.endswith(_NULL)]:
        base = name[: -len(_NULL)]
        at = table.column_names.index(base)
        flag = pc.cast(table.column(name), pa.bool_())
        values = table.column(base)
        if not pa.types.is_string(values.type):  # no row at all: the driver's default type
            values = pc.cast(values, pa.string())
        restored = pc.if_else(flag, pa.scalar(None, pa.string()), values)
        table = table.set_column(at, base, restored).drop_columns([name])
    return table


@dataclass
class SourceTally:
    """The sources of a frame's events counted while the frame is read (see
    :func:`report_events_frame`): ``pairs`` as :func:`source_pairs` gives them for the
    frame's ids in the frame's order, or None when they were not counted then."""

    pairs: list[tuple[Any, Any, int, int]] | None = None


def report_events_frame(
    store: Store | ParquetStore,
    filters: EventFilter,
    columns: Sequence[str],
    *,
    attribute_kinds: Sequence[str] = (),
    attribute_key: str | None = None,
    tally: SourceTally | None = None,
) -> pd.DataFrame | None:
    """The frame :func:`~steppewatch.store.frames.events_frame` gives for ``filters`` and
    ``columns`` with ``object_text=True`` (same rows, order, values and dtypes; ``attributes``
    comes last), read through Arrow; None when the store has no Arrow route, no event
    matches, or the driver cannot read a value (the row-by-row reader then gives the frame).

    When ``columns`` has ``attributes``, only some rows' attributes are parsed, as the report
    needs: those of the kinds ``attribute_kinds``, and of meetings whose attributes hold
    ``attribute_key``; every other row gets an empty dict. Parsed once per distinct JSON text:
    rows with the same text share one dict (treat them as read-only).

    ``tally``: when ``columns`` has ``n_sources`` and the events are a quarter of the
    database or more, every source is read once, for both ``n_sources`` and
    ``tally.pairs`` (what :func:`source_pairs` gives for the frame's ids in its order, so
    that the report's source counts need no second read of two million sources).
    """
    from steppewatch.store.frames import FRAME_COLUMNS

    unknown = set(columns) - set(FRAME_COLUMNS)
    if unknown:
        raise ValueError(f"unknown frame columns: {sorted(unknown)}")
    # the order events_frame gives, but attributes last, where the report has always put it
    wanted = [c for c in FRAME_COLUMNS if c in columns and c != "attributes"]
    if "id" not in wanted:
        wanted.insert(0, "id")
    wanted += ["attributes"] if "attributes" in columns else []
    try:
        return _report_events_frame(store, filters, wanted, attribute_kinds, attribute_key, tally)
    except DRIVER_ERRORS:
        if tally is not None:
            tally.pairs = None
        # a value the driver cannot type (say, text in an integer column of a SQLite file
        # written by another program): the row-by-row reader copes with it
        return None


def _report_events_frame(
    store: Store | ParquetStore,
    filters: EventFilter,
    wanted: list[str],
    attribute_kinds: Sequence[str],
    attribute_key: str | None,
    tally: SourceTally | None,
) -> pd.DataFrame | None:
    import numpy as np
    import pyarrow as pa

    from steppewatch.store.source_reader import CHUNK

    pairs: list[tuple[Any, Any, int, int]] | None = None
    order: np.ndarray[Any, Any] | None = None
    #: the ids in the frame's order, when the sources are counted (taken for their ranks)
    ordered_ids: pa.Array | None = None
    with arrow_connection(store) as conn:
        if conn is None:
            return None
        picked: list[Any] = []
        for name in wanted:
            if name in ("n_sources", "attributes"):
                continue
            column = events.c[name]
            if name in _NULLABLE:
                # DuckDB types a column from the export's schema: NULLs read as they are (as
                # text, whatever type a file gave a column of NULLs), no flag column
                picked.extend(
                    [cast(column, String).label(name)] if conn.duck else _nullable(column, name)
                )
            else:
                picked.append(column)
        if "attributes" in wanted:
            picked.append(_attributes_wanted(attribute_kinds, attribute_key).label("attributes"))
        picked.append(events.c.date_sort.label("date_sort__key"))
        # a Parquet export's own sources per event (its n_sources column), checked below
        exported = (
            "n_sources" in wanted
            and tally is not None
            and isinstance(store, ParquetStore)
            and store.source_counts
        )
        if exported:
            picked.append(sql_column("n_sources", Integer).label("n_sources__export"))
        table = conn.fetch_encoded(select(*picked).where(filters.where()), plain=("id",))
        if "n_sources" in wanted:
            if (
                tally is not None
                and 0 < table.num_rows
                and (conn.duck or table.num_rows >= conn.count_events() // 4)
            ):
                # every source read once, counted by DuckDB: per event here, by publisher and
                # language for the report's data section (in the frame's order, so the rows
                # are put in order first)
                ids = table.column("id").combine_chunks()
                order = _date_id_order(table.column("date_sort__key"), ids)
                table = table.drop_columns(["id"])  # the ids: ``ids`` (one chunk), then in order
                # the ids in the frame's order: their ranks, then the frame's id column
                ordered_ids = ids.take(pa.array(order))
                seq = np.empty(len(order), dtype=np.int64)
                seq[order] = _read_rank(ordered_ids, CHUNK)  # by row of table
                given = _exported_counts(conn, table, ids, seq) if exported else None
                counts, pairs = _count_sources(conn, ids, seq) if given is None else given
                del ids, seq
            else:
                # one grouped query, joined in Arrow: on a million events about half the CPU
                # of a probe of the sources index per row in the same query (measured)
                counts = _source_counts(conn, table, filters)
            if exported:
                table = table.drop_columns(["n_sources__export"])
            table = table.append_column("n_sources", counts)
    if table.num_rows == 0:
        return None  # the row-by-row reader makes the empty frame (its columns' dtypes)
    columns = {name: table.column(name) for name in table.column_names}
    dates = columns.pop("date_sort__key")
    if order is None:
        order = _date_id_order(dates, columns["id"])
    if tally is not None:
        tally.pairs = pairs
    taken = ordered_ids is not None
    if taken:
        columns["id"] = ordered_ids  # in the frame's order already (not taken again)
    del table, dates, ordered_ids
    _release()
    frame = _to_pandas(columns, wanted, attribute_key, order, ids_in_order=taken)
    _release()
    return frame


def _release() -> None:
    """Give the memory of freed Arrow buffers back to the system. Arrow's allocator keeps
    freed pages for its next buffers, but the report's next allocations are pandas' and
    Python's (another allocator): on a million events the pages kept after the read (about
    190 MB) would sit under every later peak."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _exported_counts(
    conn: ArrowConnection, table: pa.Table, ids: pa.Array, seq: np.ndarray[Any, Any]
) -> tuple[pa.Array, list[tuple[Any, Any, int, int]]] | None:
    """The sources per row of ``table`` as a Parquet export gives them (its ``n_sources``,
    read as ``n_sources__export``) with the pairs :func:`_count_sources` counts, or None when
    the export's counts are not whole numbers or do not add up to the sources counted by pair
    (every source is then counted per event). Not counting per event saves a hash aggregate
    over every event, most of the count's CPU."""
    import pyarrow as pa
    import pyarrow.compute as pc

    given = table.column("n_sources__export")
    if given.null_count:
        return None
    pairs = _grouped_sources(conn, ids, seq, per_event=False)[1]
    if sum(n for _p, _l, n, _f in pairs) != pc.sum(given).as_py():
        return None
    return given.combine_chunks().cast(pa.int64()), pairs


def _count_sources(
    conn: ArrowConnection, ids: pa.Array, seq: np.ndarray[Any, Any]
) -> tuple[pa.Array, list[tuple[Any, Any, int, int]]]:
    """:func:`_grouped_sources` per event and per pair."""
    import numpy as np
    import pyarrow as pa

    counts, pairs = _grouped_sources(conn, ids, seq, per_event=True)
    return (pa.array(np.zeros(len(ids), dtype=np.int64)) if counts is None else counts), pairs


def _grouped_sources(
    conn: ArrowConnection, ids: pa.Array, seq: np.ndarray[Any, Any], *, per_event: bool
) -> tuple[pa.Array | None, list[tuple[Any, Any, int, int]]]:
    """Every source of the events ``ids`` counted by DuckDB: the count per id (in the order
    of ``ids``; None unless ``per_event``), and ``(publisher, language, count, first)`` per
    distinct pair (what :func:`source_pairs` gives), where ``first`` is the smallest
    ``seq * 2**32 + position`` of the pair's sources (``seq``: each id's place in the order
    the report reads sources).

    The same two queries on every database: a Parquet export's ``sources`` view, or the
    sources read from SQLite or PostgreSQL into Arrow (one read of every source) and handed
    to DuckDB in place."""
    import numpy as np
    import pyarrow as pa

    wanted = pa.table({"id": ids, "at": np.arange(len(ids), dtype=np.int64), "seq": seq})
    if conn.duck:
        db = conn.conn.cursor()
        read = "SELECT event_id, position, publisher, language FROM sources"
    else:
        rows = conn.fetch_encoded(
            select(
                sources.c.event_id,
                sources.c.position,
                *_nullable(sources.c.publisher, "publisher"),
                *_nullable(sources.c.language, "language"),
            ),
            plain=("event_id",),
        )
        if rows.num_rows == 0:
            return pa.array(np.zeros(len(ids), dtype=np.int64)), []
        db = duckdb_module().connect(":memory:")
        db.register("sw_sources", rows)
        read = (
            "SELECT event_id, position, "
            f"CASE WHEN CAST(publisher{_NULL} AS BOOLEAN) THEN NULL ELSE publisher END "
            "AS publisher, "
            f"CASE WHEN CAST(language{_NULL} AS BOOLEAN) THEN NULL ELSE language END "
            "AS language "
            "FROM sw_sources"
        )
    try:
        db.register("sw_wanted", wanted)
        # one join, grouped two ways: per event (grouping() 0 on ``at``), and per pair
        # (without per_event, the per-pair group alone: a group per event is most of the CPU)
        head, groups = (
            ("grouping(w.at) AS by_pair, w.at", "GROUPING SETS ((w.at), (s.publisher, s.language))")
            if per_event
            else ("true AS by_pair, NULL AS at", "s.publisher, s.language")
        )
        found = db.sql(
            f"SELECT {head}, s.publisher, s.language, count(*) AS n, "  # noqa: S608 (no input in the text)
            f"min(w.seq * {1 << 32} + s.position) AS first "
            f"FROM ({read}) AS s JOIN sw_wanted AS w ON s.event_id = w.id "
            f"GROUP BY {groups}"
        ).to_arrow_table()
    finally:
        db.close()
    by_pair = found.column("by_pair").to_numpy().astype(bool)
    counts: pa.Array | None = None
    if per_event:
        by_event = found.filter(pa.array(~by_pair))
        numbers = np.zeros(len(ids), dtype=np.int64)
        numbers[by_event.column("at").to_numpy()] = by_event.column("n").to_numpy()
        counts = pa.array(numbers)
    grouped = found.filter(pa.array(by_pair))
    pairs = zip(
        *(grouped.column(c).to_pylist() for c in ("publisher", "language", "n", "first")),
        strict=True,
    )
    return counts, [(p, lang, int(n), int(first)) for p, lang, n, first in pairs]


def _attributes_wanted(kinds: Sequence[str], key: str | None) -> Any:
    """The attributes text where the report reads it (prefixed with ``m`` for a meeting whose
    text mentions ``key``: kept only if it really has the key), ``''`` elsewhere (never
    NULL). No JSON text starts with ``m``."""
    text = func.coalesce(events.c.attributes, "")
    if not kinds and key is None:
        return text
    when: list[Any] = []
    if kinds:
        when.append((events.c.kind.in_(list(kinds)), text))
    if key is not None:
        mentions = events.c.attributes.contains(f'"{key}"', autoescape=True)
        when.append(((events.c.kind == "meeting") & mentions, literal("m") + text))
    return case(*when, else_=literal(""))


def _source_counts(conn: ArrowConnection, table: pa.Table, filters: EventFilter) -> pa.Array:
    """Sources per row of ``table`` (by its ``id``): one grouped query over the whole sources
    index when most events match, else only for the matching events."""
    import pyarrow as pa
    import pyarrow.compute as pc

    query = select(sources.c.event_id, func.count().label("n")).group_by(sources.c.event_id)
    if not filters.is_empty():
        if table.num_rows < conn.count_events() // 4:
            query = query.where(sources.c.event_id.in_(select(events.c.id).where(filters.where())))
    counts = conn.fetch(query)
    if counts.num_rows == 0:
        return pa.array([0] * table.num_rows, pa.int64())
    at = pc.index_in(table.column("id"), value_set=counts.column("event_id").combine_chunks())
    found = pc.take(pc.cast(counts.column("n"), pa.int64()), at)
    return pc.fill_null(found, 0).combine_chunks()


def _to_pandas(
    columns: dict[str, Any],
    wanted: Sequence[str],
    attribute_key: str | None,
    order: np.ndarray[Any, Any],
    *,
    ids_in_order: bool = False,
) -> pd.DataFrame:
    """The pandas frame of the Arrow ``columns`` (by name; emptied as they are converted, so
    their memory goes as the frame's comes), rows sorted by date, then id. Rows are put in
    order by taking integer codes (and pointers), never by sorting or copying text in Arrow
    (but the ids, given in order already when ``ids_in_order``: taken in Arrow for their
    ranks, each id's Python string is then made in the frame's order); each column is its own
    block (no copy into one two-dimensional block)."""
    import pandas as pd

    from steppewatch.store.frames import note_value_codes

    data: dict[str, pd.Series[Any]] = {}
    codes: dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]] = {}
    for name in wanted:
        column = columns.pop(name)
        if name in _NUMBERS:
            values: np.ndarray[Any, Any] = column.to_numpy().astype("int64", copy=False)[order]
            data[name] = pd.Series(values, dtype="int64")
            continue
        if name == "id":
            values = column.to_numpy(zero_copy_only=False)
            values = values if ids_in_order else values[order]
        else:
            make: Callable[[Any], Any] = (
                _codes
                if name in _LISTS
                else _attributes_parser(attribute_key)
                if name == "attributes"
                else _same
            )
            values, codes[name] = _by_distinct(column, make, columns.pop(name + _NULL, None), order)
        del column
        data[name] = pd.Series(values, dtype=object)
    frame = pd.DataFrame(data, copy=False)
    for name, (indices, objects) in codes.items():
        # the analysis frame shares equal values by these codes (no hashing of every row's
        # value again); noted for columns of few distinct values (small codes) only
        if len(objects) <= _NOTED_UP_TO:
            note_value_codes(frame, name, indices, objects)
    return frame


def _same(value: Any) -> Any:
    return value


def _date_id_order(dates: Any, ids: Any) -> np.ndarray[Any, Any]:
    """The permutation that sorts rows by ``dates``, then ``ids``: the dates ranked once per
    distinct date, then one sort on (rank, id)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = _encoded(dates)
    by_value = pc.sort_indices(encoded.dictionary).to_numpy()
    rank = np.empty(len(by_value), dtype=np.int64)
    rank[by_value] = np.arange(len(by_value), dtype=np.int64)
    keys = pa.table({"d": rank[encoded.indices.to_numpy()], "id": ids})
    order: np.ndarray[Any, Any] = pc.sort_indices(
        keys, sort_keys=[("d", "ascending"), ("id", "ascending")]
    ).to_numpy()
    return order


def _encoded(column: Any) -> pa.DictionaryArray:
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks() if encoded.num_chunks != 1 else encoded.chunk(0)
    if isinstance(encoded, pa.ChunkedArray):  # pragma: no cover (combine_chunks of one)
        encoded = encoded.chunk(0)
    assert isinstance(encoded, pa.DictionaryArray)
    return encoded


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(";") if v)


def _attributes_parser(key: str | None) -> Callable[[str | None], Any]:
    """The parsed attributes as the report reads them (see :func:`_attributes_wanted`)."""
    empty: dict[str, Any] = {}

    def parse(text: str | None) -> Any:
        if not text or text == "{}":
            return empty
        if text.startswith("m"):
            value = json.loads(text[1:])
            return value if isinstance(value, dict) and key in value else empty
        return json.loads(text) or empty

    return parse


def _by_distinct(
    column: Any, make: Callable[[Any], Any], nulls: Any, order: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    """An object array of ``make(value)`` per row, in ``order``; ``make`` is called once per
    distinct value (NULL included: where ``nulls`` is true, or the value is NULL), and rows
    with the same value share one object. Also each row's code into the made objects (the
    smallest integer type that holds them) and those objects."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = _encoded(column)
    uniques = [make(v) for v in encoded.dictionary.to_pylist()]
    uniques.append(make(None))
    objects = np.empty(len(uniques), dtype=object)
    objects[:] = uniques
    indices = pc.fill_null(encoded.indices, len(uniques) - 1).to_numpy()
    if nulls is not None:
        flags = pc.cast(nulls, pa.bool_()).to_numpy(zero_copy_only=False)
        indices = np.where(flags, len(uniques) - 1, indices)
    # narrowed first, then put in order: the rows are taken in a random order, from one or
    # two bytes a row rather than four or eight (on 10,000,000 rows most of the column's time)
    row_codes = indices.astype(np.min_scalar_type(len(uniques)), copy=False)[order]
    taken: np.ndarray[Any, Any] = objects[row_codes]
    return taken, (row_codes, objects)


def source_pairs(
    store: Store | ParquetStore,
    ids: Sequence[str],
    undecided: Callable[[str | None], bool],
    chunk: int,
) -> tuple[list[tuple[Any, Any, int, int]], list[tuple[Any, Any, int]]] | None:
    """What :func:`steppewatch.store.source_reader.count_sources_sqlite` returns, read through
    Arrow (SQLite or PostgreSQL), or None when there is no Arrow route or ``ids`` are too few
    of the events for a scan of every source to pay. ``chunk``: the ids per chunk of
    :func:`~steppewatch.store.source_reader.iter_sources`, whose order ``first`` follows."""

    try:
        return _source_pairs(store, list(dict.fromkeys(ids)), undecided, chunk)
    except DRIVER_ERRORS:
        return None


def _source_pairs(
    store: Store | ParquetStore,
    wanted: list[str],
    undecided: Callable[[str | None], bool],
    chunk: int,
) -> tuple[list[tuple[Any, Any, int, int]], list[tuple[Any, Any, int]]] | None:
    import pyarrow as pa

    with arrow_connection(store) as conn:
        if conn is None:
            return None
        if not wanted:
            return [], []
        # (a Parquet export has no index to probe: its sources are always read whole)
        if not conn.duck and len(wanted) < conn.count_events() // 4:
            return None
        id_array = pa.array(wanted, pa.string())
        seq = _read_rank(id_array, chunk)
        _counts, pairs = _count_sources(conn, id_array, seq)
        need = sorted({p for p, _l, _n, _f in pairs if p is not None and undecided(p)})
        by_url: list[tuple[Any, Any, int]] = []
        if need or any(p is None for p, _l, _n, _f in pairs):
            by_url = _url_rows(conn, need, id_array, seq)
    return pairs, by_url


def url_rows(
    store: Store | ParquetStore, ids: Sequence[str], need: Sequence[str], chunk: int
) -> list[tuple[Any, Any, int]] | None:
    """The ``by_url`` part of :func:`source_pairs` alone (``need``: the publishers whose URL
    decides; sources with no publisher always come), for pairs counted already
    (:class:`SourceTally`); None when there is no Arrow route."""
    import pyarrow as pa

    try:
        with arrow_connection(store) as conn:
            if conn is None:
                return None
            wanted = list(dict.fromkeys(ids))
            if not wanted:
                return []
            id_array = pa.array(wanted, pa.string())
            return _url_rows(conn, list(need), id_array, _read_rank(id_array, chunk))
    except DRIVER_ERRORS:
        return None


def _read_rank(ids: pa.Array, chunk: int) -> np.ndarray[Any, Any]:
    """Per id (in the given order), its rank in :func:`iter_sources`'s order: chunks of
    ``chunk`` ids in the given order, by id within a chunk (Arrow orders UTF-8 bytes as
    Python orders str)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(ids)
    keys = pa.table({"c": np.arange(n, dtype=np.int64) // chunk, "id": ids})
    order = pc.sort_indices(keys, sort_keys=[("c", "ascending"), ("id", "ascending")])
    rank = np.empty(n, dtype=np.int64)
    rank[order.to_numpy()] = np.arange(n, dtype=np.int64)
    return rank


#: Publishers per ``IN (...)`` of the URL query (well under SQLite's parameter limit).
_IN_CHUNK = 500


def _url_rows(
    conn: ArrowConnection, need: list[str], ids: pa.Array, seq: np.ndarray[Any, Any]
) -> list[tuple[Any, Any, int]]:
    """``(url, language, first)`` for the sources with no publisher or one of ``need``."""
    import pyarrow.compute as pc

    out: list[tuple[Any, Any, int]] = []
    groups: list[Any] = [sources.c.publisher.is_(None)]
    groups += [
        sources.c.publisher.in_(need[start : start + _IN_CHUNK])
        for start in range(0, len(need), _IN_CHUNK)
    ]
    for where in groups:
        query = select(
            sources.c.event_id,
            sources.c.position,
            sources.c.url,
            *_nullable(sources.c.language, "language"),
        ).where(where)
        rows = conn.fetch(query)
        if rows.num_rows == 0:
            continue
        at = pc.index_in(rows.column("event_id"), value_set=ids)
        rows = rows.filter(pc.is_valid(at))
        first = seq[pc.drop_null(at).to_numpy()] * (1 << 32) + rows.column(
            "position"
        ).to_numpy().astype("int64")
        out.extend(
            zip(
                rows.column("url").to_pylist(),
                rows.column("language").to_pylist(),
                first.tolist(),
                strict=True,
            )
        )
    return out
