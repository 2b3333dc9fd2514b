"""Events as pandas DataFrames for analysis (one row per event, or one row per code)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from steppewatch.store.filters import EventFilter
from steppewatch.store.tables import event_codes, events, sources

if TYPE_CHECKING:
    import pandas as pd

    from steppewatch.store.store import Store

FRAME_COLUMNS = [
    "id",
    "kind",
    "title",
    "date_start",
    "date_end",
    "year",
    "precision",
    "countries",
    "framework",
    "location",
    "level",
    "domains",
    "topics",
    "attributes",
    "verification",
    "review_status",
    "n_sources",
]


#: Rows fetched per round trip; columns are built chunk by chunk, never a list of row objects.
FETCH_ROWS = 50_000


def _tuple(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(";") if v)


def _fetch_chunks(conn: Any, query: Any) -> Iterator[Sequence[Sequence[Any]]]:
    """Rows of ``query`` in chunks of plain tuples. On SQLite straight from the driver cursor
    (no per-row objects: the one cost that matters at a million rows); elsewhere through
    SQLAlchemy's result partitions."""
    if conn.dialect.name != "sqlite":
        yield from conn.execute(query).partitions(FETCH_ROWS)
        return
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        while chunk := cursor.fetchmany(FETCH_ROWS):
            yield chunk
    finally:
        cursor.close()


def _source_counts(conn: Any, filters: EventFilter, matching: int, total: int) -> dict[str, int]:
    """Sources per event id: over the whole table when most events match (one index scan),
    else only for the matching events."""
    query = select(sources.c.event_id, func.count()).group_by(sources.c.event_id)
    if matching < total // 4:
        query = query.where(sources.c.event_id.in_(select(events.c.id).where(filters.where())))
    return {event_id: int(n) for chunk in _fetch_chunks(conn, query) for event_id, n in chunk}


def events_frame(
    store: Store,
    filters: EventFilter | None = None,
    *,
    columns: Sequence[str] | None = None,
    object_text: bool = False,
) -> pd.DataFrame:
    """One row per event matching ``filters``, ordered by date then id (columns:
    ``FRAME_COLUMNS``). ``countries``, ``domains``, ``topics`` are tuples (the same tuple object
    is shared by rows with the same codes); ``attributes`` is a dict per row.

    Built for a million events: rows are fetched in chunks straight from the driver cursor into
    per-column lists, list columns are parsed once per distinct value, and source counts come
    from one grouped query instead of a join. ``columns`` (a subset of ``FRAME_COLUMNS``) reads
    only those; ``object_text`` keeps text columns as Python objects instead of pandas' Arrow
    strings (cheaper for code that selects rows many times, such as the report).
    """
    import pandas as pd
    from sqlalchemy import func as sa_func

    filters = filters or EventFilter()
    wanted = list(FRAME_COLUMNS) if columns is None else [c for c in FRAME_COLUMNS if c in columns]
    if columns is not None and set(columns) - set(FRAME_COLUMNS):
        raise ValueError(f"unknown frame columns: {sorted(set(columns) - set(FRAME_COLUMNS))}")
    if "id" not in wanted:
        wanted.insert(0, "id")
    fetched = [c for c in wanted if c != "n_sources"]
    query = select(*(events.c[c] for c in fetched), events.c.date_sort).where(filters.where())
    data: list[list[Any]] = [[] for _ in range(len(fetched) + 1)]
    with store.engine.connect() as conn:
        total = int(conn.execute(select(sa_func.count()).select_from(events)).scalar() or 0)
        for chunk in _fetch_chunks(conn, query):
            for column, values in zip(data, zip(*chunk, strict=True), strict=True):
                column.extend(values)
        counts = _source_counts(conn, filters, len(data[0]), total) if "n_sources" in wanted else {}
    by_name = dict(zip([*fetched, "date_sort"], data, strict=True))
    for name in [c for c in ("countries", "domains", "topics") if c in by_name]:
        cache: dict[str | None, tuple[str, ...]] = {}
        by_name[name] = [
            cache[v] if v in cache else cache.setdefault(v, _tuple(v)) for v in by_name[name]
        ]
    if "attributes" in by_name:
        by_name["attributes"] = [
            json.loads(v) if v and v != "{}" else {} for v in by_name["attributes"]
        ]
    if "n_sources" in wanted:
        by_name["n_sources"] = [counts.get(i, 0) for i in by_name["id"]]
    numeric = {"year", "n_sources"}
    if not by_name["id"]:
        frame = pd.DataFrame.from_records([], columns=wanted)
        return frame.astype({c: "int64" for c in numeric if c in wanted})
    if object_text:
        frame = pd.DataFrame(
            {
                name: pd.Series(values, dtype="int64" if name in numeric else object)
                for name, values in by_name.items()
            }
        )
    else:
        frame = pd.DataFrame(by_name)
    del by_name, data
    for number_column in numeric & set(wanted):
        frame[number_column] = frame[number_column].astype("int64")
    frame = frame.sort_values(["date_sort", "id"], kind="stable", ignore_index=True)
    return frame[wanted]


def notes_attributes(store: Store, filters: EventFilter, key: str) -> dict[str, dict[str, Any]]:
    """The parsed ``attributes`` of the events matching ``filters`` whose attributes JSON
    contains ``key`` (a plain substring test in SQL first, so events without it are never
    parsed), by event id."""
    pattern = f'%"{key}"%'
    query = select(events.c.id, events.c.attributes).where(
        filters.where(), events.c.attributes.like(pattern)
    )
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for chunk in _fetch_chunks(conn, query):
            for event_id, text in chunk:
                value = json.loads(text) if text else {}
                if isinstance(value, dict) and key in value:
                    out[event_id] = value
    return out


def codes_frame(store: Store, filters: EventFilter | None = None) -> pd.DataFrame:
    import pandas as pd

    filters = filters or EventFilter()
    query = select(event_codes.c.event_id, event_codes.c.facet, event_codes.c.code)
    if not filters.is_empty():
        query = query.where(event_codes.c.event_id.in_(select(events.c.id).where(filters.where())))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame.from_records(rows, columns=["event_id", "facet", "code"])


#: id(frame) -> (weak reference to the frame, {column: (address of the column's values,
#: length, codes, objects)}): the codes a reader noted for a frame's object columns
#: (:func:`note_value_codes`).
_VALUE_CODES: dict[int, tuple[Any, dict[str, tuple[int, int, Any, Any]]]] = {}


def _address(values: Any) -> tuple[int, int]:
    return int(values.__array_interface__["data"][0]), len(values)


def note_value_codes(frame: pd.DataFrame, column: str, codes: Any, objects: Any) -> None:
    """Note that ``frame[column]`` holds ``objects[codes]`` row by row (``codes``: an integer
    array, one per row; ``objects``: an object array of distinct entries, equal values allowed
    only where the reader made them so, e.g. ``""`` and NULL both the empty tuple), so that
    :func:`value_codes` can give them to the analysis (no hashing of every row's value again).
    Forgotten when the frame is freed, or taken once by :func:`value_codes`."""
    import weakref

    key = id(frame)
    found = _VALUE_CODES.get(key)
    if found is None or found[0]() is not frame:
        table = _VALUE_CODES

        def forget(ref: weakref.ref[pd.DataFrame]) -> None:
            held = table.get(key)
            if held is not None and held[0] is ref:
                del table[key]

        found = _VALUE_CODES[key] = (weakref.ref(frame, forget), {})
    found[1][column] = (*_address(frame[column].to_numpy()), codes, objects)


def value_codes(frame: pd.DataFrame, column: str, values: Any) -> tuple[Any, Any] | None:
    """``(codes, objects)`` noted for ``frame[column]`` (:func:`note_value_codes`) when
    ``values`` (an array of that column) are still the very values noted (same memory and
    length), else None; given once (then forgotten)."""
    found = _VALUE_CODES.get(id(frame))
    if found is None or found[0]() is not frame:
        return None
    noted = found[1].pop(column, None)
    if not found[1]:
        _VALUE_CODES.pop(id(frame), None)
    if noted is None or (noted[0], noted[1]) != _address(values):
        return None
    return noted[2], noted[3]
