"""The charts' per-(partner, period, ...) event counts as DuckDB group-bys over integer codes.

On ten million events the charts' tables spent most of their time making one row per (meeting,
partner state) (:func:`~steppewatch.analysis.frame.by_partner`: a copy of the id, topic list
and level of every meeting, once per partner) and hashing those copies again to count them.
Here the meetings are counted once per distinct (country list, period, level or topic list) in
DuckDB, over the integer codes the analysis frame already holds (``countries_key``,
``topics_key``), and only that small table (a few thousand rows) is spread over the partner
states and topics in pandas: the same counts, so the same tables.

:func:`event_codes` returns None when the frame lacks those codes (a frame not made by
:func:`~steppewatch.analysis.frame.analysis_frame`) or has an event with no country list; the
callers then count the rows made by ``by_partner`` as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from steppewatch.analysis.frame import Period, concerns_coded, period_codes

__all__ = ["EventCodes", "group_counts", "event_codes", "partner_lists"]


@dataclass(frozen=True)
class EventCodes:
    """Events (one row each) as codes: ``country`` into :attr:`lists` (their country
    tuples), ``period`` into the periods (-1: in none)."""

    country: np.ndarray
    period: np.ndarray
    lists: list[tuple[str, ...]]


def event_codes(m: pd.DataFrame, periods: Sequence[Period]) -> EventCodes | None:
    """The codes of the events ``m`` (an analysis frame or its meetings), or None (see the
    module's note)."""
    key = m["countries_key"] if "countries_key" in m.columns else None
    if key is None or not isinstance(key.dtype, pd.CategoricalDtype) or "year" not in m:
        return None
    codes = key.cat.codes.to_numpy().astype(np.int64)
    if len(codes) and int(codes.min()) < 0:
        return None
    lists = [tuple(c for c in str(k).split(";") if c) for k in key.cat.categories]
    return EventCodes(codes, period_codes(m["year"], periods), lists)


def partner_lists(lists: Sequence[tuple[str, ...]], partners: Sequence[str]) -> list[list[int]]:
    """Each country list's partner states (indices into ``partners``), in the list's order, as
    :func:`~steppewatch.analysis.frame.by_partner` makes its rows."""
    index = {p: i for i, p in enumerate(partners)}
    return [[index[c] for c in u if c in index] for u in lists]


def group_counts(
    columns: dict[str, np.ndarray], keys: Sequence[str], sums: Sequence[str] = ()
) -> dict[str, np.ndarray]:
    """``count(*)`` (as ``n``) and ``sum`` of each of ``sums`` per distinct combination of the
    integer columns ``keys``, over the rows whose every key is >= 0; one DuckDB group-by. Every
    column of ``columns`` has one value per row; the result's columns are the keys, ``n`` and
    the sums (int64), in no particular row order."""
    import pyarrow as pa

    from steppewatch.store.parquet_store import duckdb_module

    table = pa.table({name: pa.array(values) for name, values in columns.items()})
    key_list = ", ".join(f'"{k}"' for k in keys)
    where = " AND ".join(f'"{k}" >= 0' for k in keys) or "TRUE"
    totals = "".join(f', CAST(sum("{s}") AS BIGINT) AS "{s}"' for s in sums)
    db = duckdb_module().connect(":memory:")
    try:
        db.register("sw_codes", table)
        found = db.execute(
            f"SELECT {key_list}, count(*) AS n{totals} FROM sw_codes WHERE {where} "
            f"GROUP BY {key_list}"
        ).fetchnumpy()
    finally:
        db.close()
    return {name: np.asarray(found[name], dtype=np.int64) for name in [*keys, "n", *sums]}


def coded_codes(m: pd.DataFrame) -> np.ndarray:
    """:func:`~steppewatch.analysis.frame.concerns_coded` of ``m`` as 0/1 (int8)."""
    return np.asarray(concerns_coded(m), dtype=np.int8)
