"""The export's four tables built column-wise in Arrow, for CSV and Parquet at scale.

The row-by-row route (:func:`steppewatch.export.tables.event_batches`) rebuilds every event as a
pydantic model and every cell as a Python value: on a million events that is minutes of CPU.
Here the events, their sources and their coded items are read through ADBC
(:func:`steppewatch.store.arrow_reader.arrow_connection`) as Arrow tables, ``batch_size``
events at a time (ranges of ids in the database's id order: memory stays flat), and the
columns are shaped with Arrow's compute functions. Values computed by Python (the JSON columns,
the date precision, the code lists, the actors) are computed once per *distinct* stored value
with the same functions the row route uses, so every cell is the row route's, value for value.
Evidence of coded items is parsed row by row (it exists only for ingested events).

:func:`column_batches` yields :class:`ColumnBatch` objects for a store with an Arrow route
(:func:`has_arrow_route`: an SQLite file or PostgreSQL); for any other (SQLite in memory) and
for the explorer's search (ids in its order) the export uses the row route. Evidence spans that
are not text or numbers, or a ``confidence`` column in Parquet, are written as the CSV writes
them (as text); the row route could not write such a Parquet file at all.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, select

from steppewatch.models import ActorRef, date_precision, parse_partial_date
from steppewatch.store import EventFilter, Store
from steppewatch.store import records as rec
from steppewatch.store.arrow_reader import ArrowConnection, arrow_connection
from steppewatch.store.dataset_io import format_actors
from steppewatch.store.document_tables import coded_items
from steppewatch.store.tables import events as events_table
from steppewatch.store.tables import sources as sources_table

if TYPE_CHECKING:
    import pyarrow as pa

#: Events per batch: 20,000 keeps a million-event export under ~400 MB (100,000 costs ~10%
#: less CPU and three times the memory). Any size gives the same files.
COLUMN_BATCH = 20_000

_EVENT_TEXT = (
    "id",
    "kind",
    "title",
    "date_start",
    "date_end",
    "framework",
    "location",
    "level",
    "summary",
    "verification",
    "review_status",
    "codebook_version",
    "coder",
    "dataset_version",
)
_EVIDENCE_FACET = {"countries": "country", "topics": "topic", "domains": "domain"}
_FACET_RANK = {"kind": 0, "framework": 1, "level": 2, "country": 3, "topic": 4, "domain": 5}


@dataclass
class ColumnBatch:
    """The rows of the four tables for ``n_events`` events, each table an Arrow table with the
    export's columns (integers int64, float columns float64, all else text, NULL where the row
    route writes None) and ``event_index``: per row, the index of its event in the batch."""

    n_events: int
    tables: dict[str, pa.Table]
    event_index: dict[str, Any]


def _text_nullable(column: Any, name: str) -> list[Any]:
    """Text read as ``COALESCE(column, '')`` with a NULL flag (the SQLite driver types a column
    from its first rows: one NULL in all of them would be typed as an integer)."""
    from sqlalchemy import func

    return [func.coalesce(column, "").label(name), column.is_(None).label(name + "__null")]


def _restore(table: pa.Table) -> pa.Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in [n for n in table.column_names if n.endswith("__null")]:
        base = name[: -len("__null")]
        at = table.column_names.index(base)
        values = table.column(base)
        if not pa.types.is_string(values.type):
            values = pc.cast(values, pa.string())
        flag = pc.cast(table.column(name), pa.bool_())
        table = table.set_column(at, base, pc.if_else(flag, pa.scalar(None, pa.string()), values))
        table = table.drop_columns([name])
    return table.combine_chunks()


def _per_distinct(column: Any, fn: Callable[[Any], Any]) -> tuple[Any, list[Any]]:
    """(indices into the results, ``fn`` of each distinct value of ``column``); a NULL is
    passed to ``fn`` as None, once."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column, null_encoding="encode")
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    values = encoded.dictionary.to_pylist()
    indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    return indices, [fn(v) for v in values]


def _take_lists(indices: Any, per_value: list[list[Any]], kind: Any) -> tuple[Any, Any]:
    """The lists ``per_value[indices[i]]`` flattened: (values, parent index per value)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lists = pa.array(per_value, pa.list_(kind)).take(pa.array(indices))
    return pc.list_flatten(lists), pc.list_parent_indices(lists)


def has_arrow_route(store: Store) -> bool:
    backend = store.engine.url.get_backend_name()
    path = store.engine.url.database or ""
    if backend == "sqlite":
        return bool(path) and path != ":memory:" and not path.startswith("file:")
    return backend == "postgresql"


def column_batches(
    store: Store, filters: EventFilter | None = None, *, batch_size: int | None = None
) -> Iterator[ColumnBatch]:
    """The matching events in id order, ``batch_size`` (:data:`COLUMN_BATCH`) at a time, as
    :class:`ColumnBatch`."""
    batch_size = batch_size or COLUMN_BATCH
    import pyarrow as pa

    where = (filters or EventFilter()).where()
    with arrow_connection(store, min_events=0) as conn:
        if conn is None:  # pragma: no cover (has_arrow_route said yes; the driver is missing)
            raise RuntimeError("no ADBC driver for this database")
        ids = conn.fetch(select(events_table.c.id).where(where).order_by(events_table.c.id))
        id_array = ids.column("id").combine_chunks() if ids.num_rows else pa.array([], pa.string())
        for start in range(0, len(id_array), batch_size):
            chunk = id_array.slice(start, batch_size)
            yield _batch(conn, where, chunk)


def _batch(conn: ArrowConnection, where: Any, chunk: pa.Array) -> ColumnBatch:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    lo, hi = chunk[0].as_py(), chunk[len(chunk) - 1].as_py()
    n = len(chunk)
    cols: list[Any] = []
    for name in _EVENT_TEXT:
        column = events_table.c[name]
        cols += [column.label(name)] if name in ("id",) else _text_nullable(column, name)
    for name in ("countries", "domains", "topics", "actors", "attributes"):
        cols += _text_nullable(events_table.c[name], name)
    ev = _restore(
        conn.fetch(
            select(*cols)
            .where(and_(where, events_table.c.id.between(lo, hi)))
            .order_by(events_table.c.id),
            restore=False,
        )
    )
    if ev.num_rows != n or not ev.column("id").combine_chunks().equals(chunk):
        # written to meanwhile: the events of the ids read first, as in the row route
        ev = ev.filter(pc.is_in(ev.column("id"), value_set=chunk))
        n = ev.num_rows
    ids = ev.column("id").combine_chunks()
    out: dict[str, Any] = {}
    # -- sources
    src = _restore(
        conn.fetch(
            select(
                sources_table.c.event_id,
                *[
                    c
                    for name in rec.SOURCE_FIELDS
                    for c in _text_nullable(sources_table.c[name], name)
                ],
            )
            .where(sources_table.c.event_id.between(lo, hi))
            .order_by(sources_table.c.event_id, sources_table.c.position),
            restore=False,
        )
    )
    at = pc.index_in(src.column("event_id"), value_set=ids)
    keep = pc.is_valid(at)
    src = src.filter(keep)
    src_event = pc.drop_null(at).to_numpy(zero_copy_only=False).astype(np.int64)
    if len(src_event) and (np.diff(src_event) < 0).any():  # grouped in the events' order
        order = np.argsort(src_event, kind="stable")
        src, src_event = src.take(pa.array(order)), src_event[order]
    n_sources = np.bincount(src_event, minlength=n).astype(np.int64)
    first = np.concatenate([[0], np.cumsum(n_sources)[:-1]]).astype(np.int64)
    position = np.arange(len(src_event), dtype=np.int64) - first[src_event]
    out["sources"] = pa.table(
        {
            "event_id": src.column("event_id"),
            "position": pa.array(position, pa.int64()),
            **{name: src.column(name) for name in rec.SOURCE_FIELDS},
        }
    )
    # -- events
    d_idx, d_vals = _per_distinct(
        ev.column("date_start"), lambda v: (date_precision(v), parse_partial_date(v)[0])
    )
    l_idx: dict[str, Any] = {}
    l_vals: dict[str, list[list[str]]] = {}
    joined: dict[str, Any] = {}
    for name in ("countries", "domains", "topics"):
        l_idx[name], l_vals[name] = _per_distinct(ev.column(name), rec.split_list)
        texts = [";".join(v) for v in l_vals[name]]
        if name != "countries":
            texts = [t or None for t in texts]  # type: ignore[misc]
        joined[name] = pa.array(texts, pa.string()).take(pa.array(l_idx[name]))
    a_idx, a_vals = _per_distinct(ev.column("actors"), _actors)
    t_idx, t_vals = _per_distinct(ev.column("attributes"), _attributes)

    def pick(idx: Any, values: list[Any], kind: Any) -> Any:
        return pa.array(values, kind).take(pa.array(idx))

    events_cols = {
        "id": ids,
        "kind": ev.column("kind"),
        "title": ev.column("title"),
        "date_start": ev.column("date_start"),
        "date_end": ev.column("date_end"),
        "date_precision": pick(d_idx, [v[0] for v in d_vals], pa.string()),
        "year": pick(d_idx, [v[1] for v in d_vals], pa.int64()),
        "countries": joined["countries"],
        "framework": ev.column("framework"),
        "location": ev.column("location"),
        "cn_actors": pick(a_idx, [v[1] for v in a_vals], pa.string()),
        "partner_actors": pick(a_idx, [v[2] for v in a_vals], pa.string()),
        "actors": pick(a_idx, [v[0] for v in a_vals], pa.string()),
        "level": ev.column("level"),
        "domains": joined["domains"],
        "topics": joined["topics"],
        "attributes": pick(t_idx, [v[0] for v in t_vals], pa.string()),
        "summary": ev.column("summary"),
        "verification": ev.column("verification"),
        "review_status": ev.column("review_status"),
        "codebook_version": ev.column("codebook_version"),
        "coder": ev.column("coder"),
        "dataset_version": ev.column("dataset_version"),
        "n_sources": pa.array(n_sources, pa.int64()),
    }
    out["events"] = pa.table(events_cols)
    index: dict[str, Any] = {"events": np.arange(n, dtype=np.int64), "sources": src_event}
    # -- actors
    actor_struct = pa.struct(
        [(k, pa.string()) for k in ("name", "office", "side", "country", "actor_id")]
    )
    flat, parent = _take_lists(a_idx, [v[3] for v in a_vals], actor_struct)
    parent_np = parent.to_numpy(zero_copy_only=False).astype(np.int64)
    counts = np.bincount(parent_np, minlength=n)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    out["actors"] = pa.table(
        {
            "event_id": ids.take(pa.array(parent_np)),
            "position": pa.array(np.arange(len(parent_np), dtype=np.int64) - starts[parent_np]),
            **{k: flat.field(k) for k in ("name", "office", "side", "country", "actor_id")},
        }
    )
    index["actors"] = parent_np
    # -- event codes
    out["event_codes"], index["event_codes"] = _codes(
        conn, ids, lo, hi, ev, l_idx, l_vals, t_idx, t_vals
    )
    return ColumnBatch(n, out, index)


def _actors(text: str | None) -> tuple[str, str | None, str | None, list[dict[str, Any]]]:
    actors = [ActorRef.model_construct(**a) for a in json.loads(text or "[]")]
    dumped = json.dumps(
        [a.model_dump(mode="json", exclude_none=True) for a in actors], ensure_ascii=False
    )
    rows = [
        {
            "name": a.name,
            "office": a.office,
            "side": a.side,
            "country": a.country,
            "actor_id": a.actor_id,
        }
        for a in actors
    ]
    return (
        dumped,
        format_actors(actors, "focal") or None,
        format_actors(actors, "partner") or None,
        rows,
    )


def _attributes(text: str | None) -> tuple[str, list[dict[str, Any]]]:
    from types import SimpleNamespace

    from steppewatch.models import Event

    attributes = json.loads(text or "{}")
    # code_confidences reads only the attributes (an Event made for it costs 0.3 ms)
    confidence = rec.code_confidences(cast(Event, SimpleNamespace(attributes=attributes)))
    return (
        json.dumps(attributes, ensure_ascii=False, sort_keys=True),
        [{"key": k, "value": v} for k, v in confidence.items()],
    )


def _codes(
    conn: ArrowConnection,
    ids: pa.Array,
    lo: str,
    hi: str,
    ev: pa.Table,
    l_idx: dict[str, Any],
    l_vals: dict[str, list[list[str]]],
    t_idx: Any,
    t_vals: list[Any],
) -> tuple[pa.Table, Any]:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(ids)
    every = np.arange(n, dtype=np.int64)
    parts = []

    def part(event: Any, facet: str, code: Any) -> None:
        m = len(event)
        parts.append(
            pa.table(
                {
                    "e": pa.array(event, pa.int64()),
                    "rank": pa.array(np.full(m, _FACET_RANK[facet], dtype=np.int64)),
                    "within": pa.array(np.arange(m, dtype=np.int64)),
                    "facet": pa.array([facet] * m, pa.string()) if m else pa.array([], pa.string()),
                    "code": code,
                }
            )
        )

    part(every, "kind", ev.column("kind").combine_chunks())
    part(every, "framework", ev.column("framework").combine_chunks())
    level = ev.column("level").combine_chunks()
    has = pc.fill_null(pc.not_equal(level, ""), False)
    part(every[has.to_numpy(zero_copy_only=False)], "level", level.filter(has))
    for name, facet in (("countries", "country"), ("topics", "topic"), ("domains", "domain")):
        values, parent = _take_lists(l_idx[name], l_vals[name], pa.string())
        part(parent.to_numpy(zero_copy_only=False).astype(np.int64), facet, values)
    codes = pa.concat_tables(parts)
    order = pc.sort_indices(
        codes, sort_keys=[("e", "ascending"), ("rank", "ascending"), ("within", "ascending")]
    )
    codes = codes.take(order).drop_columns(["rank", "within"])
    m = codes.num_rows
    codes = codes.append_column("seq", pa.array(np.arange(m, dtype=np.int64)))
    facet = codes.column("facet")
    whole = pc.is_in(facet, value_set=pa.array(["kind", "framework", "level"]))
    key = pc.if_else(whole, facet, pc.binary_join_element_wise(facet, codes.column("code"), ":"))
    codes = codes.append_column("key", key)
    # confidences: per event, from its attributes (computed once per distinct value)
    conf_values, conf_parent = _take_lists(
        t_idx, [v[1] for v in t_vals], pa.struct([("key", pa.string()), ("value", pa.float64())])
    )
    confidence = pa.table(
        {
            "e": pc.cast(conf_parent, pa.int64()),
            "key": conf_values.field("key"),
            "confidence": conf_values.field("value"),
        }
    )
    if confidence.num_rows:
        codes = codes.join(confidence, keys=["e", "key"], join_type="left outer")
    else:
        codes = codes.append_column("confidence", pa.nulls(m, pa.float64()))
    evidence = _evidence(conn, ids, lo, hi)
    if evidence is not None:
        codes = codes.join(evidence, keys=["e", "facet", "code"], join_type="left outer")
    else:
        for name in ("evidence_text", "evidence_document_id", "evidence_start", "evidence_end"):
            codes = codes.append_column(name, pa.nulls(m, pa.string()))
        codes = codes.append_column("n_evidence", pa.nulls(m, pa.int64()))
    codes = codes.sort_by("seq")
    event = codes.column("e").to_numpy().astype(np.int64)
    table = pa.table(
        {
            "event_id": ids.take(pa.array(event)),
            "facet": codes.column("facet"),
            "code": codes.column("code"),
            "evidence_text": codes.column("evidence_text"),
            "evidence_document_id": codes.column("evidence_document_id"),
            "evidence_start": codes.column("evidence_start"),
            "evidence_end": codes.column("evidence_end"),
            "n_evidence": pc.fill_null(codes.column("n_evidence"), 0),
            "confidence": codes.column("confidence"),
        }
    ).combine_chunks()
    return table, event


def _evidence(conn: ArrowConnection, ids: pa.Array, lo: str, hi: str) -> pa.Table | None:
    """Per (event, facet, code) with evidence: the first span's cells (as the CSV writes them:
    text) and the number of spans; None when no event of the batch has coded items."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = _restore(
        conn.fetch(
            select(
                coded_items.c.event_id,
                coded_items.c.document_id,
                *_text_nullable(coded_items.c.coded, "coded"),
            )
            .where(coded_items.c.event_id.between(lo, hi))
            .order_by(coded_items.c.event_id, coded_items.c.document_id, coded_items.c.item_index),
            restore=False,
        )
    )
    if rows.num_rows == 0:
        return None
    at = pc.index_in(rows.column("event_id"), value_set=ids)
    rows = rows.filter(pc.is_valid(at)).append_column("e", pc.drop_null(at))
    found: dict[tuple[int, str, str], list[Any]] = {}
    counts: dict[tuple[int, str, str], int] = defaultdict(int)
    for e, document_id, coded in zip(
        rows.column("e").to_pylist(),
        rows.column("document_id").to_pylist(),
        rows.column("coded").to_pylist(),
        strict=True,
    ):
        try:
            item = json.loads(coded)
        except (TypeError, ValueError):
            continue
        for span in item.get("evidence") or []:
            facet = str(span.get("field", ""))
            key = (e, _EVIDENCE_FACET.get(facet, facet), str(span.get("code", "")))
            counts[key] += 1
            if key not in found:
                found[key] = [span.get("text"), document_id, span.get("start"), span.get("end")]
    if not found:
        return None
    keys = list(found)
    return pa.table(
        {
            "e": pa.array([k[0] for k in keys], pa.int64()),
            "facet": pa.array([k[1] for k in keys], pa.string()),
            "code": pa.array([k[2] for k in keys], pa.string()),
            "evidence_text": pa.array([_cell(found[k][0]) for k in keys], pa.string()),
            "evidence_document_id": pa.array([_cell(found[k][1]) for k in keys], pa.string()),
            "evidence_start": pa.array([_cell(found[k][2]) for k in keys], pa.string()),
            "evidence_end": pa.array([_cell(found[k][3]) for k in keys], pa.string()),
            "n_evidence": pa.array([counts[k] for k in keys], pa.int64()),
        }
    )


def _cell(value: Any) -> str | None:
    """A value as Python's csv module writes it (None stays None: an empty cell)."""
    if value is None or isinstance(value, str):
        return value
    return repr(value) if isinstance(value, float) else str(value)


__all__ = ["COLUMN_BATCH", "ColumnBatch", "column_batches", "has_arrow_route"]
