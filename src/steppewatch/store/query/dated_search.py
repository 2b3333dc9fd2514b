"""A page of a text search in date order on SQLite, read from ``events_fts_dated`` (migration 6).

That FTS5 table's rowid is ``(YYYYMMDD << 32) | events.rowid``, and FTS5 returns the hits of a
MATCH in rowid order, either way, without sorting them. So a newest-first (or oldest-first)
search page reads hits in the order of the page, checks each against the filters (one event row
read by rowid, codes by EXISTS) and stops at ``offset + limit`` matches: the cost is the hits read
up to the page, not all hits of the word (hundreds of thousands for common words on a million
events).

Events found through the text of a linked document's item (``items_fts``, migration 10) are the second arm: all of
them are collected (documents linked to events are far fewer than events), keyed the same way,
and merged with the first arm in Python. The result is the same list, in the same order, as the
plain query ``WHERE <filters> AND <search_condition> ORDER BY date_sort, rowid``.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, column, literal_column, select, table, text

from steppewatch.store.filters import EventFilter
from steppewatch.store.query import search_terms
from steppewatch.store.query.queries import (
    ITEM_EVENTS,
    ROWID_MASK,
    SearchSupport,
    _like_all,
    event_dict,
    fts_match,
    time_limit,
)
from steppewatch.store.tables import event_codes, events, sources

if TYPE_CHECKING:
    from steppewatch.store.store import Store

DATED = table("events_fts_dated", column("rowid"))
_FTS_ROWID: Any = literal_column("events_fts_dated.rowid")
_EVENT_ROWID: Any = literal_column("events.rowid")
_EVENT_KEY: Any = literal_column(
    "((CAST(replace(events.date_sort, '-', '') AS INTEGER) << 32) | events.rowid)"
)
_DOCUMENT_EVENTS = f"events.id IN ({ITEM_EVENTS})"  # within the linked item only


def usable(support: SearchSupport, q: str | None, order: str) -> bool:
    """Can this search page be read in date order from ``events_fts_dated``?"""
    return bool(
        q
        and support.dialect == "sqlite"
        and support.events_fts_dated
        and order in ("date", "-date")
        and fts_match(q) is not None
    )


def row_conditions(filters: EventFilter, short_words: list[str]) -> list[ColumnElement[bool]]:
    """The filters (codes as correlated EXISTS) and the short words (LIKE) for one event row."""
    conds: list[ColumnElement[bool]] = []
    for facet, values in (
        ("country", filters.countries),
        ("topic", filters.topics),
        ("domain", filters.domains),
    ):
        if values:
            conds.append(
                select(event_codes.c.event_id)
                .where(  # covered by the key
                    event_codes.c.event_id == events.c.id,
                    event_codes.c.facet == facet,
                    event_codes.c.code.in_(values),
                )
                .exists()
            )
    rest = EventFilter(**{**filters.__dict__, "countries": (), "topics": (), "domains": ()})
    conds += rest.conditions()
    if short_words:
        conds.append(_like_all(short_words))
    return conds


def page_keys(
    conn: Any,
    filters: EventFilter,
    q: str,
    support: SearchSupport,
    *,
    descending: bool,
    limit: int,
    offset: int,
) -> list[int]:
    """The date keys of one page of matches, in page order."""
    short = search_terms.short_terms(search_terms.parse(q))
    match = fts_match(q)
    assert match is not None
    conds = row_conditions(filters, short)
    need = offset + limit
    arm = (
        select(_FTS_ROWID)
        .select_from(DATED)
        .where(text("events_fts_dated MATCH :ev_q").bindparams(ev_q=match))
    )
    if conds:
        one_event: Any = (
            select(literal_column("1"))
            .select_from(events)
            .where(_EVENT_ROWID == _FTS_ROWID.op("&")(ROWID_MASK), *conds)
        )
        arm = arm.where(one_event.exists())
    arm = arm.order_by(_FTS_ROWID.desc() if descending else _FTS_ROWID).limit(need)
    keys = {int(k) for k in conn.execute(arm).scalars()}
    if not short:
        keys.update(document_keys(conn, match, support, filters))
    return sorted(keys, reverse=descending)[offset:need]


def document_keys(
    conn: Any, match: str, support: SearchSupport, filters: EventFilter | None = None
) -> list[int]:
    """The date keys of every event (passing ``filters``) linked to a document whose text
    matches ``match`` (the second arm of a search)."""
    if not (support.documents_fts and support.coded_items):
        return []
    docs = (
        select(_EVENT_KEY)
        .select_from(events)
        .where(
            text(_DOCUMENT_EVENTS).bindparams(doc_q=match),
            *(filters.conditions() if filters else ()),
        )
    )
    return [int(k) for k in conn.execute(docs).scalars()]


def event_dicts(conn: Any, keys: list[int]) -> list[dict[str, Any]]:
    """The events of ``keys`` (date keys), in that order, as ``queries.event_dict`` gives them.
    Read with the sqlite3 driver's own cursor: every list and search page comes through here,
    and SQLAlchemy's row handling was two thirds of its time."""
    if not keys:
        return []
    rowids = [k & ROWID_MASK for k in keys]
    cursor = conn.connection.driver_connection.cursor()
    cursor.row_factory = sqlite3.Row
    try:
        marks = ",".join("?" * len(rowids))
        found = cursor.execute(
            f"SELECT rowid AS _rowid, * FROM events WHERE rowid IN ({marks})", rowids
        )
        by_rowid = {r["_rowid"]: r for r in found}
        rows = [by_rowid[r] for r in rowids if r in by_rowid]
        by_event: dict[str, list[Any]] = defaultdict(list)
        ids = [r["id"] for r in rows]
        if ids:
            marks = ",".join("?" * len(ids))
            for s in cursor.execute(
                f"SELECT * FROM sources WHERE event_id IN ({marks}) ORDER BY event_id, position",
                ids,
            ):
                by_event[s["event_id"]].append(s)
    finally:
        cursor.close()
    return [event_dict(r, by_event.get(r["id"], [])) for r in rows]


def search_page(
    store: Store,
    filters: EventFilter,
    q: str,
    support: SearchSupport,
    *,
    order: str,
    limit: int,
    offset: int,
    limit_ms: int | None = None,
) -> list[dict[str, Any]]:
    """One page of a date-ordered search; raises ``queries.TimedOut`` past ``limit_ms``."""
    with store.engine.connect() as conn:
        with time_limit(conn, limit_ms):
            keys = page_keys(
                conn, filters, q, support, descending=order == "-date", limit=limit, offset=offset
            )
        return event_dicts(conn, keys)


SHORT_SCAN_MS = 1_500  # a search of short words only reads events for at most this long


def short_words_only(q: str | None) -> bool:
    """True when ``q`` has words but none of 3+ characters (the trigram index cannot serve it:
    e.g. the Chinese two-character words 反恐, 边境)."""
    return bool(q and q.split() and fts_match(q) is None)


def scan_page(
    store: Store, where: ColumnElement[bool], *, order: str, limit: int, offset: int, limit_ms: int
) -> tuple[list[dict[str, Any]], bool]:
    """One page of a search that no index serves (short words: LIKE on every event), read
    under a time limit: (events, complete). Rows come in page order, so when the limit cuts the
    scan short the events found so far are still the first ones of the true result (a prefix of
    the page); ``complete`` is then False. SQLite only (elsewhere the statement is cancelled
    as a whole: ``queries.TimedOut``)."""
    from steppewatch.store.query.queries import TimedOut, page_query

    query = page_query(where, order, store.dialect).limit(limit).offset(offset)
    rows: list[Any] = []
    complete = True
    with store.engine.connect() as conn:
        try:
            with time_limit(conn, limit_ms):
                for row in conn.execute(query):
                    rows.append(row._mapping)
        except TimedOut:
            if store.dialect != "sqlite":
                raise
            complete = False
        by_event: dict[str, list[Any]] = defaultdict(list)
        if rows:
            src = (
                select(sources)
                .where(sources.c.event_id.in_([r["id"] for r in rows]))
                .order_by(sources.c.event_id, sources.c.position)
            )
            for s in conn.execute(src):
                by_event[s.event_id].append(s._mapping)
    return [event_dict(r, by_event.get(r["id"], [])) for r in rows], complete
