"""A Parquet export (``steppewatch export --format parquet``) read as the report's database,
through DuckDB.

DuckDB reads Parquet files itself (no extension, nothing downloaded) and answers SQL over them
in C. :class:`ParquetStore` opens a DuckDB connection in memory with the export's files as
views named and shaped like the database's tables (``events``, ``sources``, ``event_codes``):
the report's queries, written with SQLAlchemy for SQLite and PostgreSQL
(:mod:`steppewatch.store.arrow_reader`), then run on DuckDB unchanged, compiled as PostgreSQL
SQL with their values written in. Rows come back as Arrow batches, so the report reads an
export by the same code as a SQLite file or a PostgreSQL database (one path from the Arrow
tables on).

What differs between an export and the database is put right in the views: the export's
``date_precision`` is the database's ``precision``; ``date_sort`` (not exported) is made from
``date_start`` as the store makes it (``YYYY-MM-DD``, unknown parts ``00``); empty code lists
are NULL in the export and ``''`` in the database. The export's ``n_sources`` (sources per
event) is kept in the view when the file has it: the report takes it for the count per event
when it adds up to the sources it counts by publisher and language (``arrow_reader``). The
database's meta values the report shows (dataset and codebook versions) come from
``datapackage.json`` (``steppewatch.store_meta``, written since this reader exists; an older
export gives the values recorded beside it).

Only what the report needs is here: it is not a :class:`~steppewatch.store.store.Store` (no
writes, no explorer queries).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from steppewatch.errors import InputError

if TYPE_CHECKING:
    import duckdb

__all__ = ["EXPORT_FILES", "STORE_META", "ParquetStore", "duckdb_module", "is_parquet_export"]

#: How DuckDB's allocator (jemalloc, linked into DuckDB on Linux) is set up when this module
#: first imports it: freed pages given back to the system at once. By default it keeps them
#: for DuckDB's next query (about 200 MB after the report's reads on a million events, which
#: would sit under the report's later peak, all pandas'). Read when DuckDB loads; a value
#: set in the environment is kept.
JEMALLOC_CONF = "dirty_decay_ms:0,muzzy_decay_ms:0"


def duckdb_module() -> Any:
    """``duckdb``, imported with :data:`JEMALLOC_CONF` (see there)."""
    os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", JEMALLOC_CONF)
    import duckdb

    return duckdb


#: The database's meta values an export records (``store_meta`` in ``datapackage.json``).
STORE_META = ("study", "dataset", "dataset_version", "codebook_version")

#: The Parquet files of an export the report reads.
EXPORT_FILES = ("events.parquet", "sources.parquet", "event_codes.parquet")

#: The view ``events``: the export's events with the database's column names and values.
_EVENTS_VIEW = """
CREATE VIEW events AS SELECT
    id, kind, title, date_start, date_end, year,
    CASE length(date_start)
        WHEN 4 THEN date_start || '-00-00'
        WHEN 7 THEN date_start || '-00'
        ELSE date_start END AS date_sort,
    date_precision AS precision, countries, framework, location, actors, level,
    coalesce(domains, '') AS domains, coalesce(topics, '') AS topics, attributes, summary,
    verification, review_status, codebook_version, coder, dataset_version{n_sources}
FROM read_parquet({events})
"""
_SOURCES_VIEW = "CREATE VIEW sources AS SELECT * FROM read_parquet({sources})"
_CODES_VIEW = "CREATE VIEW event_codes AS SELECT * FROM read_parquet({codes})"


def is_parquet_export(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an export's Parquet events."""
    folder = Path(path)
    return folder.is_dir() and (folder / "events.parquet").is_file()


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class ParquetStore:
    """The Parquet files of an export in ``folder``, read through DuckDB (see the module).

    Raises :class:`InputError` SW178 when the folder is not such an export (a file missing).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        missing = [name for name in EXPORT_FILES if not (self.folder / name).is_file()]
        if not self.folder.is_dir() or missing:
            what = "is not a folder" if not self.folder.is_dir() else f"has no {missing[0]}"
            raise InputError(
                f"{self.folder} {what}: --from-parquet reads the folder written by "
                f"'steppewatch export --format parquet' ({', '.join(EXPORT_FILES)})",
                hint="export the database with 'steppewatch export --format parquet --out DIR' "
                "and give that DIR",
                code="SW178",
            )
        self._meta = self._read_meta()
        self._conn: duckdb.DuckDBPyConnection | None = None
        #: Whether the view ``events`` has the export's ``n_sources`` (its sources per event,
        #: "Number of rows in sources for this event" in the package's schema): known once
        #: the connection is made; the database's tables have no such column.
        self.source_counts = False

    def _read_meta(self) -> dict[str, Any]:
        path = self.folder / "datapackage.json"
        try:
            descriptor = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # the Parquet files alone: no meta values (the study's are shown)
        tool = descriptor.get("steppewatch") if isinstance(descriptor, dict) else None
        if not isinstance(tool, dict):
            return {}
        recorded = tool.get("store_meta")
        if isinstance(recorded, dict):
            return dict(recorded)
        # an export from before store_meta: the values it recorded (the study's when unset)
        return {key: tool.get(key) for key in STORE_META}

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection with the views (made on first use, kept)."""
        if self._conn is None:
            conn = duckdb_module().connect(":memory:")
            names = {
                "events": _quoted(self.folder / "events.parquet"),
                "sources": _quoted(self.folder / "sources.parquet"),
                "codes": _quoted(self.folder / "event_codes.parquet"),
            }
            found = conn.sql(
                f"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({names['events']}))"  # noqa: S608 (a quoted path)
            ).fetchall()
            self.source_counts = ("n_sources",) in found
            # a column of whole numbers or NULL (a value that is none: counted from sources)
            names["n_sources"] = (
                ",\n    TRY_CAST(n_sources AS BIGINT) AS n_sources" if self.source_counts else ""
            )
            for view in (_EVENTS_VIEW, _SOURCES_VIEW, _CODES_VIEW):
                conn.sql(view.format(**names))
            self._conn = conn
        return self._conn

    @contextmanager
    def reading(self) -> Iterator[None]:
        """DuckDB's errors on the export's files (one that is not Parquet, a column missing)
        raised as :class:`InputError` SW178, naming the folder."""
        duckdb = duckdb_module()
        try:
            yield
        except duckdb.Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise InputError(
                f"{self.folder}: a file of the Parquet export cannot be read ({first})",
                hint="export the database again with 'steppewatch export --format parquet "
                "--out DIR' and give that DIR",
                code="SW178",
            ) from None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def describe(self) -> str:
        return f"Parquet export {self.folder}"

    def count_events(self) -> int:
        with self.reading():
            cursor = self.connection().cursor()
            try:
                rows = cursor.sql("SELECT count(*) FROM events").fetchall()
            finally:
                cursor.close()
        return int(rows[0][0]) if rows else 0

    def get_meta(self, key: str) -> str | None:
        value = self._meta.get(key)
        return None if value is None or value == "" else str(value)

    def iter_sources(
        self, ids: Sequence[str], columns: Sequence[str], chunk: int, fetch: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        """:func:`steppewatch.store.source_reader.iter_sources` on the export: the same rows
        in the same order (the ids in chunks of ``chunk`` in the order given, then by id, then
        source position), ``fetch`` rows at a time."""
        import numpy as np
        import pyarrow as pa

        wanted = pa.table(
            {
                "chunk": np.arange(len(ids), dtype=np.int64) // chunk,
                "id": pa.array(list(ids), pa.string()),
            }
        )
        picked = ", ".join(f"s.{c}" for c in columns)
        with self.reading():
            yield from self._iter_sources(wanted, picked, fetch)

    def _iter_sources(
        self, wanted: Any, picked: str, fetch: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        conn = self.connection().cursor()
        try:
            conn.register("sw_source_ids", wanted)
            reader = conn.sql(
                f"SELECT s.event_id, {picked} FROM sw_source_ids AS t "  # noqa: S608 (names checked by the caller)
                "JOIN sources AS s ON s.event_id = t.id ORDER BY t.chunk, t.id, s.position"
            ).to_arrow_reader(fetch)
            for batch in reader:
                names = batch.schema.names
                yield list(zip(*(batch.column(n).to_pylist() for n in names), strict=True))
        finally:
            conn.close()
